/**
 * Deep value as reported: overall, per category and per band of relationship time, each kind of value
 * apart, with the low / central / high range — and, for figures that leave the organisation, with
 * small-number suppression applied (threshold set) so no £ figure can be divided back into a small count.
 *
 * Suppression, when a threshold is given (see evidence/linked-suppression.ts):
 *   - cases: the cases by category and by band with their total are suppressed (or given the pattern
 *     the pack uses for them elsewhere), so a category's or band's case count and hours show only when
 *     its count does;
 *   - each outcome event has its own counts by category and by band (for £ recorded on the outcome,
 *     the cases with a £ recorded): a group's value of a kind is hidden when any count it is derived
 *     from is hidden in that group. Secondary suppression of those counts means hidden ones come at
 *     least in pairs, so a hidden £ cannot be worked back from the overall value either.
 *   - ratios (per £1, per hour) are hidden with the value or the hours they divide.
 * A figure is a number, null (not available, e.g. no hourly cost entered) or the mark shown instead.
 */
import { BANDS, CATEGORIES, labelOf, type BandKey, type Category } from '@deepvalue/shared';
import {
  display,
  jointMarginPattern,
  marginsOf,
  type MarginPattern,
  type Margins,
} from '../evidence/linked-suppression.js';
import { maskCount, SECONDARY_MARK } from '../evidence/suppression.js';
import { SCENARIOS, type Range } from './adjustments.js';
import { entriesFor, OUTCOME_EVENTS, type OutcomeEvent } from './benefit-mapping.js';
import { NOT_PRICED, VALUE_KIND_LABELS, VALUE_KINDS, type UnitCost, type ValueKind } from './unit-cost-defaults.js';
import type { DeepValue, GroupValue, PricingInput, UnpricedReason } from './value.js';

export type Figure = number | string | null;

/** The mark for a figure hidden because a count it derives from is hidden. */
export const HIDDEN = SECONDARY_MARK;

/** A £ figure that rests only on events without a price: never shown as £0. */
export const NOT_PRICED_FIGURE = 'not priced';

export interface KindFigures {
  kind: ValueKind;
  label: string;
  gross: Figure;
  net: Record<'low' | 'central' | 'high', Figure>;
  netPerPoundSpent: Record<'low' | 'central' | 'high', Figure>;
  netPerRelationshipHour: Record<'low' | 'central' | 'high', Figure>;
}

export type GroupBy = 'overall' | 'category' | 'band';

export interface PricingGroupView {
  groupBy: GroupBy;
  key: string;
  label: string;
  cases: Figure;
  adviserHours: Figure;
  relationshipHours: Figure;
  adviserCostGbp: Figure;
  kinds: KindFigures[];
}

export interface PricingLineView {
  event: OutcomeEvent;
  eventLabel: string;
  unitCostKey: string;
  unitCostLabel: string;
  kind: ValueKind;
  /** Cases with the event (not only those with a £ recorded). */
  cases: Figure;
  years: number;
  gross: Figure;
  net: Record<'low' | 'central' | 'high', Figure>;
}

export interface UnpricedView {
  event: OutcomeEvent;
  eventLabel: string;
  unitCostKey: string;
  label: string;
  kind: ValueKind | null;
  cases: Figure;
  reason: UnpricedReason;
  note: string;
}

export interface PricingView {
  /** Null when no suppression was applied (a manager's own figures). */
  threshold: number | null;
  /** True when the cases could not be protected at all: nothing should be published. */
  withheld: boolean;
  groups: PricingGroupView[];
  lines: PricingLineView[];
  unpriced: UnpricedView[];
  unmapped: Array<{ event: OutcomeEvent; eventLabel: string; cases: Figure }>;
}

export const UNPRICED_NOTES: Record<UnpricedReason, string> = {
  not_priced: NOT_PRICED,
  amount_not_recorded: 'no £ amount recorded on these outcomes',
  unknown_unit_cost: 'the mapping names a unit cost that is not in the table',
};

/** Optional suppression: the threshold, and patterns shared with other tables of the same pack. */
export interface PricingSuppression {
  threshold: number;
  /** The hidden pattern the pack gives the cases elsewhere (default: the cases suppressed on their own). */
  casesPattern?: MarginPattern;
  /** Patterns of other published tables that hold the same counts as an event's; its own starts from them. */
  linkedEventPatterns?: Partial<Record<OutcomeEvent, MarginPattern>>;
}

