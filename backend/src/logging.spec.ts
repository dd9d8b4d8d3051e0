import { describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { Writable } from 'node:stream';
import { PinoNestLogger } from './logging.js';

function capture() {
  const lines: Array<{ level: number; msg: string; context?: string }> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, logger: new PinoNestLogger(pino({ level: 'info' }, stream)) };
}

describe('PinoNestLogger', () => {
  it('keeps Nest start-up lines (modules loaded, routes mapped) out of info', () => {
    const { lines, logger } = capture();
    logger.log('Mapped {/api/reports/measures, GET} route', 'RouterExplorer');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    expect(lines).toEqual([]);
  });

  it('logs the app’s own lines at their level with their context', () => {
    const { lines, logger } = capture();
    logger.log('imported 3 cases', 'ImportJobsService');
    logger.warn('database unavailable', 'HttpExceptionFilter');
    logger.error(new Error('boom'), 'HttpExceptionFilter');
    expect(lines.map((l) => [l.level, l.msg, l.context])).toEqual([
      [30, 'imported 3 cases', 'ImportJobsService'],
      [40, 'database unavailable', 'HttpExceptionFilter'],
      [50, 'boom', 'HttpExceptionFilter'],
    ]);
  });
});
