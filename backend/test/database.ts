/**
 * A fresh database per test file, migrated from empty, on the run's PostgreSQL. Files run in
 * parallel without touching each other's data.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { runMigrations } from '../src/database/data-source.js';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.TEST_ADMIN_URL;
  if (!url) throw new Error('TEST_ADMIN_URL is not set: run the tests through jest (test/global-setup.mjs)');
  return url;
}

export interface TestDatabaseOptions {
  migrate?: boolean;
  /** Server settings every connection to this database starts with (ALTER DATABASE … SET). */
  settings?: Record<string, string>;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  for (const [setting, value] of Object.entries(options.settings ?? {})) {
    await admin.query(`ALTER DATABASE ${name} SET ${setting} = ${admin.escapeLiteral(value)}`);
  }
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  if (options.migrate !== false) await runMigrations(url.toString());
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
