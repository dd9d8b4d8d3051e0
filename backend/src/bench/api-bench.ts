/**
 * Record-a-session latency (the 30-second entry, as the API sees it): POST
 * /api/time-entries/quick from 50 concurrent clients against the real app in its own process,
 * each request a new Idempotency-Key on an open case; then the same rows through a plain INSERT
 * loop on 50 pooled connections, for the throughput ratio, and the database-alone anchors
 * (write-anchors.ts) in the same run; then closing cases one after another (outcome and benefits in
 * one submission), for the close-a-case latency.
 */
import autocannon, { type Result } from 'autocannon';
import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { SessionService } from '../access/session.service.js';
import { spawnApp, throwawaySecretsKey } from './app-process.js';
import { clusterCpuSeconds } from './cluster-cpu.js';
import { summarise, timed, type Summary } from './stats.js';
import { openAnchors, type Anchors } from './write-anchors.js';

export const CONNECTIONS = 50;
/** Open cases the record-a-session rounds spread their requests over. */
const SESSION_CASES = 5000;

/** User + system CPU milliseconds of a process so far (Linux). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

export interface ApiFigures {
  connections: number;
  requestsPerRound: number;
  rounds: number;
  /** Per round, then summarised: the p50 and p99 latency of each round. */
  latencyP50: Summary;
  latencyP99: Summary;
  requestsPerSecond: Summary;
  insertsPerSecond: Summary;
  /** The same one-row INSERTs into a copy of the table without the product's triggers. */
  insertsWithoutTriggersPerSecond: Summary;
  /** Read the case, insert the entry, update a per-case total: one transaction (the database alone). */
  threeStatementPerSecond: Summary;
  /** Plain INSERTs with the triggers ÷ without them (medians). */
  triggerCostRatio: number;
  /** API requests per second ÷ three-statement transactions per second (medians). */
  anchorRatio: number;
  /** POST /api/cases/:id/close, one request at a time, milliseconds. */
  closeCase: Summary;
  /** CPU time of the app process per acknowledged request (the database's is not included). */
  appCpuMsPerRequest: number;
  /** CPU time of the embedded cluster's processes per acknowledged request (null with BENCH_DATABASE_URL). */
  databaseCpuMsPerRequest: number | null;
  /** The same for the three-statement anchor, per transaction: what the database alone spends. */
  anchorDatabaseCpuMsPerTransaction: number | null;
  /** API requests per second ÷ plain INSERTs per second (medians). */
  throughputRatio: number;
  non2xx: number;
  errors: number;
  /** Rows the API acknowledged (2xx) that are in the table afterwards / acknowledged. */
  acknowledgedStored: string;
}

interface Target {
  organisationId: string;
  adviserId: string;
  caseIds: string[];
}

/**
 * The sessions go to up to 5,000 open cases, keeping the last `reserved` open cases (by id) out of
 * them for closeCases: an organisation with fewer than 5,000 + `reserved` open cases (as when the
 * cases are split over several organisations) would otherwise leave none to close.
 */
async function chooseTarget(dataSource: DataSource, organisationId: string, reserved: number): Promise<Target> {
  const [adviser] = await dataSource.query(
    `SELECT id FROM users WHERE organisation_id = $1 AND role = 'adviser' ORDER BY ref LIMIT 1`,
    [organisationId],
  );
  const cases: Array<{ id: string }> = await dataSource.query(
    `SELECT id FROM cases WHERE organisation_id = $1 AND closed_on IS NULL ORDER BY id LIMIT $2`,
    [organisationId, SESSION_CASES + reserved],
  );
  const caseIds = cases.slice(0, Math.min(SESSION_CASES, cases.length - reserved)).map((c) => c.id);
  if (!adviser || caseIds.length === 0) {
    throw new Error(`no adviser, or not more than ${reserved} open cases to record sessions on and close`);
  }
  return { organisationId, adviserId: adviser.id, caseIds };
}

const entry = (caseId: string) => ({
  caseId,
  minutes: 30,
  class: 'relationship',
  activity: 'advice_session',
  mode: 'phone',
});

