/**
 * SQL for "fixed fee against need": the hours closed cases took, per category, beside the fee line
 * of the fee row that applied to each case. The fee rows come in as parameters (each organisation's
 * table in force, or the defaults) with an index so the service can name the row.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { factsWhere } from './analytics.repository.js';
import { OUTCOME_MEASURE_SQL } from './outcome-measures.sql.js';
import type { ReportFilters } from './report-filters.js';

export interface FeeRowParam {
  index: number;
  organisationId: string;
  category: string;
  effectiveFrom: string;
  fixedFeeGbp: number;
  escapeThresholdGbp: number | null;
  hourlyRateGbp: number | null;
}

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

/** Total minutes against the fee line, in exact numeric arithmetic: hours × rate ≤ fee. */
const WITHIN_FEE = `f.total_minutes * fee.hourly_rate_gbp <= fee.fixed_fee_gbp * 60`;
const BEYOND_FEE = `f.total_minutes * fee.hourly_rate_gbp > fee.fixed_fee_gbp * 60`;
const ESCAPED = `f.total_minutes * fee.hourly_rate_gbp > fee.escape_threshold_gbp * 60`;
const ESCAPE_KNOWN = `fee.hourly_rate_gbp IS NOT NULL AND fee.escape_threshold_gbp IS NOT NULL`;
const POSITIVE = OUTCOME_MEASURE_SQL.positive_outcome;

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
    const at = where.params.length;
    const params = [
      ...where.params,
      fees.map((r) => r.index),
      fees.map((r) => r.organisationId),
      fees.map((r) => r.category),
      fees.map((r) => r.effectiveFrom),
      fees.map((r) => r.fixedFeeGbp),
      fees.map((r) => r.escapeThresholdGbp),
      fees.map((r) => r.hourlyRateGbp),
    ];
    // A Legal Help matter is paid under the fee scheme in force when it was opened (new fees apply
    // to matters opened on or after their start date), so each case meets the row in force on its
    // opened_on: the latest row for its category starting on or before that day.
    return this.dataSource.query(
      `WITH fee AS (
         SELECT t.*, lead(t.effective_from) OVER (PARTITION BY t.organisation_id, t.category ORDER BY t.effective_from)
                       AS effective_until
           FROM unnest($${at + 1}::int[], $${at + 2}::uuid[], $${at + 3}::text[], $${at + 4}::date[],
                       $${at + 5}::numeric[], $${at + 6}::numeric[], $${at + 7}::numeric[])
                AS t(index, organisation_id, category, effective_from, fixed_fee_gbp, escape_threshold_gbp, hourly_rate_gbp)
       )
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
         LEFT JOIN fee ON fee.organisation_id = f.organisation_id AND fee.category = f.category
                      AND f.opened_on >= fee.effective_from
                      AND (fee.effective_until IS NULL OR f.opened_on < fee.effective_until)
        WHERE ${where.sql}
        GROUP BY 1, 2`,
      params,
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
