/**
 * Dates as whole days since 1970-01-01, with ISO formatting, without Date objects or time zones:
 * the generator formats tens of millions of dates and must give the same text in any zone.
 * (Howard Hinnant's civil-date algorithms.)
 */

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function dayOf(iso: string): number {
  const y0 = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function isoOf(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** The same day of the month `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const nextMonthStart = month === 12 ? `${year + 1}-01-01` : `${year}-${pad2(month + 1)}-01`;
  const monthLength = dayOf(nextMonthStart) - dayOf(`${year}-${pad2(month)}-01`);
  return `${year}-${pad2(month)}-${pad2(Math.min(Number(iso.slice(8, 10)), monthLength))}`;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The day itself on a weekday, else the following Monday: advice centres work weekdays. */
export function workday(day: number): number {
  const w = weekdayOf(day);
  return w === 6 ? day + 2 : w === 0 ? day + 1 : day;
}

/** Memoised ISO text for days in a window, since the same few hundred dates recur millions of times. */
export class DateText {
  private readonly cache: string[] = [];

  constructor(private readonly firstDay: number) {}

  of(day: number): string {
    const i = day - this.firstDay;
    if (i < 0 || i > 20000) return isoOf(day);
    return (this.cache[i] ??= isoOf(day));
  }
}
