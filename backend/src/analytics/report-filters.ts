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
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
}
