import type {
  AdviserRef,
  OrganisationRef,
  OutcomeMeasure,
  RelationshipChainReport,
  TimeVsOutcomeReport,
} from '@deepvalue/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import { type ReportFilters, toQuery } from './filters';
import type {
  BreakdownDimension,
  BreakdownReport,
  DrillDownPage,
  FixedFeeReport,
  MeasuresSummary,
  RateMeasure,
  TrendsReport,
} from './types';

const report = <T>(path: string) => ({
  queryKey: ['report', path],
  queryFn: ({ signal }: { signal: AbortSignal }) => api<T>(path, { signal }),
  placeholderData: keepPreviousData,
  staleTime: 60_000,
});

/**
 * Time against outcome, bands first: the bands alone come back at once, and the full report (with the
 * adjusted estimate, slower on a large organisation) replaces them when it arrives. `estimate` is the
 * full report's query, for its own loading and error states.
 */
export function useTimeVsOutcome(measure: OutcomeMeasure, filters: ReportFilters) {
  const path = `/reports/time-vs-outcome${toQuery(filters, { measure })}`;
  const bands = useQuery(report<TimeVsOutcomeReport>(`${path}${path.includes('?') ? '&' : '?'}adjusted=false`));
  const full = useQuery(report<TimeVsOutcomeReport>(path));
  const fresh = (q: typeof full) => q.data !== undefined && !q.isPlaceholderData;
  const shown = fresh(full) ? full : fresh(bands) ? bands : full.data !== undefined ? full : bands;
  return { report: shown, estimate: full };
}

export const useRelationshipChain = (filters: ReportFilters) =>
  useQuery(report<RelationshipChainReport>(`/reports/chain${toQuery(filters)}`));

export const useMeasures = (filters: ReportFilters) =>
  useQuery(report<MeasuresSummary>(`/reports/measures${toQuery(filters)}`));

/** The summary with the measures in detail (slower: read from the per-case facts). */
export const useMeasureDetails = (filters: ReportFilters) =>
  useQuery(report<MeasuresSummary>(`/reports/measures${toQuery(filters, { detail: 'true' })}`));

export const useTrends = (measure: RateMeasure, period: 'month' | 'quarter', filters: ReportFilters) =>
  useQuery(report<TrendsReport>(`/reports/trends${toQuery(filters, { measure, period })}`));

export const useBreakdown = (measure: RateMeasure, by: BreakdownDimension, filters: ReportFilters, enabled = true) =>
  useQuery({ ...report<BreakdownReport>(`/reports/breakdown${toQuery(filters, { measure, by })}`), enabled });

export const useFixedFee = (filters: ReportFilters) =>
  useQuery(report<FixedFeeReport>(`/reports/fixed-fee${toQuery(filters)}`));

export const useDrillDown = (query: string) => useQuery(report<DrillDownPage>(`/reports/drill-down${query}`));

/** Managers: the lead advisers of the organisation's closed cases, for the adviser filter. */
export function useReportAdvisers(enabled = true) {
  return useQuery({
    queryKey: ['report-advisers'],
    queryFn: ({ signal }) => api<AdviserRef[]>('/reports/advisers', { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Commissioners: the organisations that share their figures with them. */
export function useSharedWithMe(enabled = true) {
  return useQuery({
    queryKey: ['shared-with-me'],
    queryFn: ({ signal }) => api<OrganisationRef[]>('/organisations/shared-with-me', { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}
