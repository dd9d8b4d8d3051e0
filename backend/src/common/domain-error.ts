/**
 * Errors the domain raises, each with a code; the exception filter turns them into HTTP responses
 * in one place. Services never throw HTTP exceptions.
 */
export type DomainErrorCode =
  | 'not_found'
  | 'validation'
  | 'conflict'
  | 'stale_version'
  | 'idempotency_mismatch'
  | 'forbidden'
  | 'unauthenticated'
  | 'unprocessable'
  | 'unavailable'
  | 'too_many_requests';

export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly errors: FieldError[] = [{ path: '', message }],
    /** Extra body fields, e.g. the current record on a stale-version conflict. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const forbidden = (message = 'You do not have access to this') => new DomainError('forbidden', message);
export const invalid = (errors: FieldError[]) =>
  new DomainError('validation', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
export const staleVersion = (current: unknown) =>
  new DomainError(
    'stale_version',
    'This record was changed by someone else since you loaded it',
    [{ path: 'version', message: 'is out of date: the record was changed by someone else' }],
    { current },
  );
