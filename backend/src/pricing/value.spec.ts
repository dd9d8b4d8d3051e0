import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { BANDS, CATEGORIES } from '@deepvalue/shared';
import { DEFAULT_SENSITIVITY, SCENARIOS, withDiscounting, type Range } from './adjustments.js';
import { DEFAULT_BENEFIT_MAPPING, OUTCOME_EVENTS } from './benefit-mapping.js';
import { DEFAULT_UNIT_COSTS } from './unit-cost-defaults.js';
import { VALUE_KINDS } from '@deepvalue/shared';
import { priceDeepValue, type EventAggregate, type PricingInput, type TimeAggregate } from './value.js';

/**
 * The worked example used throughout (default unit costs, mapping and central 25% / 25% / 33%):
 *   housing, band 2–4 h: 2 evictions avoided, 3 appeals avoided; 5 cases, 10 adviser hours, 6 of them relationship
 *   welfare benefits, band 4–8 h: 4 benefit awards, 3 with £ recorded totalling £12,000 a year, 1 benefit "other";
 *     4 cases, 20 adviser hours, 8 of them relationship
 *   hourly cost £50.
 */
const events: EventAggregate[] = [
  { category: 'housing', band: '2-4h', event: 'eviction_avoided', count: 2, recordedGbp: 0, countWithoutAmount: 2 },
  { category: 'housing', band: '2-4h', event: 'avoided_appeal', count: 3, recordedGbp: 0, countWithoutAmount: 3 },
  {
    category: 'welfare_benefits',
    band: '4-8h',
    event: 'benefit_awarded',
    count: 4,
    recordedGbp: 12_000,
    countWithoutAmount: 1,
  },
  { category: 'welfare_benefits', band: '4-8h', event: 'other', count: 1, recordedGbp: 0, countWithoutAmount: 1 },
];
const time: TimeAggregate[] = [
  { category: 'housing', band: '2-4h', cases: 5, adviserHours: 10, relationshipHours: 6 },
  { category: 'welfare_benefits', band: '4-8h', cases: 4, adviserHours: 20, relationshipHours: 8 },
];
const input: PricingInput = {
  events,
  time,
  unitCosts: DEFAULT_UNIT_COSTS,
  mapping: DEFAULT_BENEFIT_MAPPING,
  sensitivity: DEFAULT_SENSITIVITY,
  hourlyCostGbp: 50,
};

function expectRange(actual: Range | null, expected: Range): void {
  expect(actual).not.toBeNull();
  for (const scenario of SCENARIOS) expect(actual?.[scenario]).toBeCloseTo(expected[scenario], 6);
}

