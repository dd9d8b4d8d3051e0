import type { ShippedLetterKey } from '@deepvalue/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';

/** A letter template of the organisation (GET /letter-templates). */
export interface LetterTemplate {
  id: string;
  key: ShippedLetterKey | null;
  name: string;
  body: string;
  updatedByName: string | null;
  updatedAt: string;
  version: number;
}

export function useLetterTemplates() {
  return useQuery({
    queryKey: ['letter-templates'],
    queryFn: ({ signal }) => api<LetterTemplate[]>('/letter-templates', { signal }),
  });
}
