/**
 * Pack SQL over the per-case facts. Everything comes back already aggregated (per category × band, or
 * per category against the fee line): no query here returns a case, a client or an adviser.
 * Evidence leaves the organisation, so only clients who consented count (f.evidence_consent); the one
 * query that looks at the others only counts them, for the method's "cases excluded".
 */
import { Injectable } from '@nestjs/common';

import {
  BOUNCE_BACK_WINDOW_MONTHS,
  OUTCOME_MEASURES,
  PACK_MEANS,
  PACK_RATES,
  type Category,
  type OutcomeMeasure,
  type PackMean,
  type PackRate,
} from '@deepvalue/shared';

import { DataSource } from 'typeorm';

import { OUTCOME_MEASURE_SQL } from '../analytics/outcome-measures.sql.js';

import type { ReportFilters } from '../analytics/report-filters.js';

import { CASE_VALUE_SQL, RATE_MEASURE_SQL, SCORE_SQL, maturityCutoff } from '../analytics/measures.sql.js';
import type { MeanScale } from '../disclosure/means.js';
import { factsWhere, feeInForce, packWhere, type FeeRowParam } from '../analytics/facts-query.js';

/** One category × band cell of consenting clients' closed cases. */
export interface MeasureCell {
  category: Category;
  band: number;
  cases: number;
  /** Cases with a result (positive, partly positive, negative) that were negative: avoided appeal's base. */
  negative: number;
  measures: Record<OutcomeMeasure, { n: number; count: number }>;
  /**
   * The other rates the pack publishes by band (PACK_RATES): n, count and the units in scope not recorded
   * (left out of n), as measures.sql.ts defines them.
   */
  rates: Record<PackRate, { n: number; count: number; unknown: number }>;
  /** The means the pack publishes by band (PACK_MEANS): the cases counted and Σ of their values. */
  means: Record<PackMean, { n: number; sum: number }>;
}

export { PACK_MEANS, PACK_RATES, type PackMean, type PackRate } from '@deepvalue/shared';

/** Per-case values the pack publishes as a mean by band of relationship time (the one definition of each). */
export const PACK_MEAN_SQL: Record<PackMean, { value: string; applies: string }> = {
  rqi: CASE_VALUE_SQL.rqi,
  continuity: CASE_VALUE_SQL.continuity,
  bounce_in: CASE_VALUE_SQL.bounce_in,
  confidence_change: SCORE_SQL.confidence_change,
  understood: SCORE_SQL.understood,
  trust: SCORE_SQL.trust,
  did_not_repeat_story: SCORE_SQL.did_not_repeat_story,
};

/**
 * Each mean's scale (disclosure/means.ts): the coarsest grain its per-case values can sit on (RQI: 25,
 * since a case's index can rest on one 1–5 item; continuity: 1, a lead adviser doing all or none), its
 * range, and the finest step shown.
 */
export const PACK_MEAN_SCALES: Record<PackMean, MeanScale> = {
  rqi: { grain: 25, min: 0, max: 100, finestStep: 0.1 },
  continuity: { grain: 1, min: 0, max: 1, finestStep: 0.001 },
  bounce_in: { grain: 1, min: 0, max: 3, finestStep: 0.01 },
  confidence_change: { grain: 1, min: -4, max: 4, finestStep: 0.01 },
  understood: { grain: 1, min: 1, max: 5, finestStep: 0.01 },
  trust: { grain: 1, min: 1, max: 5, finestStep: 0.01 },
  // A case's value is the mean of its answers, but can rest on one 1–5 answer.
  did_not_repeat_story: { grain: 1, min: 1, max: 5, finestStep: 0.01 },
};

export interface FeeLineRow {
  category: Category;
  cases: number;
  /** Cases whose fee row has an hourly rate, so the line can be drawn. */
  lined: number;
  within: number;
  beyond: number;
  withinN: number;
  withinPositive: number;
  beyondN: number;
  beyondPositive: number;
  escapeN: number;
  escaped: number;
  medianHours: number | null;
}

const columnOf = (measure: string) => measure.replace(/_/g, '');

