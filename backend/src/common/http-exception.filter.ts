/**
 * Turns every error into the API's error body `{"errors":[{"path","message"}], "code"}` with the
 * right status. Bad input is never a 500: database constraint failures caused by input become
 * 409/422, and an unreachable database becomes 503.
 */
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, type DomainErrorCode, type FieldError } from './domain-error.js';
import { NUL_IN_TEXT } from './hostile-input.js';
import { constraintName } from '../database/constraint-name.js';

const STATUS: Record<DomainErrorCode, number> = {
  not_found: 404,
  validation: 400,
  conflict: 409,
  stale_version: 409,
  idempotency_mismatch: 422,
  forbidden: 403,
  unauthenticated: 401,
  unprocessable: 422,
  unavailable: 503,
  too_many_requests: 429,
};

interface Mapped {
  status: number;
  code: string;
  errors: FieldError[];
  extra?: Record<string, unknown>;
}

const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

export function isConnectionError(error: unknown): boolean {
  const e = error as { code?: string; message?: string; name?: string; driverError?: { code?: string } } | undefined;
  // A query whose connection was lost mid-request (e.g. PostgreSQL restarting) is unavailability too:
  // the runner's own query, or one through its entity manager (TypeORM names that error apart).
  if (e?.name === 'QueryRunnerAlreadyReleasedError' || e?.name === 'QueryRunnerProviderAlreadyReleasedError')
    return true;
  const code = e?.code ?? e?.driverError?.code;
  // Class 08 is connection exceptions, except 08P01 (protocol violation): a query sent with the wrong
  // number of parameters, a bug to answer with 500 and log, not "the database is unavailable".
  if (code && (CONNECTION_ERRORS.has(code) || (code.startsWith('08') && code !== '08P01'))) return true;
  const message = e?.message ?? '';
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}

export function mapError(error: unknown): Mapped | undefined {
  if (error instanceof DomainError) {
    return { status: STATUS[error.code], code: error.code, errors: error.errors, extra: error.extra };
  }
  if (isConnectionError(error)) {
    return {
      status: 503,
      code: 'unavailable',
      errors: [{ path: '', message: 'The database is unavailable; try again shortly' }],
    };
  }
  if (error instanceof QueryFailedError) {
    const driver = (
      error as QueryFailedError & { driverError: { code?: string; constraint?: string; column?: string } }
    ).driverError;
    const field = driver.column ?? constraintName(driver);
    switch (driver.code) {
      case '23505':
        return { status: 409, code: 'conflict', errors: [{ path: field, message: 'already exists' }] };
      case '23503':
        return {
          status: 422,
          code: 'unprocessable',
          errors: [{ path: field, message: 'refers to a record that does not exist here' }],
        };
      case '23514':
      case '23502':
        return { status: 422, code: 'unprocessable', errors: [{ path: field, message: 'is not an allowed value' }] };
      case '22P02':
      case '22001':
      case '22003':
      case '22007':
      case '22008':
        return { status: 400, code: 'validation', errors: [{ path: field, message: 'is not a valid value' }] };
      case '22021': // a NUL or an invalid byte sequence in text
      case '22P05': // \u0000 in a jsonb value
        return { status: 400, code: 'validation', errors: [{ path: field, message: NUL_IN_TEXT }] };
    }
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse() as { errors?: FieldError[]; message?: string | string[] } | string;
    if (typeof body === 'object' && Array.isArray(body.errors))
      return { status, code: codeFor(status), errors: body.errors };
    // Body-parser errors arrive wrapped by Nest with the original as the cause (e.g. a NUL naming its field).
    const causeErrors = (error.cause as { errors?: FieldError[] } | undefined)?.errors;
    if (Array.isArray(causeErrors)) return { status, code: codeFor(status), errors: causeErrors };
    const message =
      typeof body === 'string'
        ? body
        : Array.isArray(body.message)
          ? body.message.join('; ')
          : (body.message ?? error.message);
    // Body-parser failures arrive wrapped by Nest; give them a message a person understands.
    if (status === 413)
      return { status, code: codeFor(status), errors: [{ path: '', message: 'The request body is too large' }] };
    if (status === 400 && /JSON/.test(message)) {
      return { status, code: codeFor(status), errors: [{ path: '', message: 'The request body is not valid JSON' }] };
    }
    return { status, code: codeFor(status), errors: [{ path: '', message }] };
  }
  const http = error as {
    status?: number;
    type?: string;
    expose?: boolean;
    message?: string;
  };
  if (typeof http?.status === 'number' && http.status >= 400 && http.status < 500 && http.expose !== false) {
    const message =
      http.type === 'entity.too.large'
        ? 'The request body is too large'
        : http.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON'
          : (http.message ?? 'Bad request');
    return { status: http.status, code: codeFor(http.status), errors: [{ path: '', message }] };
  }
  return undefined;
}

function codeFor(status: number): string {
  if (status === 400) return 'validation';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'too_large';
  if (status === 429) return 'too_many_requests';
  return 'error';
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const mapped = mapError(error);
    if (!mapped) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      response.status(500).json({ code: 'error', errors: [{ path: '', message: 'Something went wrong on our side' }] });
      return;
    }
    if (mapped.status === 503) this.logger.warn(`database unavailable: ${(error as Error).message}`);
    if (response.headersSent) return;
    response.status(mapped.status).json({ code: mapped.code, errors: mapped.errors, ...mapped.extra });
  }
}
