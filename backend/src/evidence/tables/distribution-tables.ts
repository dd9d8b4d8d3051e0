/**
 * The pack's distribution tables (docs/measures.md): the retelling burden by arrival route and by bounce-in,
 * acceptance by level of understanding, and underlying problems by what was done, by their own result and
 * by relationship time before they surfaced. Published under disclosure/distributions.ts: counts rounded,
 * totals the sums of rounded counts, shares and intervals from rounded figures, each table checked against
 * the wholes the pack already publishes (closed cases, bounce-in's and understanding's n, acceptance, cases
 * with a problem uncovered) and rounded coarser, or not published, where a count could be pinned.
 */
import {
  ARRIVAL_ROUTES,
  BANDS,
  MEASURES,
  OUTCOME_RESULTS,
  PROBLEM_ACTIONS,
  labelOf,
  type Cell,
  type PackColumn,
  type PackTable,
  type ProblemAction,
} from '@deepvalue/shared';
import {
  lowestSum,
  pinsWhole,
  publishedDesignEffect,
  safeBase,
  sharesOf,
  totalRange,
  waysPinned,
} from '../../disclosure/distributions.js';
import { clusterDesignEffect } from '../../analytics/statistics/cluster-share-interval.js';
import type { RoundedMeanTable } from '../../disclosure/means.js';
import { MIN_RATE_N, rateOfRounded, roundToBase, roundedRange, type RoundedRate } from '../../disclosure/rounding.js';
import { TOLD_GROUPS, UNDERSTANDING_LEVELS, type DistributionCounts } from '../distribution.repository.js';
import type { RoundedOutcomes } from '../../disclosure/published-outcomes.js';

export const DISTRIBUTION_FILE_NAMES = {
  retellingByArrival: 'retelling-by-arrival',
  retellingByBounceIn: 'retelling-by-bounce-in',
  acceptanceByUnderstanding: 'acceptance-by-understanding',
  underlyingProblems: 'underlying-problems',
} as const;

const TOLD_LABELS = ['Not before', 'Once', 'Twice', '3 times or more'];
const BOUNCE_IN_LABELS = ['None', '1', '2', '3 or more'];
const NOT_RECORDED = 'Not recorded';
const ACTION_LABELS: Record<ProblemAction, string> = {
  handled_in_house: 'Handled in house',
  referred_warm: 'Warm referral',
  signposted: 'Signposted',
  client_declined: 'Client declined',
};

const SHARE_COLUMNS: PackColumn[] = [
  { key: 'n', label: 'Of (n)', kind: 'count' },
  { key: 'share', label: 'Share', kind: 'rate' },
  { key: 'ci_low', label: '95% interval from', kind: 'rate' },
  { key: 'ci_high', label: '95% interval to', kind: 'rate' },
];

const shareCells = (r: RoundedRate): Record<string, Cell> => ({
  n: r.n,
  share: round4(r.rate),
  ci_low: round4(r.ciLow),
  ci_high: round4(r.ciHigh),
});
/** Rows that are a total or what was not recorded: no share. */
const NO_SHARE = { n: null, share: null, ci_low: null, ci_high: null };
const round4 = (x: number | null) => (x === null ? null : Number(x.toFixed(4)));
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The highest true n a mean table's rounded n allows (bands, and categories where published; a category the
 * pack's filter leaves out holds nothing).
 */
function meanNHighest(table: RoundedMeanTable, base: number, knownZero: readonly boolean[]): number {
  const bands = table.overall.n + BANDS.length * (roundedRange(0, base)[1] - 0);
  if (table.byCategory.some((c) => c === null)) return bands;
  const categories = sum(
    table.byCategory.map((c, i) => (knownZero[i] ? 0 : roundedRange(c!.n, table.categoryBase)[1])),
  );
  return Math.min(bands, categories);
}

function notPublished(table: Omit<PackTable, 'rows' | 'note'>, base: number): PackTable {
  return {
    ...table,
    note: `Not published: even rounded to the nearest ${4 * base}, these counts read with the pack's other tables could give a small number away.`,
    rows: [],
  };
}

