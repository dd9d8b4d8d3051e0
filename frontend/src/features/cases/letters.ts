import type { LetterTemplate } from '@deepvalue/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';

export function useLetterTemplates() {
  return useQuery({
    queryKey: ['letter-templates'],
    queryFn: ({ signal }) => api<LetterTemplate[]>('/letter-templates', { signal }),
  });
}
