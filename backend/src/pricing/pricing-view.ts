/**
 * Deep value as reported: overall, per category and per band of relationship time, each kind of value
 * apart, with the low / central / high range. A manager's own live figures are exact; figures that leave
 * the organisation come already priced from rounded counts (published-pricing.ts) with the marks of what
 * is not published, which this view shows as "[c]".
 * A figure is a number, null (not available, e.g. no hourly cost entered) or the mark shown instead.
 */
import { BANDS, CATEGORIES, labelOf, type Figure, type KindFigures, type PricingGroupView } from '@deepvalue/shared';
import { NOT_PUBLISHED_MARK } from '../disclosure/rounding.js';
import { SCENARIOS, type Range } from './adjustments.js';
import type { OutcomeEvent } from './benefit-mapping.js';
import type { EachProviderMarks } from './each-provider.js';
import type { PublishedMarks } from './published-pricing.js';
import { NOT_PRICED } from './unit-cost-defaults.js';
import { VALUE_KIND_LABELS, VALUE_KINDS, type UnitCost, type ValueKind } from '@deepvalue/shared';
import type { DeepValue, GroupValue, PricingInput, UnpricedReason } from './value.js';

/** The mark for a figure not published. */
export const HIDDEN = NOT_PUBLISHED_MARK;

/** A £ figure that rests only on events without a price: never shown as £0. */
export const NOT_PRICED_FIGURE = 'not priced';

export type GroupBy = PricingGroupView['groupBy'];

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
  /** The rounding base of published figures; null for a manager's own exact figures. */
  threshold: number | null;
  /** Kept for readers of older responses: figures are rounded now, never withheld as a whole. */
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

const round = (value: number, places: number) => Number(value.toFixed(places));
const gbp = (value: number) => round(value, 2);
type Scenarios = Record<'low' | 'central' | 'high', Figure>;

/**
 * `oneTable`: for a pack priced with each provider's own table, what rests on one provider's table alone
 * and is not published (each-provider.ts).
 */
export function buildPricingView(
  input: PricingInput,
  value: DeepValue,
  marks: PublishedMarks | null,
  oneTable?: EachProviderMarks,
): PricingView {
  const costs = new Map<string, UnitCost>(input.unitCosts.map((cost) => [cost.key, cost]));
  const categoryIndex = (groupBy: GroupBy, index: number) => (groupBy === 'category' && marks ? index : -1);

  const group = (groupBy: GroupBy, key: string, label: string, index: number, g: GroupValue): PricingGroupView => {
    const at = categoryIndex(groupBy, index);
    const hoursVisible = at < 0 || !marks!.hiddenCategories[at];
    const one = !oneTable
      ? null
      : groupBy === 'overall'
        ? oneTable.overall
        : groupBy === 'band'
          ? oneTable.bands[index]
          : oneTable.categories[index];
    const costVisible = hoursVisible && !one?.cost;
    const kinds = VALUE_KINDS.map((kind): KindFigures => {
      const values = g.values[kind];
      const valueVisible = (at < 0 || !marks!.hiddenKinds[at][kind]) && !one?.kinds[kind];
      // £0 would claim the events are worth nothing; they are only not priced.
      const notPriced = g.unpriced.filter((u) => u.kind === kind).reduce((n, u) => n + u.count, 0);
      const onlyUnpriced = !g.lines.some((l) => l.kind === kind && l.count > 0) && notPriced > 0;
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
        netPerPoundSpent: range(values.netPerPoundSpent, valueVisible && costVisible, 4),
        netPerRelationshipHour: range(values.netPerRelationshipHour, valueVisible && hoursVisible, 2),
        eventsNotPriced: valueVisible ? notPriced : HIDDEN,
      };
    });
    return {
      groupBy,
      key,
      label,
      cases: hoursVisible ? g.cases : HIDDEN,
      adviserHours: hoursVisible ? round(g.adviserHours, 1) : HIDDEN,
      relationshipHours: hoursVisible ? round(g.relationshipHours, 1) : HIDDEN,
      adviserCostGbp: costVisible ? (g.adviserCostGbp === null ? null : gbp(g.adviserCostGbp)) : HIDDEN,
      kinds,
    };
  };

  const groups: PricingGroupView[] = [
    group('overall', 'all', 'All cases', 0, value.overall),
    ...CATEGORIES.map((c, i) => group('category', c, labelOf(c), i, value.byCategory[c])),
    ...BANDS.map((b, i) => group('band', b.band, b.label, i, value.byBand[b.band])),
  ];

  const eventCount = (event: OutcomeEvent) =>
    marks
      ? (marks.eventCounts.get(event) ?? 0)
      : input.events.filter((e) => e.event === event).reduce((sum, e) => sum + e.count, 0);
  const lines = value.overall.lines.map((line): PricingLineView => ({
    event: line.event,
    eventLabel: labelOf(line.event),
    unitCostKey: line.unitCostKey,
    unitCostLabel: costs.get(line.unitCostKey)?.label ?? line.unitCostKey,
    kind: line.kind,
    cases: eventCount(line.event),
    years: line.years,
    gross: gbp(line.gross),
    net: Object.fromEntries(SCENARIOS.map((s) => [s, gbp(line.net[s])])) as Scenarios,
  }));

  const unpriced = value.overall.unpriced.map((line): UnpricedView => ({
    event: line.event,
    eventLabel: labelOf(line.event),
    unitCostKey: line.unitCostKey,
    label: line.label,
    kind: line.kind,
    cases: line.count,
    reason: line.reason,
    note: UNPRICED_NOTES[line.reason],
  }));

  const unmapped = value.overall.unmapped.map(({ event, count }) => ({
    event,
    eventLabel: labelOf(event),
    cases: count,
  }));

  return { threshold: marks?.base ?? null, withheld: false, groups, lines, unpriced, unmapped };
}
