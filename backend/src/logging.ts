/**
 * Structured JSON logs (pino) with a request id on every request line; readable lines in a terminal.
 * Sensitive headers are never logged. Nest's own start-up chatter (every module loaded, every route
 * mapped) is logged at debug, so `npm start` in a terminal shows the address, not 130 lines of routes.
 */
import type { LoggerService, LogLevel } from '@nestjs/common';
import type { RequestHandler } from 'express';
import pino, { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from './config/config.js';

export function createLogger(config: Pick<AppConfig, 'logLevel' | 'logPretty'>, to: 'stdout' | 'stderr'): Logger {
  const fd = to === 'stdout' ? 1 : 2;
  const options = {
    level: config.logLevel,
    redact: [
      'req.headers.cookie',
      'req.headers.authorization',
      'req.headers["x-csrf-token"]',
      'res.headers["set-cookie"]',
    ],
  };
  return config.logPretty
    ? pino({ ...options, transport: { target: 'pino-pretty', options: { singleLine: true, destination: fd } } })
    : pino(options, pino.destination(fd));
}

/**
 * One line per request (health checks aside), with an id taken from X-Request-Id or made up. `terse`
 * (a terminal) keeps each line to method, path, status and time; JSON keeps the headers (redacted).
 */
export function requestLogging(logger: Logger, options: { terse: boolean }): RequestHandler {
  const terse = options.terse
    ? {
        serializers: {
          req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
        customSuccessMessage: (req: IncomingMessage, res: { statusCode: number }, ms: number) =>
          `${req.method} ${req.url} ${res.statusCode} ${Math.round(ms)} ms`,
      }
    : {};
  return pinoHttp({
    logger,
    ...terse,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,100}$/.test(given) ? given : randomUUID();
    },
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
  }) as RequestHandler;
}

/** Nest contexts whose `log` lines are start-up detail: debug, not info. */
const START_UP_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

/** Nest's logger interface over pino, so Nest's and the app's own lines share one format and level. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    const context = contextOf(rest);
    this.write(context && START_UP_CONTEXTS.has(context) ? 'debug' : 'info', message, context);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, contextOf(rest));
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, contextOf(rest));
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, contextOf(rest));
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, contextOf(rest));
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, contextOf(rest));
  }
  setLogLevels(_levels: LogLevel[]): void {
    // The level is pino's (LOG_LEVEL); Nest's own list is not used.
  }

  private write(level: pino.Level, message: unknown, context: string | undefined): void {
    if (message instanceof Error) this.logger[level]({ context, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ context, ...message });
    else this.logger[level]({ context }, String(message));
  }
}

/** Nest passes the context as the last extra argument (a stack trace may come before it). */
function contextOf(rest: unknown[]): string | undefined {
  const last = rest[rest.length - 1];
  return typeof last === 'string' ? last : undefined;
}
