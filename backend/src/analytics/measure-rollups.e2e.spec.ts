/**
 * The measures summary's roll-ups, against real PostgreSQL on generated casework: the summary read
 * from them equals the same summary computed the straightforward way from the per-case facts, for
 * no filter, each single filter and periods that cut months, before and after every kind of write;
 * the tables kept by the row trigger equal a rebuild; and the installed functions count each column
 * with the text the measure definitions generate.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness } from '../../test/harness.js';
import { CaseClosureService } from '../casework/cases/case-closure.service.js';
import { measureRollupColumns, valueRollupRows } from './measure-rollups.sql.js';
import { MeasuresRepository } from './measures.repository.js';
import { splitByMonth } from './rollup-periods.js';
import { RATE_MEASURES } from './measures.sql.js';
import { DIMENSION_FILTERS, type ReportFilters } from './report-filters.js';
import { applyEveryKindOfWrite } from './testing/every-kind-of-write.js';
import { type Fixture, seedOrganisation } from './testing/report-fixture.js';
import { rollupFilterCases } from './testing/rollup-filter-cases.js';

const asOf = '2026-11-01';
const TABLES = ['case_measure_rollups', 'case_value_rollups'];

describe('measures summary roll-ups', () => {
  let sut: Harness;
  let fixture: Fixture;
  let repository: MeasuresRepository;

  beforeAll(async () => {
    sut = await createHarness();
    ({ fixture } = await seedOrganisation(sut, 300, 23));
    repository = sut.app.get(MeasuresRepository);
  }, 180_000);
  afterAll(async () => {
    await sut.close();
  });

  // The shared periods and single filters every roll-up spec checks (one of its periods ends in 2026).
  const filterCases = () => rollupFilterCases(fixture);

  const expectSameSummaries = async () => {
    for (const [name, filters] of filterCases()) {
      const fromFacts = await repository.summaryFromFacts([fixture.orgId], filters, asOf);
      const served = await repository.summary([fixture.orgId], filters, asOf);
      expect({ name, closed: fromFacts.closed > 0 }).toEqual({ name, closed: true });
      expect({ name, ...served }).toEqual({ name, ...fromFacts });
    }
  };

  /** Rows in one table and not the other (numeric sums compared by value, not by their scale). */
  const differences = async (table: string, saved: string) => {
    const [{ n }] = await sut.owner(
      `SELECT count(*)::int AS n FROM ((TABLE ${saved} EXCEPT TABLE ${table}) UNION ALL (TABLE ${table} EXCEPT TABLE ${saved})) d`,
    );
    return n;
  };
  const expectTablesCurrent = async () => {
    for (const table of TABLES) {
      await sut.owner(`DROP TABLE IF EXISTS kept_${table}`);
      await sut.owner(`CREATE TABLE kept_${table} AS TABLE ${table}`);
    }
    await sut.dataSource.query(`SELECT rebuild_case_measure_rollups($1)`, [fixture.orgId]);
    for (const table of TABLES)
      expect({ table, differ: await differences(table, `kept_${table}`) }).toEqual({ table, differ: 0 });
  };

  it('serves the summary the facts give, for no filter, each single filter and periods cutting months', async () => {
    await expectSameSummaries();
  });

  it('stays exact through every kind of write, each in its own statement', async () => {
    await applyEveryKindOfWrite(sut.dataSource, fixture);
    await expectTablesCurrent();
    await expectSameSummaries();
  });

  it('stays exact when the service closes a case (outcome and benefits in one submission) and reopens one', async () => {
    const closure = sut.app.get(CaseClosureService);
    const now = async (closedNow: boolean): Promise<Array<{ id: string }>> =>
      sut.dataSource.query(
        `SELECT id FROM cases WHERE organisation_id = $1 AND (closed_on IS NOT NULL) = $2 AND opened_on <= '2025-10-01'
          ORDER BY id LIMIT 8`,
        [fixture.orgId, closedNow],
      );
    const [open, closed] = [await now(false), await now(true)];
    expect([open.length, closed.length]).toEqual([8, 8]);
    const version = async (id: string) =>
      (await sut.dataSource.query(`SELECT version FROM cases WHERE id = $1`, [id]))[0].version as number;
    for (const [i, c] of open.slice(0, 3).entries()) {
      await closure.close(fixture.orgId, c.id, {
        version: await version(c.id),
        closedOn: '2025-10-0' + (i + 1),
        outcome: {
          result: i === 2 ? 'negative' : 'positive',
          accepted: true,
          understood: 4,
          benefits: [
            { type: 'benefit_awarded', amountGbp: 4200.5 },
            { type: 'debt_written_off', amountGbp: null },
          ],
        },
      });
    }
    await closure.reopen(fixture.orgId, closed[7].id, { version: await version(closed[7].id) });
    const [facts] = await sut.dataSource.query(
      `SELECT closed_on::text, result, benefit_types FROM case_facts WHERE case_id = $1`,
      [open[0].id],
    );
    expect(facts).toEqual({
      closed_on: '2025-10-01',
      result: 'positive',
      benefit_types: ['benefit_awarded', 'debt_written_off'],
    });
    await sut.owner(`CREATE TABLE kept_case_pricing_rollups AS TABLE case_pricing_rollups`);
    await sut.dataSource.query(`SELECT rebuild_case_pricing_rollups($1)`, [fixture.orgId]);
    expect(await differences('case_pricing_rollups', 'kept_case_pricing_rollups')).toBe(0);
    await expectTablesCurrent();
    await expectSameSummaries();
  });

  it('serves breakdowns and their totals the facts give, for every rate and dimension, with and without a period', async () => {
    const ids = [fixture.orgId];
    const byKey = (rows: Array<{ key: string }>) => [...rows].sort((a, b) => (a.key < b.key ? -1 : 1));
    let groups = 0;
    for (const filters of [{}, { from: '2024-06-17', to: '2025-09-12' }] as ReportFilters[]) {
      for (const measure of RATE_MEASURES) {
        for (const by of DIMENSION_FILTERS) {
          const served = await repository.rateByGroup(ids, filters, measure, by, asOf);
          const fromFacts = await repository.rateByGroupFromFacts(ids, filters, measure, by, asOf);
          groups += fromFacts.length;
          expect({ measure, by, filters, groups: byKey(served) }).toEqual({
            measure,
            by,
            filters,
            groups: byKey(fromFacts),
          });
        }
        const total = await repository.rateTotal(ids, filters, measure, asOf);
        const totalFromFacts = await repository.rateTotalFromFacts(ids, filters, measure, asOf);
        expect({ measure, total }).toEqual({ measure, total: totalFromFacts });
      }
    }
    expect(groups).toBeGreaterThan(100);
  });

  it('counts each column with the text the measure definitions generate', async () => {
    const [{ apply }] = await sut.dataSource.query(
      `SELECT pg_get_functiondef('case_measure_rollups_apply()'::regprocedure) AS apply`,
    );
    const [{ rebuild }] = await sut.dataSource.query(
      `SELECT pg_get_functiondef('rebuild_case_measure_rollups(uuid)'::regprocedure) AS rebuild`,
    );
    const expected = [
      ...measureRollupColumns().map((c) => `coalesce(sum(f.s * (${c.perCase})), 0)::${c.type} AS ${c.column}`),
      `VALUES ${valueRollupRows()}`,
    ];
    expect(expected.filter((text) => !apply.includes(text) || !rebuild.includes(text))).toEqual([]);
  });

  it('splits a period into whole months and the days of the months it cuts', () => {
    expect(splitByMonth(undefined, undefined)).toEqual({ months: {}, edges: [] });
    expect(splitByMonth('2024-06-01', '2025-09-30')).toEqual({
      months: { from: '2024-06-01', to: '2025-09-01' },
      edges: [],
    });
    expect(splitByMonth('2024-06-17', '2024-09-12')).toEqual({
      months: { from: '2024-07-01', to: '2024-08-01' },
      edges: [
        { from: '2024-06-17', to: '2024-06-30' },
        { from: '2024-09-01', to: '2024-09-12' },
      ],
    });
    expect(splitByMonth('2024-02-03', '2024-02-29')).toEqual({
      months: null,
      edges: [{ from: '2024-02-03', to: '2024-02-29' }],
    });
    expect(splitByMonth('2024-01-31', '2024-02-01')).toEqual({
      months: null,
      edges: [{ from: '2024-01-31', to: '2024-02-01' }],
    });
    expect(splitByMonth(undefined, '2024-02-28')).toEqual({
      months: { from: undefined, to: '2024-01-01' },
      edges: [{ from: '2024-02-01', to: '2024-02-28' }],
    });
  });
});
