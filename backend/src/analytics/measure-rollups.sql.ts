/**
 * The measures summary's roll-ups, generated from the one definition of each measure (measures.sql.ts):
 *   - case_measure_rollups: per organisation × dimension value × closing day, the sums every figure of
 *     the summary is read from (each rate's n, count, scope and unknown; the sums and counts behind
 *     each mean; the bounce-in groups);
 *   - case_value_rollups: per organisation × dimension value × closing month, how many cases took each
 *     value of a measure whose median is reported, so the median is read off counts.
 * Migration 1764300100000 writes these texts out literally (a migration is a snapshot) and
 * analytics/measure-rollups.e2e.spec.ts checks that the installed functions still say exactly this.
 */
import { OUTCOME_RESULTS, PROBLEM_ACTIONS } from '@deepvalue/shared';
import {
  CASE_VALUE_SQL,
  PROBLEM_ACTION_SQL,
  PROBLEM_RESULT_SQL,
  PROBLEM_RESULT_KNOWN,
  PROBLEM_RESULT_UNKNOWN,
  PROBLEM_SHARE_CLUSTERS,
  PROBLEM_TIME_BEFORE,
  SCORE_MEASURES,
  SCORE_SQL,
  TIMES_TOLD_STORY,
  RATE_MEASURES,
  RATE_MEASURE_SQL,
  SEEN_WITHIN_WORKING_DAYS,
  workingDaysSql,
} from './measures.sql.js';

export interface RollupColumn {
  column: string;
  type: 'bigint' | 'numeric';
  /** Per case (a row of case_facts `f`): what the case adds to the column. */
  perCase: string;
}

const oneIf = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;
const valueIf = (condition: string, value: string) => `CASE WHEN ${condition} THEN ${value} ELSE 0 END`;

/** Every column of case_measure_rollups after its key, in order. */
export function measureRollupColumns(): RollupColumn[] {
  const v = CASE_VALUE_SQL;
  const count = (column: string, condition: string): RollupColumn => ({
    column,
    type: 'bigint',
    perCase: oneIf(condition),
  });
  const sum = (column: string, value: string, type: RollupColumn['type'] = 'bigint'): RollupColumn => ({
    column,
    type,
    perCase: value,
  });
  const rates = RATE_MEASURES.flatMap((measure) => {
    const sql = RATE_MEASURE_SQL[measure];
    return [
      sum(`${measure}_n`, valueIf(sql.eligible, sql.n)),
      sum(`${measure}_count`, valueIf(sql.eligible, sql.count)),
      sum(`${measure}_scope`, sql.scope),
      sum(`${measure}_unknown`, sql.unknown),
    ];
  });
  return [
    count('n_closed', 'true'),
    ...rates,
    sum('relationship_minutes', v.relationship_time.value),
    sum('relationship_share_sum', valueIf(v.relationship_share.applies, v.relationship_share.value), 'numeric'),
    count('relationship_share_n', v.relationship_share.applies),
    sum('continuity_sum', valueIf(v.continuity.applies, v.continuity.value), 'numeric'),
    count('continuity_n', v.continuity.applies),
    count('first_contact_n', v.first_contact_latency.applies),
    ...SEEN_WITHIN_WORKING_DAYS.map((days) =>
      count(
        `seen_within_${days}`,
        `${v.first_contact_latency.applies} AND ${workingDaysSql('f.first_contact_on', 'f.first_relationship_on')} <= ${days}`,
      ),
    ),
    sum('rqi_sum', valueIf(v.rqi.applies, v.rqi.value), 'numeric'),
    count('rqi_n', v.rqi.applies),
    sum('rqi_items', valueIf(v.rqi.applies, 'f.feedback_items_n')),
    sum('problems', v.underlying_problems.value),
    ...[0, 1, 2, 3].map((k) => count(`bounce_in_${k}`, `${v.bounce_in.applies} AND ${v.bounce_in.value} = ${k}`)),
    count('bounce_in_unknown', `NOT (${v.bounce_in.applies})`),
    ...SCORE_MEASURES.flatMap((m) => {
      const { value, applies, numeric } = SCORE_SQL[m];
      const type = numeric ? 'numeric' : 'bigint';
      return [
        sum(`${m}_sum`, valueIf(applies, value), type),
        sum(`${m}_sumsq`, valueIf(applies, `(${value}) * (${value})`), type),
        count(`${m}_n`, applies),
      ];
    }),
    ...[0, 1, 2, 3].map((k) =>
      count(`told_story_${k}`, `${TIMES_TOLD_STORY.applies} AND ${TIMES_TOLD_STORY.value} = ${k}`),
    ),
    count('told_story_unknown', `NOT (${TIMES_TOLD_STORY.applies})`),
    ...PROBLEM_ACTIONS.map((a) => sum(`problems_${a}`, PROBLEM_ACTION_SQL[a])),
    ...OUTCOME_RESULTS.map((r) => sum(`problems_result_${r}`, PROBLEM_RESULT_SQL[r])),
    sum('problems_result_unknown', PROBLEM_RESULT_UNKNOWN),
    sum('problems_time_before', PROBLEM_TIME_BEFORE.sum),
    sum('problems_time_before_sumsq', PROBLEM_TIME_BEFORE.sumsq),
    sum('problems_time_before_cases', PROBLEM_TIME_BEFORE.cases),
    sum('problems_time_before_case_sumsq', PROBLEM_TIME_BEFORE.caseSumSq),
    sum('problems_time_before_case_cross', PROBLEM_TIME_BEFORE.caseCrossSum),
    sum('problems_time_before_case_countsq', PROBLEM_TIME_BEFORE.caseCountSq),
    sum('rqi_sumsq', valueIf(v.rqi.applies, `(${v.rqi.value}) * (${v.rqi.value})`), 'numeric'),
    ...PROBLEM_ACTIONS.flatMap((a) => [
      sum(`problems_${a}_case_sumsq`, PROBLEM_SHARE_CLUSTERS.caseSumSq(PROBLEM_ACTION_SQL[a])),
      sum(`problems_${a}_case_cross`, PROBLEM_SHARE_CLUSTERS.caseCrossSum(PROBLEM_ACTION_SQL[a], 'f.problems_count')),
    ]),
    sum('problems_result_known_cases', PROBLEM_SHARE_CLUSTERS.knownCases),
    sum('problems_result_known_countsq', PROBLEM_SHARE_CLUSTERS.knownCountSq),
    ...OUTCOME_RESULTS.flatMap((r) => [
      sum(`problems_result_${r}_case_sumsq`, PROBLEM_SHARE_CLUSTERS.caseSumSq(PROBLEM_RESULT_SQL[r])),
      sum(
        `problems_result_${r}_case_cross`,
        PROBLEM_SHARE_CLUSTERS.caseCrossSum(PROBLEM_RESULT_SQL[r], PROBLEM_RESULT_KNOWN),
      ),
    ]),
  ];
}

/** The measures whose median the summary reports, counted per value in case_value_rollups. */
export const MEDIAN_MEASURES = ['relationship_time', 'first_contact_latency'] as const;
export type MedianMeasure = (typeof MEDIAN_MEASURES)[number];

/** Per case: `(measure, value, applies)` rows for case_value_rollups. */
export function valueRollupRows(): string {
  return MEDIAN_MEASURES.map(
    (m) => `('${m}', (${CASE_VALUE_SQL[m].value})::integer, ${CASE_VALUE_SQL[m].applies})`,
  ).join(',\n           ');
}
