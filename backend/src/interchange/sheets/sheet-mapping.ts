/**
 * The mapping from a spreadsheet's columns to Deep Value's fields: checked (a mapping file from
 * the CLI or the web page is input like any other), and proposed from a first look at the file —
 * by header name first, then by what the sample values look like.
 */
import {
  CATEGORIES,
  fieldAllowedIn,
  matchCategory,
  matchChoice,
  normaliseHeader,
  SHEET_FIELD,
  SHEET_FIELDS,
  SHEET_MAPPING_FORMAT,
  SHEET_RECORDS,
  SHEET_TOTAL_HEADERS,
  type SheetColumns,
  type SheetInspection,
  type SheetMapping,
} from '@deepvalue/shared';
import type { FieldError } from '../../common/domain-error.js';
import { readSheetRows, type SheetFileKind } from './sheet-reader.js';
import { readCell } from './sheet-values.js';

const SAMPLE_ROWS = 5;
/** Distinct values kept per column, for mapping values; a column with more is not a list of codes. */
const MAX_DISTINCT = 100;

export function checkMapping(raw: unknown): { mapping?: SheetMapping; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });
  if (!isObject(raw)) return { errors: [{ path: '', message: 'must be a mapping object' }] };
  for (const key of Object.keys(raw))
    if (!['format', 'cases', ...SHEET_RECORDS.map((r) => r.part), 'values', 'defaults'].includes(key))
      add(key, 'is not a mapping field');
  if (raw.format !== SHEET_MAPPING_FORMAT) add('format', `must be "${SHEET_MAPPING_FORMAT}"`);
  const used = new Map<string, string>();
  const columns = (value: unknown, path: string, allowed: (key: string) => boolean) => {
    if (!isObject(value)) return add(path, 'must be an object with "columns"');
    for (const key of Object.keys(value))
      if (key !== 'sheet' && key !== 'columns') add(`${path}.${key}`, 'is not a mapping field');
    if (value.sheet !== undefined && value.sheet !== null && (typeof value.sheet !== 'string' || !value.sheet))
      add(`${path}.sheet`, 'must be the name of a sheet');
    if (!isObject(value.columns)) return add(`${path}.columns`, 'must be an object of column header → field');
    const mine = new Set<string>();
    for (const [header, key] of Object.entries(value.columns)) {
      if (key === null) continue;
      const at = `${path}.columns.${header}`;
      if (typeof key !== 'string' || !SHEET_FIELD.has(key))
        add(at, `is not a field Deep Value imports (got ${JSON.stringify(key)})`);
      else if (!allowed(key)) add(at, `'${SHEET_FIELD.get(key)!.label}' cannot be read from this sheet`);
      else if (mine.has(key) || (key !== 'case.ref' && used.has(key)))
        add(at, `maps to '${SHEET_FIELD.get(key)!.label}', which column '${used.get(key) ?? header}' already gives`);
      else {
        mine.add(key);
        used.set(key, header);
      }
    }
    if (!mine.has('case.ref')) add(`${path}.columns`, "needs the column of the case's reference (case.ref)");
  };
  columns(raw.cases, 'cases', () => true);
  for (const r of SHEET_RECORDS) {
    const part = raw[r.part];
    if (part === undefined || part === null) continue;
    columns(part, r.part, (key) => fieldAllowedIn(r.part, key));
    if (isObject(part) && !part.sheet) add(`${r.part}.sheet`, `is required: the ${r.label} sheet’s name`);
  }
  // Notes, key dates and parties need their essential columns (time entries are checked below).
  for (const r of SHEET_RECORDS.slice(1)) {
    if (![...used.keys()].some((k) => SHEET_FIELD.get(k)?.level === r.level)) continue;
    for (const key of r.needs)
      if (!used.has(key)) add(r.part, `${r.label} need a column for '${SHEET_FIELD.get(key)!.label}'`);
  }
  const timeMapped = [...used.keys()].some((k) => k.startsWith('time.'));

  const values = raw.values ?? {};
  if (!isObject(values)) add('values', 'must be an object of field → {cell text → code}');
  else
    for (const [key, map] of Object.entries(values)) {
      const field = SHEET_FIELD.get(key);
      if (!field?.choices) add(`values.${key}`, 'is not a field whose values are codes');
      else if (!isObject(map)) add(`values.${key}`, 'must be an object of cell text → code');
      else
        for (const [text, code] of Object.entries(map))
          if (!validCode(key, code, field.choices))
            add(`values.${key}.${text}`, `${JSON.stringify(code)} is not one of ${field.choices.join(', ')}`);
    }
  const defaults = raw.defaults ?? {};
  if (!isObject(defaults)) add('defaults', 'must be an object of field → value');
  else
    for (const [key, text] of Object.entries(defaults)) {
      const field = SHEET_FIELD.get(key);
      if (!field || key === 'case.ref') add(`defaults.${key}`, 'is not a field that can have a default');
      else if (typeof text !== 'string') add(`defaults.${key}`, 'must be text, as it would be written in a cell');
      else {
        const read = readCell(
          field,
          text.trim(),
          isObject(values) ? ((values[key] as Record<string, string>) ?? {}) : {},
        );
        if ('problem' in read) add(`defaults.${key}`, read.problem);
      }
    }
  if (timeMapped) {
    const has = (key: string) => used.has(key) || (isObject(defaults) && typeof defaults[key] === 'string');
    for (const key of ['time.on', 'time.minutes'])
      if (!used.has(key)) add('cases.columns', `time entries need a column for '${SHEET_FIELD.get(key)!.label}'`);
    if (!has('time.mode') && !has('time.class'))
      add(
        'defaults',
        "time entries need a mode or a kind of time (was the client there?): map a column to 'Mode' or 'Kind of time', or choose a default",
      );
  }
  return errors.length ? { errors } : { mapping: raw as unknown as SheetMapping, errors };
}