const roundingSentence = (base: number, packBase: number) =>
  `Counts are rounded to the nearest ${base}${base > packBase ? ` (coarser than the pack's ${packBase}, so that read with the pack's other tables no small count can be worked out)` : ''}; ` +
  'each total is the sum of the rounded counts, and each share and its 95% Wilson interval are computed from ' +
  `rounded counts. A group with fewer than ${MIN_RATE_N} has no share.`;

/**
 * The retelling burden by a grouping of the cases (arrival route, or other organisations contacted before):
 * per group, the cases by times told before, and every group together.
 */
function retellingTable(
  about: {
    name: string;
    sheet: string;
    title: string;
    groupLabel: string;
    groups: string[];
    allLabel: string;
    scope: string;
  },
  counts: number[][],
  base: number | null,
  packBase: number,
  casesTotal: number,
): PackTable {
  const head = {
    name: about.name,
    sheet: about.sheet,
    title: about.title,
    description:
      `${MEASURES.times_told_story.definition} Closed cases ${about.scope}; per ${about.groupLabel.toLowerCase()}, ` +
      'the cases by how many times the client had told their story before, and each one’s share of the group. ' +
      `"${NOT_RECORDED}" is the closed cases left out (the closed cases less the cases here, both as published). ` +
      (base === null ? '' : roundingSentence(base, packBase)),
    columns: [
      { key: 'group', label: about.groupLabel, kind: 'text' as const },
      { key: 'told', label: 'Told their story before', kind: 'text' as const },
      { key: 'cases', label: 'Cases', kind: 'count' as const },
      ...SHARE_COLUMNS,
    ],
  };
  if (base === null) return notPublished(head, packBase);
  const rounded = counts.map((g) => g.map((x) => roundToBase(x, base)));
  const all = TOLD_GROUPS.map((_, t) => sum(rounded.map((g) => g[t])));
  const rows = (group: string, parts: number[]) => {
    const n = sum(parts);
    return parts.map((count, t) => ({
      group,
      told: TOLD_LABELS[t],
      cases: count,
      ...shareCells(rateOfRounded(count, n)),
    }));
  };
  return {
    ...head,
    note: null,
    rows: [
      ...about.groups.flatMap((g, k) => rows(g, rounded[k])),
      ...rows(about.allLabel, all),
      {
        group: about.allLabel,
        told: NOT_RECORDED,
        cases: Math.max(0, casesTotal - sum(all)),
        ...NO_SHARE,
      },
    ],
  };
}

/** The base at which the retelling tables publish nothing a reader could pin, read with the cases and bounce-in. */
function retellingBase(counts: DistributionCounts, rounded: RoundedOutcomes): number | null {
  const casesHighest = totalRange(rounded.cases, rounded.base, rounded.knownZero)[1];
  const bounceInHighest = meanNHighest(rounded.means.bounce_in, rounded.base, rounded.knownZero);
  const byArrival = ARRIVAL_ROUTES.map((r) => counts.toldByArrival[r]);
  return safeBase(rounded.base, (b) => {
    const r = (xs: number[][]) => xs.map((g) => g.map((x) => roundToBase(x, b)));
    const arrival = r(byArrival);
    const bounceIn = r(counts.toldByBounceIn);
    const lowest = (xs: number[][]) => lowestSum(xs.flat(), b);
    const highestTold = (t: number) => sum(arrival.map((g) => roundedRange(g[t], b)[1]));
    return (
      !pinsWhole(lowest(arrival), casesHighest) &&
      !pinsWhole(lowest(bounceIn), Math.min(casesHighest, bounceInHighest)) &&
      // The cases of a story count with bounce-in recorded are some of those with that story count.
      TOLD_GROUPS.every(
        (_, t) =>
          !pinsWhole(
            lowestSum(
              bounceIn.map((g) => g[t]),
              b,
            ),
            highestTold(t),
          ),
      )
    );
  });
}

