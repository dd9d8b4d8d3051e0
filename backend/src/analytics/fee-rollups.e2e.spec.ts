/**
 * Fixed fee against need from its roll-ups, against real PostgreSQL on generated casework: the report
 * served equals the report counted the straightforward way from the facts (every figure: fee lines,
 * outcomes either side, escapes, hours' mean, quartiles and histogram), for no filter, each single
 * filter and periods that cut months, under the default fee table and a saved one, before and after
 * every kind of write, for every client and for consenting clients only (the evidence pack's reading:
 * evidence/fee-lines.e2e.spec.ts); the tables the row trigger keeps equal a rebuild; an older fee version is
 * answered from the facts; the installed functions count each column with the generated text; and the
 * default rows SQL classifies with are fee-defaults.ts.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createHarness, type Harness } from '../../test/harness.js';
import { DEFAULT_FEE_TABLE } from './fee-defaults.js';
import { FeeRatesService } from './fee-rates.service.js';
import { feeRollupColumns } from './fee-rollups.sql.js';
import { FixedFeeRollupsRepository } from './fixed-fee-rollups.repository.js';
import { FixedFeeService } from './fixed-fee.service.js';
import type { Category } from '@deepvalue/shared';
import type { ReportFilters } from './report-filters.js';
import { applyEveryKindOfWrite } from './testing/every-kind-of-write.js';
import { rollupFilterCases } from './testing/rollup-filter-cases.js';
import { type Fixture, seedOrganisation } from './testing/report-fixture.js';

const AS_OF = '2026-11-01';

/** A saved table with hourly rates and a fee row starting mid-month inside the data. */
const SAVED = [
  { category: 'housing', effectiveFrom: '2013-04-01', fixedFeeGbp: 157, escapeThresholdGbp: 471, hourlyRateGbp: 50 },
  { category: 'housing', effectiveFrom: '2025-01-17', fixedFeeGbp: 223, escapeThresholdGbp: 669, hourlyRateGbp: 55.5 },
  { category: 'debt', effectiveFrom: '2013-04-01', fixedFeeGbp: 180, escapeThresholdGbp: 540, hourlyRateGbp: null },
  { category: 'debt', effectiveFrom: '2024-11-09', fixedFeeGbp: 256, escapeThresholdGbp: 768, hourlyRateGbp: 120.75 },
  {
    category: 'welfare_benefits',
    effectiveFrom: '2014-01-01',
    fixedFeeGbp: 208,
    escapeThresholdGbp: null,
    hourlyRateGbp: 45,
  },
].map((row) => ({ ...row, category: row.category as Category, source: 'test table' }));