/** Counts by category and by band with their total, and what of them is hidden. */
interface MaskedGrid {
  values: Margins;
  pattern: MarginPattern;
}

interface Masks {
  cases: MaskedGrid;
  /** Per event: the grid of cases with the event, and of those with a £ recorded. */
  counts: Map<OutcomeEvent, MaskedGrid>;
  withAmount: Map<OutcomeEvent, MaskedGrid>;
}

interface Entry {
  value: number;
  hidden: boolean;
}

/** The figure of a group: the total, a category's or a band's. */
function entryOf(grid: MaskedGrid, groupBy: GroupBy, index: number): Entry {
  const { values, pattern } = grid;
  const [value, hidden] =
    groupBy === 'overall'
      ? [values.total, pattern.total]
      : groupBy === 'category'
        ? [values.byCategory[index], pattern.byCategory[index]]
        : [values.byBand[index], pattern.byBand[index]];
  return { value, hidden: pattern.withheld || hidden };
}

const round = (value: number, places: number) => Number(value.toFixed(places));
const gbp = (value: number) => round(value, 2);
type Scenarios = Record<'low' | 'central' | 'high', Figure>;

export function buildPricingView(
  input: PricingInput,
  value: DeepValue,
  suppression: PricingSuppression | null,
): PricingView {
  const threshold = suppression?.threshold ?? null;
  const masks = suppression ? buildMasks(input, suppression) : null;
  const costs = new Map<string, UnitCost>(input.unitCosts.map((cost) => [cost.key, cost]));
  const shown = (entry: Entry | undefined, figure: number | null): Figure =>
    !entry || !entry.hidden || threshold === null ? figure : display(entry.value, true, threshold);

  const group = (groupBy: GroupBy, key: string, label: string, index: number, g: GroupValue): PricingGroupView => {
    const cases = masks ? entryOf(masks.cases, groupBy, index) : undefined;
    const hoursVisible = !cases?.hidden;
    const kinds = VALUE_KINDS.map((kind): KindFigures => {
      const values = g.values[kind];
      const valueVisible = !masks || kindBasisVisible(input, costs, masks, kind, groupBy, index);
      // £0 would claim the events are worth nothing; they are only not priced.
      const onlyUnpriced =
        !g.lines.some((l) => l.kind === kind && l.count > 0) && g.unpriced.some((u) => u.kind === kind && u.count > 0);
      const range = (r: Range | null, visible: boolean, places: number) =>
        Object.fromEntries(
          SCENARIOS.map((s) => [
            s,
            !visible ? HIDDEN : onlyUnpriced ? NOT_PRICED_FIGURE : r === null ? null : round(r[s], places),
          ]),
        ) as Scenarios;
      return {
        kind,
        label: VALUE_KIND_LABELS[kind],
        gross: !valueVisible ? HIDDEN : onlyUnpriced ? NOT_PRICED_FIGURE : gbp(values.gross),
        net: range(values.net, valueVisible, 2),
        netPerPoundSpent: range(values.netPerPoundSpent, valueVisible && hoursVisible, 4),
        netPerRelationshipHour: range(values.netPerRelationshipHour, valueVisible && hoursVisible, 2),
      };
    });
    return {
      groupBy,
      key,
      label,
      cases: shown(cases, g.cases),
      adviserHours: hoursVisible ? round(g.adviserHours, 1) : HIDDEN,
      relationshipHours: hoursVisible ? round(g.relationshipHours, 1) : HIDDEN,
      adviserCostGbp: hoursVisible ? (g.adviserCostGbp === null ? null : gbp(g.adviserCostGbp)) : HIDDEN,
      kinds,
    };
  };

  const groups: PricingGroupView[] = [
    group('overall', 'all', 'All cases', 0, value.overall),
    ...CATEGORIES.map((c, i) => group('category', c, labelOf(c), i, value.byCategory[c])),
    ...BANDS.map((b, i) => group('band', b.band, b.label, i, value.byBand[b.band])),
  ];

  const overallOf = (map: Map<OutcomeEvent, MaskedGrid> | undefined, event: OutcomeEvent) => {
    const grid = map?.get(event);
    return grid ? entryOf(grid, 'overall', 0) : undefined;
  };
  const eventCount = (event: OutcomeEvent) =>
    input.events.filter((e) => e.event === event).reduce((sum, e) => sum + e.count, 0);
  const lines = value.overall.lines.map((line): PricingLineView => {
    const cost = costs.get(line.unitCostKey);
    const count = overallOf(masks?.counts, line.event);
    const basis = cost?.basis === 'recorded_amount' ? overallOf(masks?.withAmount, line.event) : count;
    const valueVisible = !basis?.hidden && !count?.hidden;
    return {
      event: line.event,
      eventLabel: labelOf(line.event),
      unitCostKey: line.unitCostKey,
      unitCostLabel: cost?.label ?? line.unitCostKey,
      kind: line.kind,
      cases: shown(count, eventCount(line.event)),
      years: line.years,
      gross: valueVisible ? gbp(line.gross) : HIDDEN,
      net: Object.fromEntries(SCENARIOS.map((s) => [s, valueVisible ? gbp(line.net[s]) : HIDDEN])) as Scenarios,
    };
  });

  const unpriced = value.overall.unpriced.map((line): UnpricedView => {
    let cases: Figure = line.count;
    if (threshold !== null) {
      if (line.reason === 'amount_not_recorded') {
        // Cases without a £ are not a table of their own: shown only when not small.
        const mask = maskCount(line.count, threshold);
        cases = mask.suppressed ? `<${threshold}` : line.count;
      } else {
        cases = shown(overallOf(masks?.counts, line.event), line.count);
      }
    }
    return {
      event: line.event,
      eventLabel: labelOf(line.event),
      unitCostKey: line.unitCostKey,
      label: line.label,
      kind: line.kind,
      cases,
      reason: line.reason,
      note: UNPRICED_NOTES[line.reason],
    };
  });

  const unmapped = value.overall.unmapped.map(({ event, count }) => ({
    event,
    eventLabel: labelOf(event),
    cases: shown(overallOf(masks?.counts, event), count),
  }));

  const withheld = masks?.cases.pattern.withheld ?? false;
  return { threshold, withheld, groups, lines, unpriced, unmapped };
}

