/**
 * Records that belong to a case (time entries, feedback, problems, …) are written without reading
 * the case first: the composite foreign key (organisation_id, case_id) refuses a case of another
 * organisation, and that refusal becomes "Case not found", exactly like a missing case.
 */
import { QueryFailedError } from 'typeorm';
import { notFound } from '../common/domain-error.js';
import { constraintName } from '../database/constraint-name.js';
import { type FieldErrorMap, toFieldError } from './database-errors.js';

export const CASE_CHILD_ERRORS: FieldErrorMap = {};

function isCaseReference(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = (error as QueryFailedError & { driverError: { code?: string; constraint?: string } }).driverError;
  return driver.code === '23503' && constraintName(driver).endsWith('_organisation_id_case_id_fkey');
}

/** Runs a write to a case's record; a missing case (or another organisation's) is a 404. */
export async function writeToCase<T>(write: Promise<T>, map: FieldErrorMap = CASE_CHILD_ERRORS): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isCaseReference(error)) throw notFound('Case');
    throw toFieldError(error, map);
  }
}
