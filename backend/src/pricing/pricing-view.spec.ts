import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SENSITIVITY } from './adjustments.js';
import { DEFAULT_BENEFIT_MAPPING } from './benefit-mapping.js';
import { CATEGORIES } from '@deepvalue/shared';
import { buildPricingView } from './pricing-view.js';
import type { PublishedMarks } from './published-pricing.js';
import { DEFAULT_UNIT_COSTS } from './unit-cost-defaults.js';
import { priceDeepValue, type EventAggregate, type PricingInput, type TimeAggregate } from './value.js';

/**
 * Housing 2–4 h: 20 cases, 12 evictions avoided; debt 2–4 h: 10 cases, 2 evictions avoided (a small
 * count); welfare benefits 1–2 h: 10 cases, 9 evictions avoided. Hourly cost £50, 2 adviser hours a case.
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
];
const time: TimeAggregate[] = [
  { category: 'housing', band: '2-4h', cases: 20, adviserHours: 40, relationshipHours: 20 },
  { category: 'debt', band: '2-4h', cases: 10, adviserHours: 20, relationshipHours: 10 },
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
const value = priceDeepValue(input);
const fiscal = (view: ReturnType<typeof buildPricingView>, key: string) =>
  view.groups.find((g) => g.key === key)!.kinds.find((k) => k.kind === 'fiscal')!;

describe('buildPricingView', () => {
  it('gives every figure in full without suppression', () => {
    const view = buildPricingView(input, value, null);
    // Debt: 2 × £34,000 = £68,000 gross; 20 hours × £50 = £1,000; central net 68,000 × 0.5625 = 38,250 → £38.25 per £1.
    expect(fiscal(view, 'debt').gross).toBe(68_000);
    expect(fiscal(view, 'debt').netPerPoundSpent.central).toBe(38.25);
    expect(view.groups.find((g) => g.key === 'debt')!.cases).toBe(10);
    expect(view.threshold).toBeNull();
  });

  it('shows "[c]" for what the marks say is not published, and keeps the rest', () => {
    const marks: PublishedMarks = {
      base: 5,
      hiddenCategories: CATEGORIES.map((c) => c === 'debt'),
      hiddenKinds: CATEGORIES.map((c) => ({
        fiscal: c === 'debt' || c === 'welfare_benefits',
        wellbeing: c === 'debt',
        client_financial: c === 'debt',
      })),
      eventCounts: new Map([['eviction_avoided', 25]]),
    };
    const view = buildPricingView(input, value, marks);
    const debt = view.groups.find((g) => g.key === 'debt')!;
    expect([debt.cases, debt.adviserHours, debt.relationshipHours, debt.adviserCostGbp]).toEqual([
      '[c]',
      '[c]',
      '[c]',
      '[c]',
    ]);
    expect(fiscal(view, 'debt').net).toEqual({ low: '[c]', central: '[c]', high: '[c]' });
    // Welfare benefits: its cases and hours show, its fiscal value does not, its wellbeing value does.
    const welfare = view.groups.find((g) => g.key === 'welfare_benefits')!;
    expect(welfare.cases).toBe(10);
    expect(fiscal(view, 'welfare_benefits').gross).toBe('[c]');
    expect(welfare.kinds.find((k) => k.kind === 'wellbeing')!.gross).toBe(9 * 8_019);
    // Bands and the total are never marked; event counts come from the marks (the published ones).
    expect(fiscal(view, '2-4h').gross).toBe(14 * 34_000);
    expect(view.lines.find((l) => l.unitCostKey === 'eviction_public_cost')!.cases).toBe(25);
    expect(view.threshold).toBe(5);
  });

  it('shows an unpriced outcome as not priced, never as £0', () => {
    const withAppeals: PricingInput = {
      ...input,
      events: [
        ...events,
        { category: 'housing', band: '2-4h', event: 'avoided_appeal', count: 7, recordedGbp: 0, countWithoutAmount: 7 },
      ],
    };
    const view = buildPricingView(withAppeals, priceDeepValue(withAppeals), null);
    expect(view.unpriced).toEqual([
      expect.objectContaining({ event: 'avoided_appeal', cases: 7, note: 'not priced — enter your local figure' }),
    ]);
    expect(view.lines.some((l) => l.event === 'avoided_appeal')).toBe(false);
  });

  it('reads "not priced" (not £0) for a group whose only events of a kind are unpriced', () => {
    const appealsOnly: PricingInput = {
      ...input,
      events: [
        ...events,
        {
          category: 'employment',
          band: '1-2h',
          event: 'avoided_appeal',
          count: 8,
          recordedGbp: 0,
          countWithoutAmount: 8,
        },
      ],
      time: [...time, { category: 'employment', band: '1-2h', cases: 12, adviserHours: 24, relationshipHours: 12 }],
    };
    {
      const view = buildPricingView(appealsOnly, priceDeepValue(appealsOnly), null);
      const employment = fiscal(view, 'employment');
      expect(employment.gross).toBe('not priced');
      expect(employment.net).toEqual({ low: 'not priced', central: 'not priced', high: 'not priced' });
      expect(employment.netPerPoundSpent.central).toBe('not priced');
      expect(employment.netPerRelationshipHour.central).toBe('not priced');
      expect(employment.eventsNotPriced).toBe(8);
      // Where priced events are present the figure is still a number, and says what it leaves out.
      expect(fiscal(view, 'all').gross).toBe(23 * 34_000);
      expect(fiscal(view, 'all').eventsNotPriced).toBe(8);
      expect(fiscal(view, 'housing').eventsNotPriced).toBe(0);
    }
    // A group with no events of the kind at all is a true £0.
    const none = buildPricingView(input, value, null);
    expect(fiscal(none, 'employment').gross).toBe(0);
  });
});
