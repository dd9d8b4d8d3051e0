/**
 * The distributions the pack publishes (tables/distribution-tables.ts), over consenting clients' closed
 * cases in the period and filters, as the other pack queries: the retelling burden by arrival route and by
 * bounce-in, acceptance by level of understanding, and the underlying problems by action, by their own
 * result and by relationship time before they surfaced. Everything comes back aggregated; for the problems,
 * with the sums per case their intervals need (cases are the clusters: statistics/cluster-share-interval.ts).
 */
import { Injectable } from '@nestjs/common';
import { ARRIVAL_ROUTES, BANDS, OUTCOME_RESULTS, PROBLEM_ACTIONS, type ArrivalRoute } from '@deepvalue/shared';
import { DataSource } from 'typeorm';
import { packWhere } from '../analytics/facts-query.js';
import {
  CASE_VALUE_SQL,
  PROBLEM_ACTION_SQL,
  PROBLEM_RESULT_KNOWN,
  PROBLEM_RESULT_SQL,
  TIMES_TOLD_STORY,
  problemTimeBeforeFromFacts,
} from '../analytics/measures.sql.js';
import { OUTCOME_MEASURE_SQL } from '../analytics/outcome-measures.sql.js';
import type { ReportFilters } from '../analytics/report-filters.js';
import type { ClusterSums } from '../analytics/statistics/cluster-mean-interval.js';

/** Times the story had been told before: 0, 1, 2, 3 or more. */
export const TOLD_GROUPS = ['0', '1', '2', '3+'] as const;
/** Other organisations contacted about the problem before: 0, 1, 2, 3 or more. */
const BOUNCE_IN_GROUPS = ['0', '1', '2', '3+'] as const;
export const UNDERSTANDING_LEVELS = [1, 2, 3, 4, 5] as const;

export interface DistributionCounts {
  /** [route][told group]: closed cases whose story count is recorded. */
  toldByArrival: Record<ArrivalRoute, number[]>;
  /** [bounce-in group][told group]: closed cases with both recorded. */
  toldByBounceIn: number[][];
  /** Per level of understanding (1–5): cases with acceptance recorded (n) and accepted (count). */
  acceptance: Array<{ n: number; count: number }>;
  problems: {
    /** PROBLEM_ACTIONS order. */
    actions: number[];
    /** OUTCOME_RESULTS order, then the problems with no result recorded. */
    results: number[];
    /** By band of relationship time before the problem surfaced (BANDS order). */
    timeBefore: number[];
    /**
     * Per part of each way, the cluster sums of its share (n: the problems with that way recorded; for
     * results, those with a result), in the orders above (results without the unrecorded).
     */
    clusters: { actions: ClusterSums[]; results: ClusterSums[]; timeBefore: ClusterSums[] };
  };
}

/** A case's band of relationship time before a problem surfaced (index into BANDS), from `minutes`. */
const bandOf = (minutes: string) =>
  `CASE ${BANDS.map((b, k) => [b, k] as const)
    .slice(1)
    .reverse()
    .map(([b, k]) => `WHEN ${minutes} >= ${b.minMinutes} THEN ${k}`)
    .join(' ')} ELSE 0 END`;

/** Select-list sums over case_facts `f` behind one part's cluster sums: the part's per-case count and the case's units. */
const clusterColumns = (key: string, part: string, units: string) =>
  `coalesce(sum((${part})::float8 * (${part})), 0) AS "${key}.sq", coalesce(sum((${part})::float8 * (${units})), 0) AS "${key}.cross"`;

const group3 = (x: number | null) => (x === null ? null : Math.min(x, 3));

