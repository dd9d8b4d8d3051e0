/**
 * A commissioner's combined pack priced with each provider's own unit-cost table (pricedWith=provider,
 * docs/decisions.md). The pack prices the counts it publishes, the combined counts rounded once
 * (published-pricing.ts), exactly as a pack priced with one table does; only the £ a count is worth
 * differs. In each band and category, each event's rounded count is shared between the providers' tables
 * by the providers' own rounded counts of it there (as each provider's own pack would publish them), and
 * each share is priced with that provider's table: its unit costs, mapping and adjustments, and for
 * adviser time its cost of an hour, shared by its rounded closed cases. So:
 *   - with the same table everywhere it gives exactly the figures of a pack priced with that table;
 *   - the overall figure is the sum of the bands, and no category exceeds it (withinWhole), as for any pack;
 *   - the shares rest on rounded counts only, never exact ones.
 * No provider's table may be read back from the result, so:
 *   - a £ figure of a kind (and the cost of adviser time with value per £1) is published in a group only
 *     when at least two providers' tables go into it, or none (£0, or "not priced"); one resting on one
 *     provider's table alone would be that table applied to counts the pack publishes;
 *   - bands add up to the overall figure, so when exactly one band (or category) of a kind is withheld a
 *     second is withheld with it, and the difference gives back two providers' figures, not one;
 *   - the pack publishes no value line, unit cost, adjustment or mapping (evidence-pack.service.ts).
 */
import { BANDS, CATEGORIES, VALUE_KINDS, type BandKey, type Category, type ValueKind } from '@deepvalue/shared';
import { rangeOf, type Range } from './adjustments.js';
import type { OutcomeEvent } from './benefit-mapping.js';
import {
  publishedMarks,
  withinWhole,
  type GroupCounts,
  type PublishedCounts,
  type PublishedMarks,
} from './published-pricing.js';
import {
  valueGroup,
  type DeepValue,
  type GroupValue,
  type KindValue,
  type PricingInput,
  type UnpricedLine,
  type ValueLine,
} from './value.js';

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

/** One provider: its own table, and its own counts rounded at the pack's base (the shares' weights). */
export interface ProviderPricing {
  input: PricingInput;
  counts: PublishedCounts;
}

const sum = (values: readonly number[]) => values.reduce((t, v) => t + v, 0);
const divide = (n: number, d: number | null) => (d === null || d === 0 ? null : n / d);
const divideRange = (r: Range, d: number | null): Range | null =>
  d === null || d === 0 ? null : rangeOf((s) => r[s] / d);

/**
 * Parts of one group summed (providers' shares of it, or bands into the overall); ratios from the summed
 * numerators and denominators. Counts not priced add up across bands (`count: 'sum'`) but not across the
 * providers' shares of the same events (`'max'`: an event any share of which is not priced is counted whole).
 */
