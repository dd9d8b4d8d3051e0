import type { OpponentType, PartyKind, PartyRole } from '@deepvalue/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

/** A person or organisation involved in the case other than the client (GET /cases/:id/parties). */
export interface Party {
  id: string;
  caseId: string;
  role: PartyRole;
  opponentType: OpponentType | null;
  kind: PartyKind;
  name: string;
  dateOfBirth: string | null;
  postcodeDistrict: string | null;
  contact: string | null;
  reference: string | null;
  relationship: string | null;
  passPhrase: string | null;
  language: string | null;
  note: string | null;
  version: number;
}

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