/** True when every count the group's value of this kind is derived from is published. */
function kindBasisVisible(
  input: PricingInput,
  costs: Map<string, UnitCost>,
  masks: Masks,
  kind: ValueKind,
  groupBy: GroupBy,
  index: number,
): boolean {
  for (const event of OUTCOME_EVENTS) {
    for (const entry of entriesFor(input.mapping, event)) {
      const cost = costs.get(entry.unitCostKey);
      if (!cost || cost.kind !== kind) continue;
      const grid = cost.basis === 'recorded_amount' ? masks.withAmount.get(event) : masks.counts.get(event);
      if (grid && entryOf(grid, groupBy, index).hidden) return false;
    }
  }
  return true;
}

function buildMasks(input: PricingInput, suppression: PricingSuppression): Masks {
  const { threshold } = suppression;
  const matrix = (cell: (category: Category, band: BandKey) => number) =>
    CATEGORIES.map((c) => BANDS.map((b) => cell(c, b.band)));
  const grid = (counts: number[][], linked?: MarginPattern): MaskedGrid => {
    const values = marginsOf(counts);
    return { values, pattern: jointMarginPattern([values], threshold, linked) };
  };
  const caseCounts = matrix((c, b) =>
    input.time.filter((t) => t.category === c && t.band === b).reduce((s, t) => s + t.cases, 0),
  );
  const cases = suppression.casesPattern
    ? { values: marginsOf(caseCounts), pattern: suppression.casesPattern }
    : grid(caseCounts);
  const counts = new Map<OutcomeEvent, MaskedGrid>();
  const withAmount = new Map<OutcomeEvent, MaskedGrid>();
  for (const event of OUTCOME_EVENTS) {
    const cells = input.events.filter((e) => e.event === event);
    if (cells.length === 0) continue;
    const of = (c: Category, b: BandKey) => cells.filter((e) => e.category === c && e.band === b);
    const linked = suppression.linkedEventPatterns?.[event];
    counts.set(
      event,
      grid(
        matrix((c, b) => of(c, b).reduce((s, e) => s + e.count, 0)),
        linked,
      ),
    );
    withAmount.set(event, grid(matrix((c, b) => of(c, b).reduce((s, e) => s + e.count - e.countWithoutAmount, 0))));
  }
  return { cases, counts, withAmount };
}