function validCode(key: string, code: unknown, choices: readonly string[]): boolean {
  if (typeof code !== 'string') return false;
  if (key === 'case.category') {
    const [category, sub, more] = code.split('/');
    return (
      (CATEGORIES as readonly string[]).includes(category) &&
      more === undefined &&
      (sub === undefined || /^[a-z0-9_]{1,100}$/.test(sub))
    );
  }
  return choices.includes(code);
}

/** Looks at the whole file once: each sheet's headers, first rows, row count and distinct values. */
export async function inspectSheets(file: string, kind: SheetFileKind): Promise<SheetInspection['sheets']> {
  const sheets = new Map<string, SheetInspection['sheets'][number] & { seen: Array<Set<string> | null> }>();
  for await (const { sheet, row, cells } of readSheetRows(file, kind)) {
    let s = sheets.get(sheet);
    if (!s) {
      sheets.set(
        sheet,
        (s = {
          name: sheet,
          headerRow: row,
          headers: cells,
          samples: [],
          rows: 0,
          distinct: {},
          seen: cells.map(() => new Set<string>()),
        }),
      );
      continue;
    }
    if (cells.every((c) => c === '')) continue;
    s.rows++;
    if (s.samples.length < SAMPLE_ROWS) s.samples.push({ row, cells });
    cells.forEach((cell, i) => {
      const seen = s.seen[i];
      if (!seen || cell === '') return;
      seen.add(cell);
      if (seen.size > MAX_DISTINCT) s.seen[i] = null;
    });
  }
  return [...sheets.values()].map(({ seen, ...s }) => ({
    ...s,
    distinct: Object.fromEntries(
      s.headers.flatMap((h, i) => (h && seen[i] ? [[h, [...seen[i]!].sort((a, b) => a.localeCompare(b))]] : [])),
    ),
  }));
}

