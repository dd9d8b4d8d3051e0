/**
 * The one home for how report SQL selects and joins case_facts `f`: the scope, period and filter
 * WHERE clause, the consent rule for evidence that leaves the organisation, the fee row in force
 * for each case, and the filters and day every report starts from.
 */
import type { OutcomeMeasure } from '@deepvalue/shared';
import { maturityCutoff } from './measures.sql.js';
import { OUTCOME_MEASURE_SQL } from './outcome-measures.sql.js';
import { dimensionFiltersOf, type DimensionFilter, type ReportFilters } from './report-filters.js';

/** Today as an ISO date: the default "as of" of every report. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Filters as the SQL compares them (office and adviser ids in lower case). */
export function normaliseFilters(filters: ReportFilters): ReportFilters {
  return {
    ...filters,
    office: filters.office?.toLowerCase(),
    adviser: filters.adviser?.toLowerCase(),
  };
}

/** A dimension filter on case_facts `f`, given its parameter (office and adviser ids are validated UUIDs). */
const FACT_MATCH: Record<DimensionFilter, (p: string) => string> = {
  category: (p) => `f.category = ${p}`,
  office: (p) => `f.office_id = ${p}::uuid`,
  adviser: (p) => `f.lead_adviser_id = ${p}::uuid`,
  fundingStream: (p) => `f.funding_stream = ${p}`,
  arrival: (p) => `f.arrival_route = ${p}`,
  vulnerability: (p) => `${p} = ANY(f.vulnerabilities)`,
};

/**
 * Parameterised WHERE clause over case_facts `f` for the scope, filters and measure. `outside`
 * selects the closed cases outside the period instead of inside it (the other filters still apply).
 */
export function factsWhere(
  organisationIds: string[],
  filters: ReportFilters,
  measure: OutcomeMeasure | undefined,
  asOf: string,
  period: 'inside' | 'outside' = 'inside',
): { sql: string; params: unknown[] } {
  const params: unknown[] = [organisationIds];
  const clauses = ['f.organisation_id = ANY($1::uuid[])', 'f.closed_on IS NOT NULL'];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const to = closedUpTo(filters, measure, asOf);
  const bounds = [
    filters.from && (period === 'inside' ? 'f.closed_on >= ' : 'f.closed_on < ') + `${param(filters.from)}::date`,
    to && (period === 'inside' ? 'f.closed_on <= ' : 'f.closed_on > ') + `${param(to)}::date`,
  ].filter((b): b is string => Boolean(b));
  if (period === 'inside') clauses.push(...bounds);
  else clauses.push(bounds.length ? `(${bounds.join(' OR ')})` : 'false');
  for (const [key, value] of dimensionFiltersOf(filters)) clauses.push(FACT_MATCH[key](param(value)));
  if (filters.consentOnly) clauses.push('f.evidence_consent');
  if (measure) clauses.push(OUTCOME_MEASURE_SQL[measure].eligible);
  return { sql: clauses.join(' AND '), params };
}

/** The last closing date counted: the `to` filter, and for bounce-back only cases mature by asOf. */
export function closedUpTo(
  filters: ReportFilters,
  measure: OutcomeMeasure | undefined,
  asOf: string,
): string | undefined {
  const months = measure ? OUTCOME_MEASURE_SQL[measure].matureAfterMonths : undefined;
  if (!months) return filters.to;
  const matureIso = maturityCutoff(asOf, months);
  return filters.to && filters.to < matureIso ? filters.to : matureIso;
}

/** Whose cases count: evidence leaving the organisation only uses clients who consented. */
export type ConsentRule = 'consented_only' | 'all_cases';

/** factsWhere plus the consent rule. */
export function packWhere(
  organisationIds: string[],
  filters: ReportFilters,
  asOf: string,
  consent: ConsentRule,
): { sql: string; params: unknown[] } {
  const where = factsWhere(organisationIds, filters, undefined, asOf);
  return consent === 'consented_only' ? { ...where, sql: `${where.sql} AND f.evidence_consent` } : where;
}

/** A fee row as a query parameter; feeInForce meets each case with the row in force for it. */
export interface FeeRowParam {
  organisationId: string;
  category: string;
  effectiveFrom: string;
  fixedFeeGbp: number;
  escapeThresholdGbp: number | null;
  hourlyRateGbp: number | null;
}

/**
 * The `fee` CTE over fee rows passed as arrays from parameter `$at + 1`, and the join that meets each
 * case `f` with its row. A Legal Help matter is paid under the fee scheme in force when it was opened
 * (new fees apply to matters opened on or after their start date), so each case meets the latest row
 * for its organisation and category starting on or before its opened_on. `fee.index` is the row's
 * position in `fees`; `columns` adds columns worked out once per row from the row `t`.
 */
export function feeInForce(
  fees: readonly FeeRowParam[],
  at: number,
  columns = '',
): { cte: string; join: string; params: unknown[] } {
  const p = (n: number) => `$${at + n}`;
  return {
    cte: `fee AS (
         SELECT t.organisation_id, t.category, t.effective_from, t.fixed_fee_gbp, t.escape_threshold_gbp,
                t.hourly_rate_gbp, (t.ordinality - 1)::int AS index,${columns ? `\n                ${columns},` : ''}
                lead(t.effective_from) OVER (PARTITION BY t.organisation_id, t.category ORDER BY t.effective_from)
                  AS effective_until
           FROM unnest(${p(1)}::uuid[], ${p(2)}::text[], ${p(3)}::date[], ${p(4)}::numeric[], ${p(5)}::numeric[],
                       ${p(6)}::numeric[]) WITH ORDINALITY
                AS t(organisation_id, category, effective_from, fixed_fee_gbp, escape_threshold_gbp, hourly_rate_gbp,
                     ordinality)
       )`,
    join: `LEFT JOIN fee ON fee.organisation_id = f.organisation_id AND fee.category = f.category
                      AND f.opened_on >= fee.effective_from
                      AND (fee.effective_until IS NULL OR f.opened_on < fee.effective_until)`,
    params: [
      fees.map((r) => r.organisationId),
      fees.map((r) => r.category),
      fees.map((r) => r.effectiveFrom),
      fees.map((r) => r.fixedFeeGbp),
      fees.map((r) => r.escapeThresholdGbp),
      fees.map((r) => r.hourlyRateGbp),
    ],
  };
}
