/**
 * Report SQL for the measures summary, trends, breakdowns and drill-downs. Every figure is built
 * from the one definition of its measure in measures.sql.ts, over case_facts (or, where it holds
 * the same counts, case_rollups), scoped to the organisation ids ReportScopeService resolved.
 */
import { Injectable } from '@nestjs/common';

import { DataSource } from 'typeorm';

import {
  CASE_VALUE_SQL,
  RATE_MEASURES,
  RATE_MEASURE_SQL,
  SEEN_WITHIN_WORKING_DAYS,
  countedUpTo,
  maturityCutoff,
  workingDaysSql,
  type CaseRateMeasure,
  type RateMeasure,
  type RateMeasureSql,
} from './measures.sql.js';

import { dimensionFiltersOf, type DimensionFilter, type ReportFilters } from './report-filters.js';

import type { MedianMeasure } from './measure-rollups.sql.js';
import { extraColumnsFromFacts, extraColumnsFromRollups, extrasOf, type SummaryExtras } from './summary-extras.sql.js';
import { percentileFromCounts, type ValueCount } from './statistics/percentile.js';
import { factsWhere } from './facts-query.js';
import { splitByMonth } from './rollup-periods.js';

export interface Counts {
  n: number;
  count: number;
}

export type BreakdownDimension = DimensionFilter;
export type TrendPeriodUnit = 'month' | 'quarter';

/** A rate's counts with the units in its scope and those where the thing is not recorded. */
export interface CoveredCounts extends Counts {
  scope: number;
  unknown: number;
}

export interface SummaryRow {
  closed: number;
  rates: Record<RateMeasure, CoveredCounts>;
  relationshipTime: { n: number; mean: number | null; median: number | null };
  relationshipShare: { n: number; mean: number | null };
  continuity: { n: number; mean: number | null };
  /** `seenWithin[i]`: cases first seen within SEEN_WITHIN_WORKING_DAYS[i] working days of first contact. */
  firstContactLatency: { n: number; median: number | null; seenWithin: number[] };
  /** n cases with feedback, their mean index and the sums behind its interval, and the items answered. */
  rqi: { n: number; mean: number | null; sum: number; sumsq: number; items: number };
  underlyingProblems: { n: number; mean: number | null; total: number };
  bounceIn: { n: number; unknown: number; counts: [number, number, number, number] };
  extras: SummaryExtras;
}

/** The group each case falls in for a breakdown (vulnerability is unnested: one row per flag, or 'none'). */
const GROUP_KEY: Record<BreakdownDimension, string> = {
  category: `f.category`,
  office: `coalesce(f.office_id::text, 'none')`,
  adviser: `f.lead_adviser_id::text`,
  fundingStream: `f.funding_stream`,
  arrival: `f.arrival_route`,
  vulnerability: `g.key`,
};
const UNNEST_VULNERABILITIES = `CROSS JOIN LATERAL unnest(
  CASE WHEN cardinality(f.vulnerabilities) = 0 THEN ARRAY['none'] ELSE f.vulnerabilities END) AS g(key)`;

/** Where a group's label comes from (read after the groups: Citus refuses the correlated subquery). */
const GROUP_LABEL_TABLE: Partial<Record<BreakdownDimension, string>> = { office: 'offices', adviser: 'users' };

