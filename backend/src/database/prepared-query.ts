/**
 * A statement PostgreSQL keeps planned. The session check runs before every request; parsed and
 * planned afresh each time, planning it cost the server more than running it. Sent as a named
 * prepared statement, each pooled connection plans it once. Errors come back as TypeORM's
 * QueryFailedError, as `dataSource.query`'s do, so they are mapped the same way.
 */
import type pg from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

export async function preparedQuery<T>(
  dataSource: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const pool = (dataSource.driver as PostgresDriver).master as pg.Pool;
  try {
    return (await pool.query({ name, text, values })).rows as T[];
  } catch (error) {
    throw new QueryFailedError(text, values, error as Error);
  }
}
