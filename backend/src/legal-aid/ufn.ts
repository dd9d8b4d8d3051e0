/**
 * The LAA's Unique File Number: DDMMYY/NNN, the day the file was opened and a number for that day,
 * unique within the provider (office). Format and "a date in the past" are the LAA schema's rules
 * (docs/legal-aid-codes.md); numbering from 001 in opening order is Deep Value's choice.
 */
const UFN = /^(\d{2})(\d{2})(\d{2})\/(\d{3})$/;

/** The UFN for the `sequence`-th file (1–999) opened on `openedOn` (YYYY-MM-DD). */
export function formatUfn(openedOn: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999)
    throw new RangeError('a Unique File Number holds 999 files a day at most');
  const [y, m, d] = openedOn.split('-');
  return `${d}${m}${y.slice(2)}/${String(sequence).padStart(3, '0')}`;
}

/** The next free UFN for a file opened on `openedOn`, given the UFNs the provider has used. */
export function nextUfn(openedOn: string, used: Iterable<string>): string {
  const prefix = formatUfn(openedOn, 1).slice(0, 7);
  let highest = 0;
  for (const ufn of used) if (ufn.startsWith(prefix)) highest = Math.max(highest, Number(ufn.slice(7)));
  return formatUfn(openedOn, highest + 1);
}

/** Why a UFN would be rejected, or null. The year is read as 20YY; `today` (YYYY-MM-DD) bounds the date. */
export function ufnProblem(ufn: string, today: string): string | null {
  const match = UFN.exec(ufn);
  if (!match) return 'must be in the format DDMMYY/NNN, e.g. 070722/001';
  const [, dd, mm, yy] = match;
  const iso = `20${yy}-${mm}-${dd}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso)
    return `${dd}/${mm}/${yy} is not a real date`;
  if (iso > today) return 'must not be dated after today';
  return null;
}

/** The advisory lock key that holds an organisation's numbers of one day (the UFN's DDMMYY) until the transaction ends. */
export function ufnLockKey(organisationId: string, ufn: string): string {
  return `ufn:${organisationId}:${ufn.slice(0, 6)}`;
}