@Injectable()
export class MeasuresRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every measure over the closed cases in scope: from the roll-ups with no dimension filter or one
   * (they count every client, so consent-only views read the facts), otherwise from the per-case facts.
   */
  async summary(organisationIds: string[], filters: ReportFilters, asOf: string): Promise<SummaryRow> {
    const dimensions = dimensionFiltersOf(filters);
    if (dimensions.length <= 1 && !filters.consentOnly)
      return this.summaryFromRollups(organisationIds, filters, asOf, dimensions[0]);
    return this.summaryFromFacts(organisationIds, filters, asOf);
  }

  /** Every measure over the closed cases in scope, in one pass over the facts (the straightforward way). */
  async summaryFromFacts(organisationIds: string[], filters: ReportFilters, asOf: string): Promise<SummaryRow> {
    const where = factsWhere(organisationIds, filters, undefined, asOf);
    const params = [...where.params];
    const inOwnQuery = RATE_MEASURES.filter((m) => RATE_MEASURE_SQL[m].ownQuery);
    const separately = Promise.all(inOwnQuery.map((m) => this.rateTotalFromFacts(organisationIds, filters, m, asOf)));
    const rateColumns = RATE_MEASURES.filter((m) => !RATE_MEASURE_SQL[m].ownQuery).map((measure) => {
      const sql = RATE_MEASURE_SQL[measure];
      let inScope = 'true';
      if (sql.matureAfterMonths) {
        params.push(maturityCutoff(asOf, sql.matureAfterMonths));
        inScope = `f.closed_on <= $${params.length}::date`;
      }
      const eligible = `${inScope} AND ${sql.eligible}`;
      return `coalesce(sum(${sql.n}) FILTER (WHERE ${eligible}), 0)::int AS "${measure}.n",
              coalesce(sum(${sql.count}) FILTER (WHERE ${eligible}), 0)::int AS "${measure}.count",
              coalesce(sum(${sql.scope}) FILTER (WHERE ${inScope}), 0)::int AS "${measure}.scope",
              coalesce(sum(${sql.unknown}) FILTER (WHERE ${inScope}), 0)::int AS "${measure}.unknown"`;
    });
    const v = CASE_VALUE_SQL;
    const medians = this.medianCounts(organisationIds, filters, asOf);
    const [row]: Array<Record<string, number | null>> = await this.dataSource.query(
      `SELECT count(*)::int AS closed,
              ${rateColumns.join(',\n              ')},
              avg(${v.relationship_time.value})::float8 AS "relationshipTime.mean",
              avg(${v.relationship_share.value}) FILTER (WHERE ${v.relationship_share.applies})::float8 AS "relationshipShare.mean",
              count(*) FILTER (WHERE ${v.relationship_share.applies})::int AS "relationshipShare.n",
              avg(${v.continuity.value}) FILTER (WHERE ${v.continuity.applies})::float8 AS "continuity.mean",
              count(*) FILTER (WHERE ${v.continuity.applies})::int AS "continuity.n",
              count(*) FILTER (WHERE ${v.first_contact_latency.applies})::int AS "firstContactLatency.n",
              ${SEEN_WITHIN_WORKING_DAYS.map(
                (days) =>
                  `count(*) FILTER (WHERE ${v.first_contact_latency.applies}
                     AND ${workingDaysSql('f.first_contact_on', 'f.first_relationship_on')} <= ${days})::int
                     AS "firstContactLatency.within${days}"`,
              ).join(',\n              ')},
              avg(${v.rqi.value}) FILTER (WHERE ${v.rqi.applies})::float8 AS "rqi.mean",
              count(*) FILTER (WHERE ${v.rqi.applies})::int AS "rqi.n",
              coalesce(sum(f.feedback_items_n) FILTER (WHERE ${v.rqi.applies}), 0)::int AS "rqi.items",
              coalesce(sum(${v.rqi.value}) FILTER (WHERE ${v.rqi.applies}), 0)::float8 AS "rqi.sum",
              coalesce(sum((${v.rqi.value}) * (${v.rqi.value})) FILTER (WHERE ${v.rqi.applies}), 0)::float8 AS "rqi.sumsq",
              avg(${v.underlying_problems.value})::float8 AS "underlyingProblems.mean",
              coalesce(sum(${v.underlying_problems.value}), 0)::int AS "underlyingProblems.total",
              ${[0, 1, 2, 3]
                .map(
                  (k) =>
                    `count(*) FILTER (WHERE ${v.bounce_in.applies} AND ${v.bounce_in.value} = ${k})::int AS "bounceIn.${k}"`,
                )
                .join(',\n              ')},
              count(*) FILTER (WHERE NOT (${v.bounce_in.applies}))::int AS "bounceIn.unknown",
              ${extraColumnsFromFacts()}
         FROM case_facts f
        WHERE ${where.sql}`,
      params,
    );
    const [counts, separate] = await Promise.all([medians, separately]);
    return summaryRow(row, counts, (m) => separate[inOwnQuery.indexOf(m)]);
  }

  /**
   * The same figures from the roll-ups: case_measure_rollups' sums over the dimension value's closing
   * days in the period; the medians from case_value_rollups' whole months in the period, and from the
   * facts for the days of months it covers only in part.
   */
  async summaryFromRollups(
    organisationIds: string[],
    filters: ReportFilters,
    asOf: string,
    dimension: [DimensionFilter, string] | undefined,
  ): Promise<SummaryRow> {
    const [dim, dimValue] = dimension ?? ['all', ''];
    const params: unknown[] = [organisationIds, dim, dimValue];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const clauses = ['r.organisation_id = ANY($1::uuid[])', 'r.dim = $2', 'r.dim_value = $3'];
    if (filters.from) clauses.push(`r.closed_on >= ${param(filters.from)}::date`);
    if (filters.to) clauses.push(`r.closed_on <= ${param(filters.to)}::date`);
    const sum = (column: string, filter?: string) =>
      `coalesce(sum(r.${column})${filter ? ` FILTER (WHERE ${filter})` : ''}, 0)`;
    const rateColumns = RATE_MEASURES.map((measure) => {
      const months = RATE_MEASURE_SQL[measure].matureAfterMonths;
      const inScope = months ? `r.closed_on <= ${param(maturityCutoff(asOf, months))}::date` : undefined;
      return ['n', 'count', 'scope', 'unknown']
        .map((part) => `${sum(`${measure}_${part}`, inScope)}::int AS "${measure}.${part}"`)
        .join(',\n              ');
    });
    const mean = (total: string, n: string) => `(${sum(total)}::numeric / nullif(${sum(n)}, 0))::float8`;
    const medians = this.medianCountsFromRollups(organisationIds, filters, asOf, dim, dimValue);
    const [row]: Array<Record<string, number | null>> = await this.dataSource.query(
      `SELECT ${sum('n_closed')}::int AS closed,
              ${rateColumns.join(',\n              ')},
              ${mean('relationship_minutes', 'n_closed')} AS "relationshipTime.mean",
              ${mean('relationship_share_sum', 'relationship_share_n')} AS "relationshipShare.mean",
              ${sum('relationship_share_n')}::int AS "relationshipShare.n",
              ${mean('continuity_sum', 'continuity_n')} AS "continuity.mean",
              ${sum('continuity_n')}::int AS "continuity.n",
              ${sum('first_contact_n')}::int AS "firstContactLatency.n",
              ${SEEN_WITHIN_WORKING_DAYS.map((days) => `${sum(`seen_within_${days}`)}::int AS "firstContactLatency.within${days}"`).join(',\n              ')},
              ${mean('rqi_sum', 'rqi_n')} AS "rqi.mean",
              ${sum('rqi_n')}::int AS "rqi.n",
              ${sum('rqi_items')}::int AS "rqi.items",
              ${sum('rqi_sum')}::float8 AS "rqi.sum",
              ${sum('rqi_sumsq')}::float8 AS "rqi.sumsq",
              ${mean('problems', 'n_closed')} AS "underlyingProblems.mean",
              ${sum('problems')}::int AS "underlyingProblems.total",
              ${[0, 1, 2, 3].map((k) => `${sum(`bounce_in_${k}`)}::int AS "bounceIn.${k}"`).join(',\n              ')},
              ${sum('bounce_in_unknown')}::int AS "bounceIn.unknown",
              ${extraColumnsFromRollups()}
         FROM case_measure_rollups r
        WHERE ${clauses.join(' AND ')}`,
      params,
    );
    return summaryRow(row, await medians, () => undefined);
  }

  /** How many cases in scope took each value of the measures whose median is reported (from the facts). */
  async medianCounts(
    organisationIds: string[],
    filters: ReportFilters,
    asOf: string,
  ): Promise<Record<MedianMeasure, ValueCount[]>> {
    const where = factsWhere(organisationIds, filters, undefined, asOf);
    const { relationship_time: time, first_contact_latency: latency } = CASE_VALUE_SQL;
    const rows: Array<{ measure: MedianMeasure } & ValueCount> = await this.dataSource.query(
      `SELECT 'relationship_time' AS measure, ${time.value} AS value, count(*)::int AS n
         FROM case_facts f WHERE ${where.sql} AND ${time.applies} GROUP BY 2
       UNION ALL
       SELECT 'first_contact_latency', ${latency.value}, count(*)::int
         FROM case_facts f WHERE ${where.sql} AND ${latency.applies} GROUP BY 2`,
      where.params,
    );
    return byMeasure(rows);
  }

  /** medianCounts from case_value_rollups' whole months, and the facts of the part-covered months' days. */
  private async medianCountsFromRollups(
    organisationIds: string[],
    filters: ReportFilters,
    asOf: string,
    dim: string,
    dimValue: string,
  ): Promise<Record<MedianMeasure, ValueCount[]>> {
    const { months, edges } = splitByMonth(filters.from, filters.to);
    const fromRollups = async (): Promise<Array<{ measure: MedianMeasure } & ValueCount>> => {
      if (!months) return [];
      const params: unknown[] = [organisationIds, dim, dimValue];
      const clauses = ['r.organisation_id = ANY($1::uuid[])', 'r.dim = $2', 'r.dim_value = $3'];
      if (months.from) clauses.push(`r.closed_month >= $${params.push(months.from)}::date`);
      if (months.to) clauses.push(`r.closed_month <= $${params.push(months.to)}::date`);
      return this.dataSource.query(
        `SELECT r.measure, r.value, sum(r.n)::int AS n FROM case_value_rollups r
          WHERE ${clauses.join(' AND ')} GROUP BY 1, 2`,
        params,
      );
    };
    const parts = await Promise.all([
      fromRollups().then(byMeasure),
      ...edges.map((edge) => this.medianCounts(organisationIds, { ...filters, ...edge }, asOf)),
    ]);
    return {
      relationship_time: parts.flatMap((p) => p.relationship_time),
      first_contact_latency: parts.flatMap((p) => p.first_contact_latency),
    };
  }

  /** n and count of a rate per closing month or quarter (`start` is the period's first day). */
  /**
   * A rate's counts per closing month or quarter, with the units in scope and those not recorded:
   * every period with anything in scope (a period may have n = 0 and unknowns). From
   * case_measure_rollups with no dimension filter or one, otherwise from the facts.
   */
  async rateByPeriod(
    organisationIds: string[],
    filters: ReportFilters,
    measure: RateMeasure,
    period: TrendPeriodUnit,
    asOf: string,
  ): Promise<Array<CoveredCounts & { start: string }>> {
    const sql = RATE_MEASURE_SQL[measure];
    const dimensions = dimensionFiltersOf(filters);
    if (dimensions.length <= 1 && !filters.consentOnly) {
      const where = this.rollupWhere(organisationIds, filters, measure, asOf, dimensions[0]);
      where.params.push(period);
      return this.dataSource.query(
        `SELECT date_trunc($${where.params.length}, r.closed_on::timestamp)::date::text AS start,
                ${['n', 'count', 'scope', 'unknown'].map((part) => `sum(r.${measure}_${part})::int AS ${part}`).join(', ')}
           FROM case_measure_rollups r
          WHERE ${where.sql}
          GROUP BY 1 HAVING sum(r.${measure}_scope) > 0 ORDER BY 1`,
        where.params,
      );
    }
    const where = this.rateWhere(organisationIds, filters, measure, asOf, false);
    where.params.push(period);
    return this.dataSource.query(
      `SELECT date_trunc($${where.params.length}, f.closed_on::timestamp)::date::text AS start,
              ${coveredCountsFromFacts(sql)}
         FROM case_facts f
        WHERE ${where.sql}
        GROUP BY 1 HAVING sum(${sql.scope}) > 0 ORDER BY 1`,
      where.params,
    );
  }

  /**
   * n and count of a rate per group of a dimension, with the office or adviser name as label: from
   * case_measure_rollups when no dimension filter applies (a period may), otherwise from the facts.
   */
  async rateByGroup(
    organisationIds: string[],
    filters: ReportFilters,
    measure: RateMeasure,
    by: BreakdownDimension,
    asOf: string,
  ): Promise<Array<CoveredCounts & { key: string; label: string | null }>> {
    if (dimensionFiltersOf(filters).length === 0 && !filters.consentOnly)
      return this.rateByGroupFromRollups(organisationIds, filters, measure, by, asOf);
    return this.rateByGroupFromFacts(organisationIds, filters, measure, by, asOf);
  }

  async rateByGroupFromRollups(
    organisationIds: string[],
    filters: ReportFilters,
    measure: RateMeasure,
    by: BreakdownDimension,
    asOf: string,
  ): Promise<Array<CoveredCounts & { key: string; label: string | null }>> {
    const where = this.rollupWhere(organisationIds, filters, measure, asOf, undefined, by);
    const groups: Array<CoveredCounts & { key: string }> = await this.dataSource.query(
      `SELECT g.key, g.n, g.count, g.scope, g.unknown
         FROM (SELECT CASE WHEN r.dim_value = '' THEN 'none' ELSE r.dim_value END AS key,
                      ${['n', 'count', 'scope', 'unknown'].map((part) => `sum(r.${measure}_${part})::int AS ${part}`).join(', ')}
                 FROM case_measure_rollups r
                WHERE ${where.sql}
                GROUP BY 1) g
        WHERE g.n > 0`,
      where.params,
    );
    return this.labelled(groups, organisationIds, by);
  }

  /**
   * The lead advisers of the organisations' closed cases (deactivated ones too), for the reports'
   * adviser filter: the adviser roll-up's keys, found by one index probe per user of the
   * organisation (a breakdown by adviser would sum every roll-up row: 1 s at 1,000,000 cases).
   */
  async leadAdvisers(organisationIds: string[]): Promise<Array<{ id: string; name: string }>> {
    return this.dataSource.query(
      `SELECT u.id::text AS id, u.name
         FROM users u
        WHERE u.organisation_id = ANY($1::uuid[])
          AND EXISTS (SELECT 1 FROM case_measure_rollups r
                       WHERE r.organisation_id = u.organisation_id AND r.dim = 'adviser' AND r.dim_value = u.id::text)`,
      [organisationIds],
    );
  }

  /** The office or adviser name of each group (null for other dimensions and for 'none'). */
  private async labelled<T extends { key: string }>(
    groups: T[],
    organisationIds: string[],
    by: BreakdownDimension,
  ): Promise<Array<T & { label: string | null }>> {
    const table = GROUP_LABEL_TABLE[by];
    const ids = table ? groups.map((g) => g.key).filter((key) => key !== 'none') : [];
    const names: Array<{ id: string; name: string }> = ids.length
      ? await this.dataSource.query(
          `SELECT id::text AS id, name FROM ${table} WHERE organisation_id = ANY($1::uuid[]) AND id = ANY($2::uuid[])`,
          [organisationIds, ids],
        )
      : [];
    const nameOf = new Map(names.map((row) => [row.id, row.name]));
    return groups.map((g) => ({ ...g, label: nameOf.get(g.key) ?? null }));
  }

  /** rateByGroup the straightforward way, from the per-case facts. */
  async rateByGroupFromFacts(
    organisationIds: string[],
    filters: ReportFilters,
    measure: RateMeasure,
    by: BreakdownDimension,
    asOf: string,
  ): Promise<Array<CoveredCounts & { key: string; label: string | null }>> {
    const sql = RATE_MEASURE_SQL[measure];
    const where = this.rateWhere(organisationIds, filters, measure, asOf, false);
    const groups: Array<CoveredCounts & { key: string }> = await this.dataSource.query(
      `SELECT g.key, g.n, g.count, g.scope, g.unknown
         FROM (SELECT ${GROUP_KEY[by]} AS key, ${coveredCountsFromFacts(sql)}
                 FROM case_facts f ${by === 'vulnerability' ? UNNEST_VULNERABILITIES : ''}
                WHERE ${where.sql}
                GROUP BY 1) g
        WHERE g.n > 0`,
      where.params,
    );
    return this.labelled(groups, organisationIds, by);
  }

  /** n and count of a rate over every case in scope (once each, whatever the breakdown). */
  async rateTotal(
    organisationIds: string[],
    filters: ReportFilters,
    measure: RateMeasure,
    asOf: string,
  ): Promise<CoveredCounts> {
    if (dimensionFiltersOf(filters).length === 0 && !filters.consentOnly) {
      const where = this.rollupWhere(organisationIds, filters, measure, asOf, undefined);
      const [row]: CoveredCounts[] = await this.dataSource.query(
        `SELECT ${['n', 'count', 'scope', 'unknown'].map((part) => `coalesce(sum(r.${measure}_${part}), 0)::int AS ${part}`).join(', ')}
           FROM case_measure_rollups r WHERE ${where.sql}`,
        where.params,
      );
      return row;
    }
    return this.rateTotalFromFacts(organisationIds, filters, measure, asOf);
  }

  /** rateTotal the straightforward way, from the per-case facts. */
  async rateTotalFromFacts(
    organisationIds: string[],
    filters: ReportFilters,
    measure: RateMeasure,
    asOf: string,
  ): Promise<CoveredCounts> {
    const sql = RATE_MEASURE_SQL[measure];
    const where = this.rateWhere(organisationIds, filters, measure, asOf, false);
    const [row]: CoveredCounts[] = await this.dataSource.query(
      `SELECT coalesce(sum(${sql.n}) FILTER (WHERE ${sql.eligible}), 0)::int AS n,
              coalesce(sum(${sql.count}) FILTER (WHERE ${sql.eligible}), 0)::int AS count,
              coalesce(sum(${sql.scope}), 0)::int AS scope, coalesce(sum(${sql.unknown}), 0)::int AS unknown
         FROM case_facts f WHERE ${where.sql}`,
      where.params,
    );
    return row;
  }

  /** The cases behind a rate's n (`eligible`) or count (`success`), optionally in one band. */
  async drillDown(
    organisationIds: string[],
    filters: ReportFilters,
    selection: { measure: CaseRateMeasure; band?: number; outcome: 'success' | 'eligible' },
    page: { limit: number; offset: number },
    asOf: string,
  ): Promise<{ total: number; items: DrillDownRow[] }> {
    const sql = RATE_MEASURE_SQL[selection.measure];
    const where = this.rateWhere(organisationIds, filters, selection.measure, asOf);
    if (selection.band !== undefined) {
      where.params.push(selection.band);
      where.sql += ` AND f.band = $${where.params.length}`;
    }
    if (selection.outcome === 'success') where.sql += ` AND (${sql.success})`;
    const params = [...where.params, page.limit, page.offset];
    // One pass: the page is cut (with the total counted alongside) before the adviser's name is joined.
    // Ties on the closing day go by case reference, which does not depend on the order rows were written.
    const rows: Array<DrillDownRow & { total: number }> = await this.dataSource.query(
      `SELECT p.case_id AS id, p.ref, p.category, p.closed_on::text AS "closedOn",
              p.relationship_minutes AS "relationshipMinutes", u.name AS "leadAdviserName", p.total
         FROM (SELECT f.case_id, f.organisation_id, f.lead_adviser_id, f.category, f.closed_on, f.relationship_minutes,
                      c.ref, count(*) OVER ()::int AS total
                 FROM case_facts f
                 JOIN cases c ON c.organisation_id = f.organisation_id AND c.id = f.case_id
                WHERE ${where.sql}
                ORDER BY f.closed_on DESC, c.ref
                LIMIT $${params.length - 1} OFFSET $${params.length}) p
         JOIN users u ON u.organisation_id = p.organisation_id AND u.id = p.lead_adviser_id
        ORDER BY p.closed_on DESC, p.ref`,
      params,
    );
    const items = rows.map(({ total: _total, ...item }) => item);
    if (rows.length > 0 || page.offset === 0) return { total: rows[0]?.total ?? 0, items };
    // A page past the end carries no total: count on its own.
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM case_facts f WHERE ${where.sql}`,
      where.params,
    );
    return { total, items };
  }

  /** Facts in scope that are in the rate's denominator (bounce-back: only cases mature by asOf). */
  private rateWhere(
    organisationIds: string[],
    filters: ReportFilters,
    measure: RateMeasure,
    asOf: string,
    eligibleOnly = true,
  ) {
    const to = countedUpTo(measure, filters.to, asOf);
    const where = factsWhere(organisationIds, { ...filters, to }, undefined, asOf);
    if (!eligibleOnly) return where;
    return { sql: `${where.sql} AND ${RATE_MEASURE_SQL[measure].eligible}`, params: where.params };
  }

  /** Roll-up rows in scope: one dimension's rows (or the 'all' rows) within the closing dates. */
  private rollupWhere(
    organisationIds: string[],
    filters: ReportFilters,
    measure: RateMeasure,
    asOf: string,
    filter: [DimensionFilter, string] | undefined,
    by?: BreakdownDimension,
  ) {
    const params: unknown[] = [organisationIds];
    const clauses = ['r.organisation_id = ANY($1::uuid[])'];
    const add = (clause: (p: string) => string, value: unknown) => {
      params.push(value);
      clauses.push(clause(`$${params.length}`));
    };
    if (by) add((p) => `r.dim = ${p}`, by);
    else {
      add((p) => `r.dim = ${p}`, filter?.[0] ?? 'all');
      add((p) => `r.dim_value = ${p}`, filter?.[1] ?? '');
    }
    if (filters.from) add((p) => `r.closed_on >= ${p}::date`, filters.from);
    const to = countedUpTo(measure, filters.to, asOf);
    if (to) add((p) => `r.closed_on <= ${p}::date`, to);
    return { sql: clauses.join(' AND '), params };
  }
}

/** n, count, scope and unknown of a rate over the facts `f` in a query's rows. */
function coveredCountsFromFacts(sql: RateMeasureSql): string {
  return `coalesce(sum(${sql.n}) FILTER (WHERE ${sql.eligible}), 0)::int AS n,
              coalesce(sum(${sql.count}) FILTER (WHERE ${sql.eligible}), 0)::int AS count,
              coalesce(sum(${sql.scope}), 0)::int AS scope, coalesce(sum(${sql.unknown}), 0)::int AS unknown`;
}

export interface DrillDownRow {
  id: string;
  ref: string;
  category: string;
  closedOn: string;
  relationshipMinutes: number;
  leadAdviserName: string;
}

/** The summary's figures from one row of sums (keys as the summary queries name them) and the median counts. */
function summaryRow(
  row: Record<string, number | null>,
  counts: Record<MedianMeasure, ValueCount[]>,
  separate: (measure: RateMeasure) => CoveredCounts | undefined,
): SummaryRow {
  const num = (key: string) => row[key] ?? 0;
  const nullable = (key: string) => row[key] ?? null;
  const rates = Object.fromEntries(
    RATE_MEASURES.map((m) => [
      m,
      separate(m) ?? {
        n: num(`${m}.n`),
        count: num(`${m}.count`),
        scope: num(`${m}.scope`),
        unknown: num(`${m}.unknown`),
      },
    ]),
  ) as Record<RateMeasure, CoveredCounts>;
  const bounceInCounts: [number, number, number, number] = [
    num('bounceIn.0'),
    num('bounceIn.1'),
    num('bounceIn.2'),
    num('bounceIn.3'),
  ];
  return {
    closed: num('closed'),
    rates,
    relationshipTime: {
      n: num('closed'),
      mean: nullable('relationshipTime.mean'),
      median: percentileFromCounts(counts.relationship_time, 0.5),
    },
    relationshipShare: { n: num('relationshipShare.n'), mean: nullable('relationshipShare.mean') },
    continuity: { n: num('continuity.n'), mean: nullable('continuity.mean') },
    firstContactLatency: {
      n: num('firstContactLatency.n'),
      median: percentileFromCounts(counts.first_contact_latency, 0.5),
      seenWithin: SEEN_WITHIN_WORKING_DAYS.map((days) => num(`firstContactLatency.within${days}`)),
    },
    rqi: {
      n: num('rqi.n'),
      mean: nullable('rqi.mean'),
      sum: num('rqi.sum'),
      sumsq: num('rqi.sumsq'),
      items: num('rqi.items'),
    },
    underlyingProblems: {
      n: num('closed'),
      mean: nullable('underlyingProblems.mean'),
      total: num('underlyingProblems.total'),
    },
    bounceIn: {
      n: bounceInCounts.reduce((a, b) => a + b, 0),
      unknown: num('bounceIn.unknown'),
      counts: bounceInCounts,
    },
    extras: extrasOf(row),
  };
}

function byMeasure(rows: Array<{ measure: MedianMeasure } & ValueCount>): Record<MedianMeasure, ValueCount[]> {
  const of = (measure: MedianMeasure) =>
    rows.filter((r) => r.measure === measure).map(({ value, n }) => ({ value: Number(value), n: Number(n) }));
  return { relationship_time: of('relationship_time'), first_contact_latency: of('first_contact_latency') };
}
