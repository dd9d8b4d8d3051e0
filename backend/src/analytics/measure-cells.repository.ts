/**
 * The evidence pack's cells: every outcome measure, the other rates and the means it publishes by band,
 * counted per category × band over the per-case facts. The evidence pack and a commissioner's
 * time-vs-outcome screen both read them here and round them with disclosure/published-outcomes.ts, so
 * both publish the same figures. Evidence leaves the organisation, so only clients who consented count
 * (f.evidence_consent); the others are only counted, for the method's "cases excluded". Nothing here
 * returns a case, a client or an adviser.
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

import { OUTCOME_MEASURE_SQL } from './outcome-measures.sql.js';

import type { ReportFilters } from './report-filters.js';

import { RATE_MEASURE_SQL, maturityCutoff } from './measures.sql.js';
import { factsWhere } from './facts-query.js';
import { PACK_MEAN_SQL, packCellColumns, packColumnOf as columnOf, type PackCellColumn } from './pack-cells.sql.js';
import { dimensionFiltersOf } from './report-filters.js';
import { rollupPlan } from './rollup-periods.js';

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

@Injectable()
export class MeasureCellsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every outcome measure's n and count per category × band, consenting clients only, and how many
   * closed cases in the period and filters were left out because the client did not consent: from
   * case_pricing_rollups (keyed by these cells and closing month; the days of months the period cuts
   * and the bounce-back cut-off's month from the facts) with no dimension filter or one, otherwise
   * from the facts.
   */
  async measureCells(
    organisationIds: string[],
    filters: ReportFilters,
    asOf: string,
  ): Promise<{ cells: MeasureCell[]; withoutConsent: number }> {
    const dimensions = dimensionFiltersOf(filters);
    if (dimensions.length > 1) return this.measureCellsFromFacts(organisationIds, filters, asOf);
    const plan = rollupPlan(organisationIds, filters, asOf, 'all_cases', dimensions[0]);
    const columns = packCellColumns();
    // A measure counted only once mature: the roll-up's months mature by asOf, the facts' days up to the cut-off.
    const rollupValue = (c: PackCellColumn) =>
      c.mature
        ? `CASE WHEN r.closed_month <= ${plan.matureMonth}::date THEN r.${c.column} ELSE 0 END`
        : `r.${c.column}`;
    const factValue = (c: PackCellColumn) =>
      c.mature ? `CASE WHEN f.closed_on <= ${plan.mature}::date THEN ${c.perCase} ELSE 0 END` : c.perCase;
    const names = columns.map((c) => c.column);
    const rows: Array<Record<string, number | string | boolean>> = await this.dataSource.query(
      `SELECT x.category, x.band, x.consent, sum(x.cases)::int AS cases,
              ${columns
                .map(
                  ({ column, type }) =>
                    `sum(x.${column})::${type === 'numeric' ? 'text' : 'int'} AS ${column.slice(5)}`,
                )
                .join(',\n              ')}
         FROM (SELECT r.category, r.band, r.evidence_consent, r.cases,
                      ${columns.map(rollupValue).join(',\n                      ')}
                 FROM case_pricing_rollups r
                WHERE ${plan.rollups}
               UNION ALL
               SELECT f.category, f.band, f.evidence_consent, 1,
                      ${columns.map(factValue).join(',\n                      ')}
                 FROM case_facts f
                WHERE ${plan.facts})
           AS x(category, band, consent, cases, ${names.join(', ')})
        GROUP BY 1, 2, 3
       HAVING sum(x.cases) > 0
        ORDER BY 1, 2, 3`,
      plan.params,
    );
    return cellsOf(rows);
  }

  /** measureCells the straightforward way: one pass over the facts. */
  async measureCellsFromFacts(
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
    return cellsOf(rows);
  }
}

/** The cells of consenting clients' cases, and the cases of the others, from the cells' query rows. */
function cellsOf(rows: Array<Record<string, number | string | boolean>>): {
  cells: MeasureCell[];
  withoutConsent: number;
} {
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
