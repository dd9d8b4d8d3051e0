/**
 * Pack SQL over the per-case facts. Everything comes back already aggregated (per category × band, or
 * per covariate pattern for the model): no query here returns a case, a client or an adviser.
 * Evidence leaves the organisation, so only clients who consented count (f.evidence_consent); the one
 * query that looks at the others only counts them, for the method's "cases excluded".
 */
import { Injectable } from '@nestjs/common';
import { BOUNCE_BACK_WINDOW_MONTHS, OUTCOME_MEASURES, type Category, type OutcomeMeasure } from '@deepvalue/shared';
import { DataSource } from 'typeorm';
import { factsWhere } from '../analytics/analytics.repository.js';
import { OUTCOME_MEASURE_SQL } from '../analytics/outcome-measures.sql.js';
import type { ReportFilters } from '../analytics/report-filters.js';
import type { PatternCount } from '../analytics/analytics.repository.js';
import { monthsBefore, packWhere } from '../pricing/pricing-aggregates.repository.js';

/** One category × band cell of consenting clients' closed cases. */
export interface MeasureCell {
  category: Category;
  band: number;
  cases: number;
  /** Cases with a result (positive, partly positive, negative) that were negative: avoided appeal's base. */
  negative: number;
  measures: Record<OutcomeMeasure, { n: number; count: number }>;
}

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

export interface FeeRowParam {
  organisationId: string;
  category: string;
  effectiveFrom: string;
  fixedFeeGbp: number;
  escapeThresholdGbp: number | null;
  hourlyRateGbp: number | null;
}

const columnOf = (measure: OutcomeMeasure) => measure.replace(/_/g, '');

@Injectable()
export class EvidenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every outcome measure's n and count per category × band, consenting clients only. */
  async measureCells(organisationIds: string[], filters: ReportFilters, asOf: string): Promise<MeasureCell[]> {
    const where = packWhere(organisationIds, filters, asOf, 'consented_only');
    const mature = `$${where.params.length + 1}::date`;
    const eligible = (m: OutcomeMeasure) =>
      m === 'bounce_back' ? `f.closed_on <= ${mature}` : OUTCOME_MEASURE_SQL[m].eligible;
    const columns = OUTCOME_MEASURES.map(
      (m) =>
        `count(*) FILTER (WHERE ${eligible(m)})::int AS ${columnOf(m)}_n,
         count(*) FILTER (WHERE ${eligible(m)} AND ${OUTCOME_MEASURE_SQL[m].success})::int AS ${columnOf(m)}_count`,
    ).join(',\n');
    const rows: Array<Record<string, number | string>> = await this.dataSource.query(
      `SELECT f.category, f.band, count(*)::int AS cases,
              count(*) FILTER (WHERE f.result = 'negative')::int AS negative,
              ${columns}
         FROM case_facts f
        WHERE ${where.sql}
        GROUP BY 1, 2
        ORDER BY 1, 2`,
      [...where.params, monthsBefore(asOf, BOUNCE_BACK_WINDOW_MONTHS)],
    );
    return rows.map((r) => ({
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
    }));
  }

  /** Closed cases in the period and filters whose client did not consent to evidence use. */
  async casesWithoutConsent(organisationIds: string[], filters: ReportFilters, asOf: string): Promise<number> {
    const where = factsWhere(organisationIds, filters, undefined, asOf);
    const [row]: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM case_facts f WHERE ${where.sql} AND NOT f.evidence_consent`,
      where.params,
    );
    return row.n;
  }

  /** Cases grouped by covariate pattern for the adjusted model, consenting clients only. */
  async modelPatterns(
    organisationIds: string[],
    filters: ReportFilters,
    measure: OutcomeMeasure,
    asOf: string,
  ): Promise<PatternCount[]> {
    const where = factsWhere(organisationIds, filters, measure, asOf);
    const rows: Array<{
      minutes: number;
      category: string;
      vulnerability_count: number;
      funding_stream: string;
      trials: number;
      successes: number;
    }> = await this.dataSource.query(
      `SELECT greatest(f.relationship_minutes, 15) AS minutes, f.category, f.vulnerability_count, f.funding_stream,
              count(*)::int AS trials,
              count(*) FILTER (WHERE ${OUTCOME_MEASURE_SQL[measure].success})::int AS successes
         FROM case_facts f
        WHERE ${where.sql} AND f.evidence_consent
        GROUP BY 1, 2, 3, 4
        ORDER BY 1, 2, 3, 4`,
      where.params,
    );
    return rows.map((r) => ({
      relationshipMinutes: r.minutes,
      category: r.category,
      vulnerabilityCount: r.vulnerability_count,
      fundingStream: r.funding_stream,
      trials: r.trials,
      successes: r.successes,
    }));
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
    const at = where.params.length;
    const within = `f.total_minutes * fee.hourly_rate_gbp <= fee.fixed_fee_gbp * 60`;
    const beyond = `f.total_minutes * fee.hourly_rate_gbp > fee.fixed_fee_gbp * 60`;
    const escapeKnown = `fee.hourly_rate_gbp IS NOT NULL AND fee.escape_threshold_gbp IS NOT NULL`;
    const escaped = `f.total_minutes * fee.hourly_rate_gbp > fee.escape_threshold_gbp * 60`;
    const { eligible, success } = OUTCOME_MEASURE_SQL.positive_outcome;
    const rows: FeeLineRow[] = await this.dataSource.query(
      `WITH fee AS (
         SELECT t.*, lead(t.effective_from) OVER (PARTITION BY t.organisation_id, t.category ORDER BY t.effective_from)
                       AS effective_until
           FROM unnest($${at + 1}::uuid[], $${at + 2}::text[], $${at + 3}::date[], $${at + 4}::numeric[],
                       $${at + 5}::numeric[], $${at + 6}::numeric[])
                AS t(organisation_id, category, effective_from, fixed_fee_gbp, escape_threshold_gbp, hourly_rate_gbp)
       )
       SELECT f.category, count(*)::int AS cases,
              count(*) FILTER (WHERE fee.hourly_rate_gbp IS NOT NULL)::int AS lined,
              count(*) FILTER (WHERE ${within})::int AS within,
              count(*) FILTER (WHERE ${beyond})::int AS beyond,
              count(*) FILTER (WHERE ${within} AND ${eligible})::int AS "withinN",
              count(*) FILTER (WHERE ${within} AND ${success})::int AS "withinPositive",
              count(*) FILTER (WHERE ${beyond} AND ${eligible})::int AS "beyondN",
              count(*) FILTER (WHERE ${beyond} AND ${success})::int AS "beyondPositive",
              count(*) FILTER (WHERE ${escapeKnown})::int AS "escapeN",
              count(*) FILTER (WHERE ${escapeKnown} AND ${escaped})::int AS escaped,
              (percentile_cont(0.5) WITHIN GROUP (ORDER BY f.total_minutes) / 60)::float8 AS "medianHours"
         FROM case_facts f
         LEFT JOIN fee ON fee.organisation_id = f.organisation_id AND fee.category = f.category
                      AND f.opened_on >= fee.effective_from
                      AND (fee.effective_until IS NULL OR f.opened_on < fee.effective_until)
        WHERE ${where.sql}
        GROUP BY 1
        ORDER BY 1`,
      [
        ...where.params,
        fees.map((r) => r.organisationId),
        fees.map((r) => r.category),
        fees.map((r) => r.effectiveFrom),
        fees.map((r) => r.fixedFeeGbp),
        fees.map((r) => r.escapeThresholdGbp),
        fees.map((r) => r.hourlyRateGbp),
      ],
    );
    return rows;
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
