/**
 * The covariate-pattern roll-ups behind the adjusted model, against real PostgreSQL: after every kind
 * of write the table equals a fresh grouping of the case facts, and the model's patterns read from
 * the roll-ups (less the cases outside the period) equal those grouped from the facts, for every
 * measure, period and filter they serve, read one measure at a time or all five at once.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OUTCOME_MEASURES } from '@deepvalue/shared';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { AnalyticsRepository, type PatternCount } from './analytics.repository.js';
import type { ReportFilters } from './report-filters.js';
import { applyEveryKindOfWrite } from './testing/every-kind-of-write.js';
import { type Fixture, seedOrganisation } from './testing/report-fixture.js';

const asOf = '2026-11-01';

/**
 * What the roll-up table should hold: the closed cases' facts grouped afresh, with the counts written
 * out (avoided appeal as docs/measures.md defines it, unknowns out of its denominator) — every case in 'all', in its office ('' for none), its arrival route and each vulnerability flag.
 */
const EXPECTED_SQL = `
  WITH dims AS (
    SELECT f.*, 'all' AS dim, '' AS dim_value FROM case_facts f
    UNION ALL SELECT f.*, 'office', coalesce(f.office_id::text, '') FROM case_facts f
    UNION ALL SELECT f.*, 'arrival', f.arrival_route FROM case_facts f
    UNION ALL SELECT f.*, 'vulnerability', v FROM case_facts f, unnest(f.vulnerabilities) v
  )
  SELECT organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count,
         greatest(relationship_minutes, 15) AS minutes,
         count(*)::int AS n_closed,
         count(*) FILTER (WHERE result IN ('positive', 'partly_positive', 'negative'))::int AS n_with_result,
         count(*) FILTER (WHERE result IN ('positive', 'partly_positive'))::int AS n_positive,
         count(*) FILTER (WHERE accepted IS NOT NULL)::int AS n_accept_asked,
         count(*) FILTER (WHERE accepted)::int AS n_accepted,
         count(*) FILTER (WHERE result = 'negative' AND appeal IS NOT NULL AND (appeal <> 'considered_not_pursued'
                            OR accepted IS NOT NULL OR appeal_not_pursued_reason <> 'accepted_outcome'))::int
           AS n_negative_appeal_known,
         count(*) FILTER (WHERE result = 'negative' AND appeal = 'considered_not_pursued' AND accepted
                            AND (appeal_not_pursued_reason IS NULL OR appeal_not_pursued_reason = 'accepted_outcome'))::int
           AS n_negative_avoided,
         count(*) FILTER (WHERE problems_count > 0)::int AS n_uncovered,
         count(*) FILTER (WHERE same_problem_recontact_6m)::int AS n_bounce_back,
         count(*) FILTER (WHERE followed_up)::int AS n_followed_up
    FROM dims WHERE closed_on IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`;

const ACTUAL_SQL = `
  SELECT organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes,
         n_closed, n_with_result, n_positive, n_accept_asked, n_accepted, n_negative_appeal_known,
         n_negative_avoided, n_uncovered, n_bounce_back, n_followed_up
    FROM case_pattern_rollups ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`;

const sorted = (patterns: PatternCount[]) =>
  [...patterns].sort(
    (a, b) =>
      a.relationshipMinutes - b.relationshipMinutes ||
      a.category.localeCompare(b.category) ||
      a.vulnerabilityCount - b.vulnerabilityCount ||
      a.fundingStream.localeCompare(b.fundingStream),
  );

