/**
 * Reads a spreadsheet through a mapping into one SheetCase per case reference: the case's mapped
 * values (the same on each of its rows) and its records — time entries, case notes, key dates and
 * parties (one of each kind per row that fills its columns, from the case sheet when the case
 * columns repeat on each row, or from a sheet of their own). Every problem is kept with the
 * spreadsheet's own sheet, row and column. Building `deepvalue.import.v1` cases is sheet-build.ts.
 */
import {
  SHEET_FIELD,
  SHEET_RECORDS,
  type SheetColumns,
  type SheetMapping,
  type SheetPart,
  type SheetRecordKind,
} from '@deepvalue/shared';
import { readSheetRows, type SheetFileKind } from './sheet-reader.js';
import { readCell, type CellValue } from './sheet-values.js';

export interface SheetProblem {
  sheet: string;
  /** 0: the sheet or mapping as a whole. */
  row: number;
  column: string | null;
  message: string;
}

export interface Cell {
  value: CellValue;
  text: string;
  column: string;
}

export interface SheetEntry {
  sheet: string;
  row: number;
  cells: Map<string, Cell>;
}

export interface SheetCase {
  ref: string;
  sheet: string;
  /** The case's first row. */
  row: number;
  cells: Map<string, Cell>;
  /** Its time entries. */
  entries: SheetEntry[];
  notes: SheetEntry[];
  keyDates: SheetEntry[];
  parties: SheetEntry[];
}

/** The list of a SheetCase that holds records of a kind. */
export const listOf = (c: SheetCase, part: SheetRecordKind['part']): SheetEntry[] =>
  part === 'timeEntries' ? c.entries : c[part];

export interface SheetRead {
  cases: Map<string, SheetCase>;
  problems: SheetProblem[];
  /** Data rows read (headers and blank rows not counted). */
  rows: number;
  /** True when the mapping reads time entries (then the sheet's entries are the case's entries). */
  hasTimeEntries: boolean;
}

interface SheetPlan {
  role: SheetPart;
  columns: SheetColumns['columns'];
  /** Field key → its header. */
  headerOf: Map<string, string>;
  /** Header → index, once the header row has been read. */
  index?: Map<string, number>;
}

const planOf = (role: SheetPlan['role'], columns: SheetColumns['columns']): SheetPlan => ({
  role,
  columns,
  headerOf: new Map(Object.entries(columns).flatMap(([header, key]) => (key ? [[key, header] as const] : []))),
});