export function retellingTables(counts: DistributionCounts, rounded: RoundedOutcomes): PackTable[] {
  const base = retellingBase(counts, rounded);
  return [
    retellingTable(
      {
        name: DISTRIBUTION_FILE_NAMES.retellingByArrival,
        sheet: 'Retelling by arrival',
        title: 'Retelling burden by arrival route',
        groupLabel: 'Arrival route',
        groups: ARRIVAL_ROUTES.map(labelOf),
        allLabel: 'All arrival routes',
        scope: 'where it was recorded',
      },
      ARRIVAL_ROUTES.map((r) => counts.toldByArrival[r]),
      base,
      rounded.base,
      rounded.cases.total,
    ),
    retellingTable(
      {
        name: DISTRIBUTION_FILE_NAMES.retellingByBounceIn,
        sheet: 'Retelling by bounce-in',
        title: 'Retelling burden by bounce-in',
        groupLabel: 'Organisations contacted before',
        groups: BOUNCE_IN_LABELS,
        allLabel: 'All with bounce-in recorded',
        scope: 'where both it and the organisations contacted before this one (bounce-in) were recorded',
      },
      counts.toldByBounceIn,
      base,
      rounded.base,
      rounded.cases.total,
    ),
  ];
}

/** Acceptance by level of understanding: per level, cases with acceptance recorded, accepted, and the rate. */
export function acceptanceByUnderstandingTable(counts: DistributionCounts, rounded: RoundedOutcomes): PackTable {
  const accepted = rounded.figures.accepted;
  const pack = rounded.base;
  const base = safeBase(pack, (b) => {
    const n = counts.acceptance.map((l) => roundToBase(l.n, b));
    const c = counts.acceptance.map((l) => roundToBase(l.count, b));
    const nHighest = totalRange(accepted.n, pack, rounded.knownZero)[1];
    const [countLowest, countHighest] = totalRange(accepted.count, pack, rounded.knownZero);
    // Cases not accepted at a level are some of those not accepted overall (n less count).
    const notAcceptedLowest = sum(n.map((x, k) => Math.max(0, roundedRange(x, b)[0] - roundedRange(c[k], b)[1])));
    return (
      !pinsWhole(
        lowestSum(n, b),
        Math.min(nHighest, meanNHighest(rounded.means.understood, pack, rounded.knownZero)),
      ) &&
      !pinsWhole(lowestSum(c, b), countHighest) &&
      !pinsWhole(notAcceptedLowest, nHighest - countLowest)
    );
  });
  const head = {
    name: DISTRIBUTION_FILE_NAMES.acceptanceByUnderstanding,
    sheet: 'Acceptance by understanding',
    title: 'Acceptance by level of understanding',
    description:
      `${MEASURES.accepted.definition} Taken per level of how well the client understood the outcome (1 not at all – ` +
      '5 fully, the adviser’s record at closing), over the closed cases where both are recorded (n). ' +
      `"${NOT_RECORDED}" is the closed cases where either is not (the closed cases less n, both as published): left ` +
      'out, never counted as "no". Side by side, not adjusted for case mix: an association, not proof of cause. ' +
      (base === null ? '' : roundingSentence(base, pack)),
    columns: [
      { key: 'understood', label: 'Understood the outcome (1–5)', kind: 'text' as const },
      { key: 'n', label: 'n (cases)', kind: 'count' as const },
      { key: 'not_recorded', label: NOT_RECORDED, kind: 'count' as const },
      { key: 'count', label: 'Accepted', kind: 'count' as const },
      { key: 'rate', label: 'Rate', kind: 'rate' as const },
      { key: 'ci_low', label: '95% interval from', kind: 'rate' as const },
      { key: 'ci_high', label: '95% interval to', kind: 'rate' as const },
    ],
  };
  if (base === null) return notPublished(head, pack);
  const levels = counts.acceptance.map((l) => ({ n: roundToBase(l.n, base), count: roundToBase(l.count, base) }));
  const cells = (n: number, count: number, notRecorded: number | null) => {
    const r = rateOfRounded(count, n);
    return {
      n,
      not_recorded: notRecorded,
      count: r.count,
      rate: round4(r.rate),
      ci_low: round4(r.ciLow),
      ci_high: round4(r.ciHigh),
    };
  };
  const n = sum(levels.map((l) => l.n));
  return {
    ...head,
    note: null,
    rows: [
      ...UNDERSTANDING_LEVELS.map((level, k) => ({
        understood: String(level),
        ...cells(levels[k].n, levels[k].count, null),
      })),
      { understood: 'All levels', ...cells(n, sum(levels.map((l) => l.count)), Math.max(0, rounded.cases.total - n)) },
    ],
  };
}

