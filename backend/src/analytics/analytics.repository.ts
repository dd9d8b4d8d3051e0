/**
 * Report SQL. Reads case_facts (one row per case) and case_rollups (counts by closing day × band ×
 * one dimension), never the raw time entries. Every query is scoped to a list of organisation ids
 * resolved by ReportScopeService.
 */
import { Injectable } from '@nestjs/common';
import type { OutcomeMeasure } from '@deepvalue/shared';
import { DataSource } from 'typeorm';
import { maturityCutoff } from './measures.sql.js';
import { OUTCOME_MEASURE_SQL } from './outcome-measures.sql.js';
import { dimensionFiltersOf, type DimensionFilter, type ReportFilters } from './report-filters.js';

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

const FACT_COLUMN: Record<DimensionFilter, string> = {
  category: 'f.category',
  office: 'f.office_id::text',
  adviser: 'f.lead_adviser_id::text',
  fundingStream: 'f.funding_stream',
  arrival: 'f.arrival_route',
  vulnerability: '', // handled as array membership
};

/** Parameterised WHERE clause over case_facts `f` for the scope, filters and measure. */
export function factsWhere(
  organisationIds: string[],
  filters: ReportFilters,
  measure: OutcomeMeasure | undefined,
  asOf: string,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [organisationIds];
  const clauses = ['f.organisation_id = ANY($1::uuid[])', 'f.closed_on IS NOT NULL'];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(clause(`$${params.length}`));
  };
  if (filters.from) add((p) => `f.closed_on >= ${p}::date`, filters.from);
  const to = closedUpTo(filters, measure, asOf);
  if (to) add((p) => `f.closed_on <= ${p}::date`, to);
  for (const [key, value] of dimensionFiltersOf(filters)) {
    if (key === 'vulnerability') add((p) => `${p} = ANY(f.vulnerabilities)`, value);
    else add((p) => `${FACT_COLUMN[key]} = ${p}`, value);
  }
  if (filters.consentOnly) clauses.push('f.evidence_consent');
  if (measure) clauses.push(OUTCOME_MEASURE_SQL[measure].eligible);
  return { sql: clauses.join(' AND '), params };
}

/** The last closing date counted: the `to` filter, and for bounce-back only cases mature by asOf. */
function closedUpTo(filters: ReportFilters, measure: OutcomeMeasure | undefined, asOf: string): string | undefined {
  const months = measure ? OUTCOME_MEASURE_SQL[measure].matureAfterMonths : undefined;
  if (!months) return filters.to;
  const matureIso = maturityCutoff(asOf, months);
  return filters.to && filters.to < matureIso ? filters.to : matureIso;
}

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
    const params: unknown[] = [organisationIds, dimension?.[0] ?? 'all', dimension?.[1] ?? ''];
    const clauses = ['r.organisation_id = ANY($1::uuid[])', 'r.dim = $2', 'r.dim_value = $3'];
    if (filters.from) {
      params.push(filters.from);
      clauses.push(`r.closed_on >= $${params.length}::date`);
    }
    const to = closedUpTo(filters, measure, asOf);
    if (to) {
      params.push(to);
      clauses.push(`r.closed_on <= $${params.length}::date`);
    }
    const rows: Array<{ band: number; n: number; count: number }> = await this.dataSource.query(
      `SELECT r.band, sum(r.${sql.trials})::int AS n, sum(r.${sql.successes})::int AS count
       FROM case_rollups r WHERE ${clauses.join(' AND ')} GROUP BY r.band ORDER BY r.band`,
      params,
    );
    return rows;
  }

  /** Cases grouped by covariate pattern for the adjusted model: same fit as one row per case. */
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
                count(*)::int AS trials, count(*) FILTER (WHERE ${OUTCOME_MEASURE_SQL[measure].success})::int AS successes
         FROM case_facts f WHERE ${where.sql}
         GROUP BY 1, 2, 3, 4`,
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
}
