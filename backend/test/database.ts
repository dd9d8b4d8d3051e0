/**
 * A fresh database per test file, migrated from empty, on the run's PostgreSQL. Files run in
 * parallel without touching each other's data.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { runMigrations } from '../src/database/data-source.js';
import { grantRuntimePrivileges } from '../src/database/runtime-role.js';

export interface TestDatabase {
  /** The owner's (admin's) connection: migrations, and tests acting behind the app's back. */
  url: string;
  /** The app's: the limited runtime role (test/global-setup.mjs), or the admin where none could be made. */
  appUrl: string;
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

function nodeUrl(host: string, port: number, database: string): string {
  const url = new URL(adminUrl());
  url.hostname = host;
  url.port = String(port);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * On a Citus cluster (the admin database has the citus extension: `npm run test:citus`) a new
 * database is a new cluster of its own: Citus does not create it on the workers, so it is
 * created on each worker with the extension, and the coordinator's copy is told its workers.
 * Few shards per table (4) keep the per-file migration quick.
 */
async function citusWorkers(admin: pg.Client): Promise<{ host: string; port: number }[] | undefined> {
  const { rows } = await admin.query(`SELECT 1 FROM pg_extension WHERE extname = 'citus'`);
  if (rows.length === 0) return undefined;
  const nodes = await admin.query(
    `SELECT nodename AS host, nodeport AS port FROM pg_dist_node WHERE groupid <> 0 AND noderole = 'primary' ORDER BY nodeid`,
  );
  return nodes.rows;
}

async function createOnCitus(name: string, workers: { host: string; port: number }[]): Promise<void> {
  for (const worker of workers) {
    await onDatabase(nodeUrl(worker.host, worker.port, 'postgres'), (c) => c.query(`CREATE DATABASE ${name}`));
    await onDatabase(nodeUrl(worker.host, worker.port, name), (c) => c.query(`CREATE EXTENSION citus`));
  }
  const coordinator = new URL(adminUrl());
  await onDatabase(nodeUrl(coordinator.hostname, Number(coordinator.port || 5432), name), async (c) => {
    await c.query(`CREATE EXTENSION citus`);
    await c.query(`SELECT citus_set_coordinator_host($1, $2)`, [
      coordinator.hostname,
      Number(coordinator.port || 5432),
    ]);
    for (const worker of workers) await c.query(`SELECT citus_add_node($1, $2)`, [worker.host, worker.port]);
    await c.query(`ALTER DATABASE ${name} SET citus.shard_count = 4`);
    // As the distribution step does for the app's own triggers: a test that adds a trigger to a
    // distributed table (case-closure's failing benefit) has it run on the shards, as on one server.
    await c.query(`ALTER DATABASE ${name} SET citus.enable_unsafe_triggers = on`);
  });
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  const workers = await citusWorkers(admin);
  await admin.query(`CREATE DATABASE ${name}`);
  for (const [setting, value] of Object.entries(options.settings ?? {})) {
    await admin.query(`ALTER DATABASE ${name} SET ${setting} = ${admin.escapeLiteral(value)}`);
  }
  await admin.end();
  if (workers) await createOnCitus(name, workers);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const appUrl = new URL(url);
  const role = process.env.TEST_APP_ROLE;
  if (options.migrate !== false) {
    await runMigrations(url.toString());
    if (role) {
      await grantRuntimePrivileges(url.toString(), role);
      appUrl.username = role;
      appUrl.password = 'test';
    }
  }
  return {
    url: url.toString(),
    appUrl: appUrl.toString(),
    name,
    drop: async () => {
      await onDatabase(adminUrl(), (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      for (const worker of workers ?? []) {
        await onDatabase(nodeUrl(worker.host, worker.port, 'postgres'), (c) =>
          c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
        );
      }
    },
  };
}
