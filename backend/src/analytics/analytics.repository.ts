/**
 * Report SQL. Reads case_facts (one row per case) and case_rollups (counts by closing day × band ×
 * one dimension), never the raw time entries. Every query is scoped to a list of organisation ids
 * resolved by ReportScopeService.
 */
import { Injectable } from '@nestjs/common';

import type { OutcomeMeasure } from '@deepvalue/shared';

import { DataSource } from 'typeorm';

import { OUTCOME_MEASURE_SQL } from './outcome-measures.sql.js';

import { dimensionFiltersOf, type DimensionFilter, type ReportFilters } from './report-filters.js';
import { closedUpTo, factsWhere } from './facts-query.js';

export interface BandCount {
  band: number;
  n: number;
  count: number;
}

export interface PatternCount {
  relationshipMinutes: number;
  category: string;
  vulnerabilityCount: number;
  fundingStream: string;
  trials: number;
  successes: number;
}

/** Filters the pattern roll-ups apply as covariate columns; and at most one of PATTERN_DIMS as a dimension row. */
const PATTERN_COLUMNS: Partial<Record<DimensionFilter, string>> = {
  category: 'category',
  fundingStream: 'funding_stream',
};
const PATTERN_DIMS: readonly DimensionFilter[] = ['office', 'arrival', 'vulnerability'];

