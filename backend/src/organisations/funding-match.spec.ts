import { describe, expect, it } from '@jest/globals';
import { fundingForPeriod, type FundingPeriod } from './funding-match.js';

const year = { from: '2025-04-01', to: '2026-03-31' };
const rec = (organisationId: string, periodFrom: string, periodTo: string, amountGbp: string): FundingPeriod => ({
  organisationId,
  periodFrom,
  periodTo,
  amountGbp,
});

describe('fundingForPeriod', () => {
  it('sums the records that cover the period day for day, in exact pence', () => {
    const records = [
      rec('a', '2025-04-01', '2025-09-30', '100000.10'),
      rec('a', '2025-10-01', '2026-03-31', '50000.20'),
      rec('b', '2025-04-01', '2026-03-31', '0.01'),
      rec('c', '2025-04-01', '2026-03-31', '999.00'),
    ];
    expect(fundingForPeriod(records, ['a', 'b'], year)).toEqual({ matched: true, totalGbp: 150000.31, records: 3 });
  });

  it('gives nothing when a day of the period is not covered', () => {
    const gap = [rec('a', '2025-04-01', '2025-09-29', '1'), rec('a', '2025-10-01', '2026-03-31', '1')];
    const late = [rec('a', '2025-04-02', '2026-03-31', '1')];
    const early = [rec('a', '2025-04-01', '2026-03-30', '1')];
    for (const records of [gap, late, early, []])
      expect(fundingForPeriod(records, ['a'], year)).toMatchObject({ matched: false });
  });

  it('never splits a record that reaches outside the period, and says so', () => {
    const calendar = [rec('a', '2025-01-01', '2025-12-31', '1'), rec('a', '2026-01-01', '2026-12-31', '1')];
    const result = fundingForPeriod(calendar, ['a'], year);
    expect(result).toEqual({
      matched: false,
      uncovered: [
        {
          organisationId: 'a',
          reason:
            'its funding recorded for 2025-01-01 to 2025-12-31, 2026-01-01 to 2026-12-31 reaches outside the period and is not split',
        },
      ],
    });
  });

  it('gives nothing for a combined pack when one organisation has no funding recorded', () => {
    const records = [rec('a', '2025-04-01', '2026-03-31', '1000')];
    expect(fundingForPeriod(records, ['a', 'b'], year)).toEqual({
      matched: false,
      uncovered: [{ organisationId: 'b', reason: 'no funding recorded' }],
    });
  });
});
