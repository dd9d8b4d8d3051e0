/**
 * SQL for "fixed fee against need": the hours closed cases took, per category, beside the fee line
 * of the fee row that applied to each case. The fee rows come in as parameters (each organisation's
 * table in force, or the defaults) with an index so the service can name the row.
 */
import { Injectable } from '@nestjs/common';

import { DataSource } from 'typeorm';

import { factsWhere, feeInForce, type FeeRowParam } from './facts-query.js';

import { BEYOND_FEE, ESCAPED, ESCAPE_KNOWN, POSITIVE, WITHIN_FEE } from './fee-rollups.sql.js';

import type { ReportFilters } from './report-filters.js';

export interface FeeLineCounts {
  category: string;
  /** The fee row that applied, or null for cases with none. */
  feeIndex: number | null;
  cases: number;
  withinCases: number;
  withinN: number;
  withinPositive: number;
  beyondCases: number;
  beyondN: number;
  beyondPositive: number;
  escapeN: number;
  escapeCount: number;
}

@Injectable()
export class FixedFeeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Per category and applying fee row: cases within and beyond the fee line, outcomes, escapes. */
  async feeLineCounts(
    organisationIds: string[],
    filters: ReportFilters,
    fees: FeeRowParam[],
    asOf: string,
  ): Promise<FeeLineCounts[]> {
    const where = factsWhere(organisationIds, filters, undefined, asOf);
    const fee = feeInForce(fees, where.params.length);
    return this.dataSource.query(
      `WITH ${fee.cte}
       SELECT f.category, fee.index AS "feeIndex", count(*)::int AS cases,
              count(*) FILTER (WHERE ${WITHIN_FEE})::int AS "withinCases",
              count(*) FILTER (WHERE ${WITHIN_FEE} AND ${POSITIVE.eligible})::int AS "withinN",
              count(*) FILTER (WHERE ${WITHIN_FEE} AND ${POSITIVE.success})::int AS "withinPositive",
              count(*) FILTER (WHERE ${BEYOND_FEE})::int AS "beyondCases",
              count(*) FILTER (WHERE ${BEYOND_FEE} AND ${POSITIVE.eligible})::int AS "beyondN",
              count(*) FILTER (WHERE ${BEYOND_FEE} AND ${POSITIVE.success})::int AS "beyondPositive",
              count(*) FILTER (WHERE ${ESCAPE_KNOWN})::int AS "escapeN",
              count(*) FILTER (WHERE ${ESCAPE_KNOWN} AND ${ESCAPED})::int AS "escapeCount"
         FROM case_facts f
         ${fee.join}
        WHERE ${where.sql}
        GROUP BY 1, 2`,
      [...where.params, ...fee.params],
    );
  }

  /**
   * Per category: how many closed cases took each number of minutes (all classes of time). Mean,
   * quartiles and the histogram are read off these counts, with no sort of every case.
   */
  async minuteCounts(
    organisationIds: string[],
    filters: ReportFilters,
    asOf: string,
  ): Promise<Array<{ category: string; value: number; n: number }>> {
    const where = factsWhere(organisationIds, filters, undefined, asOf);
    return this.dataSource.query(
      `SELECT f.category, f.total_minutes AS value, count(*)::int AS n
         FROM case_facts f
        WHERE ${where.sql}
        GROUP BY 1, 2`,
      where.params,
    );
  }
}