/** A fixed number of requests, so every response is counted before the rows are. */
async function apiRound(url: string, token: string, target: Target, amount: number): Promise<Result> {
  let next = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    amount,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/api/time-entries/quick',
        setupRequest: (request) => ({
          ...request,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
          },
          body: JSON.stringify(entry(target.caseIds[next++ % target.caseIds.length])),
        }),
      },
    ],
  });
}

/**
 * Closes open cases that the session rounds do not write to, one request at a time: the closing
 * date, an outcome and two benefits in one submission, as the case page sends them.
 */
async function closeCases(dataSource: DataSource, url: string, token: string, target: Target, count: number) {
  const cases: Array<{ id: string; version: number }> = await dataSource.query(
    `SELECT id, version FROM cases WHERE organisation_id = $1 AND closed_on IS NULL AND NOT (id = ANY($2))
      ORDER BY id DESC LIMIT $3`,
    [target.organisationId, target.caseIds, count],
  );
  const today = new Date().toISOString().slice(0, 10);
  const times: number[] = [];
  for (const c of cases) {
    const { ms, value: status } = await timed(async () => {
      const response = await fetch(`${url}/api/cases/${c.id}/close`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify({
          version: c.version,
          closedOn: today,
          outcome: {
            result: 'positive',
            accepted: true,
            understood: 5,
            benefits: [
              { type: 'benefit_awarded', amountGbp: 4200 },
              { type: 'debt_written_off', amountGbp: 1300 },
            ],
          },
        }),
      });
      await response.arrayBuffer();
      return response.status;
    });
    if (status !== 200 && status !== 201) throw new Error(`closing case ${c.id} answered ${status}`);
    times.push(ms);
  }
  return summarise(times);
}

