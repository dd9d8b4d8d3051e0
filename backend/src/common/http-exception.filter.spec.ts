import { describe, expect, it } from '@jest/globals';
import { QueryFailedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isConnectionError, mapError } from './http-exception.filter.js';

const queryError = (code: string, message = 'failed') =>
  new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code }));

describe(mapError.name, () => {
  it('answers 503 when the database cannot be reached or drops the connection', () => {
    expect(isConnectionError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(mapError(queryError('08006', 'connection failure'))?.status).toBe(503);
    expect(mapError(queryError('57P01', 'terminating connection due to administrator command'))?.status).toBe(503);
    // A query through a released runner's entity manager while PostgreSQL stops (the restart test's 500).
    expect(mapError(new QueryRunnerProviderAlreadyReleasedError())?.status).toBe(503);
  });

  it('leaves a query sent with the wrong number of parameters to the 500 path (a bug, not an outage)', () => {
    const bug = queryError('08P01', 'bind message supplies 1 parameters, but prepared statement "" requires 2');
    expect(isConnectionError(bug)).toBe(false);
    expect(mapError(bug)).toBeUndefined();
  });

  it('maps input the database refuses to 409 and 422, naming the column or constraint', () => {
    const duplicate = Object.assign(queryError('23505'), {});
    (duplicate.driverError as { constraint?: string }).constraint = 'cases_ref_key';
    expect(mapError(duplicate)).toEqual({
      status: 409,
      code: 'conflict',
      errors: [{ path: 'cases_ref_key', message: 'already exists' }],
    });
    expect(mapError(queryError('23514'))?.status).toBe(422);
  });
});
