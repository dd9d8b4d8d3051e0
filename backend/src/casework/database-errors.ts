/**
 * Turns the database's refusals of a casework write into errors naming the request's field. The
 * DTOs catch nearly everything first; these are the rules only the database can see: a reference
 * to a record of another organisation (composite foreign keys), a ref already used, cross-field
 * checks against columns the request did not send.
 */
import { QueryFailedError } from 'typeorm';
import { DomainError, type FieldError } from '../common/domain-error.js';
import { constraintName } from '../database/constraint-name.js';

interface DriverError {
  code?: string;
  constraint?: string;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Foreign keys are named <table>_organisation_id_<column>_fkey by PostgreSQL. */
const FOREIGN_KEY = /_organisation_id_([a-z_]+)_fkey$/;

export interface FieldErrorMap {
  /** Column → request path, where they differ (e.g. referrer_partner_id → arrival.referrerPartnerId). */
  columns?: Record<string, string>;
  /** Check constraint → the error to report. */
  checks?: Record<string, FieldError>;
}

export function toFieldError(error: unknown, map: FieldErrorMap = {}): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const driver = (error as QueryFailedError & { driverError: DriverError }).driverError;
  const constraint = constraintName(driver);
  if (driver.code === '23503') {
    const column = FOREIGN_KEY.exec(constraint)?.[1];
    if (!column) return error;
    const path = map.columns?.[column] ?? camel(column);
    return new DomainError('unprocessable', `${path} refers to a record that is not in your organisation`, [
      { path, message: 'refers to a record that does not exist in your organisation' },
    ]);
  }
  if (driver.code === '23505' && constraint.endsWith('_organisation_id_ref_key')) {
    return new DomainError('conflict', 'ref is already used', [
      { path: 'ref', message: 'is already used by another record in your organisation' },
    ]);
  }
  if (driver.code === '23514' && map.checks?.[constraint]) {
    const field = map.checks[constraint];
    return new DomainError('unprocessable', `${field.path}: ${field.message}`, [field]);
  }
  return error;
}

/** Runs a write and rethrows a database refusal as a field error. */
export async function withFieldErrors<T>(write: Promise<T>, map?: FieldErrorMap): Promise<T> {
  try {
    return await write;
  } catch (error) {
    throw toFieldError(error, map);
  }
}
