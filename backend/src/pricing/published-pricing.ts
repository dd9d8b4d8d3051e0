/**
 * Deep value in £ as published outside a provider (evidence packs, their previews, commissioners' live
 * pricing report): priced from the same ROUNDED counts the pack publishes (disclosure/rounding.ts), so a
 * £ figure never gives a count away (an exact count × a published unit cost is the exact count).
 *
 * Every published £ or hours figure is a rounded count × a per-case amount:
 *   - events priced at a unit rate: rounded count of the event × the unit cost;
 *   - £ recorded on outcomes (benefit £ a year, debt written off): rounded count of events with a £
 *     recorded × their mean £, the mean rounded to two significant figures (exact means in two ways of
 *     splitting the same total, by band and by category, would be a knapsack equation for the counts);
 *   - adviser and relationship hours: the rounded closed cases × hours per case, rounded to 0.1 h (an
 *     exact sum of hours bounds the count: 20 hours in the "8 h and over" band is at most 2 cases).
 * Bands are figured from each band's rounded counts and the overall figure is the sum of the bands, as
 * for counts. Categories use each figure's category rounding; a category whose cases are not published
 * is not published, and a kind of value resting on an event count not published is not published.
 * Events of avoided bounce-back are the bounce-back table's n − count, taken from its rounded figures.
 */
import { BANDS, CATEGORIES, type BandKey, type Category } from '@deepvalue/shared';
import { roundFigures, type FigureCounts, type RoundedFigure } from '../disclosure/rounding.js';
import { entriesFor, OUTCOME_EVENTS, type OutcomeEvent } from './benefit-mapping.js';
import { VALUE_KINDS, type ValueKind } from '@deepvalue/shared';
import { valueGroup, type DeepValue, type EventCount, type GroupValue, type PricingInput } from './value.js';

export interface PublishedRounding {
  base: number;
  /** The closed cases exactly as the pack's cases table publishes them. */
  cases: RoundedFigure;
  /** Event counts some other published table already holds, taken from it rather than rounded again. */
  linked?: Partial<Record<OutcomeEvent, RoundedFigure>>;
  /** Categories a reader knows are empty (all but the one a category filter keeps). */
  knownZero?: readonly boolean[];
}

/** What of a published pricing is not shown: by category (CATEGORIES order). */
export interface PublishedMarks {
  base: number;
  hiddenCategories: boolean[];
  /** [category][kind]: the kind rests on an event count that is not published in that category. */
  hiddenKinds: Array<Record<ValueKind, boolean>>;
  /** Each event's count overall as published (the sum of its rounded bands). */
  eventCounts: Map<OutcomeEvent, number>;
}

export interface PublishedValue {
  value: DeepValue;
  marks: PublishedMarks;
}

