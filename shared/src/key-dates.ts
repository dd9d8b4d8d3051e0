import { MAX_SHORT_TEXT_LENGTH } from './limits.js';

/**
 * Key dates and tasks on a case: limitation dates, hearings, deadlines and tasks
 * for an adviser, each with a due date and a done state.
 */
export const KEY_DATE_KINDS = ['limitation', 'hearing', 'deadline', 'task'] as const;
export type KeyDateKind = (typeof KEY_DATE_KINDS)[number];

export const KEY_DATE_KIND_LABELS: Record<KeyDateKind, string> = {
  limitation: 'Limitation date',
  hearing: 'Hearing',
  deadline: 'Deadline',
  task: 'Task',
};

/** What happened to a key date; every change is kept and shown on the case. */
export const KEY_DATE_CHANGES = ['added', 'changed', 'done', 'reopened', 'removed'] as const;
export type KeyDateChange = (typeof KEY_DATE_CHANGES)[number];

export const MAX_KEY_DATE_TITLE_LENGTH = 200;
export const MAX_KEY_DATE_NOTE_LENGTH = MAX_SHORT_TEXT_LENGTH;

/**
 * Deadlines that run from a decision: the due date is the decision's date plus the period, in
 * calendar months (a decision of 31 January gives the last day of February).
 */
export const KEY_DATE_PRESETS = [
  { key: 'mandatory_reconsideration', title: 'Mandatory reconsideration request', months: 1 },
  { key: 'tribunal_appeal', title: 'Appeal to the tribunal after mandatory reconsideration', months: 1 },
] as const;

/** "Due this week" on My cases: from today to six days on. */
export const DUE_SOON_DAYS = 7;

/** YYYY-MM-DD plus whole calendar months, clamped to the month's last day. */
export function addCalendarMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}
