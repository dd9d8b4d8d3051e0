/**
 * Routing on a Citus cluster, proven with EXPLAIN (`npm run test:citus`; not part of `npm test`).
 * The app's own queries are recorded as it answers real requests, then each is EXPLAINed on the
 * cluster with the values it was sent with: Citus's "Task Count" is the number of shards a
 * statement runs on. A manager's report, a case read and a time-entry write each run on one shard
 * (a router plan), and so does every statement of the facts refresh when a case is closed; a
 * commissioner's report over providers in different shards runs on each of their shards, on both
 * workers.
 *
 * The facts and roll-up triggers run as on any write; the statements they run on the worker are
 * single-shard by construction (Citus refuses anything else inside a trigger on a shard).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { makeCase, makeStaffedOrganisation, makeTimeEntry } from '../../test/factories.js';

interface Recorded {
  text: string;
  values: unknown[];
}

const recorded: Recorded[] = [];
let recording = false;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (recording) {
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown];
    if (typeof first === 'string') recorded.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof first.text === 'string') recorded.push({ text: first.text, values: first.values ?? [] });
  }
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

async function during(work: () => Promise<unknown>): Promise<Recorded[]> {
  recorded.length = 0;
  recording = true;
  try {
    await work();
  } finally {
    recording = false;
  }
  return [...recorded];
}

let h: Harness;

/** The shards a statement runs on: Citus's Task Count in its EXPLAIN. */
async function taskCount(statement: Recorded): Promise<number> {
  const rows: { 'QUERY PLAN': string }[] = await h.dataSource.query(`EXPLAIN ${statement.text}`, statement.values);
  const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
  const counts = [...plan.matchAll(/Task Count: (\d+)/g)].map((m) => Number(m[1]));
  if (counts.length === 0) throw new Error(`not a distributed plan:\n${statement.text}\n${plan}`);
  return Math.max(...counts);
}

/**
 * The shards each statement inside a function call runs on: auto_explain logs the plan of every
 * statement the call runs (the call itself is no distributed plan), sent to this client as notices.
 * Run in a transaction rolled back afterwards.
 */
async function nestedTaskCounts(statement: Recorded): Promise<number[]> {
  const client = new pg.Client({ connectionString: h.db.url });
  const plans: string[] = [];
  client.on('notice', (notice) => plans.push(notice.message ?? ''));
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`LOAD 'auto_explain'`);
    for (const setting of ['log_min_duration = 0', 'log_nested_statements = on', 'log_level = notice'])
      await client.query(`SET LOCAL auto_explain.${setting}`);
    await client.query(statement.text, statement.values);
    await client.query('ROLLBACK');
  } finally {
    await client.end();
  }
  return plans.flatMap((plan) => [...plan.matchAll(/Task Count: (\d+)/g)].map((m) => Number(m[1])));
}

const touching = (statements: Recorded[], table: RegExp) =>
  statements.filter(
    (s) => table.test(s.text) && !/^\s*(BEGIN|COMMIT|ROLLBACK|SET|SHOW|SAVEPOINT|RELEASE)/i.test(s.text),
  );

describe('routing on Citus (EXPLAIN)', () => {
  let providers: { organisationId: string; manager: TestUser; adviser: TestUser }[];
  let commissioner: TestUser;
  let kase: Record<string, unknown>;

  beforeAll(async () => {
    h = await createHarness();
    const [{ n }] = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_dist_partition WHERE logicalrelid = 'cases'::regclass AND partmethod = 'h'`,
    );
    if (n !== 1) throw new Error('cases is not a distributed table: run this through npm run test:citus');
    // Providers until two of them lie in shards on different workers.
    providers = [];
    const nodes = new Set<string>();
    while (nodes.size < 2 && providers.length < 40) {
      const staff = await makeStaffedOrganisation(h);
      providers.push(staff);
      const [{ node }] = await h.dataSource.query(
        `SELECT p.nodename || ':' || p.nodeport AS node FROM pg_dist_shard_placement p
          WHERE p.shardid = get_shard_id_for_distribution_column('cases', $1::uuid)`,
        [staff.organisationId],
      );
      nodes.add(node);
    }
    expect(nodes.size).toBe(2);
    const org = await h.makeOrganisation({ kind: 'commissioner' });
    commissioner = await h.makeUser(org.id, 'commissioner');
    for (const p of providers) {
      await h.dataSource.query(`INSERT INTO organisation_shares (provider_id, commissioner_id) VALUES ($1, $2)`, [
        p.organisationId,
        org.id,
      ]);
    }
    kase = await makeCase(h, providers[0].adviser);
    await makeTimeEntry(h, providers[0].adviser, kase.id);
  });

  afterAll(async () => {
    await h?.close();
  });

  it("sends a manager's report to one shard", async () => {
    const statements = await during(() => h.as(providers[0].manager).get('/api/reports/time-vs-outcome').expect(200));
    const reads = touching(statements, /\b(case_rollups|case_pattern_rollups|case_facts)\b/);
    expect(reads.length).toBeGreaterThan(0);
    for (const s of reads) expect([s.text, await taskCount(s)]).toEqual([s.text, 1]);
  });

  it('sends a case read to one shard', async () => {
    const statements = await during(() =>
      h
        .as(providers[0].adviser)
        .get(`/api/cases/${String(kase.id)}`)
        .expect(200),
    );
    const reads = touching(statements, /\b(cases|time_entries|clients)\b/);
    expect(reads.length).toBeGreaterThan(0);
    for (const s of reads) expect([s.text, await taskCount(s)]).toEqual([s.text, 1]);
  });

  it('sends a time-entry write to one shard', async () => {
    const statements = await during(() => makeTimeEntry(h, providers[0].adviser, kase.id, { minutes: 45 }));
    const writes = touching(statements, /^\s*(WITH e AS \(\s*)?INSERT INTO "?time_entries"?/i);
    expect(writes.length).toBe(1);
    expect(await taskCount(writes[0])).toBe(1);
  });

  it("refreshes a closed case's facts on one shard", async () => {
    const closing = await makeCase(h, providers[0].adviser);
    await makeTimeEntry(h, providers[0].adviser, closing.id);
    const statements = await during(() =>
      h
        .as(providers[0].adviser)
        .post(`/api/cases/${String(closing.id)}/close`)
        .send({ version: closing.version, closedOn: '2025-04-30', outcome: { result: 'positive' } })
        .expect(200),
    );
    const refreshes = touching(statements, /^\s*SELECT refresh_case_facts(_of)?\(/);
    expect(refreshes.length).toBe(1);
    const counts = await nestedTaskCounts(refreshes[0]);
    expect(counts.length).toBeGreaterThan(0);
    expect([refreshes[0].text, counts]).toEqual([refreshes[0].text, counts.map(() => 1)]);
  });

  it("runs a commissioner's report across organisations on each of their shards", async () => {
    const [{ shards }] = await h.dataSource.query(
      `SELECT count(DISTINCT get_shard_id_for_distribution_column('cases', id))::int AS shards
         FROM organisations WHERE id = ANY($1::uuid[])`,
      [providers.map((p) => p.organisationId)],
    );
    expect(shards).toBeGreaterThan(1);
    const statements = await during(() => h.as(commissioner).get('/api/reports/time-vs-outcome').expect(200));
    const reads = touching(statements, /\b(case_rollups|case_pattern_rollups|case_facts)\b/);
    expect(reads.length).toBeGreaterThan(0);
    for (const s of reads) expect([s.text, await taskCount(s)]).toEqual([s.text, shards]);
  });
});
