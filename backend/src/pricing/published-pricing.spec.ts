import { describe, expect, it } from '@jest/globals';
import { BANDS, CATEGORIES } from '@deepvalue/shared';
import { roundFigures } from '../disclosure/rounding.js';
import { DEFAULT_SENSITIVITY } from './adjustments.js';
import { DEFAULT_BENEFIT_MAPPING } from './benefit-mapping.js';
import { publishedValue, twoSignificant } from './published-pricing.js';
import { DEFAULT_UNIT_COSTS } from './unit-cost-defaults.js';
import type { EventAggregate, PricingInput, TimeAggregate } from './value.js';

/**
 * Housing 2–4 h: 20 cases, 12 evictions avoided; debt 2–4 h: 10 cases, 2 evictions avoided; welfare
 * benefits 1–2 h: 10 cases, 9 evictions avoided and 7 benefit awards, 6 of them with £13,000 a year in
 * all. Every case has 2 adviser hours and 1 relationship hour (1.5 in debt).
 */
const events: EventAggregate[] = [
  { category: 'housing', band: '2-4h', event: 'eviction_avoided', count: 12, recordedGbp: 0, countWithoutAmount: 12 },
  { category: 'debt', band: '2-4h', event: 'eviction_avoided', count: 2, recordedGbp: 0, countWithoutAmount: 2 },
  {
    category: 'welfare_benefits',
    band: '1-2h',
    event: 'eviction_avoided',
    count: 9,
    recordedGbp: 0,
    countWithoutAmount: 9,
  },
  {
    category: 'welfare_benefits',
    band: '1-2h',
    event: 'benefit_awarded',
    count: 7,
    recordedGbp: 13_000,
    countWithoutAmount: 1,
  },
];
const time: TimeAggregate[] = [
  { category: 'housing', band: '2-4h', cases: 20, adviserHours: 40, relationshipHours: 20 },
  { category: 'debt', band: '2-4h', cases: 10, adviserHours: 20, relationshipHours: 15 },
  { category: 'welfare_benefits', band: '1-2h', cases: 10, adviserHours: 20, relationshipHours: 10 },
];
const input: PricingInput = {
  events,
  time,
  unitCosts: DEFAULT_UNIT_COSTS,
  mapping: DEFAULT_BENEFIT_MAPPING,
  sensitivity: DEFAULT_SENSITIVITY,
  hourlyCostGbp: 50,
};
const casesFigure = {
  byBand: BANDS.map((b) => time.filter((t) => t.band === b.band).reduce((s, t) => s + t.cases, 0)),
  byCategory: CATEGORIES.map((c) => time.filter((t) => t.category === c).reduce((s, t) => s + t.cases, 0)),
};
const [cases] = roundFigures([casesFigure], 5);
const { value, marks } = publishedValue(input, { base: 5, cases });

describe('publishedValue', () => {
  it('prices each band from its rounded event count, and the total as the sum of the bands', () => {
    // 1–2 h: 9 evictions round to 10; 2–4 h: 14 round to 15. £34,000 each.
    expect(value.byBand['1-2h'].values.fiscal.gross).toBe(10 * 34_000);
    expect(value.byBand['2-4h'].values.fiscal.gross).toBe(15 * 34_000);
    expect(value.overall.values.fiscal.gross).toBe(25 * 34_000);
    expect(marks.eventCounts.get('eviction_avoided')).toBe(25);
  });

  it('prices each category from its own rounded count: 2 evictions in debt publish as none', () => {
    expect(value.byCategory.housing.values.fiscal.gross).toBe(10 * 34_000);
    expect(value.byCategory.welfare_benefits.values.fiscal.gross).toBe(10 * 34_000);
    expect(value.byCategory.debt.values.fiscal.gross).toBe(0);
  });

  it('gives hours as the rounded cases × hours per case to 0.1 h, never an exact sum', () => {
    // Debt: 10 cases (rounded 10) × 1.5 relationship hours; 2–4 h: 30 cases × 2 adviser hours.
    expect(value.byCategory.debt.relationshipHours).toBe(15);
    expect(value.byBand['2-4h'].adviserHours).toBe(60);
    // (20 + 15) ÷ 30 = 1.1666… relationship hours a case, published as 1.2 × 30.
    expect(value.byBand['2-4h'].relationshipHours).toBeCloseTo(36, 10);
    expect(value.overall.adviserCostGbp).toBe((60 + 20) * 50);
  });

  it('prices recorded £ as the rounded count with a £ × their mean to two significant figures', () => {
    // 6 awards with £13,000 a year: mean £2,166.67 → £2,200; 6 rounds to 5; 3 years.
    const line = value.byBand['1-2h'].lines.find((l) => l.event === 'benefit_awarded')!;
    expect(line.count).toBe(5);
    expect(line.gross).toBe(5 * 2_200 * 3);
    // 7 awards round to 5 as well, so no award is shown without a £.
    expect(value.byBand['1-2h'].unpriced.filter((u) => u.event === 'benefit_awarded')).toEqual([]);
  });

  it('takes avoided bounce-backs from the figure it is linked to', () => {
    const linked = {
      byBand: [0, 5, 10, 0, 0],
      total: 15,
      byCategory: CATEGORIES.map((c) => (c === 'housing' ? 10 : c === 'debt' ? null : 0)),
      categoryBase: 5,
    };
    const withLinked = publishedValue(input, { base: 5, cases, linked: { bounce_back_avoided: linked } });
    expect(withLinked.marks.eventCounts.get('bounce_back_avoided')).toBe(15);
    expect(withLinked.value.byBand['2-4h'].unpriced.find((u) => u.event === 'bounce_back_avoided')!.count).toBe(10);
    // Debt's count is not published, so no kind it prices is either; cases and hours still are.
    const debt = CATEGORIES.indexOf('debt');
    const kinds = new Set(
      DEFAULT_BENEFIT_MAPPING.filter((e) => e.event === 'bounce_back_avoided').map(
        (e) => DEFAULT_UNIT_COSTS.find((c) => c.key === e.unitCostKey)!.kind,
      ),
    );
    for (const kind of kinds) expect(withLinked.marks.hiddenKinds[debt][kind]).toBe(true);
    expect(withLinked.marks.hiddenCategories[debt]).toBe(false);
  });

  it('rounds to two significant figures', () => {
    expect([twoSignificant(4321.17), twoSignificant(87.4), twoSignificant(0.0456), twoSignificant(0)]).toEqual([
      4300, 87, 0.046, 0,
    ]);
  });
});
