/**
 * One cell's text read as the field it is mapped to, or a problem in plain English that says what
 * to write instead ("'1h30' is not a number of minutes — write 90"). Nothing is guessed silently:
 * a value is either read exactly or refused.
 */
import { CATEGORIES, labelOf, matchCategory, matchChoice, type SheetField } from '@deepvalue/shared';

export type CellValue = string | number | boolean | string[] | null;
export type CellResult = { value: CellValue } | { problem: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Reads `text` (already trimmed) as `field`; blank is null. `values` is the mapping's value map for the field. */
export function readCell(field: SheetField, text: string, values: Record<string, string> = {}): CellResult {
  if (text === '') return { value: null };
  switch (field.kind) {
    case 'text':
      return { value: text };
    case 'date':
      return readDate(text);
    case 'minutes':
      return readMinutes(text);
    case 'integer':
      return /^\d+(\.0+)?$/.test(text)
        ? { value: Number.parseInt(text, 10) }
        : { problem: `'${text}' is not a whole number — write it in figures, e.g. 2` };
    case 'score':
      return /^[1-5](\.0+)?$/.test(text)
        ? { value: Number.parseInt(text, 10) }
        : { problem: `'${text}' is not a score — write a whole number from 1 to 5` };
    case 'yes_no':
      return readYesNo(text);
    case 'postcode':
      return readPostcode(text);
    case 'choice':
      return readChoice(field, text, values);
    case 'list': {
      const codes: string[] = [];
      for (const part of text.split(/\s*[;,|]\s*/).filter(Boolean)) {
        const one = readChoice(field, part, values);
        if ('problem' in one) return one;
        if (!codes.includes(one.value as string)) codes.push(one.value as string);
      }
      return { value: codes };
    }
  }
}

function readChoice(field: SheetField, text: string, values: Record<string, string>): CellResult {
  const mapped =
    values[text] ?? Object.entries(values).find(([k]) => k.trim().toLowerCase() === text.toLowerCase())?.[1];
  if (mapped !== undefined) return { value: mapped };
  const code = field.key === 'case.category' ? matchCategory(text) : matchChoice(text, field.choices ?? []);
  if (code) return { value: code };
  const choices = field.key === 'case.category' ? CATEGORIES : (field.choices ?? []);
  return {
    problem:
      `'${text}' is not a ${field.label.toLowerCase()} Deep Value knows — map it to one of ` +
      `${choices.map((c) => labelOf(c)).join(', ')} in the mapping's values`,
  };
}

function readYesNo(text: string): CellResult {
  const t = text.toLowerCase();
  if (['yes', 'y', 'true', '1', 'x', '✓', '✔'].includes(t)) return { value: true };
  if (['no', 'n', 'false', '0'].includes(t)) return { value: false };
  return { problem: `'${text}' is not yes or no — write Yes or No` };
}

function readPostcode(text: string): CellResult {
  const compact = text.toUpperCase().replace(/\s+/g, ' ').trim();
  const full = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?[0-9][A-Z]{2}$/.exec(compact);
  if (full) return { value: full[1] };
  if (/^[A-Z]{1,2}[0-9][A-Z0-9]?$/.test(compact)) return { value: compact };
  return { problem: `'${text}' is not a UK postcode — write it like E3 4AB, or just the district, E3` };
}

/** Whole minutes. Hours written another way are refused with the minutes to write instead. */
export function readMinutes(text: string): CellResult {
  const t = text.toLowerCase().replace(/\s+/g, '');
  if (/^\d+(\.0+)?$/.test(t)) return { value: Number.parseInt(t, 10) };
  const suggestion = minutesIn(t);
  return {
    problem:
      suggestion !== undefined
        ? `'${text}' is not a number of minutes — write ${suggestion}`
        : `'${text}' is not a number of minutes — write the minutes as a whole number, e.g. 90 for an hour and a half`,
  };
}

function minutesIn(t: string): number | undefined {
  let m = /^(\d+)(?:h|hr|hrs|hour|hours)(\d+)?(?:m|min|mins|minutes)?$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[2] ?? 0);
  m = /^(\d+):([0-5]\d)(?::00)?$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  m = /^(\d+(?:\.\d+)?)(?:h|hr|hrs|hour|hours)$/.exec(t);
  if (m) return Math.round(Number(m[1]) * 60);
  m = /^(\d+)(?:m|min|mins|minute|minutes)$/.exec(t);
  if (m) return Number(m[1]);
  m = /^(\d+\.\d+)$/.exec(t);
  if (m) return undefined; // 1.5: hours or minutes? Say so rather than guess.
  return undefined;
}

/** A date as YYYY-MM-DD; day-first when written with / - or . (the UK way), or with a month name. */
export function readDate(text: string): CellResult {
  const t = text.trim();
  let y: number, mo: number, d: number;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?: .*)?$/.exec(t))) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[3].length === 2) y += y <= new Date().getFullYear() % 100 ? 2000 : 1900;
  } else if ((m = /^(\d{1,2})[\s-]([a-z]{3,9})[\s-](\d{4})$/i.exec(t))) {
    const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase());
    if (month < 0) return notADate(text);
    [d, mo, y] = [Number(m[1]), month + 1, Number(m[3])];
  } else return notADate(text);
  // Checked and written by arithmetic: this runs for every date cell of a 100,000-row sheet.
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]))
    return { problem: `'${text}' is not a real date — write day/month/year, e.g. 06/01/2025` };
  return { value: `${y}-${mo < 10 ? '0' : ''}${mo}-${d < 10 ? '0' : ''}${d}` };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function notADate(text: string): CellResult {
  const hint = /^\d{5}$/.test(text) ? ' (it looks like an Excel date number: format the column as a date)' : '';
  return { problem: `'${text}' is not a date — write day/month/year, e.g. 06/01/2025${hint}` };
}