@Injectable()
export class AnalyticsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Cases and outcomes per band. With no dimension filter or one, reads the roll-ups; with more,
   * falls back to the per-case facts (same answer, slower).
   */
  async bandCounts(
    organisationIds: string[],
    filters: ReportFilters,
    measure: OutcomeMeasure,
    asOf: string,
  ): Promise<BandCount[]> {
    const dimensions = dimensionFiltersOf(filters);
    // The roll-ups count every client; consent-only views read the per-case facts.
    if (dimensions.length <= 1 && !filters.consentOnly)
      return this.bandCountsFromRollups(organisationIds, filters, measure, asOf, dimensions[0]);
    return this.bandCountsFromFacts(organisationIds, filters, measure, asOf);
  }

  /**
   * Closed cases per band in the period and filters, whatever their outcome and however recent: the
   * whole a measure's n is taken from (its "not recorded" is this less n, as the evidence pack has it).
   */
  async closedByBand(organisationIds: string[], filters: ReportFilters, asOf: string): Promise<BandCount[]> {
    const dimensions = dimensionFiltersOf(filters);
    if (dimensions.length <= 1 && !filters.consentOnly)
      return this.rollupSums(organisationIds, filters, filters.to, dimensions[0], {
        n: 'n_closed',
        count: 'n_closed',
      });
    const where = factsWhere(organisationIds, filters, undefined, asOf);
    return this.dataSource.query(
      `SELECT f.band, count(*)::int AS n, count(*)::int AS count
       FROM case_facts f WHERE ${where.sql} GROUP BY f.band ORDER BY f.band`,
      where.params,
    );
  }

  async bandCountsFromFacts(
    organisationIds: string[],
    filters: ReportFilters,
    measure: OutcomeMeasure,
    asOf: string,
  ): Promise<BandCount[]> {
    const where = factsWhere(organisationIds, filters, measure, asOf);
    const rows: Array<{ band: number; n: number; count: number }> = await this.dataSource.query(
      `SELECT f.band, count(*)::int AS n, count(*) FILTER (WHERE ${OUTCOME_MEASURE_SQL[measure].success})::int AS count
       FROM case_facts f WHERE ${where.sql} GROUP BY f.band ORDER BY f.band`,
      where.params,
    );
    return rows;
  }

  private async bandCountsFromRollups(
    organisationIds: string[],
    filters: ReportFilters,
    measure: OutcomeMeasure,
    asOf: string,
    dimension: [DimensionFilter, string] | undefined,
  ): Promise<BandCount[]> {
    const sql = OUTCOME_MEASURE_SQL[measure];
    return this.rollupSums(organisationIds, filters, closedUpTo(filters, measure, asOf), dimension, {
      n: sql.trials,
      count: sql.successes,
    });
  }

  /** Two roll-up columns summed per band, cases closed from the period's start up to `to`. */
  private async rollupSums(
    organisationIds: string[],
    filters: ReportFilters,
    to: string | undefined,
    dimension: [DimensionFilter, string] | undefined,
    columns: { n: string; count: string },
  ): Promise<BandCount[]> {
    const params: unknown[] = [organisationIds, dimension?.[0] ?? 'all', dimension?.[1] ?? ''];
    const clauses = ['r.organisation_id = ANY($1::uuid[])', 'r.dim = $2', 'r.dim_value = $3'];
    if (filters.from) {
      params.push(filters.from);
      clauses.push(`r.closed_on >= $${params.length}::date`);
    }
    if (to) {
      params.push(to);
      clauses.push(`r.closed_on <= $${params.length}::date`);
    }
    const rows: Array<{ band: number; n: number; count: number }> = await this.dataSource.query(
      `SELECT r.band, sum(r.${columns.n})::int AS n, sum(r.${columns.count})::int AS count
       FROM case_rollups r WHERE ${clauses.join(' AND ')} GROUP BY r.band ORDER BY r.band`,
      params,
    );
    return rows;
  }

  /**
   * Cases grouped by covariate pattern for the adjusted model: the same fit as one row per case.
   * Reads the pattern roll-ups minus the facts outside the period when the period holds most of the
   * closed cases (and no filter other than category or funding stream applies); otherwise groups
   * the facts inside it. Both give the same counts.
   */
  async modelPatterns(
    organisationIds: string[],
    filters: ReportFilters,
    measure: OutcomeMeasure,
    asOf: string,
  ): Promise<PatternCount[]> {
    const dimensions = dimensionFiltersOf(filters).filter(([key]) => !PATTERN_COLUMNS[key]);
    const covered = dimensions.length <= 1 && dimensions.every(([key]) => PATTERN_DIMS.includes(key));
    if (covered) {
      const [dim, dimValue] = dimensions[0] ?? ['all', ''];
      const to = closedUpTo(filters, measure, asOf);
      if (!(await this.fewerInsidePeriod(organisationIds, dim, dimValue, filters.from, to)))
        return this.modelPatternsFromRollups(organisationIds, filters, measure, asOf);
    }
    return this.modelPatternsFromFacts(organisationIds, filters, measure, asOf);
  }

  async modelPatternsFromFacts(
    organisationIds: string[],
    filters: ReportFilters,
    measure: OutcomeMeasure,
    asOf: string,
  ): Promise<PatternCount[]> {
    const where = factsWhere(organisationIds, filters, measure, asOf);
    const rows: PatternRow[] = await this.dataSource.query(
      `SELECT greatest(f.relationship_minutes, 15) AS minutes, f.category, f.vulnerability_count, f.funding_stream,
                count(*)::int AS trials, count(*) FILTER (WHERE ${OUTCOME_MEASURE_SQL[measure].success})::int AS successes
         FROM case_facts f WHERE ${where.sql}
         GROUP BY 1, 2, 3, 4`,
      where.params,
    );
    return rows.map(patternCount);
  }

  /** The roll-ups over all closed cases, less the facts of the closed cases outside the period. */
  async modelPatternsFromRollups(
    organisationIds: string[],
    filters: ReportFilters,
    measure: OutcomeMeasure,
    asOf: string,
  ): Promise<PatternCount[]> {
    const sql = OUTCOME_MEASURE_SQL[measure];
    const outside = factsWhere(organisationIds, filters, measure, asOf, 'outside');
    const params = [...outside.params];
    const clauses = patternRollupWhere(filters, params);
    const rows: PatternRow[] = await this.dataSource.query(
      `WITH whole AS (
         SELECT r.minutes, r.category, r.vulnerability_count, r.funding_stream,
                sum(r.${sql.trials})::int AS trials, sum(r.${sql.successes})::int AS successes
           FROM case_pattern_rollups r WHERE ${clauses.join(' AND ')}
          GROUP BY 1, 2, 3, 4
       ), outside AS (
         SELECT greatest(f.relationship_minutes, 15) AS minutes, f.category, f.vulnerability_count, f.funding_stream,
                count(*)::int AS trials, count(*) FILTER (WHERE ${sql.success})::int AS successes
           FROM case_facts f WHERE ${outside.sql}
          GROUP BY 1, 2, 3, 4
       )
       SELECT w.minutes, w.category, w.vulnerability_count, w.funding_stream,
              w.trials - coalesce(o.trials, 0) AS trials, w.successes - coalesce(o.successes, 0) AS successes
         FROM whole w LEFT JOIN outside o USING (minutes, category, vulnerability_count, funding_stream)
        WHERE w.trials > coalesce(o.trials, 0)`,
      params,
    );
    return rows.map(patternCount);
  }

  /**
   * modelPatterns for several measures at once (the evidence pack's five): the same rows for each
   * measure, from one query over the roll-ups and one over the facts at most, instead of one per measure.
   */
  async modelPatternsEach(
    organisationIds: string[],
    filters: ReportFilters,
    measures: readonly OutcomeMeasure[],
    asOf: string,
  ): Promise<PatternCount[][]> {
    const dimensions = dimensionFiltersOf(filters).filter(([key]) => !PATTERN_COLUMNS[key]);
    const covered = dimensions.length <= 1 && dimensions.every(([key]) => PATTERN_DIMS.includes(key));
    const [dim, dimValue] = dimensions[0] ?? ['all', ''];
    const fewer = new Map<string | undefined, Promise<boolean>>();
    const fromRollups = await Promise.all(
      measures.map(async (measure) => {
        if (!covered) return false;
        const to = closedUpTo(filters, measure, asOf);
        if (!fewer.has(to)) fewer.set(to, this.fewerInsidePeriod(organisationIds, dim, dimValue, filters.from, to));
        return !(await fewer.get(to));
      }),
    );
    const rollupMeasures = measures.filter((_, i) => fromRollups[i]);
    const factMeasures = measures.filter((_, i) => !fromRollups[i]);
    const [rollupRows, factRows] = await Promise.all([
      rollupMeasures.length ? this.modelPatternsEachFromRollups(organisationIds, filters, rollupMeasures, asOf) : [],
      factMeasures.length ? this.modelPatternsEachFromFacts(organisationIds, filters, factMeasures, asOf) : [],
    ]);
    return measures.map((measure) =>
      fromRollups[measures.indexOf(measure)]
        ? rollupRows[rollupMeasures.indexOf(measure)]
        : factRows[factMeasures.indexOf(measure)],
    );
  }

  /** modelPatternsFromFacts of each measure, from one grouping of the facts. */
  async modelPatternsEachFromFacts(
    organisationIds: string[],
    filters: ReportFilters,
    measures: readonly OutcomeMeasure[],
    asOf: string,
  ): Promise<PatternCount[][]> {
    const { where, inMeasure } = eachMeasureWhere(organisationIds, filters, measures, asOf, 'inside');
    const rows: EachPatternRow[] = await this.dataSource.query(
      `SELECT greatest(f.relationship_minutes, 15) AS minutes, f.category, f.vulnerability_count, f.funding_stream,
              ${eachCounts(measures, inMeasure)}
         FROM case_facts f WHERE ${where.sql} AND (${inMeasure.join(' OR ')})
        GROUP BY 1, 2, 3, 4`,
      where.params,
    );
    return measures.map((_, k) => eachMeasure(rows, k));
  }

  /** modelPatternsFromRollups of each measure: the roll-ups grouped once, less one grouping of the facts outside the period. */
  async modelPatternsEachFromRollups(
    organisationIds: string[],
    filters: ReportFilters,
    measures: readonly OutcomeMeasure[],
    asOf: string,
  ): Promise<PatternCount[][]> {
    const { where, inMeasure } = eachMeasureWhere(organisationIds, filters, measures, asOf, 'outside');
    const params = [...where.params];
    const clauses = patternRollupWhere(filters, params);
    const sums = measures.map((m, k) => {
      const sql = OUTCOME_MEASURE_SQL[m];
      return `sum(r.${sql.trials})::int AS t${k}, sum(r.${sql.successes})::int AS s${k}`;
    });
    const differences = measures.map(
      (_, k) => `w.t${k} - coalesce(o.t${k}, 0) AS t${k}, w.s${k} - coalesce(o.s${k}, 0) AS s${k}`,
    );
    // With no period bound nothing is outside it, and the facts are not read at all.
    const anyOutside = inMeasure.some((clause) => !clause.endsWith('false)'));
    const rows: EachPatternRow[] = await this.dataSource.query(
      `WITH whole AS (
         SELECT r.minutes, r.category, r.vulnerability_count, r.funding_stream, ${sums.join(', ')}
           FROM case_pattern_rollups r WHERE ${clauses.join(' AND ')}
          GROUP BY 1, 2, 3, 4
       ), outside AS (
         SELECT greatest(f.relationship_minutes, 15) AS minutes, f.category, f.vulnerability_count, f.funding_stream,
                ${eachCounts(measures, inMeasure)}
           FROM case_facts f WHERE ${anyOutside ? `${where.sql} AND (${inMeasure.join(' OR ')})` : 'false'}
          GROUP BY 1, 2, 3, 4
       )
       SELECT w.minutes, w.category, w.vulnerability_count, w.funding_stream, ${differences.join(', ')}
         FROM whole w LEFT JOIN outside o USING (minutes, category, vulnerability_count, funding_stream)`,
      params,
    );
    return measures.map((_, k) => eachMeasure(rows, k));
  }

  /** Whether fewer closed cases of a dimension value fall inside the period than outside it (from case_rollups). */
  private async fewerInsidePeriod(
    organisationIds: string[],
    dim: string,
    dimValue: string,
    from?: string,
    to?: string,
  ): Promise<boolean> {
    if (!from && !to) return false;
    const [row]: Array<{ inside: number; total: number }> = await this.dataSource.query(
      `SELECT coalesce(sum(n_closed) FILTER (WHERE closed_on >= coalesce($4::date, '-infinity')
                                              AND closed_on <= coalesce($5::date, 'infinity')), 0)::float8 AS inside,
              coalesce(sum(n_closed), 0)::float8 AS total
         FROM case_rollups WHERE organisation_id = ANY($1::uuid[]) AND dim = $2 AND dim_value = $3`,
      [organisationIds, dim, dimValue, from ?? null, to ?? null],
    );
    return row.inside < row.total - row.inside;
  }
}

