/**
 * The evidence pack's fee lines (consenting clients only) read from the fee roll-ups, against real
 * PostgreSQL on generated casework: they equal the straightforward count over the facts
 * (feeLinesFromFacts) for no filter, each single filter and periods that cut months, under the default
 * fee table and a saved one, before and after every kind of write, consent given and withdrawn among
 * them; and the roll-ups answered rather than handing over to the facts. Each problem's relationship time
 * before it surfaced, read from the facts for cases of one or two problems, equals the row-level join over
 * the time entries, for cases of one, two and more problems, before and after writes. And the whole pack
 * (roll-ups, kept fits) equals its straightforward twin (build with fromFacts: facts, fresh fits) byte for
 * byte, as the bench checks at full size.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Category } from '@deepvalue/shared';
import { createHarness, type Harness } from '../../test/harness.js';
import { FeeRatesService } from '../analytics/fee-rates.service.js';
import { FixedFeeRollupsRepository } from '../analytics/fixed-fee-rollups.repository.js';
import { applyEveryKindOfWrite } from '../analytics/testing/every-kind-of-write.js';
import { problemTimeBeforeFromFacts, problemTimeBeforeRows } from '../analytics/measures.sql.js';
import { rollupFilterCases } from '../analytics/testing/rollup-filter-cases.js';
import { type Fixture, seedOrganisation } from '../analytics/testing/report-fixture.js';
import { EvidencePackService } from './evidence-pack.service.js';
import { EvidenceRepository } from './evidence.repository.js';
import { renderPack } from './writers/render-pack.js';

const AS_OF = '2026-11-01';

const SAVED = [
  { category: 'housing', effectiveFrom: '2013-04-01', fixedFeeGbp: 157, escapeThresholdGbp: 471, hourlyRateGbp: 50 },
  { category: 'housing', effectiveFrom: '2025-01-17', fixedFeeGbp: 223, escapeThresholdGbp: 669, hourlyRateGbp: 55.5 },
  { category: 'debt', effectiveFrom: '2013-04-01', fixedFeeGbp: 180, escapeThresholdGbp: 540, hourlyRateGbp: 120.75 },
].map((row) => ({ ...row, category: row.category as Category, source: 'test table' }));

describe('the evidence pack’s fee lines from the fee roll-ups', () => {
  let sut: Harness;
  let fixture: Fixture;
  let evidence: EvidenceRepository;
  let figures: jest.SpiedFunction<FixedFeeRollupsRepository['figures']>;

  beforeAll(async () => {
    sut = await createHarness();
    ({ fixture } = await seedOrganisation(sut, 300, 31));
    evidence = sut.app.get(EvidenceRepository);
    figures = jest.spyOn(sut.app.get(FixedFeeRollupsRepository), 'figures');
    await sut.dataSource.query(
      `UPDATE clients SET evidence_consent = false WHERE organisation_id = $1 AND right(ref, 1) IN ('3', '7')`,
      [fixture.orgId],
    );
  }, 300_000);
  afterAll(async () => {
    await sut.close();
  });

  const expectSameFeeLines = async () => {
    const fees = (await sut.app.get(FeeRatesService).tablesFor([fixture.orgId])).flatMap((t) =>
      t.rows.map((row) => ({ ...row, organisationId: t.organisationId })),
    );
    const byCategory = <T extends { category: string }>(rows: T[]) =>
      [...rows].sort((a, b) => (a.category < b.category ? -1 : 1));
    for (const [name, filters] of rollupFilterCases(fixture)) {
      const twin = await evidence.feeLinesFromFacts([fixture.orgId], filters, AS_OF, fees);
      const served = await evidence.feeLines([fixture.orgId], filters, AS_OF, fees, true);
      const results = figures.mock.results;
      expect({ name, answered: (await results[results.length - 1].value) !== null }).toEqual({ name, answered: true });
      expect({ name, cases: twin.reduce((n, l) => n + l.cases, 0) > 0 }).toEqual({ name, cases: true });
      expect({ name, lines: served }).toEqual({ name, lines: byCategory(twin) });
    }
    // Only consenting clients count: fewer cases than the report for everyone.
    const everyone = await sut.dataSource.query(
      `SELECT count(*)::int AS n FROM case_facts WHERE organisation_id = $1 AND closed_on <= $2`,
      [fixture.orgId, AS_OF],
    );
    const consenting = await evidence.feeLines([fixture.orgId], {}, AS_OF, fees, true);
    expect(consenting.reduce((n, l) => n + l.cases, 0)).toBeLessThan(everyone[0].n);
  };

  it('equals the facts under the default fee table', async () => {
    await expectSameFeeLines();
  });

  it('equals the facts under a saved table, through every kind of write and consent changes', async () => {
    await sut.app.get(FeeRatesService).replace(fixture.orgId, fixture.adviserIds[0], { version: 0, rows: SAVED });
    await expectSameFeeLines();
    await applyEveryKindOfWrite(sut.dataSource, fixture);
    const closed = fixture.cases.filter((c) => c.closedOn && c.sessions.length > 0);
    await sut.dataSource.query(
      `UPDATE clients SET evidence_consent = NOT evidence_consent
        WHERE id IN (SELECT client_id FROM cases WHERE id = ANY($1::uuid[]))`,
      [[closed[3].id, closed[4].id, closed[5].id]],
    );
    await sut.dataSource.query(`UPDATE time_entries SET minutes = minutes + 61 WHERE case_id = $1`, [closed[6].id]);
    await expectSameFeeLines();
  });

  it('reads each problem’s time before it surfaced from the facts as the time entries give it', async () => {
    const rows = async (sql: (where: string) => string) =>
      (
        (await sut.dataSource.query(
          `SELECT case_id, minutes FROM (${sql('f.organisation_id = $1 AND f.closed_on IS NOT NULL')}) p`,
          [fixture.orgId],
        )) as Array<{ case_id: string; minutes: number }>
      ).sort((a, b) => a.case_id.localeCompare(b.case_id) || a.minutes - b.minutes);
    const expectSame = async () => {
      const [fromFacts, joined] = [await rows(problemTimeBeforeFromFacts), await rows(problemTimeBeforeRows)];
      expect(joined.length).toBeGreaterThan(50);
      expect(fromFacts).toEqual(joined);
    };
    // Cases of three and four problems too, surfacing on different days (the fixture makes at most two).
    const [{ n }] = await sut.dataSource
      .query(
        `WITH two AS (SELECT case_id FROM underlying_problems WHERE organisation_id = $1
                     GROUP BY case_id HAVING count(*) = 2 ORDER BY case_id LIMIT 12)
       INSERT INTO underlying_problems (organisation_id, case_id, category, uncovered_on, action, reached_support, result)
       SELECT up.organisation_id, up.case_id, up.category, up.uncovered_on + 3 * k, up.action, up.reached_support, up.result
         FROM underlying_problems up JOIN two USING (case_id), generate_series(1, 2) k
        WHERE up.organisation_id = $1 AND (k = 1 OR right(up.case_id::text, 1) < '8')
       RETURNING 1`,
        [fixture.orgId],
      )
      .then((r: unknown[]) => [{ n: r.length }]);
    expect(n).toBeGreaterThan(10);
    const [{ many }] = await sut.dataSource.query(
      `SELECT count(*)::int AS many FROM case_facts WHERE organisation_id = $1 AND problems_count > 2 AND closed_on IS NOT NULL`,
      [fixture.orgId],
    );
    expect(many).toBeGreaterThan(3);
    await expectSame();
    // Relationship time moved across a problem's day, and a problem's day moved.
    await sut.dataSource.query(
      `UPDATE time_entries SET "on" = "on" + 5, minutes = minutes + 7
        WHERE id IN (SELECT te.id FROM time_entries te JOIN underlying_problems up USING (case_id)
                      WHERE te.organisation_id = $1 AND te.class = 'relationship' ORDER BY te.id LIMIT 30)`,
      [fixture.orgId],
    );
    await sut.dataSource.query(
      `UPDATE underlying_problems SET uncovered_on = uncovered_on + 2
        WHERE id IN (SELECT id FROM underlying_problems WHERE organisation_id = $1 ORDER BY id LIMIT 25)`,
      [fixture.orgId],
    );
    await expectSame();
  });

  it('builds the same pack, byte for byte, as its straightforward twin', async () => {
    const [{ ref }] = await sut.dataSource.query(`SELECT ref FROM organisations WHERE id = $1`, [fixture.orgId]);
    const packs = sut.app.get(EvidencePackService);
    const scope = await packs.scopeForRefs({ org: ref });
    for (const request of [
      { from: '2024-06-17', to: '2026-05-12', asOf: AS_OF },
      { from: '2021-01-01', to: '2026-10-31', asOf: AS_OF, filters: { arrival: 'referred' as const } },
    ]) {
      const served = await renderPack(await packs.build(scope, request));
      const twin = await renderPack(await packs.build(scope, request, { fromFacts: true }));
      expect(served.files.length).toBeGreaterThan(10);
      expect(served.files.map((f) => [f.path, Buffer.from(f.bytes).toString('base64')])).toEqual(
        twin.files.map((f) => [f.path, Buffer.from(f.bytes).toString('base64')]),
      );
    }
  });
});
