/**
 * A bounded soak: mixed, realistic traffic at a fixed rate against the built app in its
 * own process — advisers listing and opening cases, searching clients and recording sessions,
 * managers reading reports — for SOAK_SECONDS (default 600). Zero errors; the app's memory is
 * sampled throughout and must stay flat. Meanwhile the hostile inputs the hardening review used arrive four a
 * second (common/testing/hostile-traffic.ts): none may be answered 5xx, and the process must not
 * exit. Figures are written to bench-results/soak.json.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { spawnApp, type AppProcess } from '../bench/app-process.js';
import { createOrganisation, createSession, createSignedInUser, type SqlUser } from '../bench/sql-staff.js';
import { REPO_ROOT } from '../config/config.js';
import { databasePasswords, readPostmasterPid, urlFor } from '../database/embedded-postgres.js';
import { writeNdjson } from '../interchange/generator.js';
import { startHostileTraffic } from './testing/hostile-traffic.js';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const RATE = 20; // requests per second, all clients together
// Enough connections that the fixed rate is kept even when a loaded machine slows each answer.
const CONNECTIONS = 20;
const CASES = 3000;

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

function medianRss(samples: Array<{ rssMb: number }>): number {
  const sorted = samples.map((s) => s.rssMb).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

describe(`a ${SECONDS}-second soak at ${RATE} requests per second`, () => {
  let dir: string;
  let app: AppProcess;
  let adviser: SqlUser;
  let manager: SqlUser;
  let admin: SqlUser;
  let caseIds: string[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deepvalue-soak-'));
    fs.chmodSync(dir, 0o755);
    app = await spawnApp({ env: { DEEPVALUE_DATA_DIR: path.join(dir, 'data'), DEMO_DATA: '0', LOG_LEVEL: 'info' } });
    const db = new pg.Client({
      connectionString: urlFor(
        readPostmasterPid(path.join(dir, 'data', 'pg'))!.port,
        databasePasswords(path.join(dir, 'data')).owner,
      ),
    });
    await db.connect();
    try {
      manager = await createSignedInUser(db, await createOrganisation(db, 'soak-test'), 'manager');
      admin = await createSignedInUser(db, manager.organisationId, 'admin');
      const file = path.join(dir, 'casework.ndjson');
      const out = fs.createWriteStream(file);
      await writeNdjson({ cases: CASES, seed: 5 }, out);
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
      const res = await fetch(`${app.url}/api/imports?wait=true`, {
        method: 'POST',
        headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/x-ndjson' },
        body: fs.readFileSync(file),
      });
      expect((await res.json()) as object).toMatchObject({ status: 'succeeded' });
      const { rows: advisers } = await db.query(
        `SELECT id FROM users WHERE organisation_id = $1 AND role = 'adviser' ORDER BY ref LIMIT 1`,
        [manager.organisationId],
      );
      adviser = {
        organisationId: manager.organisationId,
        userId: advisers[0].id,
        role: 'adviser',
        token: await createSession(db, manager.organisationId, advisers[0].id),
      };
      const { rows } = await db.query(`SELECT id FROM cases WHERE organisation_id = $1 AND closed_on IS NULL`, [
        manager.organisationId,
      ]);
      caseIds = rows.map((r) => r.id);
    } finally {
      await db.end();
    }
  });

  afterAll(async () => {
    await app?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    'answers every request and keeps its memory flat',
    async () => {
      const as = (user: SqlUser) => ({ authorization: `Bearer ${user.token}`, 'content-type': 'application/json' });
      let n = 0;
      const someCase = () => caseIds[n++ % caseIds.length];
      const samples: Array<{ second: number; rssMb: number }> = [];
      const started = Date.now();
      const sampler = setInterval(() => {
        samples.push({ second: Math.round((Date.now() - started) / 1000), rssMb: rssMb(app.child.pid!) });
      }, 5000);
      const failures: string[] = [];
      const check = (route: string) => (status: number, body: string) => {
        if (status >= 300 && failures.length < 20) failures.push(`${route} → ${status} ${body.slice(0, 200)}`);
      };
      const pid = app.child.pid;
      const hostile = startHostileTraffic(
        { url: app.url, adviser: adviser.token, manager: manager.token, admin: admin.token },
        250,
      );
      let result;
      let attacks;
      try {
        result = await autocannon({
          url: app.url,
          connections: CONNECTIONS,
          overallRate: RATE,
          duration: SECONDS,
          timeout: 30,
          requests: [
            {
              method: 'GET',
              path: '/api/cases?status=open&limit=25',
              headers: as(adviser),
              onResponse: check('cases'),
            },
            {
              method: 'GET',
              setupRequest: (req) => ({ ...req, path: `/api/cases/${someCase()}`, headers: as(adviser) }),
              onResponse: check('case page'),
            },
            {
              method: 'POST',
              path: '/api/time-entries/quick',
              setupRequest: (req) => ({
                ...req,
                headers: { ...as(adviser), 'idempotency-key': randomUUID() },
                body: JSON.stringify({
                  caseId: someCase(),
                  minutes: 20,
                  class: 'relationship',
                  activity: 'follow_up_contact',
                  mode: 'phone',
                }),
              }),
              onResponse: check('record a session'),
            },
            {
              method: 'GET',
              path: '/api/clients?search=an&limit=25',
              headers: as(adviser),
              onResponse: check('clients'),
            },
            {
              method: 'GET',
              path: '/api/reports/time-vs-outcome?measure=positive_outcome',
              headers: as(manager),
              onResponse: check('time vs outcome'),
            },
            { method: 'GET', path: '/api/reports/measures', headers: as(manager), onResponse: check('measures') },
          ],
        });
      } finally {
        clearInterval(sampler);
        attacks = await hostile.stop();
      }
      samples.push({ second: Math.round((Date.now() - started) / 1000), rssMb: rssMb(app.child.pid!) });
      // Memory once warm (JIT, pools, caches: from the first tenth to 30%) against memory over the last
      // fifth, each the median of its samples: one sample catches the garbage collector's sawtooth
      // (±100 MB here) at a peak or a trough, a median does not, while a leak moves both windows' medians.
      const warm = { rssMb: medianRss(samples.filter((s) => s.second >= SECONDS / 10 && s.second < SECONDS * 0.3)) };
      const end = { rssMb: medianRss(samples.filter((s) => s.second >= SECONDS * 0.8)) };
      const figures = {
        date: new Date().toISOString(),
        seconds: SECONDS,
        rate: RATE,
        connections: CONNECTIONS,
        requests: result['2xx'] + result.non2xx,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
        rssMb: {
          start: samples[0]?.rssMb,
          warm: warm.rssMb,
          end: end.rssMb,
          max: Math.max(...samples.map((s) => s.rssMb)),
        },
        hostile: attacks,
        samples,
      };
      fs.mkdirSync(path.join(REPO_ROOT, 'bench-results'), { recursive: true });
      fs.writeFileSync(path.join(REPO_ROOT, 'bench-results', 'soak.json'), `${JSON.stringify(figures, null, 2)}\n`);
      process.stderr.write(
        `soak: ${figures.requests} requests, non-2xx ${figures.non2xx}, errors ${figures.errors}, timeouts ${figures.timeouts}, ` +
          `p50 ${figures.latencyMs.p50} ms, p99 ${figures.latencyMs.p99} ms; RSS ${figures.rssMb.start} → ${figures.rssMb.warm} (warm median) → ${figures.rssMb.end} MB (median of the last fifth), max ${figures.rssMb.max} MB; ` +
          `hostile ${attacks.sent} sent, statuses ${JSON.stringify(attacks.statuses)}\n`,
      );
      // The hostile inputs: each refused below 500, and the same process still serving.
      expect(attacks.failures).toEqual([]);
      expect(attacks.sent).toBeGreaterThanOrEqual(Math.floor(SECONDS * 4 * 0.9));
      expect({ exitCode: app.child.exitCode, signal: app.child.signalCode, pid: app.child.pid }).toEqual({
        exitCode: null,
        signal: null,
        pid,
      });
      expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
      expect(failures).toEqual([]);
      expect({ non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts }).toEqual({
        non2xx: 0,
        errors: 0,
        timeouts: 0,
      });
      expect(figures.requests).toBeGreaterThanOrEqual(Math.floor(SECONDS * RATE * 0.9));
      // Flat: the last fifth's median no more than a quarter (plus 32 MB of allocator noise) above the warm median.
      expect(end.rssMb).toBeLessThanOrEqual(warm.rssMb * 1.25 + 32);
    },
    (SECONDS + 300) * 1000,
  );
});
