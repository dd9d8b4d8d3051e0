/**
 * Pricing's roll-up, against real PostgreSQL on generated casework with generated benefits: the
 * aggregates read from it equal the same aggregates computed the straightforward way from the facts,
 * for no filter, each single filter, periods that cut months, both consent rules and as-of dates whose
 * bounce-back cut-off ends a month or cuts one, before and after every kind of write; the table kept
 * by the row trigger equals a rebuild; and the installed functions count each column with the text
 * pricing-rollups.sql.ts generates. The evidence pack's cells, read from the same roll-up, equal the
 * same cells from the facts in the same cases.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BENEFIT_TYPES } from '@deepvalue/shared';
import { createHarness, type Harness } from '../../test/harness.js';
import type { ConsentRule } from '../analytics/facts-query.js';
import type { ReportFilters } from '../analytics/report-filters.js';
import { applyEveryKindOfWrite } from '../analytics/testing/every-kind-of-write.js';
import { rollupFilterCases } from '../analytics/testing/rollup-filter-cases.js';
import { type Fixture, seedOrganisation } from '../analytics/testing/report-fixture.js';
import { PricingAggregatesRepository } from './pricing-aggregates.repository.js';
import { packCellColumns } from '../analytics/pack-cells.sql.js';
import { MeasureCellsRepository } from '../analytics/measure-cells.repository.js';
import { pricingBenefitColumns, pricingCaseColumns } from './pricing-rollups.sql.js';

/** Cut-offs 2026-05-01 (cuts May) and 2026-02-28 (ends February). */
const AS_OF = ['2026-11-01', '2026-08-31'];
const CONSENT: ConsentRule[] = ['all_cases', 'consented_only'];

