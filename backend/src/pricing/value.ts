/**
 * Deep value in pounds (docs/pricing.md), from aggregates: the evidence pack never sees a case, only counts
 * of outcome events and £ sums per category and band of relationship time.
 *
 * For each event and each unit cost it maps to:
 *   gross = count × unit value (or the recorded £) × years the value lasts (1 for a per-event cost)
 *   net   = count × unit value (or the recorded £) × netMultiplier(scenario, years)  — see adjustments.ts
 * Gross is before every adjustment, so it has no range; net has a low / central / high range.
 *
 * Kinds of value (fiscal, wellbeing, money to clients) are kept in separate fields with no total:
 * a report that wants to add them has to do so explicitly, and say so.
 * Unpriced unit costs add nothing and are listed, so the report can say "not priced — enter your
 * local figure" instead of showing a zero.
 */
import { BANDS, CATEGORIES } from '@deepvalue/shared';
import type { BandKey, Category } from '@deepvalue/shared';
import {
  OUTCOME_EVENTS,
  entriesFor,
  type BenefitMapping,
  type MappingEntry,
  type OutcomeEvent,
} from './benefit-mapping.js';
import { netMultiplier, rangeOf, type Range, type Sensitivity } from './adjustments.js';
import type { UnitCost, ValueKind } from '@deepvalue/shared';

/** Outcome events of one kind in a group of cases. */
export interface EventCount {
  event: OutcomeEvent;
  count: number;
  /** Σ £ recorded on these events (£ per year for benefits). */
  recordedGbp: number;
  /** How many of `count` had no £ recorded; they add nothing to recorded-amount values. */
  countWithoutAmount: number;
}

/** Outcome events of one kind in one cell (category × band of relationship time). */
export interface EventAggregate extends EventCount {
  category: Category;
  band: BandKey;
}

/** Cases and adviser time in a group of cases. */
export interface TimeTotals {
  cases: number;
  /** All adviser time on the cases, every class: the cost base. */
  adviserHours: number;
  relationshipHours: number;
}

/** Cases and adviser time in one cell (category × band of relationship time). */
export interface TimeAggregate extends TimeTotals {
  category: Category;
  band: BandKey;
}

export interface PricingInput {
  events: readonly EventAggregate[];
  time: readonly TimeAggregate[];
  unitCosts: readonly UnitCost[];
  mapping: BenefitMapping;
  sensitivity: Sensitivity;
  /** £ per adviser hour; null until the user enters it, and then cost and value per £1 are null. */
  hourlyCostGbp: number | null;
}

export interface ValueLine {
  event: OutcomeEvent;
  unitCostKey: string;
  kind: ValueKind;
  /** Events that contributed a value (for recorded amounts, those with a £ recorded). */
  count: number;
  years: number;
  gross: number;
  net: Range;
}

export type UnpricedReason = 'not_priced' | 'amount_not_recorded' | 'unknown_unit_cost';

export interface UnpricedLine {
  event: OutcomeEvent;
  unitCostKey: string;
  label: string;
  /** Null when the mapping names a unit cost that is not in the table. */
  kind: ValueKind | null;
  count: number;
  reason: UnpricedReason;
}

export interface KindValue<K extends ValueKind> {
  kind: K;
  gross: number;
  net: Range;
  grossPerPoundSpent: number | null;
  netPerPoundSpent: Range | null;
  netPerRelationshipHour: Range | null;
}

/** One entry per kind, deliberately without a total. */
export type ValuesByKind = { readonly [K in ValueKind]: KindValue<K> };

export interface GroupValue {
  cases: number;
  adviserHours: number;
  relationshipHours: number;
  adviserCostGbp: number | null;
  values: ValuesByKind;
  lines: ValueLine[];
  unpriced: UnpricedLine[];
  /** Events no mapping entry prices (e.g. benefit "other"). */
  unmapped: { event: OutcomeEvent; count: number }[];
}

export interface DeepValue {
  overall: GroupValue;
  byCategory: Record<Category, GroupValue>;
  byBand: Record<BandKey, GroupValue>;
}

export function priceDeepValue(input: PricingInput): DeepValue {
  const group = (keep: (cell: { category: Category; band: BandKey }) => boolean): GroupValue =>
    valueGroup(input.events.filter(keep), input.time.filter(keep), input);
  const byCategory = {} as Record<Category, GroupValue>;
  for (const category of CATEGORIES) byCategory[category] = group((cell) => cell.category === category);
  const byBand = {} as Record<BandKey, GroupValue>;
  for (const { band } of BANDS) byBand[band] = group((cell) => cell.band === band);
  return { overall: group(() => true), byCategory, byBand };
}

export type PricingContext = Pick<PricingInput, 'unitCosts' | 'mapping' | 'sensitivity' | 'hourlyCostGbp'>;