@Injectable()
export class DistributionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async counts(organisationIds: string[], filters: ReportFilters, asOf: string): Promise<DistributionCounts> {
    const where = packWhere(organisationIds, filters, asOf, 'consented_only');
    const accepted = OUTCOME_MEASURE_SQL.accepted;
    const [cases, problems, timeBefore] = await Promise.all([
      this.dataSource.query(
        `SELECT f.arrival_route AS route,
                -- Not least(…, 3) here: least() skips a NULL, so an unrecorded count would read as 3.
                CASE WHEN ${TIMES_TOLD_STORY.applies} THEN ${TIMES_TOLD_STORY.value} END AS told,
                CASE WHEN ${CASE_VALUE_SQL.bounce_in.applies} THEN ${CASE_VALUE_SQL.bounce_in.value} END AS bounce_in,
                f.understood,
                (${accepted.eligible}) AS accepted_known,
                (${accepted.eligible} AND ${accepted.success}) AS accepted,
                count(*)::int AS cases
           FROM case_facts f
          WHERE ${where.sql}
          GROUP BY 1, 2, 3, 4, 5, 6`,
        where.params,
      ) as Promise<
        Array<{
          route: ArrivalRoute;
          told: number | null;
          bounce_in: number | null;
          understood: number | null;
          accepted_known: boolean;
          accepted: boolean;
          cases: number;
        }>
      >,
      this.dataSource.query(
        `SELECT ${[
          ...PROBLEM_ACTIONS.map((a) => PROBLEM_ACTION_SQL[a]),
          ...OUTCOME_RESULTS.map((r) => PROBLEM_RESULT_SQL[r]),
          'f.problems_count',
        ]
          .map((sql, k) => `coalesce(sum(${sql}), 0)::int AS "${k}"`)
          .join(', ')},
                ${[
                  ...PROBLEM_ACTIONS.map((a) =>
                    clusterColumns(`action.${a}`, PROBLEM_ACTION_SQL[a], 'f.problems_count'),
                  ),
                  ...OUTCOME_RESULTS.map((r) =>
                    clusterColumns(`result.${r}`, PROBLEM_RESULT_SQL[r], PROBLEM_RESULT_KNOWN),
                  ),
                ].join(',\n                ')},
                count(*) FILTER (WHERE f.problems_count > 0)::float8 AS "cases",
                coalesce(sum(f.problems_count::float8 * f.problems_count), 0) AS "countsq",
                count(*) FILTER (WHERE ${PROBLEM_RESULT_KNOWN} > 0)::float8 AS "known.cases",
                coalesce(sum(${PROBLEM_RESULT_KNOWN}::float8 * ${PROBLEM_RESULT_KNOWN}), 0) AS "known.countsq"
           FROM case_facts f
          WHERE ${where.sql}`,
        where.params,
      ) as Promise<Array<Record<string, number>>>,
      // Per band: its problems, and over cases Σ (the case's problems in the band)² and Σ that × the case's problems.
      this.dataSource.query(
        `SELECT band, sum(k)::int AS problems, sum(k * k)::float8 AS sq, sum(k * units)::float8 AS "cross"
           FROM (SELECT case_id, band, count(*) AS k, sum(count(*)) OVER (PARTITION BY case_id) AS units
                   FROM (SELECT p.case_id, ${bandOf('p.minutes')} AS band
                           FROM (${problemTimeBeforeFromFacts(where.sql)}) p) b
                  GROUP BY case_id, band) c
          GROUP BY band`,
        where.params,
      ) as Promise<Array<{ band: number; problems: number; sq: number; cross: number }>>,
    ]);

    const toldByArrival = Object.fromEntries(ARRIVAL_ROUTES.map((r) => [r, TOLD_GROUPS.map(() => 0)])) as Record<
      ArrivalRoute,
      number[]
    >;
    const toldByBounceIn = BOUNCE_IN_GROUPS.map(() => TOLD_GROUPS.map(() => 0));
    const acceptance = UNDERSTANDING_LEVELS.map(() => ({ n: 0, count: 0 }));
    for (const row of cases) {
      const told = group3(row.told === null ? null : Number(row.told));
      const bounceIn = group3(row.bounce_in === null ? null : Number(row.bounce_in));
      if (told !== null && toldByArrival[row.route]) toldByArrival[row.route][told] += row.cases;
      if (told !== null && bounceIn !== null) toldByBounceIn[bounceIn][told] += row.cases;
      if (row.understood !== null && row.accepted_known) {
        const level = acceptance[Number(row.understood) - 1];
        level.n += row.cases;
        if (row.accepted) level.count += row.cases;
      }
    }
    const sums = PROBLEM_ACTIONS.length + OUTCOME_RESULTS.length;
    const p = problems[0] ?? {};
    const at = (k: number | string) => Number(p[String(k)] ?? 0);
    const actions = PROBLEM_ACTIONS.map((_, k) => at(k));
    const results = OUTCOME_RESULTS.map((_, k) => at(PROBLEM_ACTIONS.length + k));
    const byBand = BANDS.map(() => 0);
    for (const row of timeBefore) byBand[Number(row.band)] += row.problems;
    const all = { n: at(sums), clusters: at('cases'), clusterCountSq: at('countsq') };
    const known = {
      n: results.reduce((a, b) => a + b, 0),
      clusters: at('known.cases'),
      clusterCountSq: at('known.countsq'),
    };
    const part = (whole: typeof all, key: string, count: number): ClusterSums => ({
      ...whole,
      sum: count,
      clusterSumSq: at(`${key}.sq`),
      clusterCrossSum: at(`${key}.cross`),
    });
    return {
      toldByArrival,
      toldByBounceIn,
      acceptance,
      problems: {
        actions,
        results: [...results, at(sums) - known.n],
        timeBefore: byBand,
        clusters: {
          actions: PROBLEM_ACTIONS.map((a, k) => part(all, `action.${a}`, actions[k])),
          results: OUTCOME_RESULTS.map((r, k) => part(known, `result.${r}`, results[k])),
          timeBefore: BANDS.map((_, k) => {
            const row = timeBefore.find((r) => Number(r.band) === k);
            return { ...all, sum: byBand[k], clusterSumSq: row?.sq ?? 0, clusterCrossSum: row?.cross ?? 0 };
          }),
        },
      },
    };
  }
}