describe('pricing roll-up', () => {
  let sut: Harness;
  let fixture: Fixture;
  let repository: PricingAggregatesRepository;
  let evidence: MeasureCellsRepository;

  /** A deterministic sequence, so every run writes the same benefits. */
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;

  const addBenefits = async (caseIds: string[]) => {
    for (const caseId of caseIds) {
      const rows = Math.floor(next() * 4);
      for (let i = 0; i < rows; i++) {
        const type = next() < 0.3 ? ['home_kept', 'eviction_avoided'][i % 2] : BENEFIT_TYPES[Math.floor(next() * 10)];
        const amount = next() < 0.3 ? null : Math.round(next() * 500000) / 100;
        await sut.dataSource.query(
          `INSERT INTO outcome_benefits (organisation_id, case_id, type, amount_gbp) VALUES ($1, $2, $3, $4)`,
          [fixture.orgId, caseId, type, amount],
        );
      }
    }
  };

  beforeAll(async () => {
    sut = await createHarness();
    ({ fixture } = await seedOrganisation(sut, 300, 29));
    repository = sut.app.get(PricingAggregatesRepository);
    evidence = sut.app.get(MeasureCellsRepository);
    await addBenefits(fixture.cases.filter((c) => c.closedOn).map((c) => c.id));
    await sut.dataSource.query(
      `UPDATE clients SET evidence_consent = false WHERE organisation_id = $1 AND right(ref, 1) IN ('3', '7')`,
      [fixture.orgId],
    );
  }, 300_000);
  afterAll(async () => {
    await sut.close();
  });

  const filterCases = (): Array<[string, ReportFilters]> => [
    ...rollupFilterCases(fixture),
    ['consent only', { consentOnly: true }],
  ];

  const expectSameAggregates = async () => {
    for (const asOf of AS_OF)
      for (const consent of CONSENT)
        for (const [name, filters] of filterCases()) {
          const fromFacts = await repository.aggregatesFromFacts([fixture.orgId], filters, asOf, consent);
          const served = await repository.aggregates([fixture.orgId], filters, asOf, consent);
          const kinds = new Set(fromFacts.events.map((e) => e.event));
          expect({ name, cells: fromFacts.time.length > 0 }).toEqual({ name, cells: true });
          if (name === 'no filter')
            expect({ asOf, consent, kinds: kinds.size }).toEqual({ asOf, consent, kinds: BENEFIT_TYPES.length + 2 });
          expect({ name, asOf, consent, ...served }).toEqual({ name, asOf, consent, ...fromFacts });
        }
    // The evidence pack's cells (every outcome measure, by-band rate and mean) read from the same roll-up.
    for (const asOf of AS_OF)
      for (const [name, filters] of filterCases()) {
        const fromFacts = await evidence.measureCellsFromFacts([fixture.orgId], filters, asOf);
        const served = await evidence.measureCells([fixture.orgId], filters, asOf);
        expect({ name, cells: fromFacts.cells.length > 0 }).toEqual({ name, cells: true });
        if (name === 'no filter')
          expect({ asOf, excluded: fromFacts.withoutConsent > 0 }).toEqual({ asOf, excluded: true });
        expect({ name, asOf, ...served }).toEqual({ name, asOf, ...fromFacts });
      }
  };

  const expectTableCurrent = async () => {
    await sut.owner(`DROP TABLE IF EXISTS kept_case_pricing_rollups`);
    await sut.owner(`CREATE TABLE kept_case_pricing_rollups AS TABLE case_pricing_rollups`);
    await sut.dataSource.query(`SELECT rebuild_case_pricing_rollups($1)`, [fixture.orgId]);
    const [{ n }] = await sut.owner(
      `SELECT count(*)::int AS n FROM ((TABLE kept_case_pricing_rollups EXCEPT TABLE case_pricing_rollups)
         UNION ALL (TABLE case_pricing_rollups EXCEPT TABLE kept_case_pricing_rollups)) d`,
    );
    expect(n).toBe(0);
    const [{ rows }] = await sut.owner(`SELECT count(*)::int AS rows FROM case_pricing_rollups`);
    expect(rows).toBeGreaterThan(100);
  };

  it('serves the aggregates the facts give, for no filter, each single filter, periods and consent rules', async () => {
    await expectSameAggregates();
  });

  it('stays exact through every kind of write, each in its own statement', async () => {
    const q = (sql: string, params: unknown[] = []) => sut.dataSource.query(sql, params);
    const closed = fixture.cases.filter((c) => c.closedOn && c.sessions.length > 0);
    const open = fixture.cases.find((c) => !c.closedOn)!;
    await applyEveryKindOfWrite(sut.dataSource, fixture);
    // The case the writes above closed gains benefits too.
    await addBenefits([closed[7].id, closed[8].id, open.id]);
    await q(`UPDATE outcome_benefits SET amount_gbp = NULL WHERE case_id = $1`, [closed[9].id]);
    await q(`UPDATE outcome_benefits SET type = 'eviction_avoided' WHERE case_id = $1`, [closed[10].id]);
    await q(`DELETE FROM outcome_benefits WHERE case_id = $1`, [closed[11].id]);
    await q(`UPDATE clients SET evidence_consent = NOT evidence_consent WHERE organisation_id = $1 AND ref LIKE '%5'`, [
      fixture.orgId,
    ]);
    await expectTableCurrent();
    await expectSameAggregates();
  });

  it('counts each column with the text the definitions generate', async () => {
    const definition = async (signature: string): Promise<string> => {
      const [{ text }] = await sut.dataSource.query(`SELECT pg_get_functiondef($1::regprocedure) AS text`, [signature]);
      return text;
    };
    const apply = await definition('case_pricing_rollups_apply()');
    const rebuild = await definition('rebuild_case_pricing_rollups(uuid)');
    const expected = [...pricingCaseColumns(), ...packCellColumns(), ...pricingBenefitColumns()].map(
      (c) => `${c.perCase} AS p_${c.column}`,
    );
    expect(expected.filter((text) => !apply.includes(text) || !rebuild.includes(text))).toEqual([]);
  });
});