function sumGroups(groups: GroupValue[], cases: number, count: 'sum' | 'max'): GroupValue {
  const add = (a: number, b: number) => (count === 'sum' ? a + b : Math.max(a, b));
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
    unpriced.set(key, seen ? { ...seen, count: add(seen.count, line.count) } : line);
  }
  const unmapped = new Map<string, { event: GroupValue['unmapped'][number]['event']; count: number }>();
  for (const u of groups.flatMap((g) => g.unmapped)) {
    const seen = unmapped.get(u.event);
    unmapped.set(u.event, { event: u.event, count: seen ? add(seen.count, u.count) : u.count });
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

/**
 * One provider's share of a group: the group priced with its table, each event's lines × its weight for
 * that event and the time × its weight for cases. Events and time it has no share of drop out.
 */
function share(g: GroupValue, eventWeight: (event: OutcomeEvent) => number, caseWeight: number): GroupValue {
  const lines = g.lines
    .filter((l) => eventWeight(l.event) > 0)
    .map((l) => {
      const w = eventWeight(l.event);
      return { ...l, count: l.count * w, gross: l.gross * w, net: rangeOf((s) => l.net[s] * w) };
    });
  const kind = <K extends ValueKind>(k: K): KindValue<K> => {
    const ofKind = lines.filter((l) => l.kind === k);
    return {
      kind: k,
      gross: sum(ofKind.map((l) => l.gross)),
      net: rangeOf((s) => sum(ofKind.map((l) => l.net[s]))),
      // Ratios are worked out once the shares are summed.
      grossPerPoundSpent: null,
      netPerPoundSpent: null,
      netPerRelationshipHour: null,
    };
  };
  return {
    cases: g.cases * caseWeight,
    adviserHours: g.adviserHours * caseWeight,
    relationshipHours: g.relationshipHours * caseWeight,
    adviserCostGbp: g.adviserCostGbp === null ? null : g.adviserCostGbp * caseWeight,
    values: { fiscal: kind('fiscal'), wellbeing: kind('wellbeing'), client_financial: kind('client_financial') },
    lines,
    unpriced: g.unpriced.filter((u) => eventWeight(u.event) > 0),
    unmapped: g.unmapped.filter((u) => eventWeight(u.event) > 0),
  };
}

/**
 * Weights that sum to 1 over the providers: the first of the candidate lists (rounded counts, most
 * particular first) that is not all zero; equal shares when every one is.
 */
function weights(candidates: number[][], providers: number): number[] {
  const found = candidates.find((c) => sum(c) > 0);
  return found ? found.map((x) => x / sum(found)) : Array.from({ length: providers }, () => 1 / providers);
}

const countIn = (g: GroupCounts, event: OutcomeEvent) =>
  g.hiddenEvents.has(event) ? 0 : (g.counts.find((c) => c.event === event)?.count ?? 0);
const casesIn = (g: GroupCounts) => (g.hiddenCases ? 0 : g.time.cases);

/** What of one group rests on exactly one provider's table (its shares, one per provider). */
function oneTable(shares: GroupValue[]): OneTableMarks {
  const kinds = Object.fromEntries(
    VALUE_KINDS.map((k) => [k, shares.filter((g) => g.lines.some((l) => l.kind === k && l.count > 0)).length === 1]),
  ) as Record<ValueKind, boolean>;
  return { kinds, cost: shares.filter((g) => g.adviserHours > 0).length < 2 };
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

/** The pack's published counts priced with each provider's own table (see the head of this file). */
export function eachProviderValue(
  combined: PublishedCounts,
  providers: readonly ProviderPricing[],
): { value: DeepValue; marks: PublishedMarks; oneTable: EachProviderMarks } {
  const n = providers.length;
  const overallCount = (p: ProviderPricing, event: OutcomeEvent) => sum(p.counts.bands.map((b) => countIn(b, event)));
  const totalCases = (p: ProviderPricing) => sum(p.counts.bands.map(casesIn));

  /** Each provider's share of one group (`at` picks the group out of a provider's own rounded counts). */
  const sharesOf = (group: GroupCounts, at: (c: PublishedCounts) => GroupCounts): GroupValue[] => {
    const caseWeights = weights([providers.map((p) => casesIn(at(p.counts))), providers.map(totalCases)], n);
    const eventWeights = new Map(
      group.counts.map((c) => [
        c.event,
        weights(
          [
            providers.map((p) => countIn(at(p.counts), c.event)),
            providers.map((p) => overallCount(p, c.event)),
            caseWeights,
          ],
          n,
        ),
      ]),
    );
    return providers.map((p, k) =>
      share(
        valueGroup(group.counts, [group.time], p.input),
        (event) => eventWeights.get(event)?.[k] ?? 0,
        caseWeights[k],
      ),
    );
  };

  const bandShares = combined.bands.map((g, j) => sharesOf(g, (c) => c.bands[j]));
  const categoryShares = combined.categories.map((g, i) => sharesOf(g, (c) => c.categories[i]));
  const byBand = {} as Record<BandKey, GroupValue>;
  BANDS.forEach(({ band }, j) => (byBand[band] = sumGroups(bandShares[j], combined.bands[j].time.cases, 'max')));
  // The overall figure is the sum of the bands, as in every pack; no category above it.
  const overall = sumGroups(
    BANDS.map(({ band }) => byBand[band]),
    sum(combined.bands.map((b) => b.time.cases)),
    'sum',
  );
  const byCategory = {} as Record<Category, GroupValue>;
  CATEGORIES.forEach(
    (c, i) =>
      (byCategory[c] = withinWhole(sumGroups(categoryShares[i], combined.categories[i].time.cases, 'max'), overall)),
  );

  const bands = bandShares.map(oneTable);
  withheldInPairs(
    bands,
    BANDS.map(({ band }) => byBand[band].cases),
  );
  const categories = categoryShares.map(oneTable);
  withheldInPairs(
    categories,
    CATEGORIES.map((c) => byCategory[c].cases),
  );
  const providerOverall = providers.map((_, k) =>
    sumGroups(
      bandShares.map((s) => s[k]),
      0,
      'sum',
    ),
  );

  // A kind is not published in a category where any provider's mapping prices it from an event not published.
  const perTable = providers.map((p) => publishedMarks(combined, p.input));
  const marks = perTable[0];
  const hiddenKinds = CATEGORIES.map(
    (_, i) =>
      Object.fromEntries(VALUE_KINDS.map((k) => [k, perTable.some((m) => m.hiddenKinds[i][k])])) as Record<
        ValueKind,
        boolean
      >,
  );
  return {
    value: { overall, byBand, byCategory },
    marks: { ...marks, hiddenKinds },
    oneTable: { overall: oneTable(providerOverall), bands, categories },
  };
}
