import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { BANDS, CATEGORIES, VALUE_KINDS, type Category, type PricingGroupView } from '@deepvalue/shared';
import { roundFigures } from '../disclosure/rounding.js';
import { DEFAULT_SENSITIVITY, SCENARIOS } from './adjustments.js';
import { DEFAULT_BENEFIT_MAPPING, OUTCOME_EVENTS } from './benefit-mapping.js';
import { eachProviderValue } from './each-provider.js';
import { buildPricingView } from './pricing-view.js';
import { publishedCounts, publishedValue, type PublishedRounding } from './published-pricing.js';
import { DEFAULT_UNIT_COSTS } from './unit-cost-defaults.js';
import type { DeepValue, EventAggregate, GroupValue, PricingInput, TimeAggregate } from './value.js';

const BASE = 5;

/** A provider's cases: small counts in random cells, so rounding bites; its table the default × `scale`. */
const provider = (only: Category | null) => {
  const cell = fc.record({
    category: only ? fc.constant(only) : fc.constantFrom(...CATEGORIES),
    band: fc.constantFrom(...BANDS.map((b) => b.band)),
  });
  const event = fc
    .tuple(cell, fc.constantFrom(...OUTCOME_EVENTS), fc.nat(6), fc.nat(20_000), fc.nat(3))
    .map(([where, e, count, gbp, without]): EventAggregate => ({
      ...where,
      event: e,
      count,
      recordedGbp: gbp,
      countWithoutAmount: Math.min(without, count),
    }));
  const time = fc.tuple(cell, fc.nat(12), fc.nat(200), fc.nat(200)).map(([where, cases, a, b]): TimeAggregate => ({
    ...where,
    cases,
    adviserHours: Math.max(a, b) / 4,
    relationshipHours: Math.min(a, b) / 4,
  }));
  return fc.record({
    events: fc.array(event, { maxLength: 25 }),
    time: fc.array(time, { minLength: 1, maxLength: 25 }),
    scale: fc.constantFrom(0.5, 1, 2, 3),
    hourlyCostGbp: fc.constantFrom(45, 65.35, 80),
  });
};

const inputOf = (p: { events: EventAggregate[]; time: TimeAggregate[]; scale: number; hourlyCostGbp: number }) =>
  ({
    events: p.events,
    time: p.time,
    unitCosts: DEFAULT_UNIT_COSTS.map((c) => (c.valueGbp === null ? c : { ...c, valueGbp: c.valueGbp * p.scale })),
    mapping: DEFAULT_BENEFIT_MAPPING,
    sensitivity: DEFAULT_SENSITIVITY,
    hourlyCostGbp: p.hourlyCostGbp,
  }) satisfies PricingInput;

/** How a pack rounds the cases of some providers' inputs (published-pricing.ts). */
function roundingOf(inputs: Array<Pick<PricingInput, 'time'>>, only: Category | null): PublishedRounding {
  const time = inputs.flatMap((i) => i.time);
  const knownZero = CATEGORIES.map((c) => only !== null && c !== only);
  const [cases] = roundFigures(
    [
      {
        byBand: BANDS.map((b) => time.filter((t) => t.band === b.band).reduce((s, t) => s + t.cases, 0)),
        byCategory: CATEGORIES.map((c) => time.filter((t) => t.category === c).reduce((s, t) => s + t.cases, 0)),
      },
    ],
    BASE,
    knownZero,
  );
  return { base: BASE, cases, knownZero };
}

/** A pack priced with one table (the first provider's), and with each provider's own. */
function bothWays(inputs: PricingInput[], only: Category | null) {
  const all = { events: inputs.flatMap((i) => i.events), time: inputs.flatMap((i) => i.time) };
  const rounding = roundingOf(inputs, only);
  const one = publishedValue({ ...inputs[0], ...all }, rounding);
  const each = eachProviderValue(
    publishedCounts(all, rounding),
    inputs.map((input) => ({ input, counts: publishedCounts(input, roundingOf([input], only)) })),
  );
  return {
    one: { value: one.value, view: buildPricingView(inputs[0], one.value, one.marks) },
    each: { value: each.value, view: buildPricingView(inputs[0], each.value, each.marks, each.oneTable) },
  };
}

const MONEY = (g: PricingGroupView) =>
  g.kinds.flatMap((k) => [
    [`${k.kind} gross`, k.gross],
    ...SCENARIOS.map((s) => [`${k.kind} net ${s}`, k.net[s]]),
    [`${k.kind} events not priced`, k.eventsNotPriced],
  ]);
