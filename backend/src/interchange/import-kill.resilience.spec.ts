/**
 * kill -9 of the app in the middle of a large import: the import runs in one
 * transaction, so after a restart nothing of the document is there, and importing it again works.
 * Runs the built app (`npx tsc -b shared backend` first) on its own embedded data directory.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { spawnApp, type AppProcess } from '../bench/app-process.js';
import { createOrganisation, createSignedInUser, type SqlUser } from '../bench/sql-staff.js';
import { databasePasswords, readPostmasterPid, urlFor } from '../database/embedded-postgres.js';
import { INTERRUPTED } from './import-jobs.service.js';
import { writeNdjson } from './generator.js';

const CASES = 30_000;

describe('an import interrupted by kill -9', () => {
  let dir: string;
  let file: string;
  let app: AppProcess | undefined;
  let db: pg.Client | undefined;
  let manager: SqlUser;

  const env = () => ({ DEEPVALUE_DATA_DIR: path.join(dir, 'data'), DEMO_DATA: '0', LOG_LEVEL: 'warn' });
  const connect = async () => {
    const server = readPostmasterPid(path.join(dir, 'data', 'pg'));
    if (!server) throw new Error('the embedded PostgreSQL is not running');
    const client = new pg.Client({
      connectionString: urlFor(server.port, databasePasswords(path.join(dir, 'data')).owner),
    });
    await client.connect();
    return client;
  };
  const casesOf = async (client: pg.Client, organisationId: string) =>
    Number(
      (await client.query(`SELECT count(*) FROM cases WHERE organisation_id = $1`, [organisationId])).rows[0].count,
    );
  const upload = (a: AppProcess, query = '') =>
    fetch(`${a.url}/api/imports${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/x-ndjson' },
      body: fs.createReadStream(file) as unknown as NonNullable<RequestInit['body']>,
      duplex: 'half',
    } as RequestInit);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deepvalue-kill-'));
    fs.chmodSync(dir, 0o755);
    file = path.join(dir, 'casework.ndjson');
    const out = fs.createWriteStream(file);
    await writeNdjson({ cases: CASES, seed: 9 }, out);
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    app = await spawnApp({ env: env() });
    db = await connect();
    manager = await createSignedInUser(db, await createOrganisation(db, 'kill-test'), 'manager');
  });

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await app?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('leaves no case of the document after a restart, and a re-import completes', async () => {
    const res = await upload(app!);
    expect(res.status).toBe(202);
    const job = (await res.json()) as { id: string };

    // Wait until the job is well into its writing phase, then kill the app without warning.
    const deadline = Date.now() + 120_000;
    for (;;) {
      const { rows } = await db!.query(`SELECT cases_read, summary FROM import_jobs WHERE id = $1`, [job.id]);
      if (rows[0]?.summary?.phase === 'writing' && rows[0].cases_read >= CASES / 5) break;
      if (Date.now() > deadline) throw new Error(`the import never got far enough: ${JSON.stringify(rows[0])}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await db!.end();
    db = undefined;
    await app!.kill();

    app = await spawnApp({ env: env() }); // finds and stops the orphaned PostgreSQL, starts afresh
    db = await connect();
    expect(await casesOf(db, manager.organisationId)).toBe(0);
    // Its process is gone, so the job reads as failed (not "running" for ever), saying nothing was written.
    const interrupted = await fetch(`${app.url}/api/imports/${job.id}`, {
      headers: { authorization: `Bearer ${manager.token}` },
    });
    expect(await interrupted.json()).toMatchObject({ status: 'failed', errors: [{ message: INTERRUPTED }] });

    const again = await upload(app, '?wait=true');
    expect(again.status).toBe(202);
    const done = (await again.json()) as { status: string; summary: { cases: number } };
    expect(done).toMatchObject({ status: 'succeeded', summary: { cases: CASES } });
    expect(await casesOf(db, manager.organisationId)).toBe(CASES);
  });
});
