import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { LegalAidCodesView as LegalAidCodes } from '@deepvalue/shared';

/** The code lists in force; they change only when the server restarts with new ones. */
export function useLegalAidCodes() {
  return useQuery({
    queryKey: ['legal-aid-codes'],
    queryFn: ({ signal }) => api<LegalAidCodes>('/legal-aid-codes', { signal }),
    staleTime: Infinity,
  });
}