/**
 * The shared WHERE clause of several measures' pattern groupings (scope, filters, consent), and per
 * measure the condition a case counts under: eligible, and closed inside (or outside) the period up to
 * that measure's last closing date (closedUpTo: bounce-back's maturity).
 */
function eachMeasureWhere(
  organisationIds: string[],
  filters: ReportFilters,
  measures: readonly OutcomeMeasure[],
  asOf: string,
  period: 'inside' | 'outside',
): { where: { sql: string; params: unknown[] }; inMeasure: string[] } {
  const where = factsWhere(organisationIds, { ...filters, from: undefined, to: undefined }, undefined, asOf);
  const param = (value: unknown) => `$${where.params.push(value)}`;
  const from = filters.from ? `${param(filters.from)}::date` : null;
  const inMeasure = measures.map((measure) => {
    const toValue = closedUpTo(filters, measure, asOf);
    const to = toValue ? `${param(toValue)}::date` : null;
    const bounds =
      period === 'inside'
        ? [from && `f.closed_on >= ${from}`, to && `f.closed_on <= ${to}`].filter(Boolean).join(' AND ') || 'true'
        : [from && `f.closed_on < ${from}`, to && `f.closed_on > ${to}`].filter(Boolean).join(' OR ') || 'false';
    return `(${OUTCOME_MEASURE_SQL[measure].eligible} AND (${bounds}))`;
  });
  return { where, inMeasure };
}

