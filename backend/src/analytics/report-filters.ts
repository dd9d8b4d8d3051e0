import type { ArrivalRoute, Category, FundingStream, Vulnerability } from '@deepvalue/shared';

/** The filters of a report after validation, without the organisation choice. */
export interface ReportFilters {
  from?: string;
  to?: string;
  category?: Category;
  office?: string;
  adviser?: string;
  fundingStream?: FundingStream;
  vulnerability?: Vulnerability;
  arrival?: ArrivalRoute;
  /** Only clients who consented to evidence use (commissioners' views); never set from a query string. */
  consentOnly?: boolean;
}

/** Filters that narrow by a dimension of the case (the roll-up table has one dimension per row). */
export const DIMENSION_FILTERS = [
  'category',
  'office',
  'adviser',
  'fundingStream',
  'vulnerability',
  'arrival',
] as const;
export type DimensionFilter = (typeof DIMENSION_FILTERS)[number];

export function dimensionFiltersOf(filters: ReportFilters): Array<[DimensionFilter, string]> {
  return DIMENSION_FILTERS.filter((key) => filters[key] !== undefined).map((key) => [key, String(filters[key])]);
}

/** The applied filters as plain strings, echoed back in every report. */
export function describeFilters(filters: ReportFilters): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([k, v]) => v !== undefined && k !== 'consentOnly')
      .map(([k, v]) => [k, String(v)]),
  );
}
