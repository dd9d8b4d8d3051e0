/**
 * The migrations that came after the first deployment, run on a database that already holds
 * casework: each fills in what it adds from the data already there, and each can be undone and
 * applied again without losing or changing anything.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SHIPPED_LETTER_KEYS } from '@deepvalue/shared';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';
import { AuditChainService } from '../audit/audit-chain.service.js';
import { dataSourceOptions } from './data-source.js';
import { MIGRATIONS } from './migrations/index.js';

/** Every migration from the pattern roll-ups on (those written after the first deployment), newest first. */
const timestamp = (name: string) => Number(/\d{13}$/.exec(name)![0]);
const LATER = MIGRATIONS.map((m) => m.name)
  .filter((name) => timestamp(name) >= 1763900000500)
  .sort((a, b) => timestamp(b) - timestamp(a));

describe('migrations on existing data', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let caseId: string;
  const q = (sql: string, params: unknown[] = []) => dataSource.query(sql, params);

  const facts = async () =>
    (await q(`SELECT benefit_types, benefit_amounts_gbp FROM case_facts WHERE case_id = $1`, [caseId]))[0];
  const patterns = async () =>
    (await q(`SELECT dim, sum(n_closed)::int AS n FROM case_pattern_rollups GROUP BY dim ORDER BY dim`)) as Array<{
      dim: string;
      n: number;
    }>;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    dataSource = new DataSource(dataSourceOptions(db.url, 2));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    // Undo the later migrations, record a closed case with benefits under the schema before them, then migrate.
    for (const _ of LATER) await dataSource.undoLastMigration({ transaction: 'each' });
    const [org] = await q(`INSERT INTO organisations (ref, name, kind) VALUES ('m', 'M', 'provider') RETURNING id`);
    const [user] = await q(
      `INSERT INTO users (organisation_id, email, name, role) VALUES ($1, 'a@m.example', 'A', 'adviser') RETURNING id`,
      [org.id],
    );
    const [client] = await q(
      `INSERT INTO clients (organisation_id, ref, vulnerabilities, evidence_consent) VALUES ($1, 'c', '{disability}', true)
       RETURNING id`,
      [org.id],
    );
    const [kase] = await q(
      `INSERT INTO cases (organisation_id, ref, client_id, category, opened_on, closed_on, lead_adviser_id,
                          funding_stream, arrival_route)
       VALUES ($1, 'k', $2, 'debt', '2025-01-06', '2025-03-03', $3, 'grant', 'self') RETURNING id`,
      [org.id, client.id, user.id],
    );
    caseId = kase.id;
    // Audit rows written before the chain existed, interleaved across two chains (one without an organisation).
    for (const action of ['create', 'read', 'update']) {
      await q(`INSERT INTO audit_log (organisation_id, user_id, action, entity) VALUES ($1, $2, $3, 'cases')`, [
        org.id,
        user.id,
        action,
      ]);
      await q(`INSERT INTO audit_log (organisation_id, action) VALUES (NULL, 'failed_sign_in')`);
    }
    await q(`INSERT INTO outcomes (organisation_id, case_id, result) VALUES ($1, $2, 'positive')`, [org.id, caseId]);
    await q(
      `INSERT INTO outcome_benefits (organisation_id, case_id, type, amount_gbp)
       VALUES ($1, $2, 'debt_written_off', 1200), ($1, $2, 'debt_written_off', 300), ($1, $2, 'benefit_awarded', NULL)`,
      [org.id, caseId],
    );
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('fills in benefit amounts and pattern roll-ups for the casework already there', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual([...LATER].reverse());
    expect(await facts()).toEqual({
      benefit_types: ['benefit_awarded', 'debt_written_off'],
      benefit_amounts_gbp: [null, 1500],
    });
    // The case counts once in 'all', in its office ('' for none), its arrival route and its one vulnerability.
    expect(await patterns()).toEqual([
      { dim: 'all', n: 1 },
      { dim: 'arrival', n: 1 },
      { dim: 'office', n: 1 },
      { dim: 'vulnerability', n: 1 },
    ]);
    // Every roll-up rebuild groups in memory.
    expect(await q(`SELECT proname, proconfig FROM pg_proc WHERE proname LIKE 'rebuild_case_%' ORDER BY 1`)).toEqual([
      { proname: 'rebuild_case_fee_rollups', proconfig: ['work_mem=128MB'] },
      { proname: 'rebuild_case_measure_rollups', proconfig: ['work_mem=128MB'] },
      { proname: 'rebuild_case_pattern_rollups', proconfig: ['work_mem=128MB'] },
      { proname: 'rebuild_case_pricing_rollups', proconfig: ['work_mem=128MB'] },
      { proname: 'rebuild_case_rollups', proconfig: ['work_mem=128MB'] },
    ]);
    // Nobody followed the case up, so whether it bounced back is unknown (it used to say followed up).
    const followUp = async () =>
      (
        await q(
          `SELECT f.followed_up, r.n_followed_up FROM case_facts f
             JOIN case_rollups r ON r.organisation_id = f.organisation_id AND r.dim = 'all' WHERE f.case_id = $1`,
          [caseId],
        )
      )[0];
    expect(await followUp()).toEqual({ followed_up: false, n_followed_up: 0 });
    // The audit rows already there are chained in id order, one chain per organisation.
    const chains = new AuditChainService(dataSource);
    const [{ organisation_id: org }] = await q(`SELECT organisation_id FROM cases WHERE id = $1`, [caseId]);
    expect(await chains.chains()).toHaveLength(2);
    for (const chain of await chains.chains()) expect(await chains.verify(chain)).toMatchObject({ rows: 3 });
    expect(await chains.verify(org)).toEqual({ organisationId: org, rows: 3, lastHash: expect.any(String) });
    expect(
      (await q(`SELECT action FROM audit_log WHERE organisation_id = $1 ORDER BY chain_seq`, [org])).map(
        (r: { action: string }) => r.action,
      ),
    ).toEqual(['create', 'read', 'update']);
    // The organisation made before templates were added at creation has the shipped three.
    expect(
      (await q(`SELECT key FROM letter_templates WHERE organisation_id = $1 ORDER BY key`, [org])).map(
        (r: { key: string }) => r.key,
      ),
    ).toEqual([...SHIPPED_LETTER_KEYS].sort());
  });

  it('undoes them and applies them again, and the facts keep following writes in between', async () => {
    for (const _ of LATER) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await q(`SELECT to_regclass('case_pattern_rollups') AS t`)).toEqual([{ t: null }]);
    // The restored refresh_case_facts still runs on every write.
    await q(`UPDATE outcome_benefits SET amount_gbp = 50 WHERE case_id = $1 AND type = 'benefit_awarded'`, [caseId]);
    expect((await q(`SELECT benefit_types FROM case_facts WHERE case_id = $1`, [caseId]))[0].benefit_types).toEqual([
      'benefit_awarded',
      'debt_written_off',
    ]);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await facts()).toEqual({
      benefit_types: ['benefit_awarded', 'debt_written_off'],
      benefit_amounts_gbp: [50, 1500],
    });
    expect((await patterns()).find((p) => p.dim === 'all')).toEqual({ dim: 'all', n: 1 });
    // A follow-up written now counts at once, in the facts and the roll-ups.
    const [{ organisation_id: org }] = await q(`SELECT organisation_id FROM cases WHERE id = $1`, [caseId]);
    await q(
      `INSERT INTO follow_ups (organisation_id, case_id, "on", recontact) VALUES ($1, $2, '2025-09-01', 'none')`,
      [org, caseId],
    );
    expect(
      await q(
        `SELECT f.followed_up, r.n_followed_up FROM case_facts f
           JOIN case_rollups r ON r.organisation_id = f.organisation_id AND r.dim = 'all' WHERE f.case_id = $1`,
        [caseId],
      ),
    ).toEqual([{ followed_up: true, n_followed_up: 1 }]);
  });
});
