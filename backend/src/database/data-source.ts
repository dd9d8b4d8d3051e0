import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    poolSize,
    extra: { connectionTimeoutMillis: 5000, application_name: 'deepvalue' },
  };
}

/**
 * uuidv7() is built into PostgreSQL 18; on an older server (Citus 13 runs on 15–17) the migrations
 * get this equivalent (RFC 9562 layout): 48 bits of Unix milliseconds, the version nibble 7, then,
 * as PostgreSQL 18 does, 12 bits of the millisecond's fraction, and a value that only grows within
 * a session (the last tick is kept in a session setting), then random bits. Rows written in one
 * statement or COPY therefore get ids in the order they were written, which the export's
 * `ORDER BY …, created_at, id` relies on for rows of the same day.
 */
const UUIDV7_BEFORE_PG18 = `
  CREATE OR REPLACE FUNCTION public.uuidv7() RETURNS uuid LANGUAGE plpgsql VOLATILE AS $$
  DECLARE
    tick bigint := floor(extract(epoch FROM clock_timestamp()) * 4096000); -- 1/4096 ms since 1970
    last bigint := nullif(current_setting('deepvalue.uuidv7_tick', true), '')::bigint;
  BEGIN
    IF tick <= last THEN tick := last + 1; END IF;
    PERFORM set_config('deepvalue.uuidv7_tick', tick::text, false);
    RETURN encode(overlay(uuid_send(gen_random_uuid())
      PLACING int8send(((tick >> 12) << 16) | 28672 | (tick & 4095)) FROM 1 FOR 8), 'hex')::uuid;
  END $$`;

/**
 * Runs pending migrations (all, or the first of them a test names) with a short-lived connection;
 * returns the names applied. Then, on a
 * Citus cluster, places any table not yet distributed (deepvalue_distribute(), migration
 * 1764200000600; it does nothing on plain PostgreSQL).
 */
async function hasCitus(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return ((await client.query(`SELECT 1 FROM pg_extension WHERE extname = 'citus'`)).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

export async function runMigrations(url: string, migrations = MIGRATIONS): Promise<string[]> {
  const options = dataSourceOptions(url, 2);
  const dataSource = new DataSource({
    ...options,
    migrations,
    // On a Citus cluster already distributed, a migration that alters a distributed table and then
    // defines a function or writes in the same transaction is refused unless the shards are
    // changed one connection at a time ("there was a parallel operation on a distributed table").
    // A migration after 1764510000000 (which distributes) that adds a trigger to a distributed
    // table needs Citus' permission: on a fresh cluster it was refused ("triggers are not supported
    // on distributed tables"); the triggers are the row-level ones the distribution step keeps.
    ...((await hasCitus(url))
      ? {
          extra: {
            ...options.extra,
            options: '-c citus.multi_shard_modify_mode=sequential -c citus.enable_unsafe_triggers=on',
          },
        }
      : {}),
  });
  await dataSource.initialize();
  try {
    const [{ version }] = await dataSource.query(`SELECT current_setting('server_version_num')::int AS version`);
    if (version < 180000) await dataSource.query(UUIDV7_BEFORE_PG18);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const [{ exists }] = await dataSource.query(
      `SELECT to_regprocedure('deepvalue_distribute()') IS NOT NULL AS exists`,
    );
    if (exists) await dataSource.transaction((manager) => manager.query(`SELECT deepvalue_distribute()`));
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