/** Each measure's trials (t<k>) and successes (s<k>) among the cases its condition counts. */
function eachCounts(measures: readonly OutcomeMeasure[], inMeasure: string[]): string {
  return measures
    .map(
      (m, k) => `count(*) FILTER (WHERE ${inMeasure[k]})::int AS t${k},
              count(*) FILTER (WHERE ${inMeasure[k]} AND ${OUTCOME_MEASURE_SQL[m].success})::int AS s${k}`,
    )
    .join(',\n              ');
}

type EachPatternRow = Omit<PatternRow, 'trials' | 'successes'> & Record<`${'t' | 's'}${number}`, number>;

/** Measure k's patterns: the rows with a case counted under it. */
function eachMeasure(rows: EachPatternRow[], k: number): PatternCount[] {
  return rows
    .filter((r) => r[`t${k}`] > 0)
    .map((r) => patternCount({ ...r, trials: r[`t${k}`], successes: r[`s${k}`] }));
}

interface PatternRow {
  minutes: number;
  category: string;
  vulnerability_count: number;
  funding_stream: string;
  trials: number;
  successes: number;
}

function patternCount(r: PatternRow): PatternCount {
  return {
    relationshipMinutes: r.minutes,
    category: r.category,
    vulnerabilityCount: r.vulnerability_count,
    fundingStream: r.funding_stream,
    trials: r.trials,
    successes: r.successes,
  };
}

/**
 * The case_pattern_rollups rows of `filters` (alias r; the organisations are $1): the dimension row
 * the filters select, their other pattern columns, and consent. Appends its values to `params`.
 */
function patternRollupWhere(filters: ReportFilters, params: unknown[]): string[] {
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const clauses = ['r.organisation_id = ANY($1::uuid[])'];
  const dimensions = dimensionFiltersOf(filters);
  const [dim, dimValue] = dimensions.find(([key]) => PATTERN_DIMS.includes(key)) ?? ['all', ''];
  clauses.push(`r.dim = ${param(dim)}`, `r.dim_value = ${param(dimValue)}`);
  for (const [key, value] of dimensions) {
    const column = PATTERN_COLUMNS[key];
    if (column) clauses.push(`r.${column} = ${param(value)}`);
  }
  if (filters.consentOnly) clauses.push('r.evidence_consent');
  return clauses;
}
