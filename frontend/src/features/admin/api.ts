import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { AuditLogPage, OutboxPage } from '@deepvalue/shared';
import type { OrganisationRef, OrganisationSettings, Share, User } from '@deepvalue/shared';

export const useUsers = () =>
  useQuery({ queryKey: ['users'], queryFn: ({ signal }) => api<User[]>('/users', { signal }) });

export const useSettings = () =>
  useQuery({
    queryKey: ['organisation-settings'],
    queryFn: ({ signal }) => api<OrganisationSettings>('/organisation/settings', { signal }),
  });

export const useShares = () =>
  useQuery({ queryKey: ['shares'], queryFn: ({ signal }) => api<Share[]>('/shares', { signal }) });

export const useCommissioners = () =>
  useQuery({
    queryKey: ['commissioners'],
    queryFn: ({ signal }) => api<OrganisationRef[]>('/organisations/commissioners', { signal }),
  });

export const useAudit = (query: string) =>
  useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => api<AuditLogPage>(`/audit${query}`, { signal }),
    placeholderData: keepPreviousData,
  });

export const useOutbox = (query: string) =>
  useQuery({
    queryKey: ['outbox', query],
    queryFn: ({ signal }) => api<OutboxPage>(`/outbox${query}`, { signal }),
    placeholderData: keepPreviousData,
  });