/** The same rows with plain INSERTs on 50 pooled connections; rows per second. */
async function insertRound(pool: pg.Pool, target: Target, amount: number): Promise<number> {
  let count = 0;
  let next = 0;
  const worker = async () => {
    while (next < amount) {
      const e = entry(target.caseIds[next++ % target.caseIds.length]);
      await pool.query(
        `INSERT INTO time_entries (organisation_id, case_id, adviser_id, "on", minutes, class, activity, mode)
         VALUES ($1, $2, $3, current_date, $4, $5, $6, $7)`,
        [target.organisationId, e.caseId, target.adviserId, e.minutes, e.class, e.activity, e.mode],
      );
      count++;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  return count / ((Date.now() - started) / 1000);
}

export async function benchApi(
  services: INestApplicationContext,
  databaseUrl: string,
  ownerUrl: string,
  organisationId: string,
  options: { requests: number; rounds: number; closes: number; pgDir?: string },
  log: (message: string) => void,
): Promise<ApiFigures> {
  const dataSource = services.get(DataSource);
  const target = await chooseTarget(dataSource, organisationId, options.closes);
  const { token } = await services.get(SessionService).create({ id: target.adviserId, organisationId });
  const countRows = async () =>
    Number(
      (await dataSource.query(`SELECT count(*) AS n FROM time_entries WHERE organisation_id = $1`, [organisationId]))[0]
        .n,
    );

  const app = await spawnApp({
    env: {
      DATABASE_URL: databaseUrl,
      DEMO_DATA: '0',
      LOG_LEVEL: 'info',
      DB_POOL_SIZE: '20',
      NODE_ENV: 'production',
      SECURE_COOKIES: 'false', // plain HTTP on 127.0.0.1
      SECRETS_KEY: throwawaySecretsKey(),
    },
  });
  const p50: number[] = [];
  const p99: number[] = [];
  const rps: number[] = [];
  const inserts: number[] = [];
  const anchorRates = { insertWithoutTriggers: [] as number[], threeStatement: [] as number[] };
  let non2xx = 0;
  let errors = 0;
  const tally = { acknowledged: 0, stored: 0, cpuMs: 0, databaseCpuMs: 0 as number | null };
  let anchorCpu: number | null = 0;
  const databaseCpuMs = () => {
    const seconds = clusterCpuSeconds(options.pgDir);
    return seconds === null ? null : seconds * 1000;
  };
  let closeCase: Summary | undefined;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONNECTIONS });
  let anchors: Anchors | undefined;
  try {
    anchors = await openAnchors(ownerUrl, target, CONNECTIONS);
    await insertRound(pool, target, CONNECTIONS * 2); // warm-up
    await apiRound(app.url, token, target, CONNECTIONS * 2); // warm-up: JIT, pools, caches
    // Each round takes the API, the plain INSERTs and both anchors one after another, so every ratio
    // compares work done within a minute or so of each other on this shared machine.
    for (let round = 0; round < options.rounds; round++) {
      const before = { rows: await countRows(), cpu: cpuMs(app.child.pid!), database: databaseCpuMs() };
      const result = await apiRound(app.url, token, target, options.requests);
      tally.cpuMs += cpuMs(app.child.pid!) - before.cpu;
      const databaseAfter = databaseCpuMs();
      tally.databaseCpuMs =
        tally.databaseCpuMs === null || before.database === null || databaseAfter === null
          ? null
          : tally.databaseCpuMs + databaseAfter - before.database;
      tally.stored += (await countRows()) - before.rows;
      p50.push(result.latency.p50);
      p99.push(result.latency.p99);
      rps.push(result['2xx'] / result.duration);
      non2xx += result.non2xx;
      errors += result.errors + result.timeouts;
      tally.acknowledged += result['2xx'];
      inserts.push(await insertRound(pool, target, options.requests));
      anchorRates.insertWithoutTriggers.push(await anchors.insertWithoutTriggers(options.requests));
      const anchorBefore = databaseCpuMs();
      anchorRates.threeStatement.push(await anchors.threeStatement(options.requests));
      const anchorAfter = databaseCpuMs();
      anchorCpu =
        anchorCpu === null || anchorBefore === null || anchorAfter === null
          ? null
          : anchorCpu + (anchorAfter - anchorBefore) / options.requests;
      log(
        `  round ${round + 1}: API p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${Math.round(rps.at(-1)!)} req/s, ` +
          `non-2xx ${result.non2xx}; INSERT with triggers ${Math.round(inserts.at(-1)!)} rows/s, ` +
          `without ${Math.round(anchorRates.insertWithoutTriggers.at(-1)!)} rows/s; ` +
          `three-statement ${Math.round(anchorRates.threeStatement.at(-1)!)} tx/s (load ${os.loadavg()[0].toFixed(1)})`,
      );
    }
    log(`  ${tally.stored} rows stored for ${tally.acknowledged} acknowledged requests`);
    closeCase = await closeCases(dataSource, app.url, token, target, options.closes);
    log(`  close a case: p50 ${closeCase.p50} ms, p95 ${closeCase.p95} ms (${closeCase.runs} cases)`);
  } finally {
    await anchors?.close();
    await pool.end();
    await app.stop();
  }

  const insertsWithoutTriggersPerSecond = summarise(anchorRates.insertWithoutTriggers);
  const threeStatementPerSecond = summarise(anchorRates.threeStatement);
  const requestsPerSecond = summarise(rps);
  const insertsPerSecond = summarise(inserts);
  const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;
  const perRequest = (ms: number) => Math.round((ms / Math.max(tally.acknowledged, 1)) * 100) / 100;
  return {
    connections: CONNECTIONS,
    requestsPerRound: options.requests,
    rounds: options.rounds,
    latencyP50: summarise(p50),
    latencyP99: summarise(p99),
    requestsPerSecond,
    insertsPerSecond,
    insertsWithoutTriggersPerSecond,
    threeStatementPerSecond,
    throughputRatio: ratio(requestsPerSecond.p50, insertsPerSecond.p50),
    triggerCostRatio: ratio(insertsPerSecond.p50, insertsWithoutTriggersPerSecond.p50),
    anchorRatio: ratio(requestsPerSecond.p50, threeStatementPerSecond.p50),
    closeCase: closeCase!,
    non2xx,
    errors,
    acknowledgedStored: `${tally.stored}/${tally.acknowledged}`,
    appCpuMsPerRequest: perRequest(tally.cpuMs),
    databaseCpuMsPerRequest: tally.databaseCpuMs === null ? null : perRequest(tally.databaseCpuMs),
    anchorDatabaseCpuMsPerTransaction: anchorCpu === null ? null : Math.round((anchorCpu / options.rounds) * 100) / 100,
  };
}
