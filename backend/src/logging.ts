/**
 * Structured JSON logs (pino) with a request id on every line; pretty-printed in a terminal.
 * Sensitive headers are never logged.
 */
import type { Params } from 'nestjs-pino';
import pino from 'pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from './config/config.js';

export function loggerOptions(config: AppConfig, to: 'stdout' | 'stderr' = 'stdout'): Params {
  const fd = to === 'stdout' ? 1 : 2;
  const options = {
    level: config.logLevel,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,100}$/.test(given) ? given : randomUUID();
    },
    redact: [
      'req.headers.cookie',
      'req.headers.authorization',
      'req.headers["x-csrf-token"]',
      'res.headers["set-cookie"]',
    ],
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
    transport: config.logPretty ? { target: 'pino-pretty', options: { singleLine: true, destination: fd } } : undefined,
  };
  return { pinoHttp: config.logPretty ? options : [options, pino.destination(fd)] };
}