/** A first mapping: the first sheet is the cases; a later sheet with a case reference and time, note, key date or party columns, those records. */
export function proposeMapping(sheets: SheetInspection['sheets'], kind: SheetFileKind): SheetMapping {
  const [first, ...rest] = sheets;
  const mapping: SheetMapping = {
    format: SHEET_MAPPING_FORMAT,
    cases: {
      ...(kind === 'xlsx' && first ? { sheet: first.name } : {}),
      columns: first ? proposeColumns(first, () => true) : {},
    },
    values: {},
    defaults: {},
  };
  // A later sheet with a case reference and a record kind's essential columns holds records of that kind.
  for (const sheet of rest)
    for (const r of SHEET_RECORDS) {
      if (mapping[r.part]) continue;
      const columns = proposeColumns(sheet, (key) => fieldAllowedIn(r.part, key));
      const keys = Object.values(columns);
      if (keys.includes('case.ref') && keys.includes(r.key)) {
        mapping[r.part] = { sheet: sheet.name, columns };
        break;
      }
    }
  return mapping;
}

function proposeColumns(
  sheet: SheetInspection['sheets'][number],
  allowed: (key: string) => boolean,
): SheetColumns['columns'] {
  const columns: SheetColumns['columns'] = {};
  const taken = new Set<string>();
  const give = (header: string, key: string) => {
    columns[header] = key;
    taken.add(key);
  };
  const totals: readonly string[] = SHEET_TOTAL_HEADERS;
  const headers = sheet.headers.filter((h, i) => h && sheet.headers.indexOf(h) === i && !totals.includes(h));
  const fields = SHEET_FIELDS.filter((f) => allowed(f.key));
  // 1. A header that is one of a field's names.
  for (const header of headers) {
    const n = normaliseHeader(header);
    const field = fields.find((f) => !taken.has(f.key) && (f.aliases.includes(n) || normaliseHeader(f.label) === n));
    if (field) give(header, field.key);
  }
  // 2. A header that contains one of a field's names (the longest name wins: "Date of birth" before "Date").
  for (const header of headers) {
    if (header in columns) continue;
    const n = normaliseHeader(header);
    let best: { key: string; length: number } | undefined;
    for (const f of fields) {
      if (taken.has(f.key)) continue;
      for (const alias of f.aliases)
        if (alias.length >= 4 && n.includes(alias) && alias.length > (best?.length ?? 0))
          best = { key: f.key, length: alias.length };
    }
    if (best) give(header, best.key);
  }
  // 3. What the values look like.
  for (const header of headers) {
    if (header in columns) continue;
    const values =
      sheet.distinct[header] ?? sheet.samples.map((s) => s.cells[sheet.headers.indexOf(header)] ?? '').filter(Boolean);
    if (!values.length) continue;
    const all = (test: (v: string) => boolean) => values.every(test);
    const guess = all((v) => matchCategory(v) !== undefined)
      ? 'case.category'
      : all((v) => matchChoice(v, SHEET_FIELD.get('time.mode')!.choices!) !== undefined)
        ? 'time.mode'
        : all((v) => matchChoice(v, SHEET_FIELD.get('case.fundingStream')!.choices!) !== undefined)
          ? 'case.fundingStream'
          : all((v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v))
            ? 'client.email'
            : all((v) => 'value' in readCell(SHEET_FIELD.get('client.postcode')!, v))
              ? 'client.postcode'
              : undefined;
    if (guess && allowed(guess) && !taken.has(guess)) give(header, guess);
  }
  // Record columns without the record's key one (time without minutes, a party without a name)
  // would make every row a broken record: leave them to the manager.
  for (const r of SHEET_RECORDS)
    if (!taken.has(r.key))
      for (const [header, key] of Object.entries(columns))
        if (key && SHEET_FIELD.get(key)?.level === r.level) delete columns[header];
  for (const header of sheet.headers) if (header && !(header in columns)) columns[header] = null;
  return columns;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
