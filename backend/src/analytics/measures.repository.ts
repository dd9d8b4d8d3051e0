/**
 * Report SQL for the measures summary, trends, breakdowns and drill-downs. Every figure is built
 * from the one definition of its measure in measures.sql.ts, over case_facts (or, where it holds
 * the same counts, case_rollups), scoped to the organisation ids ReportScopeService resolved.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { factsWhere } from './analytics.repository.js';
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
} from './measures.sql.js';
import { dimensionFiltersOf, type DimensionFilter, type ReportFilters } from './report-filters.js';
import { percentileFromCounts, type ValueCount } from './statistics/percentile.js';

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
  rqi: { n: number; mean: number | null; items: number };
  underlyingProblems: { n: number; mean: number | null; total: number };
  bounceIn: { n: number; unknown: number; counts: [number, number, number, number] };
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

const GROUP_LABEL: Partial<Record<BreakdownDimension, string>> = {
  office: `(SELECT o.name FROM offices o WHERE o.id = nullif(g.key, 'none')::uuid)`,
  adviser: `(SELECT u.name FROM users u WHERE u.id = g.key::uuid)`,
};

@Injectable()
export class MeasuresRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every measure over the closed cases in scope, in one pass over the facts. */
  async summary(organisationIds: string[], filters: ReportFilters, asOf: string): Promise<SummaryRow> {
    const where = factsWhere(organisationIds, filters, undefined, asOf);
    const params = [...where.params];
    const inOwnQuery = RATE_MEASURES.filter((m) => RATE_MEASURE_SQL[m].ownQuery);
    const separately = Promise.all(inOwnQuery.map((m) => this.rateTotal(organisationIds, filters, m, asOf)));
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
    const medians = this.medians(organisationIds, filters, asOf);
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
              avg(${v.underlying_problems.value})::float8 AS "underlyingProblems.mean",
              coalesce(sum(${v.underlying_problems.value}), 0)::int AS "underlyingProblems.total",
              ${[0, 1, 2, 3]
                .map(
                  (k) =>
                    `count(*) FILTER (WHERE ${v.bounce_in.applies} AND ${v.bounce_in.value} = ${k})::int AS "bounceIn.${k}"`,
                )
                .join(',\n              ')},
              count(*) FILTER (WHERE NOT (${v.bounce_in.applies}))::int AS "bounceIn.unknown"
         FROM case_facts f
        WHERE ${where.sql}`,
      params,
    );
    const [{ relationshipTime, firstContactLatency }, separate] = await Promise.all([medians, separately]);
    const num = (key: string) => row[key] ?? 0;
    const nullable = (key: string) => row[key] ?? null;
    const rates = Object.fromEntries(
      RATE_MEASURES.map((m) => [
        m,
        separate[inOwnQuery.indexOf(m)] ?? {
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
        median: relationshipTime,
      },
      relationshipShare: { n: num('relationshipShare.n'), mean: nullable('relationshipShare.mean') },
      continuity: { n: num('continuity.n'), mean: nullable('continuity.mean') },
      firstContactLatency: {
        n: num('firstContactLatency.n'),
        median: firstContactLatency,
        seenWithin: SEEN_WITHIN_WORKING_DAYS.map((days) => num(`firstContactLatency.within${days}`)),
      },
      rqi: { n: num('rqi.n'), mean: nullable('rqi.mean'), items: num('rqi.items') },
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
    };
  }

  /**
   * Medians of relationship time and first-contact latency, from counts per value (a parallel hash
   * aggregate) rather than sorting every case; percentileFromCounts interpolates as percentile_cont.
   */
  private async medians(organisationIds: string[], filters: ReportFilters, asOf: string) {
    const where = factsWhere(organisationIds, filters, undefined, asOf);
    const { relationship_time: time, first_contact_latency: latency } = CASE_VALUE_SQL;
    const rows: Array<{ measure: string } & ValueCount> = await this.dataSource.query(
      `SELECT 'relationship_time' AS measure, ${time.value} AS value, count(*)::int AS n
         FROM case_facts f WHERE ${where.sql} AND ${time.applies} GROUP BY 2
       UNION ALL
       SELECT 'first_contact_latency', ${latency.value}, count(*)::int
         FROM case_facts f WHERE ${where.sql} AND ${latency.applies} GROUP BY 2`,
      where.params,
    );
    const of = (measure: string) => rows.filter((r) => r.measure === measure);
    return {
      relationshipTime: percentileFromCounts(of('relationship_time'), 0.5),
      firstContactLatency: percentileFromCounts(of('first_contact_latency'), 0.5),
    };
  }

  /** n and count of a rate per closing month or quarter (`start` is the period's first day). */
  async rateByPeriod(
    organisationIds: string[],
    filters: ReportFilters,
    measure: RateMeasure,
    period: TrendPeriodUnit,
    asOf: string,
  ): Promise<Array<Counts & { start: string }>> {
    const sql = RATE_MEASURE_SQL[measure];
    const dimensions = dimensionFiltersOf(filters);
    if (sql.rollup && dimensions.length <= 1) {
      const where = this.rollupWhere(organisationIds, filters, measure, asOf, dimensions[0]);
      where.params.push(period);
      return this.dataSource.query(
        `SELECT date_trunc($${where.params.length}, r.closed_on::timestamp)::date::text AS start,
                sum(r.${sql.rollup.trials})::int AS n, sum(r.${sql.rollup.successes})::int AS count
           FROM case_rollups r
          WHERE ${where.sql}
          GROUP BY 1 HAVING sum(r.${sql.rollup.trials}) > 0 ORDER BY 1`,
        where.params,
      );
    }
    const where = this.rateWhere(organisationIds, filters, measure, asOf);
    where.params.push(period);
    return this.dataSource.query(
      `SELECT date_trunc($${where.params.length}, f.closed_on::timestamp)::date::text AS start,
              sum(${sql.n})::int AS n, sum(${sql.count})::int AS count
         FROM case_facts f
        WHERE ${where.sql}
        GROUP BY 1 ORDER BY 1`,
      where.params,
    );
  }

  /** n and count of a rate per group of a dimension, with the office or adviser name as label. */
  async rateByGroup(
    organisationIds: string[],
    filters: ReportFilters,
    measure: RateMeasure,
    by: BreakdownDimension,
    asOf: string,
  ): Promise<Array<Counts & { key: string; label: string | null }>> {
    const sql = RATE_MEASURE_SQL[measure];
    const label = GROUP_LABEL[by] ?? 'NULL';
    // The roll-ups hold one row per dimension value, but no 'none' row for cases without a flag.
    if (sql.rollup && dimensionFiltersOf(filters).length === 0 && by !== 'vulnerability') {
      const where = this.rollupWhere(organisationIds, filters, measure, asOf, undefined, by);
      return this.dataSource.query(
        `SELECT g.key, g.n, g.count, ${label} AS label
           FROM (SELECT CASE WHEN r.dim_value = '' THEN 'none' ELSE r.dim_value END AS key,
                        sum(r.${sql.rollup.trials})::int AS n, sum(r.${sql.rollup.successes})::int AS count
                   FROM case_rollups r
                  WHERE ${where.sql}
                  GROUP BY 1) g
          WHERE g.n > 0`,
        where.params,
      );
    }
    const where = this.rateWhere(organisationIds, filters, measure, asOf);
    return this.dataSource.query(
      `SELECT g.key, g.n, g.count, ${label} AS label
         FROM (SELECT ${GROUP_KEY[by]} AS key, sum(${sql.n})::int AS n, sum(${sql.count})::int AS count
                 FROM case_facts f ${by === 'vulnerability' ? UNNEST_VULNERABILITIES : ''}
                WHERE ${where.sql}
                GROUP BY 1) g`,
      where.params,
    );
  }

  /** n and count of a rate over every case in scope (once each, whatever the breakdown). */
  async rateTotal(
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
    // One pass: the page is cut from the facts (with the total counted alongside) before the joins.
    const rows: Array<DrillDownRow & { total: number }> = await this.dataSource.query(
      `SELECT p.case_id AS id, c.ref, p.category, p.closed_on::text AS "closedOn",
              p.relationship_minutes AS "relationshipMinutes", u.name AS "leadAdviserName", p.total
         FROM (SELECT f.case_id, f.organisation_id, f.lead_adviser_id, f.category, f.closed_on, f.relationship_minutes,
                      count(*) OVER ()::int AS total
                 FROM case_facts f
                WHERE ${where.sql}
                ORDER BY f.closed_on DESC, f.case_id
                LIMIT $${params.length - 1} OFFSET $${params.length}) p
         JOIN cases c ON c.organisation_id = p.organisation_id AND c.id = p.case_id
         JOIN users u ON u.organisation_id = p.organisation_id AND u.id = p.lead_adviser_id
        ORDER BY p.closed_on DESC, p.case_id`,
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

export interface DrillDownRow {
  id: string;
  ref: string;
  category: string;
  closedOn: string;
  relationshipMinutes: number;
  leadAdviserName: string;
}
