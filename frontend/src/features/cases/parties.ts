import type { Party } from '@deepvalue/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

export function useParties(caseId: string) {
  return useQuery({
    queryKey: ['parties', caseId],
    queryFn: ({ signal }) => api<Party[]>(`/cases/${caseId}/parties`, { signal }),
  });
}

export function useRefreshParties() {
  const client = useQueryClient();
  return (caseId: string) => client.invalidateQueries({ queryKey: ['parties', caseId] });
}