describe('priceDeepValue', () => {
  const result = priceDeepValue(input);

  it('values evictions avoided as public money net of deadweight and attribution', () => {
    // Gross: 2 × £34,000 = £68,000 (a per-event cost: one year only).
    // Net = gross × (1 − deadweight) × (1 − attribution):
    //   low 68,000 × 0.6 × 0.6 = 24,480; central 68,000 × 0.75 × 0.75 = 38,250; high 68,000 × 0.9 × 0.9 = 55,080.
    const fiscal = result.byCategory.housing.values.fiscal;
    expect(fiscal.gross).toBe(68_000);
    expectRange(fiscal.net, { low: 24_480, central: 38_250, high: 55_080 });
  });

  it('values the same evictions as wellbeing separately, not inside the fiscal figure', () => {
    // HACT temporary to settled housing £8,019 a person a year, 1 year: gross 2 × 8,019 = 16,038.
    //   low 16,038 × 0.36 = 5,773.68; central 16,038 × 0.5625 = 9,021.375; high 16,038 × 0.81 = 12,990.78.
    const { fiscal, wellbeing } = result.byCategory.housing.values;
    expect(wellbeing.gross).toBe(16_038);
    expectRange(wellbeing.net, { low: 5_773.68, central: 9_021.375, high: 12_990.78 });
    expect(fiscal.gross).toBe(68_000);
  });

  it('values a recorded £ a year over 3 years with drop-off', () => {
    // £12,000 a year recorded on 3 awards, lasting 3 years. Gross = 12,000 × 3 = 36,000.
    // Net = 12,000 × (1 − dw) × (1 − attr) × (1 + (1 − d) + (1 − d)²):
    //   low     d = 50%: 1 + 0.5 + 0.25 = 1.75;       12,000 × 0.36 × 1.75 = 7,560
    //   central d = 33%: 1 + 0.67 + 0.4489 = 2.1189;  12,000 × 0.5625 × 2.1189 = 14,302.575
    //   high    d = 20%: 1 + 0.8 + 0.64 = 2.44;       12,000 × 0.81 × 2.44 = 23,716.8
    const money = result.byCategory.welfare_benefits.values.client_financial;
    expect(money.gross).toBe(36_000);
    expectRange(money.net, { low: 7_560, central: 14_302.575, high: 23_716.8 });
    expect(result.byCategory.welfare_benefits.lines).toEqual([
      expect.objectContaining({ event: 'benefit_awarded', unitCostKey: 'benefit_income_recorded', count: 3, years: 3 }),
    ]);
  });

  it('discounts later years at 3.5% when discounting is switched on, leaving gross unchanged', () => {
    // Central year weights: 1, 0.67 ÷ 1.035 = 0.647343, 0.4489 ÷ 1.035² = 0.419053; Σ = 2.066396.
    // Net central = 12,000 × 0.5625 × 2.066396 = 13,948.17.
    const discounted = priceDeepValue({ ...input, sensitivity: withDiscounting(DEFAULT_SENSITIVITY) });
    const money = discounted.byCategory.welfare_benefits.values.client_financial;
    expect(money.gross).toBe(36_000);
    expect(money.net.central).toBeCloseTo(13_948.17, 2);
  });

  it('costs adviser time at the hourly cost and gives value per £1 and per relationship hour', () => {
    // Housing: 10 h × £50 = £500. Fiscal net per £1: 24,480 / 500 = 48.96; 38,250 / 500 = 76.5;
    // 55,080 / 500 = 110.16. Gross per £1: 68,000 / 500 = 136. Per relationship hour (central): 38,250 / 6 = 6,375.
    const housing = result.byCategory.housing;
    expect(housing.adviserCostGbp).toBe(500);
    expect(housing.values.fiscal.grossPerPoundSpent).toBe(136);
    expectRange(housing.values.fiscal.netPerPoundSpent, { low: 48.96, central: 76.5, high: 110.16 });
    expect(housing.values.fiscal.netPerRelationshipHour?.central).toBeCloseTo(6_375, 6);
  });

  it('adds up cost and hours overall and divides each kind by the whole cost', () => {
    // Overall: (10 + 20) h × £50 = £1,500; 6 + 8 = 14 relationship hours; 5 + 4 = 9 cases.
    // Fiscal central per £1 = 38,250 / 1,500 = 25.5; money to clients central per £1 = 14,302.575 / 1,500 = 9.53505;
    // wellbeing central per relationship hour = 9,021.375 / 14 = 644.383929.
    const { overall } = result;
    expect([overall.cases, overall.adviserHours, overall.relationshipHours, overall.adviserCostGbp]).toEqual([
      9, 30, 14, 1_500,
    ]);
    expect(overall.values.fiscal.netPerPoundSpent?.central).toBeCloseTo(25.5, 6);
    expect(overall.values.client_financial.netPerPoundSpent?.central).toBeCloseTo(9.53505, 6);
    expect(overall.values.wellbeing.netPerRelationshipHour?.central).toBeCloseTo(644.383929, 5);
  });

  it('reports per band of relationship time from the same cells', () => {
    // Evictions are in 2–4 h, benefit awards in 4–8 h: each band carries only its own value and cost.
    expect(result.byBand['2-4h'].values.fiscal.net.central).toBeCloseTo(38_250, 6);
    expect(result.byBand['2-4h'].adviserCostGbp).toBe(500);
    expect(result.byBand['4-8h'].values.fiscal.gross).toBe(0);
    expect(result.byBand['4-8h'].values.client_financial.net.central).toBeCloseTo(14_302.575, 6);
    expect(result.byBand['<1h'].cases).toBe(0);
  });

  it('lists unpriced appeals and benefits without a recorded £ instead of counting them as zero', () => {
    expect(result.overall.unpriced).toEqual([
      {
        event: 'benefit_awarded',
        unitCostKey: 'benefit_income_recorded',
        label: 'Benefit awarded or reinstated (£ per year as recorded)',
        kind: 'client_financial',
        count: 1,
        reason: 'amount_not_recorded',
      },
      {
        event: 'avoided_appeal',
        unitCostKey: 'tribunal_appeal_sscs',
        label: 'Tribunal appeal (SSCS), cost to the state',
        kind: 'fiscal',
        count: 3,
        reason: 'not_priced',
      },
    ]);
    expect(result.overall.lines.some((line) => line.event === 'avoided_appeal')).toBe(false);
    expect(result.overall.unmapped).toEqual([{ event: 'other', count: 1 }]);
  });

  it('prices an appeal once a manager enters a local figure', () => {
    // Local figure £1,000 per appeal: fiscal gross 68,000 + 3 × 1,000 = 71,000; central 71,000 × 0.5625 = 39,937.5.
    const unitCosts = DEFAULT_UNIT_COSTS.map((cost) =>
      cost.key === 'tribunal_appeal_sscs' ? { ...cost, valueGbp: 1_000 } : cost,
    );
    const priced = priceDeepValue({ ...input, unitCosts }).overall;
    expect(priced.values.fiscal.gross).toBe(71_000);
    expect(priced.values.fiscal.net.central).toBeCloseTo(39_937.5, 6);
    expect(priced.unpriced.map((line) => line.event)).toEqual(['benefit_awarded']);
  });

  it('treats a per-event cost as one-off even if the mapping gives it several years', () => {
    const mapping = DEFAULT_BENEFIT_MAPPING.map((entry) =>
      entry.unitCostKey === 'eviction_public_cost' ? { ...entry, durationYears: 5 } : entry,
    );
    expect(priceDeepValue({ ...input, mapping }).overall.values.fiscal.gross).toBe(68_000);
  });

  it('reports a unit cost missing from the table rather than dropping it silently', () => {
    const mapping = [{ event: 'eviction_avoided' as const, unitCostKey: 'gone', durationYears: 1, rationale: '' }];
    expect(priceDeepValue({ ...input, mapping }).byCategory.housing.unpriced).toEqual([
      {
        event: 'eviction_avoided',
        unitCostKey: 'gone',
        label: 'gone',
        kind: null,
        count: 2,
        reason: 'unknown_unit_cost',
      },
    ]);
  });

  it('gives no cost and no value per £1 until an hourly cost is entered', () => {
    const overall = priceDeepValue({ ...input, hourlyCostGbp: null }).overall;
    expect(overall.adviserCostGbp).toBeNull();
    expect(overall.values.fiscal.grossPerPoundSpent).toBeNull();
    expect(overall.values.fiscal.netPerPoundSpent).toBeNull();
    expect(overall.values.fiscal.netPerRelationshipHour?.central).toBeCloseTo(38_250 / 14, 6);
  });

  it('keeps fiscal, wellbeing and money to clients apart with no combined total', () => {
    expect(Object.keys(result.overall.values).sort()).toEqual([...VALUE_KINDS].sort());
    for (const kind of VALUE_KINDS) expect(result.overall.values[kind].kind).toBe(kind);
    // Checked by tsc, not at run time: a net figure is a range object, so adding two kinds with + does not compile.
    // @ts-expect-error Operator '+' cannot be applied to two ranges.
    const careless = (): number => result.overall.values.fiscal.net + result.overall.values.wellbeing.net;
    expect(careless).toBeInstanceOf(Function);
  });
});

