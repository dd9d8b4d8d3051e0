import type { KeyDateChange, KeyDateKind } from '@deepvalue/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../app/api';
import type { Page } from './api';

export interface KeyDate {
  id: string;
  caseId: string;
  kind: KeyDateKind;
  title: string;
  dueOn: string;
  assigneeId: string | null;
  assigneeName: string | null;
  done: boolean;
  doneOn: string | null;
  note: string | null;
  createdByName: string;
  version: number;
}

export interface KeyDateChangeRecord {
  id: string;
  keyDateId: string;
  change: KeyDateChange;
  kind: KeyDateKind;
  title: string;
  dueOn: string;
  previousTitle: string | null;
  previousDueOn: string | null;
  changedByName: string;
  changedAt: string;
}

export interface KeyDateListItem extends KeyDate {
  caseRef: string;
  clientName: string;
  leadAdviserName: string;
}

export function useCaseKeyDates(caseId: string) {
  return useQuery({
    queryKey: ['key-dates', caseId],
    queryFn: ({ signal }) =>
      api<{ items: KeyDate[]; changes: KeyDateChangeRecord[] }>(`/cases/${caseId}/key-dates`, { signal }),
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