/** Value of one group of cells; the aggregates passed in are the group. */
export function valueGroup(
  events: readonly EventCount[],
  time: readonly TimeTotals[],
  context: PricingContext,
): GroupValue {
  const costs = new Map(context.unitCosts.map((cost) => [cost.key, cost]));
  const lines = new Map<string, ValueLine>();
  const unpriced = new Map<string, UnpricedLine>();
  const unmapped = new Map<OutcomeEvent, number>();

  for (const agg of events) {
    if (agg.count === 0) continue;
    const entries = entriesFor(context.mapping, agg.event);
    if (entries.length === 0) unmapped.set(agg.event, (unmapped.get(agg.event) ?? 0) + agg.count);
    for (const entry of entries) {
      const priced = priceEntry(agg, entry, costs.get(entry.unitCostKey), context.sensitivity);
      if (priced.line) addLine(lines, priced.line);
      for (const line of priced.unpriced) addUnpriced(unpriced, line);
    }
  }

  const cases = sum(time.map((t) => t.cases));
  const adviserHours = sum(time.map((t) => t.adviserHours));
  const relationshipHours = sum(time.map((t) => t.relationshipHours));
  const adviserCostGbp = context.hourlyCostGbp === null ? null : adviserHours * context.hourlyCostGbp;
  const valueLines = sortLines([...lines.values()]);
  const kindValue = <K extends ValueKind>(kind: K): KindValue<K> => {
    const ofKind = valueLines.filter((line) => line.kind === kind);
    const gross = sum(ofKind.map((line) => line.gross));
    const net = rangeOf((scenario) => sum(ofKind.map((line) => line.net[scenario])));
    return {
      kind,
      gross,
      net,
      grossPerPoundSpent: divide(gross, adviserCostGbp),
      netPerPoundSpent: divideRange(net, adviserCostGbp),
      netPerRelationshipHour: divideRange(net, relationshipHours),
    };
  };

  return {
    cases,
    adviserHours,
    relationshipHours,
    adviserCostGbp,
    values: {
      fiscal: kindValue('fiscal'),
      wellbeing: kindValue('wellbeing'),
      client_financial: kindValue('client_financial'),
    },
    lines: valueLines,
    unpriced: sortLines([...unpriced.values()]),
    unmapped: OUTCOME_EVENTS.filter((event) => unmapped.has(event)).map((event) => ({
      event,
      count: unmapped.get(event) ?? 0,
    })),
  };
}

/** The value one mapping entry gives one aggregate, and what of it could not be priced. */
function priceEntry(
  agg: EventCount,
  entry: MappingEntry,
  cost: UnitCost | undefined,
  sensitivity: Sensitivity,
): { line: ValueLine | null; unpriced: UnpricedLine[] } {
  const unpriced = (count: number, reason: UnpricedReason): UnpricedLine => ({
    event: agg.event,
    unitCostKey: entry.unitCostKey,
    label: cost?.label ?? entry.unitCostKey,
    kind: cost?.kind ?? null,
    count,
    reason,
  });
  if (!cost) return { line: null, unpriced: [unpriced(agg.count, 'unknown_unit_cost')] };

  // One year's value for the events that have one: the recorded £ sum, or count × the unit value.
  let base: number;
  let count: number;
  let missing: UnpricedLine[] = [];
  if (cost.basis === 'recorded_amount') {
    base = agg.recordedGbp;
    count = agg.count - agg.countWithoutAmount;
    if (agg.countWithoutAmount > 0) missing = [unpriced(agg.countWithoutAmount, 'amount_not_recorded')];
    if (count === 0) return { line: null, unpriced: missing };
  } else if (cost.valueGbp === null) {
    return { line: null, unpriced: [unpriced(agg.count, 'not_priced')] };
  } else {
    base = agg.count * cost.valueGbp;
    count = agg.count;
  }
  const years = cost.unit === 'per_event' ? 1 : entry.durationYears;
  const line: ValueLine = {
    event: agg.event,
    unitCostKey: cost.key,
    kind: cost.kind,
    count,
    years,
    gross: base * years,
    net: rangeOf((scenario) => base * netMultiplier(sensitivity[scenario], years)),
  };
  return { line, unpriced: missing };
}

function addLine(lines: Map<string, ValueLine>, line: ValueLine): void {
  const key = `${line.event}|${line.unitCostKey}`;
  const seen = lines.get(key);
  if (!seen) {
    lines.set(key, line);
    return;
  }
  lines.set(key, {
    ...seen,
    count: seen.count + line.count,
    gross: seen.gross + line.gross,
    net: rangeOf((scenario) => seen.net[scenario] + line.net[scenario]),
  });
}

function addUnpriced(unpriced: Map<string, UnpricedLine>, line: UnpricedLine): void {
  const key = `${line.event}|${line.unitCostKey}|${line.reason}`;
  const seen = unpriced.get(key);
  unpriced.set(key, seen ? { ...seen, count: seen.count + line.count } : line);
}

/** Fixed order (event vocabulary, then unit-cost key) so that the same inputs give the same pack. */
function sortLines<T extends { event: OutcomeEvent; unitCostKey: string }>(lines: T[]): T[] {
  const rank = (event: OutcomeEvent) => OUTCOME_EVENTS.indexOf(event);
  // Code-unit comparison, not localeCompare: the order must not depend on the machine's locale.
  const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return lines.sort((a, b) => rank(a.event) - rank(b.event) || byKey(a.unitCostKey, b.unitCostKey));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** A ratio is undefined, not zero or infinite, when there is nothing to divide by. */
function divide(numerator: number, denominator: number | null): number | null {
  return denominator === null || denominator === 0 ? null : numerator / denominator;
}

function divideRange(range: Range, denominator: number | null): Range | null {
  if (denominator === null || denominator === 0) return null;
  return rangeOf((scenario) => range[scenario] / denominator);
}
