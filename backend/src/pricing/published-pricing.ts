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
 * for counts. Categories use each figure's category rounding, and no category figure is above the overall
 * one (withinWhole); a category whose cases are not published is not published, and a kind of value resting
 * on an event count not published is not published.
 * Events of avoided bounce-back are the bounce-back table's n − count, taken from its rounded figures.
 */
import { BANDS, CATEGORIES, type BandKey, type Category } from '@deepvalue/shared';
import { roundFigures, type FigureCounts, type RoundedFigure } from '../disclosure/rounding.js';
import { entriesFor, OUTCOME_EVENTS, type OutcomeEvent } from './benefit-mapping.js';
import { VALUE_KINDS, type ValueKind } from '@deepvalue/shared';
import { rangeOf } from './adjustments.js';
import {
  valueGroup,
  type DeepValue,
  type EventCount,
  type GroupValue,
  type KindValue,
  type PricingInput,
  type TimeTotals,
} from './value.js';

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

/** One group's rounded counts, as a published pricing prices them. */
export interface GroupCounts {
  hiddenCases: boolean;
  /** Events whose count is not published in the group. */
  hiddenEvents: Set<OutcomeEvent>;
  counts: EventCount[];
  time: TimeTotals;
}

/** The rounded counts of every band and category: what a published pricing prices, whoever's table it is. */
export interface PublishedCounts {
  base: number;
  bands: GroupCounts[];
  categories: GroupCounts[];
  /** Each event's count overall as published (the sum of its rounded bands). */
  eventCounts: Map<OutcomeEvent, number>;
}

export function publishedCounts(
  input: Pick<PricingInput, 'events' | 'time'>,
  rounding: PublishedRounding,
): PublishedCounts {
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

  return {
    base,
    bands: BANDS.map((_, j) => groupAt((f) => f.byBand[j])),
    categories: CATEGORIES.map((_, i) => groupAt((f) => f.byCategory[i])),
    eventCounts: new Map([...events].map(([event, f]) => [event, f.count.total])),
  };
}

export function publishedValue(input: PricingInput, rounding: PublishedRounding): PublishedValue {
  const counts = publishedCounts(input, rounding);
  const { bands, categories } = counts;
  const byBand = {} as Record<BandKey, GroupValue>;
  BANDS.forEach((b, j) => (byBand[b.band] = valueGroup(bands[j].counts, [bands[j].time], input)));
  // Overall: the sum of the rounded bands, like every published total.
  const overall = valueGroup(
    bands.flatMap((b) => b.counts),
    bands.map((b) => b.time),
    input,
  );
  const byCategory = {} as Record<Category, GroupValue>;
  CATEGORIES.forEach(
    (c, i) => (byCategory[c] = withinWhole(valueGroup(categories[i].counts, [categories[i].time], input), overall)),
  );
  return { value: { overall, byCategory, byBand }, marks: publishedMarks(counts, input) };
}

/** What of a published pricing is not shown, for one table's mapping (the kinds each hidden event prices). */
export function publishedMarks(
  counts: PublishedCounts,
  table: Pick<PricingInput, 'unitCosts' | 'mapping'>,
): PublishedMarks {
  const costs = new Map(table.unitCosts.map((c) => [c.key, c]));
  const kindsOf = (event: OutcomeEvent) =>
    entriesFor(table.mapping, event)
      .map((e) => costs.get(e.unitCostKey)?.kind)
      .filter((k): k is ValueKind => k !== undefined);
  const hiddenKinds = counts.categories.map((c) => {
    const hidden = Object.fromEntries(VALUE_KINDS.map((k) => [k, c.hiddenCases])) as Record<ValueKind, boolean>;
    for (const event of c.hiddenEvents) for (const kind of kindsOf(event)) hidden[kind] = true;
    return hidden;
  });
  return {
    base: counts.base,
    hiddenCategories: counts.categories.map((c) => c.hiddenCases),
    hiddenKinds,
    eventCounts: counts.eventCounts,
  };
}

/**
 * A category no larger than the whole (docs/decisions.md): categories are rounded apart from the bands whose
 * sum is the whole, so rounding could put one a little above it (every band's few events rounded down, the
 * category's rounded up). Each £ and hours figure is then shown at the whole's, and its ratios follow. Only
 * ever lowers a figure towards one already published, so it publishes nothing new.
 */
export function withinWhole(part: GroupValue, whole: GroupValue): GroupValue {
  const adviserHours = Math.min(part.adviserHours, whole.adviserHours);
  const relationshipHours = Math.min(part.relationshipHours, whole.relationshipHours);
  const adviserCostGbp =
    part.adviserCostGbp === null || whole.adviserCostGbp === null
      ? part.adviserCostGbp
      : Math.min(part.adviserCostGbp, whole.adviserCostGbp);
  const kind = <K extends ValueKind>(k: K): KindValue<K> => {
    const gross = Math.min(part.values[k].gross, whole.values[k].gross);
    const net = rangeOf((s) => Math.min(part.values[k].net[s], whole.values[k].net[s]));
    const per = (d: number | null) => (d === null || d === 0 ? null : rangeOf((s) => net[s] / d));
    return {
      kind: k,
      gross,
      net,
      grossPerPoundSpent: adviserCostGbp === null || adviserCostGbp === 0 ? null : gross / adviserCostGbp,
      netPerPoundSpent: per(adviserCostGbp),
      netPerRelationshipHour: per(relationshipHours),
    };
  };
  const wholeUnpriced = new Map(whole.unpriced.map((u) => [`${u.event}|${u.unitCostKey}|${u.reason}`, u.count]));
  return {
    ...part,
    adviserHours,
    relationshipHours,
    adviserCostGbp,
    values: { fiscal: kind('fiscal'), wellbeing: kind('wellbeing'), client_financial: kind('client_financial') },
    unpriced: part.unpriced
      .map((u) => ({
        ...u,
        count: Math.min(u.count, wholeUnpriced.get(`${u.event}|${u.unitCostKey}|${u.reason}`) ?? 0),
      }))
      .filter((u) => u.count > 0),
  };
}
