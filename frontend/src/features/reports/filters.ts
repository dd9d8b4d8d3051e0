/**
 * Report filters live in the URL query string, so a filtered view can be bookmarked, shared with a
 * colleague and reached with Back.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const FILTER_KEYS = [
  'from',
  'to',
  'category',
  'office',
  'adviser',
  'fundingStream',
  'vulnerability',
  'arrival',
  'organisation',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type ReportFilters = Partial<Record<FilterKey, string>>;

export function filtersFrom(params: URLSearchParams): ReportFilters {
  const filters: ReportFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

/** The filters (and any extra parameters) as a query string, leaving out empty values. */
export function toQuery(filters: ReportFilters, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The filters of the current URL, the page's other parameters, and `apply` which replaces them all
 * (a new history entry, so Back returns to the previous view).
 */
export function useReportParams() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const apply = useCallback(
    (next: ReportFilters, choices: Record<string, string> = {}) => {
      const result = new URLSearchParams();
      for (const [key, value] of Object.entries({ ...choices, ...next })) if (value) result.set(key, value);
      setParams(result);
    },
    [setParams],
  );
  return { filters, params, apply };
}
