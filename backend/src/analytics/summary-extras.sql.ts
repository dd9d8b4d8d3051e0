/**
 * The summary's figures for understanding, trust, personal development, retelling and underlying
 * problems, read the same way from the per-case facts and from case_measure_rollups: each path sums
 * the same per-case values (the columns measure-rollups.sql.ts generates), and the means and their
 * intervals are worked out from those sums afterwards, so both paths give identical figures.
 */
import { OUTCOME_RESULTS, PROBLEM_ACTIONS, type OutcomeResult, type ProblemAction } from '@deepvalue/shared';
import {
  PROBLEM_ACTION_SQL,
  PROBLEM_RESULT_SQL,
  PROBLEM_RESULT_KNOWN,
  PROBLEM_RESULT_UNKNOWN,
  PROBLEM_SHARE_CLUSTERS,
  PROBLEM_TIME_BEFORE,
  SCORE_MEASURES,
  SCORE_SQL,
  TIMES_TOLD_STORY,
  type ScoreMeasure,
} from './measures.sql.js';
import type { ClusterSums } from './statistics/cluster-mean-interval.js';

/** Sums behind a mean: n values, their sum and sum of squares. */
export interface ScoreSums {
  n: number;
  sum: number;
  sumsq: number;
}

export interface SummaryExtras {
  scores: Record<ScoreMeasure, ScoreSums>;
  toldStory: { unknown: number; counts: [number, number, number, number] };
  problems: {
    actions: Record<ProblemAction, number>;
    results: Record<OutcomeResult, number>;
    resultUnknown: number;
    /**
     * Over problems: relationship minutes on or before the day each was uncovered (n = problems), with
     * the sums per case its cluster-robust interval needs (cases are the clusters).
     */
    timeBefore: ClusterSums;
    /**
     * Each action's and each result's share with the sums per case its cluster-robust interval needs
     * (n: the problems; for results, those with a result recorded).
     */
    actionClusters: Record<ProblemAction, ClusterSums>;
    resultClusters: Record<OutcomeResult, ClusterSums>;
  };
}

const GROUPS = [0, 1, 2, 3] as const;

/** Column name (in case_measure_rollups) and per-case value of each sum, keyed as the summary row names it. */
function extraSums(): Array<[key: string, column: string, perCase: string]> {
  const valueIf = (condition: string, value: string) => `CASE WHEN ${condition} THEN ${value} ELSE 0 END`;
  return [
    ...SCORE_MEASURES.flatMap((m): Array<[string, string, string]> => {
      const { value, applies } = SCORE_SQL[m];
      return [
        [`score.${m}.n`, `${m}_n`, valueIf(applies, '1')],
        [`score.${m}.sum`, `${m}_sum`, valueIf(applies, value)],
        [`score.${m}.sumsq`, `${m}_sumsq`, valueIf(applies, `(${value}) * (${value})`)],
      ];
    }),
    ...GROUPS.map((k): [string, string, string] => [
      `toldStory.${k}`,
      `told_story_${k}`,
      valueIf(`${TIMES_TOLD_STORY.applies} AND ${TIMES_TOLD_STORY.value} = ${k}`, '1'),
    ]),
    ['toldStory.unknown', 'told_story_unknown', valueIf(`NOT (${TIMES_TOLD_STORY.applies})`, '1')],
    ...PROBLEM_ACTIONS.map((a): [string, string, string] => [`action.${a}`, `problems_${a}`, PROBLEM_ACTION_SQL[a]]),
    ...OUTCOME_RESULTS.map((r): [string, string, string] => [
      `result.${r}`,
      `problems_result_${r}`,
      PROBLEM_RESULT_SQL[r],
    ]),
    ['result.unknown', 'problems_result_unknown', PROBLEM_RESULT_UNKNOWN],
    ['problems.timeBefore', 'problems_time_before', PROBLEM_TIME_BEFORE.sum],
    ['problems.timeBeforeCases', 'problems_time_before_cases', PROBLEM_TIME_BEFORE.cases],
    ['problems.timeBeforeCaseSq', 'problems_time_before_case_sumsq', PROBLEM_TIME_BEFORE.caseSumSq],
    ['problems.timeBeforeCaseCross', 'problems_time_before_case_cross', PROBLEM_TIME_BEFORE.caseCrossSum],
    ['problems.timeBeforeCaseCountSq', 'problems_time_before_case_countsq', PROBLEM_TIME_BEFORE.caseCountSq],
    ...PROBLEM_ACTIONS.flatMap((a): Array<[string, string, string]> => [
      [`action.${a}.caseSq`, `problems_${a}_case_sumsq`, PROBLEM_SHARE_CLUSTERS.caseSumSq(PROBLEM_ACTION_SQL[a])],
      [
        `action.${a}.caseCross`,
        `problems_${a}_case_cross`,
        PROBLEM_SHARE_CLUSTERS.caseCrossSum(PROBLEM_ACTION_SQL[a], 'f.problems_count'),
      ],
    ]),
    ['result.knownCases', 'problems_result_known_cases', PROBLEM_SHARE_CLUSTERS.knownCases],
    ['result.knownCountSq', 'problems_result_known_countsq', PROBLEM_SHARE_CLUSTERS.knownCountSq],
    ...OUTCOME_RESULTS.flatMap((r): Array<[string, string, string]> => [
      [
        `result.${r}.caseSq`,
        `problems_result_${r}_case_sumsq`,
        PROBLEM_SHARE_CLUSTERS.caseSumSq(PROBLEM_RESULT_SQL[r]),
      ],
      [
        `result.${r}.caseCross`,
        `problems_result_${r}_case_cross`,
        PROBLEM_SHARE_CLUSTERS.caseCrossSum(PROBLEM_RESULT_SQL[r], PROBLEM_RESULT_KNOWN),
      ],
    ]),
  ];
}