describe('priceDeepValue on random aggregates', () => {
  const cell = fc.record({
    category: fc.constantFrom(...CATEGORIES),
    band: fc.constantFrom(...BANDS.map((b) => b.band)),
  });
  const eventAgg = fc
    .tuple(cell, fc.constantFrom(...OUTCOME_EVENTS), fc.nat(50), fc.nat(100_000), fc.nat(50))
    .map(([where, event, count, recordedGbp, without]) => ({
      ...where,
      event,
      count,
      recordedGbp,
      countWithoutAmount: Math.min(without, count),
    }));
  const timeAgg = fc.tuple(cell, fc.nat(100), fc.nat(1_000), fc.nat(1_000)).map(([where, cases, a, b]) => ({
    ...where,
    cases,
    adviserHours: Math.max(a, b),
    relationshipHours: Math.min(a, b),
  }));

  it('orders every net figure low ≤ central ≤ high and adds categories and bands up to the whole', () => {
    fc.assert(
      fc.property(fc.array(eventAgg, { maxLength: 30 }), fc.array(timeAgg, { maxLength: 30 }), (evs, tms) => {
        const value = priceDeepValue({ ...input, events: evs, time: tms });
        const groups = [value.overall, ...Object.values(value.byCategory), ...Object.values(value.byBand)];
        for (const group of groups) {
          for (const kind of VALUE_KINDS) {
            const { net } = group.values[kind];
            expect(net.low).toBeLessThanOrEqual(net.central + 1e-9);
            expect(net.central).toBeLessThanOrEqual(net.high + 1e-9);
          }
        }
        for (const kind of VALUE_KINDS) {
          const whole = value.overall.values[kind].gross;
          const byCategory = Object.values(value.byCategory).reduce((s, g) => s + g.values[kind].gross, 0);
          const byBand = Object.values(value.byBand).reduce((s, g) => s + g.values[kind].gross, 0);
          expect(byCategory).toBeCloseTo(whole, 4);
          expect(byBand).toBeCloseTo(whole, 4);
        }
      }),
    );
  });
});