describe('covariate-pattern roll-ups', () => {
  let sut: Harness;
  let manager: TestUser;
  let fixture: Fixture;
  let repository: AnalyticsRepository;

  beforeAll(async () => {
    sut = await createHarness();
    ({ manager, fixture } = await seedOrganisation(sut, 300, 11));
    repository = sut.app.get(AnalyticsRepository);
    // Some clients without evidence consent, so both values of the consent key are present.
    await sut.dataSource.query(
      `UPDATE clients SET evidence_consent = false
        WHERE id IN (SELECT client_id FROM cases WHERE organisation_id = $1 AND ref = ANY($2::text[]))`,
      [fixture.orgId, fixture.cases.filter((_, i) => i % 7 === 0).map((c) => c.ref)],
    );
  }, 180_000);
  afterAll(async () => {
    await sut.close();
  });

  const expectTableCurrent = async () => {
    const [expected, actual] = [await sut.dataSource.query(EXPECTED_SQL), await sut.dataSource.query(ACTUAL_SQL)];
    expect(expected.length).toBeGreaterThan(50);
    expect(actual).toEqual(expected);
  };

  it('holds exactly the grouped facts after seeding and a consent change', async () => {
    await expectTableCurrent();
  });

  it('stays exact through every kind of write, each in its own statement', async () => {
    await applyEveryKindOfWrite(sut.dataSource, fixture);
    await expectTableCurrent();
  });

  it('is rebuilt whole by rebuild_case_pattern_rollups', async () => {
    await sut.dataSource.query(`DELETE FROM case_pattern_rollups WHERE organisation_id = $1`, [fixture.orgId]);
    await sut.dataSource.query(`SELECT rebuild_case_pattern_rollups($1)`, [fixture.orgId]);
    await expectTableCurrent();
  });

  const FILTERS: Array<[string, ReportFilters]> = [
    ['no filter', {}],
    ['a period', { from: '2024-06-01', to: '2025-09-30' }],
    ['from only', { from: '2025-01-15' }],
    ['to only', { to: '2025-03-31' }],
    ['category', { category: 'debt' }],
    ['funding stream and a period', { fundingStream: 'grant', from: '2024-03-01', to: '2026-02-28' }],
    ['category and funding stream', { category: 'housing', fundingStream: 'legal_aid_fixed_fee' }],
    ['consenting clients only', { consentOnly: true, from: '2024-02-01' }],
    ['arrival route', { arrival: 'referred' }],
    ['vulnerability and a period', { vulnerability: 'mental_health', from: '2024-05-01', to: '2026-01-31' }],
    ['consenting, arrival and category', { consentOnly: true, arrival: 'self', category: 'debt' }],
  ];
  const officeFilters = (): Array<[string, ReportFilters]> => [
    ['office', { office: fixture.officeIds[0] }],
    ['office, funding stream and to', { office: fixture.officeIds[1], fundingStream: 'grant', to: '2025-06-30' }],
  ];

  it.each(FILTERS)('gives the model the same patterns as the facts: %s', async (_, filters) => {
    await expectSamePatterns(filters);
  });

  it('gives the same patterns with an office filter, and with an adviser filter (read from the facts)', async () => {
    for (const [, filters] of officeFilters()) await expectSamePatterns(filters);
    const adviser = { adviser: fixture.adviserIds[1] };
    const chosen = await repository.modelPatterns([fixture.orgId], adviser, 'positive_outcome', asOf);
    const fromFacts = await repository.modelPatternsFromFacts([fixture.orgId], adviser, 'positive_outcome', asOf);
    expect(fromFacts.length).toBeGreaterThan(0);
    expect(sorted(chosen)).toEqual(sorted(fromFacts));
  });

  const expectSamePatterns = async (filters: ReportFilters) => {
    const ids = [fixture.orgId];
    // The five measures at once (the evidence pack's reading): each source, and the one chosen.
    const each = {
      chosen: await repository.modelPatternsEach(ids, filters, OUTCOME_MEASURES, asOf),
      facts: await repository.modelPatternsEachFromFacts(ids, filters, OUTCOME_MEASURES, asOf),
      rollups: await repository.modelPatternsEachFromRollups(ids, filters, OUTCOME_MEASURES, asOf),
    };
    for (const [k, measure] of OUTCOME_MEASURES.entries()) {
      const fromFacts = await repository.modelPatternsFromFacts(ids, filters, measure, asOf);
      const fromRollups = await repository.modelPatternsFromRollups(ids, filters, measure, asOf);
      const chosen = await repository.modelPatterns(ids, filters, measure, asOf);
      expect(fromFacts.length).toBeGreaterThan(0);
      expect(sorted(fromRollups)).toEqual(sorted(fromFacts));
      expect(sorted(chosen)).toEqual(sorted(fromFacts));
      for (const [source, patterns] of Object.entries(each))
        expect({ measure, source, patterns: sorted(patterns[k]) }).toEqual({
          measure,
          source,
          patterns: sorted(fromFacts),
        });
    }
  };

  it('moves the adjusted estimate at once when a case closes', async () => {
    const before = await sut.as(manager).get('/api/reports/time-vs-outcome?measure=problem_uncovered').expect(200);
    const open = fixture.cases.filter((c) => !c.closedOn)[1]; // the first was closed above
    await sut.dataSource.query(`UPDATE cases SET closed_on = opened_on + 10 WHERE id = $1`, [open.id]);
    const after = await sut.as(manager).get('/api/reports/time-vs-outcome?measure=problem_uncovered').expect(200);
    expect(after.body.adjusted.n).toBe(before.body.adjusted.n + 1);
    expect(after.body.n).toBe(before.body.n + 1);
  });
});
