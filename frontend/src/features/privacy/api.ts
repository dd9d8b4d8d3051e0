import { useQuery } from '@tanstack/react-query';
import type { PrivacySummary } from '@deepvalue/shared';
import { api } from '../../app/api';

export const usePrivacySummary = (clientId: string) =>
  useQuery({
    queryKey: ['privacy', clientId],
    queryFn: ({ signal }) => api<PrivacySummary>(`/clients/${clientId}/privacy`, { signal }),
  });