/** Select-list items over case_facts `f`. Sums as float8: exact for whole numbers, never overflowing int. */
export function extraColumnsFromFacts(): string {
  return extraSums()
    .map(([key, , perCase]) => `coalesce(sum(${perCase}), 0)::float8 AS "${key}"`)
    .join(',\n              ');
}

/** Select-list items over case_measure_rollups `r`. */
export function extraColumnsFromRollups(): string {
  return extraSums()
    .map(([key, column]) => `coalesce(sum(r.${column}), 0)::float8 AS "${key}"`)
    .join(',\n              ');
}

export function extrasOf(row: Record<string, number | null>): SummaryExtras {
  const num = (key: string) => Number(row[key] ?? 0);
  const problemCount = PROBLEM_ACTIONS.reduce((total, a) => total + num(`action.${a}`), 0);
  const knownCount = OUTCOME_RESULTS.reduce((total, r) => total + num(`result.${r}`), 0);
  const cases = num('problems.timeBeforeCases');
  const countSq = num('problems.timeBeforeCaseCountSq');
  const part = (key: string, whole: Pick<ClusterSums, 'n' | 'clusters' | 'clusterCountSq'>): ClusterSums => ({
    ...whole,
    sum: num(key),
    clusterSumSq: num(`${key}.caseSq`),
    clusterCrossSum: num(`${key}.caseCross`),
  });
  const all = { n: problemCount, clusters: cases, clusterCountSq: countSq };
  const known = { n: knownCount, clusters: num('result.knownCases'), clusterCountSq: num('result.knownCountSq') };
  return {
    scores: Object.fromEntries(
      SCORE_MEASURES.map((m) => [
        m,
        { n: num(`score.${m}.n`), sum: num(`score.${m}.sum`), sumsq: num(`score.${m}.sumsq`) },
      ]),
    ) as Record<ScoreMeasure, ScoreSums>,
    toldStory: {
      unknown: num('toldStory.unknown'),
      counts: GROUPS.map((k) => num(`toldStory.${k}`)) as [number, number, number, number],
    },
    problems: {
      actions: Object.fromEntries(PROBLEM_ACTIONS.map((a) => [a, num(`action.${a}`)])) as Record<ProblemAction, number>,
      results: Object.fromEntries(OUTCOME_RESULTS.map((r) => [r, num(`result.${r}`)])) as Record<OutcomeResult, number>,
      resultUnknown: num('result.unknown'),
      timeBefore: {
        n: problemCount,
        sum: num('problems.timeBefore'),
        clusters: cases,
        clusterSumSq: num('problems.timeBeforeCaseSq'),
        clusterCrossSum: num('problems.timeBeforeCaseCross'),
        clusterCountSq: countSq,
      },
      actionClusters: Object.fromEntries(PROBLEM_ACTIONS.map((a) => [a, part(`action.${a}`, all)])) as Record<
        ProblemAction,
        ClusterSums
      >,
      resultClusters: Object.fromEntries(OUTCOME_RESULTS.map((r) => [r, part(`result.${r}`, known)])) as Record<
        OutcomeResult,
        ClusterSums
      >,
    },
  };
}