/** Underlying problems three ways: what was done, their own result, and relationship time before they surfaced. */
export function underlyingProblemsTable(counts: DistributionCounts, rounded: RoundedOutcomes): PackTable {
  const { actions, results, timeBefore, clusters } = counts.problems;
  const pack = rounded.base;
  const withProblemLowest = totalRange(rounded.figures.problem_uncovered.count, pack, rounded.knownZero)[0];
  const base = safeBase(pack, (b) => {
    const ways = [actions, results, timeBefore];
    const problemsHighest = Math.min(...ways.map((w) => sum(w.map((x) => roundedRange(roundToBase(x, b), b)[1]))));
    // Every case with a problem uncovered has at least one.
    return !waysPinned(ways, b) && !pinsWhole(withProblemLowest, problemsHighest);
  });
  const head = {
    name: DISTRIBUTION_FILE_NAMES.underlyingProblems,
    sheet: 'Underlying problems',
    title: 'Underlying problems: what was done, their result, and when they surfaced',
    description:
      'Underlying problems uncovered on the closed cases (beyond the problem the client came with), counted in ' +
      'problems, not cases, three ways: what was done about each (handled in house, warm referral, signposted, ' +
      'client declined); each problem’s own result, where recorded (problems with no result are "Not recorded" ' +
      'and left out of the shares, never counted as negative); and the relationship time on the case dated on or ' +
      'before the day it was uncovered, in the bands used elsewhere. Each way is rounded on its own, so their ' +
      'totals can differ. Problems of one case are alike (one client, one adviser), so each interval allows for it: ' +
      'it is the Wilson interval at the problems ÷ the design effect shown beside it (how much wider the spread is ' +
      'than if every problem were independent, with cases as clusters; for each way the largest of its groups’, ' +
      'rounded up to a quarter). ' +
      (base === null ? '' : roundingSentence(base, pack)),
    columns: [
      { key: 'way', label: 'Counted by', kind: 'text' as const },
      { key: 'part', label: 'Group', kind: 'text' as const },
      { key: 'problems', label: 'Problems', kind: 'count' as const },
      ...SHARE_COLUMNS,
      { key: 'design_effect', label: 'Design effect', kind: 'ratio' as const },
    ],
  };
  if (base === null) return notPublished(head, pack);
  const section = (
    way: string,
    labels: string[],
    values: number[],
    sums: Parameters<typeof clusterDesignEffect>[0][],
    notRecorded?: number,
  ) => {
    const designEffect = publishedDesignEffect(sums.map(clusterDesignEffect));
    const shares = sharesOf(values, base, designEffect);
    const rows: Array<Record<string, Cell>> = shares.map((s, k) => ({
      way,
      part: labels[k],
      problems: s.count,
      ...shareCells(s),
      design_effect: designEffect,
    }));
    const n = sum(shares.map((s) => s.count));
    rows.push({ way, part: 'All', problems: n, ...NO_SHARE, design_effect: null });
    if (notRecorded !== undefined)
      rows.push({
        way,
        part: NOT_RECORDED,
        problems: roundToBase(notRecorded, base),
        ...NO_SHARE,
        design_effect: null,
      });
    return rows;
  };
  return {
    ...head,
    note: null,
    rows: [
      ...section(
        'What was done',
        PROBLEM_ACTIONS.map((a) => ACTION_LABELS[a]),
        actions,
        clusters.actions,
      ),
      ...section(
        'Their own result',
        OUTCOME_RESULTS.map(labelOf),
        results.slice(0, -1),
        clusters.results,
        results[results.length - 1],
      ),
      ...section(
        'Relationship time before it surfaced',
        BANDS.map((b) => b.label),
        timeBefore,
        clusters.timeBefore,
      ),
    ],
  };
}

export function distributionTables(counts: DistributionCounts, rounded: RoundedOutcomes): PackTable[] {
  return [
    ...retellingTables(counts, rounded),
    acceptanceByUnderstandingTable(counts, rounded),
    underlyingProblemsTable(counts, rounded),
  ];
}
