import type { CaseDocument } from '@deepvalue/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

export function useDocuments(caseId: string) {
  return useQuery({
    queryKey: ['documents', caseId],
    queryFn: ({ signal }) => api<CaseDocument[]>(`/cases/${caseId}/documents`, { signal }),
  });
}

export function useRefreshDocuments() {
  const client = useQueryClient();
  return (caseId: string) => client.invalidateQueries({ queryKey: ['documents', caseId] });
}

/** 1,234 bytes → "1.2 kB"; sizes in decimal units, as file managers show them. */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