@Injectable()
export class EvidenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every outcome measure's n and count per category × band, consenting clients only, and how many
   * closed cases in the period and filters were left out because the client did not consent.
   */
  async measureCells(
    organisationIds: string[],
    filters: ReportFilters,
    asOf: string,
  ): Promise<{ cells: MeasureCell[]; withoutConsent: number }> {
    const where = factsWhere(organisationIds, filters, undefined, asOf);
    const mature = `$${where.params.length + 1}::date`;
    const eligible = (m: OutcomeMeasure) =>
      OUTCOME_MEASURE_SQL[m].matureAfterMonths
        ? `f.closed_on <= ${mature} AND ${OUTCOME_MEASURE_SQL[m].eligible}`
        : OUTCOME_MEASURE_SQL[m].eligible;
    const columns = OUTCOME_MEASURES.map(
      (m) =>
        `count(*) FILTER (WHERE ${eligible(m)})::int AS ${columnOf(m)}_n,
         count(*) FILTER (WHERE ${eligible(m)} AND ${OUTCOME_MEASURE_SQL[m].success})::int AS ${columnOf(m)}_count`,
    ).join(',\n');
    const rateColumns = PACK_RATES.map((m) => {
      const sql = RATE_MEASURE_SQL[m];
      return `coalesce(sum(${sql.n}) FILTER (WHERE ${sql.eligible}), 0)::int AS ${columnOf(m)}_n,
              coalesce(sum(${sql.count}) FILTER (WHERE ${sql.eligible}), 0)::int AS ${columnOf(m)}_count,
              coalesce(sum(${sql.unknown}), 0)::int AS ${columnOf(m)}_unknown`;
    }).join(',\n');
    // Σ in numeric: exact, so the same in any row order.
    const meanColumns = PACK_MEANS.map((m) => {
      const { value, applies } = PACK_MEAN_SQL[m];
      return `count(*) FILTER (WHERE ${applies})::int AS ${columnOf(m)}_n,
              coalesce(sum((${value})::numeric) FILTER (WHERE ${applies}), 0)::text AS ${columnOf(m)}_sum`;
    }).join(',\n');
    // Grouping by consent as well keeps it one pass; the non-consenting groups are only counted.
    const rows: Array<Record<string, number | string | boolean>> = await this.dataSource.query(
      `SELECT f.category, f.band, f.evidence_consent AS consent, count(*)::int AS cases,
              count(*) FILTER (WHERE f.result = 'negative')::int AS negative,
              ${columns},
              ${rateColumns},
              ${meanColumns}
         FROM case_facts f
        WHERE ${where.sql}
        GROUP BY 1, 2, 3
        ORDER BY 1, 2, 3`,
      [...where.params, maturityCutoff(asOf, BOUNCE_BACK_WINDOW_MONTHS)],
    );
    const cells = rows
      .filter((r) => r.consent === true)
      .map((r) => ({
        category: r.category as Category,
        band: Number(r.band),
        cases: Number(r.cases),
        negative: Number(r.negative),
        measures: Object.fromEntries(
          OUTCOME_MEASURES.map((m) => [
            m,
            { n: Number(r[`${columnOf(m)}_n`]), count: Number(r[`${columnOf(m)}_count`]) },
          ]),
        ) as MeasureCell['measures'],
        rates: Object.fromEntries(
          PACK_RATES.map((m) => [
            m,
            {
              n: Number(r[`${columnOf(m)}_n`]),
              count: Number(r[`${columnOf(m)}_count`]),
              unknown: Number(r[`${columnOf(m)}_unknown`]),
            },
          ]),
        ) as MeasureCell['rates'],
        means: Object.fromEntries(
          PACK_MEANS.map((m) => [m, { n: Number(r[`${columnOf(m)}_n`]), sum: Number(r[`${columnOf(m)}_sum`]) }]),
        ) as MeasureCell['means'],
      }));
    const withoutConsent = rows.filter((r) => r.consent !== true).reduce((sum, r) => sum + Number(r.cases), 0);
    return { cells, withoutConsent };
  }

  /**
   * Per category: cases against the fixed-fee line of the fee row in force when each case opened (its
   * organisation's table): within (hours × hourly rate ≤ fee) or beyond, positive outcomes on each side,
   * escapes (hours × rate above the escape threshold), and the median hours taken.
   */
  async feeLines(
    organisationIds: string[],
    filters: ReportFilters,
    asOf: string,
    fees: FeeRowParam[],
  ): Promise<FeeLineRow[]> {
    const where = packWhere(organisationIds, filters, asOf, 'consented_only');
    // hours × rate ≤ fee ⇔ minutes ≤ fee × 60 ÷ rate, and minutes are whole: so each fee row's line is a
    // whole number of minutes, worked out once in exact numeric arithmetic, and each case compares integers.
    const fee = feeInForce(
      fees,
      where.params.length,
      `floor(t.fixed_fee_gbp * 60 / t.hourly_rate_gbp)::int AS within_minutes,
                floor(t.escape_threshold_gbp * 60 / t.hourly_rate_gbp)::int AS escape_minutes`,
    );
    const { eligible, success } = OUTCOME_MEASURE_SQL.positive_outcome;
    const histogram = this.minutesHistogram(organisationIds, filters, asOf);
    const rows: Array<Omit<FeeLineRow, 'medianHours'>> = await this.dataSource.query(
      `WITH ${fee.cte},
       lined AS (
         SELECT f.category, f.total_minutes,
                fee.within_minutes IS NOT NULL AS lined,
                f.total_minutes <= fee.within_minutes AS within,
                fee.escape_minutes IS NOT NULL AS escape_known,
                f.total_minutes > fee.escape_minutes AS escaped,
                ${eligible} AS with_result,
                ${success} AS positive
           FROM case_facts f
           ${fee.join}
          WHERE ${where.sql}
       )
       SELECT category, count(*)::int AS cases,
              count(*) FILTER (WHERE lined)::int AS lined,
              count(*) FILTER (WHERE within)::int AS within,
              count(*) FILTER (WHERE NOT within)::int AS beyond,
              count(*) FILTER (WHERE within AND with_result)::int AS "withinN",
              count(*) FILTER (WHERE within AND positive)::int AS "withinPositive",
              count(*) FILTER (WHERE NOT within AND with_result)::int AS "beyondN",
              count(*) FILTER (WHERE NOT within AND positive)::int AS "beyondPositive",
              count(*) FILTER (WHERE escape_known)::int AS "escapeN",
              count(*) FILTER (WHERE escape_known AND escaped)::int AS escaped
         FROM lined
        GROUP BY 1
        ORDER BY 1`,
      [...where.params, ...fee.params],
    );
    const counts = await histogram;
    return rows.map((row) => ({
      ...row,
      medianHours: medianOf(counts.filter((c) => c.category === row.category)) / 60,
    }));
  }

  /** Cases per category and total minutes, ascending: the median comes from this without sorting every case. */
  private async minutesHistogram(
    organisationIds: string[],
    filters: ReportFilters,
    asOf: string,
  ): Promise<Array<{ category: string; minutes: number; cases: number }>> {
    const where = packWhere(organisationIds, filters, asOf, 'consented_only');
    return this.dataSource.query(
      `SELECT f.category, f.total_minutes AS minutes, count(*)::int AS cases
         FROM case_facts f
        WHERE ${where.sql}
        GROUP BY 1, 2
        ORDER BY 1, 2`,
      where.params,
    );
  }

  async organisations(ids: string[]): Promise<Array<{ id: string; ref: string; name: string; kind: string }>> {
    return this.dataSource.query(
      `SELECT id, ref, name, kind FROM organisations WHERE id = ANY($1::uuid[]) ORDER BY ref, id`,
      [ids],
    );
  }

  async sharingWith(commissionerId: string): Promise<string[]> {
    const rows: Array<{ provider_id: string }> = await this.dataSource.query(
      `SELECT provider_id FROM organisation_shares WHERE commissioner_id = $1 ORDER BY provider_id`,
      [commissionerId],
    );
    return rows.map((r) => r.provider_id);
  }

  async officeName(organisationIds: string[], officeId: string): Promise<string | null> {
    const [row]: Array<{ name: string }> = await this.dataSource.query(
      `SELECT name FROM offices WHERE organisation_id = ANY($1::uuid[]) AND id = $2`,
      [organisationIds, officeId],
    );
    return row?.name ?? null;
  }
}

/** The median (interpolated as percentile_cont(0.5)) of values given as counts per value, in ascending order. */
export function medianOf(histogram: Array<{ minutes: number; cases: number }>): number {
  const n = histogram.reduce((sum, h) => sum + h.cases, 0);
  const at = (k: number) => {
    let seen = 0;
    for (const h of histogram) {
      seen += h.cases;
      if (k < seen) return h.minutes;
    }
    return histogram[histogram.length - 1]?.minutes ?? 0;
  };
  const position = (n - 1) / 2;
  const low = at(Math.floor(position));
  return low + (at(Math.ceil(position)) - low) * (position - Math.floor(position));
}
