import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase } from '../../test/database.js';
import { CASE_RATE_MEASURES, RATE_MEASURES, RATE_MEASURE_SQL, countedUpTo, maturityCutoff } from './measures.sql.js';
import { OUTCOME_MEASURE_SQL } from './outcome-measures.sql.js';
import { lastDayOf, nextPeriod, periodLabel } from './rate-reports.service.js';

describe('maturityCutoff', () => {
  it.each([
    ['2026-11-23', '2026-05-23'],
    ['2026-08-31', '2026-02-28'],
    ['2026-08-30', '2026-02-28'],
    ['2024-08-31', '2024-02-29'],
    ['2027-02-28', '2026-08-31'],
    ['2026-09-30', '2026-03-31'],
    ['2026-03-31', '2025-09-30'],
    ['2026-01-15', '2025-07-15'],
  ])('on %s counts cases closed up to %s', (asOf, cutoff) => {
    expect(maturityCutoff(asOf, 6)).toBe(cutoff);
  });

  it('agrees with PostgreSQL: the last day d with d + 6 months ≤ asOf, for every day of two years', async () => {
    const db = await createTestDatabase({ migrate: false });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ as_of: string; cutoff: string }>(`
        SELECT a::date::text AS as_of,
               (SELECT max(d)::date::text FROM generate_series(a - interval '8 months', a, interval '1 day') d
                 WHERE d::date + interval '6 months' <= a) AS cutoff
          FROM generate_series(date '2023-01-01', date '2024-12-31', interval '1 day') a`);
      const wrong = rows.filter((r) => maturityCutoff(r.as_of, 6) !== r.cutoff);
      expect(wrong).toEqual([]);
    } finally {
      await client.end();
      await db.drop();
    }
  });

  it('limits only bounce-back, and keeps an earlier `to`', () => {
    expect(countedUpTo('positive_outcome', undefined, '2026-11-23')).toBeUndefined();
    expect(countedUpTo('bounce_back', undefined, '2026-11-23')).toBe('2026-05-23');
    expect(countedUpTo('bounce_back', '2025-01-31', '2026-11-23')).toBe('2025-01-31');
    expect(countedUpTo('bounce_back', '2026-10-01', '2026-11-23')).toBe('2026-05-23');
  });
});

describe('RATE_MEASURE_SQL', () => {
  it('reuses the one definition of each outcome measure', () => {
    for (const [measure, sql] of Object.entries(OUTCOME_MEASURE_SQL)) {
      expect(RATE_MEASURE_SQL[measure as keyof typeof OUTCOME_MEASURE_SQL]).toMatchObject({
        eligible: sql.eligible,
        success: sql.success,
        rollup: { trials: sql.trials, successes: sql.successes },
      });
    }
  });

  it('lets every rate but referral completion be drilled into case by case', () => {
    expect(RATE_MEASURES.filter((m) => !CASE_RATE_MEASURES.includes(m as never))).toEqual(['referral_completion']);
    expect(RATE_MEASURE_SQL.referral_completion.unit).toBe('referrals');
  });
});

describe('trend periods', () => {
  it.each([
    ['2024-02-01', 'month', '2024-02', '2024-02-29', '2024-03-01'],
    ['2025-12-01', 'month', '2025-12', '2025-12-31', '2026-01-01'],
    ['2025-10-01', 'quarter', '2025-Q4', '2025-12-31', '2026-01-01'],
    ['2026-04-01', 'quarter', '2026-Q2', '2026-06-30', '2026-07-01'],
  ] as const)('%s as a %s is %s, ending %s, followed by %s', (start, period, label, last, next) => {
    expect([periodLabel(start, period), lastDayOf(start, period), nextPeriod(start, period)]).toEqual([
      label,
      last,
      next,
    ]);
  });
});
