import { afterAll, beforeAll, it, jest } from '@jest/globals';
import fs from 'node:fs';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { factsWhere } from './analytics.repository.js';
import { MeasuresRepository } from './measures.repository.js';
import { FixedFeeRepository } from './fixed-fee.repository.js';
import type { DataSource } from 'typeorm';
jest.setTimeout(3_600_000);
const N = Number(process.env.BENCH_CASES ?? 1000000);
let sut: Harness; let manager: TestUser; let orgId: string;
const OUT = process.env.BENCH_OUT ?? '/tmp/bench2.txt';
const log = (s: string) => fs.appendFileSync(OUT, s + '\n');
beforeAll(async () => {
  sut = await createHarness();
  orgId = (await sut.makeOrganisation()).id;
  manager = await sut.makeUser(orgId, 'manager');
  const q = (s: string, p: unknown[] = []) => sut.dataSource.query(s, p);
  const t0 = Date.now();
  for (let i = 0; i < 40; i++) await sut.makeUser(orgId, 'adviser', { name: `Adviser ${i}` });
  await q(`INSERT INTO offices (organisation_id, ref, name) SELECT $1, 'o'||g, 'Office '||g FROM generate_series(1,5) g`, [orgId]);
  await q(`INSERT INTO partners (organisation_id, ref, name) VALUES ($1, 'p', 'P')`, [orgId]);
  await q(`INSERT INTO clients (organisation_id, ref, vulnerabilities) SELECT $1, 'c'||g,
      CASE WHEN g % 5 = 0 THEN ARRAY['mental_health'] WHEN g % 7 = 0 THEN ARRAY['disability','language_need'] ELSE '{}' END FROM generate_series(1,$2) g`, [orgId, N]);
  log(`clients ${Date.now() - t0}`);
  await sut.dataSource.transaction(async (m) => {
    await m.query(`SET LOCAL deepvalue.defer_facts = 'on'`);
    await m.query(`INSERT INTO cases (organisation_id, ref, client_id, office_id, category, opened_on, closed_on, lead_adviser_id, funding_stream, arrival_route, prior_organisations_contacted)
      SELECT $1, 'k'||cl.n, cl.id, (SELECT array_agg(id) FROM offices WHERE organisation_id=$1)[1 + cl.n % 5],
        (ARRAY['housing','debt','welfare_benefits','employment','immigration','community_care'])[1 + cl.n % 6],
        date '2016-01-01' + (cl.n % 3500), CASE WHEN cl.n % 10 = 0 THEN NULL ELSE date '2016-01-01' + (cl.n % 3500) + (cl.n % 97) END,
        (SELECT array_agg(id) FROM users WHERE organisation_id=$1 AND role='adviser')[1 + cl.n % 40],
        (ARRAY['legal_aid_fixed_fee','grant','pro_bono'])[1 + cl.n % 3], (ARRAY['self','referred'])[1 + cl.n % 2], cl.n % 5
      FROM (SELECT id, (row_number() OVER ())::int AS n FROM clients WHERE organisation_id = $1) cl`, [orgId]);
    log(`cases ${Date.now() - t0}`);
    await m.query(`INSERT INTO referrals (organisation_id, case_id, direction, partner_id, "on", kind, reached_support)
      SELECT c.organisation_id, c.id, 'out', p.id, c.opened_on, 'signpost', (hashtext(c.ref) & 1) = 0 FROM cases c, partners p
      WHERE c.organisation_id = $1 AND p.organisation_id = $1 AND abs(hashtext(c.ref||'r')) % 10 = 0`, [orgId]);
    log(`referrals ${Date.now() - t0}`);
    await m.query(`INSERT INTO case_facts (case_id, organisation_id, office_id, lead_adviser_id, category, funding_stream, arrival_route,
          vulnerabilities, vulnerability_count, evidence_consent, opened_on, closed_on, prior_organisations_contacted,
          total_minutes, relationship_minutes, lead_relationship_minutes, first_relationship_on, feedback_score_sum, feedback_items_n,
          problems_count, result, accepted, appeal, benefit_types, same_problem_recontact_6m, followed_up, referrals_out, referrals_out_known, referrals_out_reached)
        SELECT c.id, c.organisation_id, c.office_id, c.lead_adviser_id, c.category, c.funding_stream, c.arrival_route, cl.vulnerabilities,
          cardinality(cl.vulnerabilities), true, c.opened_on, c.closed_on, c.prior_organisations_contacted,
          r + 30 + (h >> 3 & 255), r, (r * 3) / 4, c.opened_on + (h & 15), (h & 7) * 3 + 6, CASE WHEN h & 1 = 0 THEN 6 ELSE 0 END,
          (h >> 5) & 3, CASE WHEN c.closed_on IS NULL THEN NULL ELSE (ARRAY['positive','partly_positive','negative','withdrawn'])[1 + ((h >> 7) & 3)] END,
          CASE WHEN c.closed_on IS NULL THEN NULL ELSE (h >> 9) & 1 = 0 END,
          CASE WHEN c.closed_on IS NULL THEN NULL ELSE (ARRAY['none_needed','lodged','considered_not_pursued'])[1 + abs(h >> 10) % 3] END,
          '{}', (h >> 12) & 3 = 0, true, (h >> 14) & 1, (h >> 14) & 1, 0
        FROM (SELECT c.*, abs(hashtext(c.id::text)) AS h, 15 + abs(hashtext(c.ref)) % 900 AS r FROM cases c WHERE c.organisation_id = $1) c
        JOIN clients cl ON cl.id = c.client_id`, [orgId]);
    log(`facts ${Date.now() - t0}`);
  });
  await q(`VACUUM ANALYZE case_facts`); await q(`VACUUM ANALYZE case_rollups`); await q(`VACUUM ANALYZE referrals`); await q(`VACUUM ANALYZE cases`);
  log(`ready ${Date.now() - t0}`);
});
afterAll(async () => { await sut.close(); });
it('times', async () => {
  const explain = (process.env.BENCH_EXPLAIN ?? '').split('|').filter(Boolean);
  for (const sql of explain) {
    const where = factsWhere([orgId], {}, undefined, '2026-11-23');
    const rows = await sut.dataSource.query(`EXPLAIN (ANALYZE, BUFFERS OFF) ${sql.replace('%WHERE%', where.sql)}`, where.params);
    log(rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  }
  const explaining = { query: async (sql: string, params: unknown[]) => {
    const t = Date.now();
    const plan = await sut.dataSource.query(`EXPLAIN (ANALYZE) ${sql}`, params);
    log(`---- ${Date.now() - t} ms\n` + sql.slice(0, 200) + '\n' + plan.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
    return sut.dataSource.query(sql, params);
  } } as unknown as DataSource;
  if (process.env.BENCH_PLANS) {
    const repo = new MeasuresRepository(explaining);
    await repo.summary([orgId], {}, '2026-11-23');
    await repo.rateByPeriod([orgId], {}, 'bounce_out', 'month', '2026-11-23');
    await repo.rateByGroup([orgId], {}, 'positive_outcome', 'vulnerability', '2026-11-23');
    await repo.drillDown([orgId], {}, { measure: 'positive_outcome', band: 2, outcome: 'success' }, { limit: 50, offset: 1000 }, '2026-11-23');
    const ff = new FixedFeeRepository(explaining);
    await ff.hours([orgId], {}, '2026-11-23');
    await ff.minuteBuckets([orgId], {}, [60, 120, 180, 240, 360, 480, 720, 1200], '2026-11-23');
  }
  const urls = (process.env.BENCH_URLS ?? '/api/reports/measures').split('|');
  for (const url of urls) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) { const t = Date.now(); await sut.as(manager).get(url).expect(200); times.push(Date.now() - t); }
    times.sort((a, b) => a - b);
    log(`${url}: median ${times[2]} ms (min ${times[0]}, max ${times[4]})`);
  }
});
