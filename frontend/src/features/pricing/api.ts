import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import { type ReportFilters, toQuery } from '../reports/filters';
import type { FeeTableView, PricingReport, UnitCostsView, UnitCostVersion } from '@deepvalue/shared';

export const usePricingReport = (filters: ReportFilters) =>
  useQuery({
    queryKey: ['report', 'pricing', filters],
    queryFn: ({ signal }) => api<PricingReport>(`/reports/pricing${toQuery(filters)}`, { signal }),
    placeholderData: keepPreviousData,
  });

export const useUnitCosts = () =>
  useQuery({ queryKey: ['unit-costs'], queryFn: ({ signal }) => api<UnitCostsView>('/unit-costs', { signal }) });

export const useUnitCostVersion = (version: number | undefined) =>
  useQuery({
    queryKey: ['unit-costs', version],
    queryFn: ({ signal }) => api<UnitCostVersion>(`/unit-costs/versions/${version}`, { signal }),
    enabled: version !== undefined,
  });

export const useFeeTable = (version?: number) =>
  useQuery({
    queryKey: ['fee-rates', version ?? 'latest'],
    queryFn: ({ signal }) => api<FeeTableView>(`/fee-rates${version ? `?version=${version}` : ''}`, { signal }),
  });
