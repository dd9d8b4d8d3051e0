import type { OrganisationRef, OutcomeMeasure, RelationshipChainReport, TimeVsOutcomeReport } from '@deepvalue/shared';
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

export const useTimeVsOutcome = (measure: OutcomeMeasure, filters: ReportFilters) =>
  useQuery(report<TimeVsOutcomeReport>(`/reports/time-vs-outcome${toQuery(filters, { measure })}`));

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

/** Commissioners: the organisations that share their figures with them. */
export function useSharedWithMe(enabled = true) {
  return useQuery({
    queryKey: ['shared-with-me'],
    queryFn: ({ signal }) => api<OrganisationRef[]>('/organisations/shared-with-me', { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}
