/**
 * Figures reproducible to the last bit: the same cases written in two different orders, read with
 * parallel query forced on, give identical report JSON and a byte-identical evidence pack. Float sums
 * taken in row order (or split across parallel workers) would differ in the last bit between the two.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OUTCOME_MEASURES } from '@deepvalue/shared';
import pg from 'pg';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { DIMENSION_FILTERS } from './report-filters.js';
import { CASE_RATE_MEASURES, RATE_MEASURES } from './measures.sql.js';
import { seed, simulate } from './testing/report-fixture.js';

/** Every plan may use parallel workers, however small the table (the settings the issue names). */
const PARALLEL = {
  parallel_setup_cost: '0',
  parallel_tuple_cost: '0',
  min_parallel_table_scan_size: '0',
  min_parallel_index_scan_size: '0',
  max_parallel_workers_per_gather: '2',
};

const FROM = '2024-01-01';
const TO = '2026-12-31';

const ROUTES = [
  ...OUTCOME_MEASURES.map((m) => `/api/reports/time-vs-outcome?measure=${m}`),
  `/api/reports/time-vs-outcome?from=${FROM}&to=2025-06-30`,
  '/api/reports/measures',
  `/api/reports/measures?from=2024-06-01&to=${TO}`,
  '/api/reports/fixed-fee',
  '/api/reports/fixed-fee?to=2025-06-30',
  ...RATE_MEASURES.flatMap((m) => [
    `/api/reports/trends?measure=${m}&period=month`,
    `/api/reports/trends?measure=${m}&period=quarter`,
  ]),
  ...DIMENSION_FILTERS.map((by) => `/api/reports/breakdown?by=${by}`),
  ...CASE_RATE_MEASURES.map((m) => `/api/reports/drill-down?measure=${m}&band=2&limit=500`),
  '/api/reports/pricing',
  `/api/reports/pricing?from=${FROM}&to=2025-12-31`,
];
const PACK = `from=${FROM}&to=${TO}&asOf=${TO}`;

interface Copy {
  h: Harness;
  manager: TestUser;
  /** Database ids → names that are the same in both copies (refs, adviser names). */
  names: Map<string, string>;
}

async function copyWith(order: 'forward' | 'reversed'): Promise<Copy> {
  const h = await createHarness({ databaseSettings: PARALLEL });
  const org = await h.makeOrganisation({ ref: 'repro-centre', name: 'Repro Law Centre' });
  const manager = await h.makeUser(org.id, 'manager', { email: 'manager@repro.example', name: 'Repro Manager' });
  const cases = simulate(400, 11);
  await seed(h.dataSource, org.id, order === 'forward' ? cases : [...cases].reverse(), async (name) => {
    const adviser = await h.makeUser(org.id, 'adviser', {
      email: `${name.toLowerCase().replace(' ', '.')}@repro.example`,
      name,
    });
    return adviser.id;
  });
  await h.dataSource.query('ANALYZE');
  const rows: Array<{ id: string; name: string }> = await h.dataSource.query(
    `SELECT id::text, 'organisation ' || ref AS name FROM organisations
     UNION ALL SELECT id::text, 'user ' || email FROM users
     UNION ALL SELECT id::text, 'office ' || ref FROM offices
     UNION ALL SELECT id::text, 'partner ' || ref FROM partners
     UNION ALL SELECT id::text, 'case ' || ref FROM cases
     UNION ALL SELECT c.client_id::text, 'client of ' || c.ref FROM cases c`,
  );
  return { h, manager, names: new Map(rows.map((r) => [r.id, r.name])) };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** When a row was written (e.g. a unit-cost version's createdAt) differs between the copies; it is not a figure. */
const TIMESTAMP = /"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"/g;

/** The body with every database id replaced by its stable name, so two copies can be compared. */
function named(copy: Copy, body: unknown): string {
  return JSON.stringify(body)
    .replace(UUID, (id) => copy.names.get(id) ?? `unknown id ${id}`)
    .replace(TIMESTAMP, '"(time written)"');
}

/** Null when equal; otherwise the text around the first difference, so a failure shows what moved. */
function difference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: …${a.slice(Math.max(0, i - 80), i + 40)}… against …${b.slice(Math.max(0, i - 80), i + 40)}…`;
}

describe('reports give the same bits whatever order the rows were written in', () => {
  let forward: Copy;
  let reversed: Copy;

  beforeAll(async () => {
    forward = await copyWith('forward');
    reversed = await copyWith('reversed');
  }, 240_000);

  afterAll(async () => {
    await forward?.h.close();
    await reversed?.h.close();
  });

  it('plans with parallel workers (so the test exercises parallel aggregation)', async () => {
    const plan: Array<{ 'QUERY PLAN': string }> = await forward.h.dataSource.query(
      'EXPLAIN SELECT category, sum(total_minutes) FROM case_facts GROUP BY category',
    );
    expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toMatch(/Gather/);
  });

  it.each(ROUTES)('%s', async (route) => {
    const read = async (copy: Copy) => {
      const response = await copy.h.as(copy.manager).get(route);
      expect(response.status).toBe(200);
      return named(copy, response.body);
    };
    const first = await read(forward);
    expect(first).not.toMatch(/unknown id/);
    expect(difference(await read(reversed), first)).toBeNull();
    expect(difference(await read(forward), first)).toBeNull();
  });

  describe('the evidence pack', () => {
    beforeAll(async () => {
      // The pack names the unit-cost and fee-table versions it used, with the time each was written;
      // the two copies wrote theirs at different moments, which is not a difference in the figures.
      for (const { h, manager } of [forward, reversed]) {
        expect((await h.as(manager).get('/api/reports/pricing')).status).toBe(200);
        const owner = new pg.Client({ connectionString: h.db.url });
        await owner.connect();
        // Versions are immutable by trigger; the test's owner connection steps around it for this one fix-up.
        // SET LOCAL in a transaction: on a Citus cluster only that reaches the workers, where the triggers fire.
        await owner.query('BEGIN');
        await owner.query('SET LOCAL session_replication_role = replica');
        await owner.query(`UPDATE unit_cost_versions SET created_at = '2026-01-01T09:00:00Z'`);
        await owner.query(`UPDATE fee_rates SET created_at = '2026-01-01T09:00:00Z'`);
        await owner.query('COMMIT');
        await owner.end();
      }
    });

    it('previews the same pack from either order', async () => {
      const preview = async (copy: Copy) => {
        const response = await copy.h.as(copy.manager).get(`/api/evidence-packs/preview?${PACK}`);
        expect(response.status).toBe(200);
        return JSON.stringify(response.body);
      };
      const first = await preview(forward);
      expect(first).toMatch(/inputsSha256/);
      expect(difference(await preview(reversed), first)).toBeNull();
    });

    it('builds byte-identical files from either order', async () => {
      const download = async (copy: Copy) => {
        const response = await copy.h
          .as(copy.manager)
          .get(`/api/evidence-packs/download?${PACK}&format=zip`)
          .buffer(true)
          .parse((res, done) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => done(null, Buffer.concat(chunks)));
          });
        expect(response.status).toBe(200);
        return response.body as Buffer;
      };
      const first = await download(forward);
      expect(first.length).toBeGreaterThan(1000);
      expect((await download(reversed)).equals(first)).toBe(true);
    });
  });
});
