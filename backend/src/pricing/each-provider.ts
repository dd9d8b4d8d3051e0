/**
 * A commissioner's combined pack priced with each provider's own unit-cost table (pricedWith=provider,
 * docs/decisions.md): each provider's cases are priced with that provider's own table from that provider's
 * own rounded counts (published-pricing.ts, at the combined pack's rounding base), and the £ figures are
 * summed. No provider's table may be read back from the result, so:
 *   - a £ figure of a kind (and the cost of adviser time with value per £1) is published in a group only
 *     when at least two providers' tables go into it; one resting on one provider's table alone would be
 *     that table applied to counts the pack publishes;
 *   - bands add up to the overall figure, so when exactly one band (or category) of a kind is withheld a
 *     second is withheld with it, and the difference gives back two providers' figures, not one;
 *   - the pack publishes no value line, unit cost, adjustment or mapping (evidence-pack.service.ts).
 */
import { BANDS, CATEGORIES, VALUE_KINDS, type BandKey, type Category, type ValueKind } from '@deepvalue/shared';
import type { RoundedFigure } from '../disclosure/rounding.js';
import { rangeOf, type Range } from './adjustments.js';
import type { PublishedMarks, PublishedValue } from './published-pricing.js';
import type { DeepValue, GroupValue, KindValue, UnpricedLine, ValueLine } from './value.js';

/** What of one group rests on one provider's table alone (and is not published). */
export interface OneTableMarks {
  kinds: Record<ValueKind, boolean>;
  /** The cost of adviser time, and with it value per £1 of it. */
  cost: boolean;
}

export interface EachProviderMarks {
  overall: OneTableMarks;
  bands: OneTableMarks[];
  categories: OneTableMarks[];
}

const sum = (values: readonly number[]) => values.reduce((t, v) => t + v, 0);
const divide = (n: number, d: number | null) => (d === null || d === 0 ? null : n / d);
const divideRange = (r: Range, d: number | null): Range | null =>
  d === null || d === 0 ? null : rangeOf((s) => r[s] / d);

/** The sum of each provider's value of one group; ratios from the summed numerators and denominators. */
function sumGroups(groups: GroupValue[], cases: number): GroupValue {
  const adviserHours = sum(groups.map((g) => g.adviserHours));
  const relationshipHours = sum(groups.map((g) => g.relationshipHours));
  const costs = groups.map((g) => g.adviserCostGbp);
  const adviserCostGbp = costs.some((c) => c === null) ? null : sum(costs as number[]);
  const kind = <K extends ValueKind>(k: K): KindValue<K> => {
    const gross = sum(groups.map((g) => g.values[k].gross));
    const net = rangeOf((s) => sum(groups.map((g) => g.values[k].net[s])));
    return {
      kind: k,
      gross,
      net,
      grossPerPoundSpent: divide(gross, adviserCostGbp),
      netPerPoundSpent: divideRange(net, adviserCostGbp),
      netPerRelationshipHour: divideRange(net, relationshipHours),
    };
  };
  const lines = new Map<string, ValueLine>();
  for (const line of groups.flatMap((g) => g.lines)) {
    const key = `${line.event}|${line.unitCostKey}`;
    const seen = lines.get(key);
    lines.set(
      key,
      seen
        ? {
            ...seen,
            count: seen.count + line.count,
            gross: seen.gross + line.gross,
            net: rangeOf((s) => seen.net[s] + line.net[s]),
          }
        : line,
    );
  }
  const unpriced = new Map<string, UnpricedLine>();
  for (const line of groups.flatMap((g) => g.unpriced)) {
    const key = `${line.event}|${line.unitCostKey}|${line.reason}`;
    const seen = unpriced.get(key);
    unpriced.set(key, seen ? { ...seen, count: seen.count + line.count } : line);
  }
  const unmapped = new Map<string, { event: GroupValue['unmapped'][number]['event']; count: number }>();
  for (const u of groups.flatMap((g) => g.unmapped)) {
    const seen = unmapped.get(u.event);
    unmapped.set(u.event, { event: u.event, count: (seen?.count ?? 0) + u.count });
  }
  const order = (groups[0]?.lines ?? []).map((l) => `${l.event}|${l.unitCostKey}`);
  const rank = (l: { event: string; unitCostKey: string }) => {
    const i = order.indexOf(`${l.event}|${l.unitCostKey}`);
    return i < 0 ? order.length : i;
  };
  return {
    cases,
    adviserHours,
    relationshipHours,
    adviserCostGbp,
    values: { fiscal: kind('fiscal'), wellbeing: kind('wellbeing'), client_financial: kind('client_financial') },
    // Not published (the pack leaves value lines out): kept so a kind resting only on unpriced events reads so.
    lines: [...lines.values()].sort((a, b) => rank(a) - rank(b)),
    unpriced: [...unpriced.values()],
    unmapped: [...unmapped.values()],
  };
}

