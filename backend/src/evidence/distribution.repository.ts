/**
 * The distributions the pack publishes (tables/distribution-tables.ts), over consenting clients' closed
 * cases in the period and filters, as the other pack queries: the retelling burden by arrival route and by
 * bounce-in, acceptance by level of understanding, and the underlying problems by action, by their own
 * result and by relationship time before they surfaced. Everything comes back aggregated.
 */
import { Injectable } from '@nestjs/common';
import {
  ARRIVAL_ROUTES,
  BANDS,
  OUTCOME_RESULTS,
  PROBLEM_ACTIONS,
  bandIndexOf,
  type ArrivalRoute,
} from '@deepvalue/shared';
import { DataSource } from 'typeorm';
import { packWhere } from '../analytics/facts-query.js';
import {
  CASE_VALUE_SQL,
  PROBLEM_ACTION_SQL,
  PROBLEM_RESULT_SQL,
  TIMES_TOLD_STORY,
  problemTimeBeforeRows,
} from '../analytics/measures.sql.js';
import { OUTCOME_MEASURE_SQL } from '../analytics/outcome-measures.sql.js';
import type { ReportFilters } from '../analytics/report-filters.js';

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
  };
}

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
          .join(', ')}
           FROM case_facts f
          WHERE ${where.sql}`,
        where.params,
      ) as Promise<Array<Record<string, number>>>,
      this.dataSource.query(
        `SELECT p.minutes, count(*)::int AS problems FROM (${problemTimeBeforeRows(where.sql)}) p GROUP BY 1`,
        where.params,
      ) as Promise<Array<{ minutes: number; problems: number }>>,
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
    const at = (k: number) => Number(p[String(k)] ?? 0);
    const results = OUTCOME_RESULTS.map((_, k) => at(PROBLEM_ACTIONS.length + k));
    const byBand = BANDS.map(() => 0);
    for (const row of timeBefore) byBand[bandIndexOf(Number(row.minutes))] += row.problems;
    return {
      toldByArrival,
      toldByBounceIn,
      acceptance,
      problems: {
        actions: PROBLEM_ACTIONS.map((_, k) => at(k)),
        results: [...results, at(sums) - results.reduce((a, b) => a + b, 0)],
        timeBefore: byBand,
      },
    };
  }
}
