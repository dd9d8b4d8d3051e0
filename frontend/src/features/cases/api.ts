import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../app/api';
import type {
  CaseDetail,
  CaseListItem,
  Client,
  FeedbackItem,
  NoteSearchItem,
  Office,
  Page,
  Partner,
  Subcategory,
} from '@deepvalue/shared';

export interface CaseQuery {
  status?: 'open' | 'closed';
  mine?: boolean;
  search?: string;
  dueFollowUp?: boolean;
  limit?: number;
  offset?: number;
}

export function useCases(query: CaseQuery, enabled = true) {
  return useQuery({
    queryKey: ['cases', query],
    queryFn: ({ signal }) => api<Page<CaseListItem>>(`/cases${queryString({ ...query })}`, { signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCase(caseId: string | undefined) {
  return useQuery({
    queryKey: ['case', caseId],
    queryFn: ({ signal }) => api<CaseDetail>(`/cases/${caseId}`, { signal }),
    enabled: Boolean(caseId),
  });
}

export function useClients(search: string, enabled = true) {
  return useQuery({
    queryKey: ['clients', search],
    queryFn: ({ signal }) => api<Page<Client>>(`/clients${queryString({ search, limit: 50 })}`, { signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The organisation's notes containing `search`, newest first. */
export function useNoteSearch(search: string, enabled = true) {
  return useQuery({
    queryKey: ['notes', search],
    queryFn: ({ signal }) => api<Page<NoteSearchItem>>(`/notes${queryString({ search, limit: 50 })}`, { signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useClient(clientId: string | undefined) {
  return useQuery({
    queryKey: ['client', clientId],
    queryFn: ({ signal }) => api<Client>(`/clients/${clientId}`, { signal }),
    enabled: Boolean(clientId),
  });
}

/** A client's cases: case search matches the client's reference. */
export function useClientCases(client: Pick<Client, 'id' | 'ref'> | undefined) {
  return useQuery({
    queryKey: ['cases', 'client', client?.id],
    queryFn: async ({ signal }) => {
      const page = await api<Page<CaseListItem>>(`/cases${queryString({ search: client?.ref, limit: 200 })}`, {
        signal,
      });
      return page.items.filter((c) => c.clientId === client?.id);
    },
    enabled: Boolean(client),
  });
}

export function useFeedbackItems() {
  return useQuery({
    queryKey: ['feedback-items'],
    queryFn: ({ signal }) => api<FeedbackItem[]>('/feedback-items', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useSubcategories() {
  return useQuery({
    queryKey: ['subcategories'],
    queryFn: ({ signal }) => api<Subcategory[]>('/subcategories', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function usePartners(search: string, limit = 20) {
  return useQuery({
    queryKey: ['partners', search, limit],
    queryFn: async ({ signal }) =>
      (await api<Page<Partner>>(`/partners${queryString({ search, limit })}`, { signal })).items,
    placeholderData: keepPreviousData,
  });
}

export function useOffices() {
  return useQuery({
    queryKey: ['offices'],
    queryFn: ({ signal }) => api<Office[]>('/offices', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** After any write to a case: its page and the case lists are stale. */
export function useRefreshCase() {
  const client = useQueryClient();
  return (caseId: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['case', caseId] }),
      client.invalidateQueries({ queryKey: ['cases'] }),
    ]);
}
