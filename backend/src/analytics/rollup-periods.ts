/** How a closing period is read from monthly roll-ups: whole months from the roll-up, the rest from the facts. */
import { BOUNCE_BACK_WINDOW_MONTHS } from '@deepvalue/shared';

import { addMonthsTo, dayBefore, monthStart } from '../common/dates.js';
import { packWhere, type ConsentRule } from './facts-query.js';
import { maturityCutoff } from './measures.sql.js';
import type { DimensionFilter, ReportFilters } from './report-filters.js';

/**
 * A closing period split into the whole months it covers (`months`, as first days, either end open)
 * and the days of the months it covers only in part (`edges`, as from/to filters).
 */
export function splitByMonth(
  from: string | undefined,
  to: string | undefined,
): { months: { from?: string; to?: string } | null; edges: Array<{ from: string; to: string }> } {
  const first = from && (from === monthStart(from) ? from : addMonthsTo(monthStart(from), 1));
  const nextAfterTo = to && addMonthsTo(monthStart(to), 1);
  const last = to && (dayBefore(nextAfterTo!) === to ? monthStart(to) : addMonthsTo(monthStart(to), -1));
  if (first && last && first > last) return { months: null, edges: from && to ? [{ from, to }] : [] };
  const edges: Array<{ from: string; to: string }> = [];
  if (from && first !== from) edges.push({ from, to: dayBefore(first!) });
  if (to && last !== monthStart(to)) edges.push({ from: monthStart(to), to });
  return { months: { from: first, to: last }, edges };
}

/**
 * Where a roll-up read finds each part of the period: `rollups`, the WHERE clause over
 * case_pricing_rollups `r` for its whole months, and `facts`, the WHERE clause over case_facts `f` for
 * the days of months the period cuts and the maturity cut-off's month (each `false` when it has none,
 * so every parameter is still mentioned); `mature` and `matureMonth` name the cut-off and its month.
 */
export interface RollupPlan {
  rollups: string;
  facts: string;
  mature: string;
  matureMonth: string;
  /** The parameters of `rollups` and `facts`; `params` adds the cut-off and its month (the benefits read neither). */
  baseParams: unknown[];
  params: unknown[];
}

export function rollupPlan(
  organisationIds: string[],
  filters: ReportFilters,
  asOf: string,
  consent: ConsentRule,
  dimension: [DimensionFilter, string] | undefined,
): RollupPlan {
  const { from, to, ...rest } = filters;
  const where = packWhere(organisationIds, rest, asOf, consent);
  const params = [...where.params];
  const param = (value: unknown) => `$${params.push(value)}`;
  const mature = maturityCutoff(asOf, BOUNCE_BACK_WINDOW_MONTHS);
  const matureMonth = monthStart(mature);
  const matureMonthEnd = dayBefore(addMonthsTo(matureMonth, 1));
  const { months, edges } = splitByMonth(from, to);
  const ranges = [...edges];
  const [dim, dimValue] = dimension ?? ['all', ''];
  const clauses = ['r.organisation_id = ANY($1::uuid[])', `r.dim = ${param(dim)}`, `r.dim_value = ${param(dimValue)}`];
  if (consent === 'consented_only' || filters.consentOnly) clauses.push('r.evidence_consent');
  if (!months) clauses.push('false');
  else {
    if (months.from) clauses.push(`r.closed_month >= ${param(months.from)}::date`);
    if (months.to) clauses.push(`r.closed_month <= ${param(months.to)}::date`);
    const cutsMatureMonth =
      mature !== matureMonthEnd &&
      (!months.from || months.from <= matureMonth) &&
      (!months.to || matureMonth <= months.to);
    if (cutsMatureMonth) {
      clauses.push(`r.closed_month <> ${param(matureMonth)}::date`);
      ranges.push({ from: matureMonth, to: matureMonthEnd });
    }
  }
  const days = ranges.map((range) => `f.closed_on BETWEEN ${param(range.from)}::date AND ${param(range.to)}::date`);
  const baseParams = [...params];
  return {
    rollups: clauses.join(' AND '),
    facts: `${where.sql} AND (${days.length ? days.join(' OR ') : 'false'})`,
    mature: param(mature),
    matureMonth: param(matureMonth),
    baseParams,
    params,
  };
}
