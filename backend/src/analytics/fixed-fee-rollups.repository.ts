/**
 * Fixed fee against need read from case_fee_rollups and case_fee_minute_rollups (docs/architecture.md, How a figure travels): the whole
 * months of the period from the roll-ups, the days of months it cuts from the facts (the same per-case
 * text). Answers no filter or one dimension filter, for every client or consenting clients only (the
 * evidence pack), against the fee tables in force; anything else (two dimension filters, a fee row the
 * roll-up was not classified with) returns null and the caller reads the facts.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { feeCaseRows } from '../database/migrations/1764840000000-fee-rollups-consent.js';
import { factsWhere, type FeeRowParam } from './facts-query.js';
import { feeRollupColumns } from './fee-rollups.sql.js';
import type { FeeLineCounts } from './fixed-fee.repository.js';
import { dimensionFiltersOf, type ReportFilters } from './report-filters.js';
import { splitByMonth } from './rollup-periods.js';
import type { ValueCount } from './statistics/percentile.js';

/** What the report needs per category: fee-line counts, minute counts exact where the quartiles fall, and minute sums. */
export interface FeeFigures {
  lines: FeeLineCounts[];
  /** Per category, minutes and how many cases took them; hours no quartile falls in hold one row at the hour's start. */
  minutes: Array<{ category: string; value: number; n: number }>;
  /** Per category, the sum of minutes (exact integers). */
  minuteSums: Map<string, number>;
}

const COUNTS = [
  'cases',
  'within_cases',
  'within_n',
  'within_positive',
  'beyond_cases',
  'beyond_n',
  'beyond_positive',
  'escape_n',
  'escape_count',
] as const;
const CAMEL: Record<(typeof COUNTS)[number], keyof Omit<FeeLineCounts, 'category' | 'feeIndex'>> = {
  cases: 'cases',
  within_cases: 'withinCases',
  within_n: 'withinN',
  within_positive: 'withinPositive',
  beyond_cases: 'beyondCases',
  beyond_n: 'beyondN',
  beyond_positive: 'beyondPositive',
  escape_n: 'escapeN',
  escape_count: 'escapeCount',
};

interface Cell extends Record<(typeof COUNTS)[number], number> {
  organisationId: string;
  category: string;
  feeFrom: string;
  hour: number;
  minutes: number;
}

const QUARTILES = [0.25, 0.5, 0.75];

/** fee_rows_for's columns (migration 1764630000000). */
const FEE_ROW_COLUMNS = `(category text, effective_from date, effective_until date, fixed_fee_gbp numeric,
  escape_threshold_gbp numeric, hourly_rate_gbp numeric)`;

