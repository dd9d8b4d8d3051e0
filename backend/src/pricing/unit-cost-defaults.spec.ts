import { describe, it, expect } from '@jest/globals';
import {
  DEFAULT_HOURLY_COST_GBP,
  DEFAULT_HOURLY_COST,
  hourlyCostOf,
  DEFAULT_UNIT_COSTS,
  isPriced,
} from './unit-cost-defaults.js';

const byKey = (key: string) => DEFAULT_UNIT_COSTS.find((cost) => cost.key === key);

describe('DEFAULT_UNIT_COSTS', () => {
  it('seeds exactly the priced rows of docs/pricing.md, each with its kind, unit, source and year', () => {
    const priced = DEFAULT_UNIT_COSTS.filter((cost) => cost.basis === 'unit_rate' && cost.valueGbp !== null);
    expect(priced.map(({ key, kind, valueGbp, unit, year }) => ({ key, kind, valueGbp, unit, year }))).toEqual([
      { key: 'eviction_public_cost', kind: 'fiscal', valueGbp: 34000, unit: 'per_event', year: 2009 },
      { key: 'hact_relief_heavy_debt', kind: 'wellbeing', valueGbp: 9428, unit: 'per_person_per_year', year: 2014 },
      { key: 'hact_full_time_employment', kind: 'wellbeing', valueGbp: 10767, unit: 'per_person_per_year', year: 2014 },
      {
        key: 'hact_temporary_to_settled_housing',
        kind: 'wellbeing',
        valueGbp: 8019,
        unit: 'per_person_per_year',
        year: 2015,
      },
    ]);
    for (const cost of priced) expect(cost.source.length).toBeGreaterThan(10);
  });

  it('ships rows with no citable figure unpriced (null), never as zero', () => {
    for (const key of ['tribunal_appeal_sscs', 'repeat_advice_episode', 'out_of_work_public_cost']) {
      const cost = byKey(key);
      expect(cost?.valueGbp).toBeNull();
      expect(cost && isPriced(cost)).toBe(false);
    }
    expect(DEFAULT_UNIT_COSTS.some((cost) => cost.valueGbp === 0)).toBe(false);
  });

  it('takes benefit and debt-written-off values from the recorded £, as money to the client', () => {
    for (const key of ['benefit_income_recorded', 'debt_written_off_recorded']) {
      expect(byKey(key)).toMatchObject({ basis: 'recorded_amount', kind: 'client_financial', valueGbp: null });
      expect(isPriced(byKey(key)!)).toBe(true);
    }
  });

  it('has unique keys', () => {
    const keys = DEFAULT_UNIT_COSTS.map((cost) => cost.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('the hourly cost of adviser time', () => {
  it('is stored empty until a manager enters their own, and priced meanwhile at the cited Legal Help rate', () => {
    expect(DEFAULT_HOURLY_COST_GBP).toBeNull();
    expect(hourlyCostOf(null)).toEqual({ valueGbp: 65.35, source: DEFAULT_HOURLY_COST.source });
    expect(DEFAULT_HOURLY_COST.source).toContain('SI 2025/1248');
    expect(hourlyCostOf(48)).toEqual({ valueGbp: 48, source: null });
  });
});
