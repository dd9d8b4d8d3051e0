import type { CaseKeyDates, KeyDateListItem, Page } from '@deepvalue/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../app/api';

export function useCaseKeyDates(caseId: string) {
  return useQuery({
    queryKey: ['key-dates', caseId],
    queryFn: ({ signal }) => api<CaseKeyDates>(`/cases/${caseId}/key-dates`, { signal }),
  });
}

export function useDueKeyDates(due: 'overdue' | 'week', mine: boolean) {
  return useQuery({
    queryKey: ['key-dates', 'due', due, mine],
    queryFn: ({ signal }) =>
      api<Page<KeyDateListItem>>(`/key-dates${queryString({ due, mine: mine || undefined, limit: 100 })}`, { signal }),
  });
}

export function useRefreshKeyDates() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['key-dates'] });
}
