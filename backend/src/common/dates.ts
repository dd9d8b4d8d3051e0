/**
 * Calendar dates as YYYY-MM-DD text. "Today" is the date in London, where the advice is given, not
 * the server's zone: a session recorded at 00:30 BST belongs to that day.
 */

export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a real calendar date written YYYY-MM-DD (so 2025-02-30 and 2023-02-29 are not). */
export function isRealDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

const LONDON = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function todayInLondon(now: Date = new Date()): string {
  return LONDON.format(now);
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
/** The first day of the month of an ISO date. */
export const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`;
/** An ISO month start moved by whole months. */
export function addMonthsTo(monthStartIso: string, months: number): string {
  const date = new Date(`${monthStartIso}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return isoDay(date);
}
/** The ISO date of the day before. */
export function dayBefore(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return isoDay(date);
}
