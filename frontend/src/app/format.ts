/** Plain-English formatting used across pages (GOV.UK style: "6 January 2025", "1 h 15 min"). */
import { longDate } from '@deepvalue/shared';

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return longDate(iso) ?? iso;
}

export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '';
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}

export function formatPercent(share: number | null | undefined, digits = 0): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '';
  return `${(share * 100).toFixed(digits)}%`;
}

export function formatGbp(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '';
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency: 'GBP',
    maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
}

// One formatter per number of digits: building an Intl.NumberFormat (as toLocaleString with options
// does on every call) costs far more than formatting, and a chart formats its labels many times over.
const numberFormats = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined) return '';
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
    numberFormats.set(digits, format);
  }
  return format.format(value);
}

/** "1 case", "2,048 cases": a count with its noun in the right number. */
export function formatCount(value: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(value)} ${value === 1 ? singular : plural}`;
}

export function clientName(client: { firstName?: string | null; lastName?: string | null } | null | undefined): string {
  const name = [client?.firstName, client?.lastName].filter(Boolean).join(' ');
  return name || 'Name not recorded';
}

/** Today as YYYY-MM-DD in the user's time zone (not UTC: late-evening sessions stay on the right day). */
export function today(now = new Date()): string {
  return toIsoDate(now);
}

export function toIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(y, m - 1 + months, d);
  // 31 August + 6 months is the last day of February, not 3 March.
  if (date.getDate() !== d) date.setDate(0);
  return toIsoDate(date);
}

export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date.getMonth() === Number(match[2]) - 1 && date.getDate() === Number(match[3]);
}