export async function readSheetCases(
  file: string,
  kind: SheetFileKind,
  mapping: SheetMapping,
  onProgress: (rows: number, bytesRead: number) => void = () => {},
): Promise<SheetRead> {
  const problems: SheetProblem[] = [];
  const cases = new Map<string, SheetCase>();
  const values = mapping.values ?? {};
  const fieldsOf = (columns: SheetColumns['columns']) => new Set(Object.values(columns).filter(Boolean) as string[]);
  const caseFields = fieldsOf(mapping.cases.columns);
  const timeFields = mapping.timeEntries ? fieldsOf(mapping.timeEntries.columns) : new Set<string>();
  const hasTimeEntries = [...caseFields, ...timeFields].some((key) => key.startsWith('time.'));
  const recordSheets = SHEET_RECORDS.flatMap((r) => {
    const part = mapping[r.part];
    return part?.sheet ? [[part.sheet, r.part, part.columns] as const] : [];
  });

  // A CSV file has one sheet (''): the cases. In a workbook, the named sheets, or the first one.
  const plans = new Map<string, SheetPlan>();
  let firstSheet: string | undefined;
  const planFor = (sheet: string): SheetPlan | undefined => {
    if (kind === 'csv') return plans.get('') ?? plans.set('', planOf('cases', mapping.cases.columns)).get('');
    firstSheet ??= sheet;
    if (!plans.has(sheet)) {
      const records = recordSheets.find(([name]) => name === sheet);
      if ((mapping.cases.sheet ?? firstSheet) === sheet) plans.set(sheet, planOf('cases', mapping.cases.columns));
      else if (records) plans.set(sheet, planOf(records[1], records[2]));
    }
    return plans.get(sheet);
  };

  /** Records read from a sheet of their own, given to their cases once every case is read. */
  const pending: Array<{ part: SheetRecordKind['part']; entry: SheetEntry }> = [];
  let rows = 0;
  for await (const { sheet, row, cells, bytesRead } of readSheetRows(file, kind)) {
    const plan = planFor(sheet);
    if (!plan) continue;
    if (!plan.index) {
      plan.index = readHeader(sheet, row, cells, plan.columns, problems);
      continue;
    }
    if (cells.every((c) => c === '')) continue;
    rows++;
    if (rows % 5000 === 0) onProgress(rows, bytesRead);
    const read = (key: string): Cell | undefined => {
      const column = plan.headerOf.get(key);
      if (column === undefined) return undefined;
      const text = cells[plan.index!.get(column) ?? -1] ?? '';
      const result = readCell(SHEET_FIELD.get(key)!, text, values[key] ?? {});
      if ('problem' in result) {
        problems.push({ sheet, row, column, message: result.problem });
        return undefined;
      }
      return { value: result.value, text, column };
    };
    const refCell = read('case.ref');
    if (!refCell || refCell.value === null) {
      // Unmapped, the mapping check has said so once; blank, say so for the row.
      if (refCell)
        problems.push({
          sheet,
          row,
          column: refCell.column,
          message: "is blank — every row needs the case's reference",
        });
      continue;
    }
    const ref = refCell.value as string;
    if (plan.role !== 'cases') {
      const entry = readEntry(
        plan.headerOf,
        read,
        sheet,
        row,
        SHEET_RECORDS.find((r) => r.part === plan.role)!,
      );
      if (entry) {
        entry.cells.set('case.ref', refCell);
        pending.push({ part: plan.role, entry });
      }
      continue;
    }
    let c = cases.get(ref);
    if (!c)
      cases.set(
        ref,
        (c = {
          ref,
          sheet,
          row,
          cells: new Map([['case.ref', refCell]]),
          entries: [],
          notes: [],
          keyDates: [],
          parties: [],
        }),
      );
    for (const key of plan.headerOf.keys()) {
      if (key === 'case.ref' || SHEET_FIELD.get(key)?.level !== 'case') continue;
      const cell = read(key);
      if (!cell || cell.value === null) continue;
      const before = c.cells.get(key);
      if (!before) c.cells.set(key, cell);
      else if (!sameValue(before.value, cell.value))
        problems.push({
          sheet,
          row,
          column: cell.column,
          message: `'${cell.text}' differs from row ${c.row} of the same case ('${before.text}') — a case's details must be the same on each of its rows`,
        });
    }
    for (const r of SHEET_RECORDS) {
      const entry = readEntry(plan.headerOf, read, sheet, row, r);
      if (entry) listOf(c, r.part).push(entry);
    }
  }

  for (const [sheet, what] of [
    [mapping.cases.sheet, 'cases'],
    ...SHEET_RECORDS.map((r) => [mapping[r.part]?.sheet, r.label] as const),
  ] as const) {
    if (kind === 'xlsx' && sheet && !plans.has(sheet))
      problems.push({
        sheet,
        row: 0,
        column: null,
        message: `the workbook has no sheet named '${sheet}' (for the ${what})`,
      });
  }
  for (const { part, entry } of pending) {
    const ref = entry.cells.get('case.ref')!;
    const c = cases.get(ref.value as string);
    if (c) listOf(c, part).push(entry);
    else
      problems.push({
        sheet: entry.sheet,
        row: entry.row,
        column: ref.column,
        message: `'${ref.text}' is not a case reference on the cases sheet`,
      });
  }
  return { cases, problems, rows, hasTimeEntries };
}

function readHeader(
  sheet: string,
  row: number,
  cells: string[],
  columns: SheetColumns['columns'],
  problems: SheetProblem[],
): Map<string, number> {
  const index = new Map<string, number>();
  cells.forEach((header, i) => {
    if (header && !index.has(header)) index.set(header, i);
  });
  for (const [header, key] of Object.entries(columns)) {
    if (key && !index.has(header))
      problems.push({ sheet, row, column: header, message: 'is in the mapping but not in the sheet’s first row' });
  }
  return index;
}

/** A record of the kind when any of the row's columns of that kind holds something. */
function readEntry(
  headerOf: Map<string, string>,
  read: (key: string) => Cell | undefined,
  sheet: string,
  row: number,
  kind: SheetRecordKind,
): SheetEntry | undefined {
  const cells = new Map<string, Cell>();
  for (const key of headerOf.keys()) {
    if (SHEET_FIELD.get(key)?.level !== kind.level) continue;
    const cell = read(key);
    if (cell && cell.value !== null) cells.set(key, cell);
  }
  return cells.size ? { sheet, row, cells } : undefined;
}

/** Two cell values alike (a list cell holds codes in the order written). */
function sameValue(a: CellValue, b: CellValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}