@Injectable()
export class FixedFeeRollupsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * fee_rows_for(org) of every organisation, as one jsonb object keyed by organisation id, read
   * before the edge query meets the facts with it (the same rows the roll-ups were classified
   * with). Called inside that query instead, on a Citus cluster it ran on the organisation's shard
   * and had to query fee_rates again from there, which Citus refuses ("cannot execute a
   * distributed query from a query on a shard").
   */
  private async feeRowsByOrganisation(organisationIds: string[]): Promise<string> {
    const [{ rows }] = await this.dataSource.query(
      `SELECT coalesce(jsonb_object_agg(o::text, (SELECT coalesce(jsonb_agg(x), '[]') FROM fee_rows_for(o) x)), '{}')::text AS rows
         FROM unnest($1::uuid[]) o`,
      [organisationIds],
    );
    return rows;
  }

  async figures(
    organisationIds: string[],
    filters: ReportFilters,
    fees: ReadonlyArray<FeeRowParam & { index: number }>,
    asOf: string,
  ): Promise<FeeFigures | null> {
    const dimensions = dimensionFiltersOf(filters);
    if (dimensions.length > 1) return null;
    const [dim, dimValue] = dimensions[0] ?? ['all', ''];
    const { months, edges } = splitByMonth(filters.from, filters.to);
    const monthWhere = (params: unknown[]) =>
      [
        months?.from && `closed_month >= $${params.push(months.from)}::date`,
        months?.to && `closed_month <= $${params.push(months.to)}::date`,
        filters.consentOnly && 'evidence_consent',
      ]
        .filter(Boolean)
        .map((clause) => ` AND ${clause}`)
        .join('');

    const cells: Cell[] = [];
    const edgeMinutes: Array<{ category: string; value: number; n: number }> = [];
    const sums = COUNTS.map((c) => `sum(${c})::int AS ${c}`).join(', ');
    const tasks: Array<Promise<void>> = [];
    if (months) {
      const params: unknown[] = [organisationIds, dim, dimValue];
      const sql = `SELECT organisation_id::text AS "organisationId", category, fee_from::text AS "feeFrom", hour,
                          sum(minutes)::float8 AS minutes, ${sums}
                     FROM case_fee_rollups
                    WHERE organisation_id = ANY($1::uuid[]) AND dim = $2 AND dim_value = $3${monthWhere(params)}
                    GROUP BY 1, 2, 3, 4`;
      tasks.push(this.dataSource.query(sql, params).then((rows: Cell[]) => void cells.push(...rows)));
    }
    const columns = feeRollupColumns().map((c): [string, string, string] => [c.column, c.type, c.perCase]);
    const feeRows = edges.length ? await this.feeRowsByOrganisation(organisationIds) : null;
    for (const edge of edges) {
      const where = factsWhere(organisationIds, { ...filters, ...edge }, undefined, asOf);
      const rows = `$${where.params.push(feeRows)}::jsonb -> f.organisation_id::text`;
      const perCase = feeCaseRows(
        `SELECT 1 AS s, f.* FROM case_facts f WHERE ${where.sql}`,
        columns,
        `LATERAL (SELECT * FROM jsonb_to_recordset(${rows}) AS x${FEE_ROW_COLUMNS})`,
      );
      const sql = `SELECT f.organisation_id::text AS "organisationId", f.category, f.fee_from::text AS "feeFrom",
                          f.total_minutes AS value, sum(f.p_minutes)::float8 AS minutes,
                          ${COUNTS.map((c) => `sum(f.p_${c})::int AS ${c}`).join(', ')}
                     FROM (${perCase}) f
                    GROUP BY 1, 2, 3, 4`;
      tasks.push(
        this.dataSource.query(sql, where.params).then((rows: Array<Cell & { value: number }>) => {
          for (const { value, ...row } of rows) {
            cells.push({ ...row, hour: Math.floor(value / 60) });
            edgeMinutes.push({ category: row.category, value, n: row.cases });
          }
        }),
      );
    }
    await Promise.all(tasks);

    const lines = feeLines(cells, fees);
    if (lines === null) return null;

    // Per category and hour, how many cases; then the hours the quartiles' order statistics fall in.
    const byCategory = new Map<string, Map<number, number>>();
    const minuteSums = new Map<string, number>();
    for (const cell of cells) {
      const hours = byCategory.get(cell.category) ?? new Map<number, number>();
      hours.set(cell.hour, (hours.get(cell.hour) ?? 0) + cell.cases);
      byCategory.set(cell.category, hours);
      minuteSums.set(cell.category, (minuteSums.get(cell.category) ?? 0) + cell.minutes);
    }
    const needed = new Map<string, Set<number>>();
    for (const [category, hours] of byCategory) needed.set(category, quartileHours(hours));

    const exact = [...edgeMinutes.filter((m) => needed.get(m.category)!.has(Math.floor(m.value / 60)))];
    const pairs = [...needed].flatMap(([category, hours]) => [...hours].map((hour) => ({ category, hour })));
    if (months && pairs.length > 0) {
      const params: unknown[] = [
        organisationIds,
        dim,
        dimValue,
        pairs.map((p) => p.category),
        pairs.map((p) => p.hour),
      ];
      exact.push(
        ...(await this.dataSource.query(
          `SELECT r.category, r.total_minutes AS value, sum(r.n)::int AS n
             FROM unnest($4::text[], $5::int[]) AS w(category, hour)
             JOIN case_fee_minute_rollups r
               ON r.organisation_id = ANY($1::uuid[]) AND r.dim = $2 AND r.dim_value = $3 AND r.category = w.category
              AND r.total_minutes >= w.hour * 60 AND r.total_minutes < w.hour * 60 + 60${monthWhere(params)}
            GROUP BY 1, 2`,
          params,
        )),
      );
    }
    const minutes = [...byCategory].flatMap(([category, hours]) =>
      [...hours]
        .filter(([hour, n]) => n !== 0 && !needed.get(category)!.has(hour))
        .map(([hour, n]) => ({ category, value: hour * 60, n })),
    );
    minutes.push(...exact.filter((m) => m.n !== 0));
    return { lines, minutes, minuteSums };
  }
}

/** Cells summed per category and applying fee row, named by the row's index; null if a row is not in `fees`. */
function feeLines(cells: Cell[], fees: ReadonlyArray<FeeRowParam & { index: number }>): FeeLineCounts[] | null {
  const lines = new Map<string, FeeLineCounts>();
  for (const cell of cells) {
    let feeIndex: number | null = null;
    if (cell.feeFrom !== '-infinity') {
      const fee = fees.find(
        (f) =>
          f.organisationId === cell.organisationId && f.category === cell.category && f.effectiveFrom === cell.feeFrom,
      );
      if (!fee) return null;
      feeIndex = fee.index;
    }
    const key = `${cell.category} ${feeIndex}`;
    const line =
      lines.get(key) ??
      ({ category: cell.category, feeIndex, ...Object.fromEntries(COUNTS.map((c) => [CAMEL[c], 0])) } as FeeLineCounts);
    for (const c of COUNTS) line[CAMEL[c]] += cell[c];
    lines.set(key, line);
  }
  return [...lines.values()].filter((l) => l.cases !== 0);
}

/** The hours holding the order statistics the quartiles interpolate between (as percentileFromCounts takes them). */
function quartileHours(hours: Map<number, number>): Set<number> {
  const sorted: ValueCount[] = [...hours]
    .filter(([, n]) => n > 0)
    .map(([value, n]) => ({ value, n }))
    .sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, h) => sum + h.n, 0);
  const wanted = new Set<number>();
  if (total === 0) return wanted;
  for (const p of QUARTILES) {
    const position = p * (total - 1);
    for (const k of [Math.floor(position), Math.ceil(position)]) {
      let seen = 0;
      for (const h of sorted) {
        seen += h.n;
        if (k < seen) {
          wanted.add(h.value);
          break;
        }
      }
    }
  }
  return wanted;
}