describe('fixed fee roll-up', () => {
  let sut: Harness;
  let fixture: Fixture;
  let service: FixedFeeService;
  let figures: jest.SpiedFunction<FixedFeeRollupsRepository['figures']>;

  beforeAll(async () => {
    sut = await createHarness();
    ({ fixture } = await seedOrganisation(sut, 300, 29));
    service = sut.app.get(FixedFeeService);
    figures = jest.spyOn(sut.app.get(FixedFeeRollupsRepository), 'figures');
    // Some clients without consent, so the consenting half differs from everyone (as in pricing-rollups.e2e).
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
    ['category housing', { category: 'housing' }],
    ['funding stream', { fundingStream: 'legal_aid_fixed_fee' }],
    ['adviser, in capitals', { adviser: fixture.adviserIds[1].toUpperCase() }],
    ['consent only', { consentOnly: true }],
    ['consent only, a period cutting months', { consentOnly: true, from: '2024-06-17', to: '2026-05-12' }],
    ['consent only, office', { consentOnly: true, office: fixture.officeIds[0] }],
  ];

  const expectSameReports = async () => {
    for (const [name, filters] of filterCases()) {
      const fromFacts = await service.report([fixture.orgId], filters, { asOf: AS_OF, fromFacts: true });
      const served = await service.report([fixture.orgId], filters, { asOf: AS_OF });
      expect({ name, n: fromFacts.n > 0 }).toEqual({ name, n: true });
      expect({ name, ...served }).toEqual({ name, ...fromFacts });
      // The roll-ups answered (not a silent fall-back to the facts).
      const answered = await answeredLast();
      expect({ name, answered }).toEqual({ name, answered: true });
    }
  };

  /** Whether the last roll-up read answered (rather than handing over to the facts). */
  const answeredLast = async () => {
    const results = figures.mock.results;
    return (await results[results.length - 1].value) !== null;
  };

  const savedVersion = async () => (await sut.app.get(FeeRatesService).table(fixture.orgId)).version;

  const expectTablesCurrent = async () => {
    for (const table of ['case_fee_rollups', 'case_fee_minute_rollups']) {
      await sut.owner(`DROP TABLE IF EXISTS kept_${table}`);
      await sut.owner(`CREATE TABLE kept_${table} AS TABLE ${table}`);
    }
    await sut.dataSource.query(`SELECT rebuild_case_fee_rollups($1)`, [fixture.orgId]);
    for (const table of ['case_fee_rollups', 'case_fee_minute_rollups']) {
      const [{ n }] = await sut.owner(
        `SELECT count(*)::int AS n FROM ((TABLE kept_${table} EXCEPT TABLE ${table})
           UNION ALL (TABLE ${table} EXCEPT TABLE kept_${table})) d`,
      );
      expect({ table, n }).toEqual({ table, n: 0 });
      const [{ rows }] = await sut.owner(`SELECT count(*)::int AS rows FROM ${table}`);
      expect(rows).toBeGreaterThan(100);
    }
  };

  it('serves the report the facts give under the default fee table, for no filter and each single filter', async () => {
    expect(await savedVersion()).toBe(0);
    await expectSameReports();
  });

  it('classifies every case again when a fee table is saved, and stays exact through every kind of write', async () => {
    await sut.app.get(FeeRatesService).replace(fixture.orgId, fixture.adviserIds[0], { version: 0, rows: SAVED });
    const report = await service.report([fixture.orgId], {}, { asOf: AS_OF });
    const housing = report.categories.find((c) => c.category === 'housing')!;
    expect(housing.feesApplied.length).toBe(2);
    expect(housing.withinFee!.cases + housing.beyondFee!.cases).toBe(housing.n);
    expect(housing.beyondFee!.cases).toBeGreaterThan(0);
    expect(housing.escape!.count).toBeGreaterThan(0);
    await expectSameReports();

    const q = (sql: string, params: unknown[] = []) => sut.dataSource.query(sql, params);
    const closed = fixture.cases.filter((c) => c.closedOn && c.sessions.length > 0);
    await applyEveryKindOfWrite(sut.dataSource, fixture);
    // What only the fee roll-up turns on: all of a case's time (its hours and fee line move), all of
    // another's removed, a case moved across the saved fee row starting 2025-01-17, a category changed.
    await q(`UPDATE time_entries SET minutes = minutes + 97 WHERE case_id = $1`, [closed[9].id]);
    await q(`DELETE FROM time_entries WHERE case_id = $1`, [closed[10].id]);
    await q(`UPDATE cases SET opened_on = '2025-01-20', closed_on = '2025-03-01' WHERE id = $1`, [closed[7].id]);
    await q(`UPDATE cases SET category = 'housing' WHERE id = $1`, [closed[8].id]);
    // Consent given and withdrawn on closed cases: their counts move between the roll-ups' halves.
    await q(
      `UPDATE clients SET evidence_consent = NOT evidence_consent WHERE id IN (SELECT client_id FROM cases WHERE id = ANY($1::uuid[]))`,
      [[closed[11].id, closed[12].id]],
    );
    await expectTablesCurrent();
    await expectSameReports();
  });

  it('answers an older fee version from the facts', async () => {
    const older = await service.report([fixture.orgId], {}, { asOf: AS_OF, feeTableVersions: { [fixture.orgId]: 0 } });
    expect(older.feeTables[0]).toMatchObject({ version: 0, usingDefaults: true });
    expect(older).toEqual(
      await service.report(
        [fixture.orgId],
        {},
        { asOf: AS_OF, feeTableVersions: { [fixture.orgId]: 0 }, fromFacts: true },
      ),
    );
    expect(older).not.toEqual(await service.report([fixture.orgId], {}, { asOf: AS_OF }));
  });

  it('counts each column with the text the definitions generate, against fee-defaults.ts', async () => {
    const definition = async (signature: string): Promise<string> => {
      const [{ text }] = await sut.dataSource.query(`SELECT pg_get_functiondef($1::regprocedure) AS text`, [signature]);
      return text;
    };
    const apply = await definition('case_fee_rollups_apply()');
    const rebuild = await definition('rebuild_case_fee_rollups(uuid, boolean)');
    const expected = feeRollupColumns().map((c) => `${c.perCase} AS p_${c.column}`);
    expect(expected.filter((text) => !apply.includes(text) || !rebuild.includes(text))).toEqual([]);
    const defaults = await sut.dataSource.query(
      `SELECT category, effective_from::text AS "effectiveFrom", fixed_fee_gbp::float8 AS "fixedFeeGbp",
              escape_threshold_gbp::float8 AS "escapeThresholdGbp"
         FROM fee_default_rates ORDER BY category, effective_from`,
    );
    expect(defaults).toEqual(
      DEFAULT_FEE_TABLE.map(({ category, effectiveFrom, fixedFeeGbp, escapeThresholdGbp }) => ({
        category,
        effectiveFrom,
        fixedFeeGbp,
        escapeThresholdGbp,
      })).sort((a, b) => a.category.localeCompare(b.category) || a.effectiveFrom.localeCompare(b.effectiveFrom)),
    );
  });
});