/** What of one group rests on fewer than two providers' tables. */
function oneTable(groups: GroupValue[]): OneTableMarks {
  const kinds = Object.fromEntries(
    VALUE_KINDS.map((k) => [k, groups.filter((g) => g.lines.some((l) => l.kind === k && l.count > 0)).length < 2]),
  ) as Record<ValueKind, boolean>;
  return { kinds, cost: groups.filter((g) => g.adviserHours > 0).length < 2 };
}

/**
 * Parts that add up to a published whole (bands to overall): when exactly one part of a figure is withheld,
 * withhold the smallest other part too, so the whole less the shown parts is never one provider's table.
 */
function withheldInPairs(parts: OneTableMarks[], sizes: number[]): void {
  const pair = (withheld: (p: OneTableMarks) => boolean, withhold: (p: OneTableMarks) => void) => {
    const hidden = parts.filter(withheld);
    if (hidden.length !== 1) return;
    const others = parts.map((p, i) => ({ p, i })).filter(({ p }) => !withheld(p));
    const smallest = others.sort((a, b) => sizes[a.i] - sizes[b.i] || a.i - b.i)[0];
    if (smallest) withhold(smallest.p);
  };
  for (const k of VALUE_KINDS)
    pair(
      (p) => p.kinds[k],
      (p) => (p.kinds[k] = true),
    );
  pair(
    (p) => p.cost,
    (p) => (p.cost = true),
  );
}

/**
 * Each provider's published value summed. `cases` is the pack's combined cases table: the summed value
 * shows it, not the sum of the providers' own rounded cases the £ figures were priced from.
 */
export function eachProviderValue(
  providers: readonly PublishedValue[],
  cases: RoundedFigure,
): { value: DeepValue; marks: PublishedMarks; oneTable: EachProviderMarks } {
  const byBand = {} as Record<BandKey, GroupValue>;
  BANDS.forEach(({ band }, j) => {
    byBand[band] = sumGroups(
      providers.map((p) => p.value.byBand[band]),
      cases.byBand[j] ?? 0,
    );
  });
  const byCategory = {} as Record<Category, GroupValue>;
  CATEGORIES.forEach((c, i) => {
    byCategory[c] = sumGroups(
      providers.map((p) => p.value.byCategory[c]),
      cases.byCategory[i] ?? 0,
    );
  });
  const overall = sumGroups(
    providers.map((p) => p.value.overall),
    cases.total,
  );

  const bands = BANDS.map(({ band }) => oneTable(providers.map((p) => p.value.byBand[band])));
  withheldInPairs(
    bands,
    BANDS.map(({ band }) => byBand[band].cases),
  );
  const categories = CATEGORIES.map((c) => oneTable(providers.map((p) => p.value.byCategory[c])));
  withheldInPairs(
    categories,
    CATEGORIES.map((c) => byCategory[c].cases),
  );

  // A category is incomplete when any provider's part of it is not published.
  const hiddenCategories = CATEGORIES.map(
    (_, i) => cases.byCategory[i] === null || providers.some((p) => p.marks.hiddenCategories[i]),
  );
  const hiddenKinds = CATEGORIES.map(
    (_, i) =>
      Object.fromEntries(
        VALUE_KINDS.map((k) => [k, hiddenCategories[i] || providers.some((p) => p.marks.hiddenKinds[i][k])]),
      ) as Record<ValueKind, boolean>,
  );
  return {
    value: { overall, byBand, byCategory },
    marks: {
      base: providers[0]?.marks.base ?? 0,
      hiddenCategories,
      hiddenKinds,
      eventCounts: new Map(),
    },
    oneTable: { overall: oneTable(providers.map((p) => p.value.overall)), bands, categories },
  };
}