/** Two significant figures: £4,321.17 → £4,300; £87.4 → £87. */
export function twoSignificant(x: number): number {
  if (x === 0) return 0;
  const places = 1 - Math.floor(Math.log10(Math.abs(x)));
  return places > 0 ? Math.round(x * 10 ** places) / 10 ** places : Math.round(x / 10 ** -places) * 10 ** -places;
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/** A per-case mean, 0 with no cases (it is then multiplied by a rounded count of 0–2 cases shown as 0). */
const perCase = (total: number, cases: number, round: (x: number) => number) => (cases > 0 ? round(total / cases) : 0);

interface EventFigures {
  count: RoundedFigure;
  withAmount: RoundedFigure;
  /** Exact recorded £ and exact events with a £, for the per-case means. */
  gbp: FigureCounts;
  exactWithAmount: FigureCounts;
}

export function publishedValue(input: PricingInput, rounding: PublishedRounding): PublishedValue {
  const { base, cases } = rounding;
  const knownZero = rounding.knownZero ?? [];
  const bandIndex = (band: BandKey) => BANDS.findIndex((b) => b.band === band);
  const figureOf = <T extends { category: Category; band: BandKey }>(rows: readonly T[], value: (row: T) => number) => {
    const byBand = BANDS.map(() => 0);
    const byCategory = CATEGORIES.map(() => 0);
    for (const row of rows) {
      byBand[bandIndex(row.band)] += value(row);
      byCategory[CATEGORIES.indexOf(row.category)] += value(row);
    }
    return { byBand, byCategory };
  };

  const time = {
    cases: figureOf(input.time, (t) => t.cases),
    adviser: figureOf(input.time, (t) => t.adviserHours),
    relationship: figureOf(input.time, (t) => t.relationshipHours),
  };

  const events = new Map<OutcomeEvent, EventFigures>();
  for (const event of OUTCOME_EVENTS) {
    const rows = input.events.filter((e) => e.event === event);
    const linked = rounding.linked?.[event];
    if (rows.length === 0 && !linked) continue;
    const count = figureOf(rows, (e) => e.count);
    const exactWithAmount = figureOf(rows, (e) => e.count - e.countWithoutAmount);
    const gbp = figureOf(rows, (e) => e.recordedGbp);
    if (linked) {
      // Derived events carry no £ of their own.
      const none = { byBand: BANDS.map(() => 0), total: 0, byCategory: CATEGORIES.map(() => 0), categoryBase: base };
      events.set(event, { count: linked, withAmount: none, gbp, exactWithAmount });
    } else {
      const [c, w] = roundFigures([count, exactWithAmount], base, knownZero);
      events.set(event, { count: c, withAmount: w, gbp, exactWithAmount });
    }
  }

  /** The events and time of one band (j) or one category (i), from their rounded figures. */
  const groupAt = (
    at: (f: { byBand: readonly (number | null)[]; byCategory: readonly (number | null)[] }) => number | null,
  ) => {
    const hiddenEvents = new Set<OutcomeEvent>();
    const counts: EventCount[] = [];
    for (const [event, f] of events) {
      const count = at(f.count);
      const withAmount = at(f.withAmount);
      if (count === null || withAmount === null) {
        hiddenEvents.add(event);
        continue;
      }
      const gbpPerCase = perCase(at(f.gbp)!, at(f.exactWithAmount)!, twoSignificant);
      counts.push({ event, count, countWithoutAmount: count - withAmount, recordedGbp: withAmount * gbpPerCase });
    }
    const shownCases = at(cases);
    const exactCases = at(time.cases)!;
    const hours = (exact: FigureCounts) => (shownCases ?? 0) * perCase(at(exact)!, exactCases, oneDecimal);
    return {
      hiddenCases: shownCases === null,
      hiddenEvents,
      counts,
      time: { cases: shownCases ?? 0, adviserHours: hours(time.adviser), relationshipHours: hours(time.relationship) },
    };
  };

  const bands = BANDS.map((_, j) => groupAt((f) => f.byBand[j]));
  const categories = CATEGORIES.map((_, i) => groupAt((f) => f.byCategory[i]));
  const byBand = {} as Record<BandKey, GroupValue>;
  BANDS.forEach((b, j) => (byBand[b.band] = valueGroup(bands[j].counts, [bands[j].time], input)));
  const byCategory = {} as Record<Category, GroupValue>;
  CATEGORIES.forEach((c, i) => (byCategory[c] = valueGroup(categories[i].counts, [categories[i].time], input)));
  // Overall: the sum of the rounded bands, like every published total.
  const overall = valueGroup(
    bands.flatMap((b) => b.counts),
    bands.map((b) => b.time),
    input,
  );

  const costs = new Map(input.unitCosts.map((c) => [c.key, c]));
  const kindsOf = (event: OutcomeEvent) =>
    entriesFor(input.mapping, event)
      .map((e) => costs.get(e.unitCostKey)?.kind)
      .filter((k): k is ValueKind => k !== undefined);
  const hiddenKinds = categories.map((c) => {
    const hidden = Object.fromEntries(VALUE_KINDS.map((k) => [k, c.hiddenCases])) as Record<ValueKind, boolean>;
    for (const event of c.hiddenEvents) for (const kind of kindsOf(event)) hidden[kind] = true;
    return hidden;
  });
  const eventCounts = new Map([...events].map(([event, f]) => [event, f.count.total]));
  return {
    value: { overall, byCategory, byBand },
    marks: { base, hiddenCategories: categories.map((c) => c.hiddenCases), hiddenKinds, eventCounts },
  };
}
