/**
 * A cluster distributed before the latest migrations, then upgraded (`npm run test:citus`; not part
 * of `npm test`). On a fresh database every migration runs before the distribution step; a real
 * cluster gets later migrations on tables already distributed. Here the migrations up to the one
 * before the retelling item run and the tables are distributed, casework is written, then the rest
 * run: the facts columns of 1764510000000 reach the routed refresh (refresh_case_facts_of), the
 * shipped letter templates reach the organisations already there (1764520000000), the outbox takes
 * the withdrawn status (1764520000100), the pricing roll-ups (1764540000000) are distributed
 * with cases and kept by their trigger on the workers, the fee roll-ups (1764630000000) are filled
 * by the Citus-only rebuild of 1764830000000 and kept, and the sub-categories (1764820000000) reach
 * the organisation with cases.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';
import { dataSourceOptions, runMigrations } from './data-source.js';
import { MIGRATIONS } from './migrations/index.js';

const FIRST_LATER = MIGRATIONS.findIndex((m) => m.name === 'RetellingItem1764510000000');

describe('a distributed cluster upgraded by later migrations', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let org: string;
  let user: string;
  let caseId: string;
  const q = (sql: string, params: unknown[] = []) => dataSource.query(sql, params);
  const debtWrittenOff = async () =>
    (
      await q(
        `SELECT sum(benefit_debt_written_off_gbp)::int AS gbp, sum(cases)::int AS cases
           FROM case_pricing_rollups WHERE organisation_id = $1 AND dim = 'all'`,
        [org],
      )
    )[0];

  const timeEntry = (minutes: number) =>
    q(
      `INSERT INTO time_entries (organisation_id, case_id, adviser_id, "on", minutes, class, activity, mode)
       VALUES ($1, $2, $3, '2025-01-06', $4, 'casework', 'letter', 'none')`,
      [org, caseId, user, minutes],
    );
  const feeRollups = async () => ({
    hours: await q(
      `SELECT category, hour, sum(cases)::int AS cases, sum(minutes)::int AS minutes
         FROM case_fee_rollups WHERE organisation_id = $1 AND dim = 'all'
        GROUP BY 1, 2 HAVING sum(cases) <> 0 ORDER BY 1, 2`,
      [org],
    ),
    minutes: await q(
      `SELECT total_minutes, n FROM case_fee_minute_rollups WHERE organisation_id = $1 AND dim = 'all' AND n <> 0
        ORDER BY total_minutes`,
      [org],
    ),
  });

  beforeAll(async () => {
    expect(FIRST_LATER).toBeGreaterThan(0);
    db = await createTestDatabase({ migrate: false });
    await runMigrations(db.url, MIGRATIONS.slice(0, FIRST_LATER));
    dataSource = new DataSource(dataSourceOptions(db.url, 2));
    await dataSource.initialize();
    [{ id: org }] = await q(`INSERT INTO organisations (ref, name, kind) VALUES ('u', 'U', 'provider') RETURNING id`);
    [{ id: user }] = await q(
      `INSERT INTO users (organisation_id, email, name, role) VALUES ($1, 'a@u.example', 'A', 'adviser') RETURNING id`,
      [org],
    );
    const [client] = await q(
      `INSERT INTO clients (organisation_id, ref, vulnerabilities, evidence_consent) VALUES ($1, 'c', '{}', true)
       RETURNING id`,
      [org],
    );
    [{ id: caseId }] = await q(
      `INSERT INTO cases (organisation_id, ref, client_id, category, opened_on, closed_on, lead_adviser_id,
                          funding_stream, arrival_route)
       VALUES ($1, 'k', $2, 'debt', '2025-01-06', '2025-03-03', $3, 'grant', 'self') RETURNING id`,
      [org, client.id, user],
    );
    await q(`INSERT INTO outcomes (organisation_id, case_id, result) VALUES ($1, $2, 'positive')`, [org, caseId]);
    await timeEntry(150);
    await q(
      `INSERT INTO outcome_benefits (organisation_id, case_id, type, amount_gbp) VALUES ($1, $2, 'debt_written_off', 1200)`,
      [org, caseId],
    );
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM pg_dist_partition WHERE logicalrelid = 'cases'::regclass`);
    expect(n).toBe(1);
    await runMigrations(db.url);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('distributes the pricing roll-ups with cases', async () => {
    const [row] = await q(
      `SELECT p.partmethod, p.colocationid = (SELECT colocationid FROM pg_dist_partition
                                               WHERE logicalrelid = 'cases'::regclass) AS with_cases
         FROM pg_dist_partition p WHERE p.logicalrelid = 'case_pricing_rollups'::regclass`,
    );
    expect(row).toEqual({ partmethod: 'h', with_cases: true });
  });

  it('routes the facts refresh with the new facts columns', async () => {
    const [{ src }] = await q(`SELECT prosrc AS src FROM pg_proc WHERE proname = 'refresh_case_facts_of'`);
    expect(src).toContain('retelling_item_n');
    expect(src).toContain('c.organisation_id = org');
  });

  it('gives the organisation already there the shipped letter templates', async () => {
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM letter_templates WHERE organisation_id = $1`, [org]);
    expect(n).toBeGreaterThan(0);
  });

  it('fills the pricing roll-ups for the closed case and keeps them on later writes', async () => {
    expect(await debtWrittenOff()).toEqual({ gbp: 1200, cases: 1 });
    await q(
      `INSERT INTO outcome_benefits (organisation_id, case_id, type, amount_gbp) VALUES ($1, $2, 'debt_written_off', 300)`,
      [org, caseId],
    );
    expect(await debtWrittenOff()).toEqual({ gbp: 1500, cases: 1 });
    const [facts] = await q(`SELECT retelling_item_n FROM case_facts WHERE organisation_id = $1 AND case_id = $2`, [
      org,
      caseId,
    ]);
    expect(facts).toEqual({ retelling_item_n: 0 });
  });

  it('fills the fee roll-ups for the closed case (1764630000000 skipped it, 1764830000000 rebuilds) and keeps them', async () => {
    expect(await feeRollups()).toEqual({
      hours: [{ category: 'debt', hour: 2, cases: 1, minutes: 150 }],
      minutes: [{ total_minutes: 150, n: 1 }],
    });
    await timeEntry(30);
    expect(await feeRollups()).toEqual({
      hours: [{ category: 'debt', hour: 3, cases: 1, minutes: 180 }],
      minutes: [{ total_minutes: 180, n: 1 }],
    });
  });

  it('gives the organisation with cases its sub-categories, distributed with cases', async () => {
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM subcategories WHERE organisation_id = $1`, [org]);
    expect(n).toBeGreaterThan(0);
    const [{ withCases }] = await q(
      `SELECT p.colocationid = (SELECT colocationid FROM pg_dist_partition WHERE logicalrelid = 'cases'::regclass)
              AS "withCases"
         FROM pg_dist_partition p WHERE p.logicalrelid = 'subcategories'::regclass`,
    );
    expect(withCases).toBe(true);
  });

  it('takes the withdrawn status in the outbox', async () => {
    await q(
      `INSERT INTO outbox_messages (organisation_id, kind, to_user_id, to_address, subject, body, status)
       VALUES ($1, 'invitation', $2, 'a@u.example', 'S', 'B', 'withdrawn')`,
      [org, user],
    );
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM outbox_messages WHERE organisation_id = $1`, [org]);
    expect(n).toBe(1);
  });
});