const FIGURES = (g: PricingGroupView) => [
  ['adviser hours', g.adviserHours],
  ['relationship hours', g.relationshipHours],
  ['adviser cost', g.adviserCostGbp],
  ...MONEY(g),
];

/** Every published figure of a band or category that is above the same figure of all cases. */
function aboveTheWhole(groups: PricingGroupView[]): string[] {
  const whole = new Map(FIGURES(groups[0]).map(([name, v]) => [name, v]));
  return groups.slice(1).flatMap((g) =>
    FIGURES(g)
      .filter(([name, v]) => typeof v === 'number' && typeof whole.get(name) === 'number')
      .filter(([name, v]) => (v as number) > (whole.get(name) as number) + 0.005)
      .map(([name, v]) => `${g.label} ${name} ${v} > ${whole.get(name)}`),
  );
}

const groupsOf = (v: DeepValue): GroupValue[] => [
  v.overall,
  ...Object.values(v.byCategory),
  ...Object.values(v.byBand),
];
const figuresOf = (g: GroupValue) => [
  g.adviserHours,
  g.relationshipHours,
  g.adviserCostGbp ?? 0,
  ...VALUE_KINDS.flatMap((k) => [g.values[k].gross, ...SCENARIOS.map((s) => g.values[k].net[s])]),
];

describe('eachProviderValue on generated caseloads', () => {
  const packs = fc.tuple(fc.option(fc.constantFrom(...CATEGORIES), { nil: null }), fc.integer({ min: 2, max: 3 }));
  const generated = packs.chain(([only, n]) =>
    fc.tuple(fc.constant(only), fc.array(provider(only), { minLength: n, maxLength: n })),
  );

  it('publishes no band or category figure above the figure for all cases, whichever tables price it', () => {
    fc.assert(
      fc.property(generated, ([only, providers]) => {
        const { one, each } = bothWays(providers.map(inputOf), only);
        expect(aboveTheWhole(one.view.groups)).toEqual([]);
        expect(aboveTheWhole(each.view.groups)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('makes the figure for all cases the sum of the bands', () => {
    fc.assert(
      fc.property(generated, ([only, providers]) => {
        for (const { value } of Object.values(bothWays(providers.map(inputOf), only))) {
          const bands = Object.values(value.byBand).map(figuresOf);
          figuresOf(value.overall).forEach((whole, f) =>
            expect(bands.reduce((t, b) => t + b[f], 0)).toBeCloseTo(whole, 4),
          );
        }
      }),
      { numRuns: 100 },
    );
  });

  it('gives exactly the figures of one table when every provider has that table', () => {
    fc.assert(
      fc.property(generated, ([only, providers]) => {
        const same = providers.map((p) => inputOf({ ...p, scale: providers[0].scale, hourlyCostGbp: 65.35 }));
        const { one, each } = bothWays(same, only);
        const [a, b] = [groupsOf(one.value), groupsOf(each.value)];
        a.forEach((g, i) => figuresOf(g).forEach((x, f) => expect(figuresOf(b[i])[f]).toBeCloseTo(x, 4)));
        const notPriced = (v: DeepValue) =>
          groupsOf(v).map((g) => g.unpriced.map((u) => `${u.event} ${u.unitCostKey} ${u.reason} ${u.count}`).sort());
        expect(notPriced(each.value)).toEqual(notPriced(one.value));
      }),
      { numRuns: 150 },
    );
  });

  it('prices each provider’s share with its own table: between the cheapest and dearest table', () => {
    fc.assert(
      fc.property(generated, ([only, providers]) => {
        const inputs = providers.map(inputOf);
        const { each } = bothWays(inputs, only);
        const scales = providers.map((p) => p.scale);
        const allAt = (scale: number) =>
          bothWays(
            providers.map((p) => inputOf({ ...p, scale })),
            only,
          ).one.value;
        const [lowest, highest] = [allAt(Math.min(...scales)), allAt(Math.max(...scales))];
        for (const kind of ['fiscal', 'wellbeing'] as const) {
          const v = each.value.overall.values[kind].gross;
          expect(v).toBeGreaterThanOrEqual(lowest.overall.values[kind].gross - 1e-6);
          expect(v).toBeLessThanOrEqual(highest.overall.values[kind].gross + 1e-6);
        }
      }),
      { numRuns: 100 },
    );
  });
});
