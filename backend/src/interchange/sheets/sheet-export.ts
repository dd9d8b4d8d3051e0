/**
 * Casework as a spreadsheet user expects it: a sheet of cases (one row each, with its sessions and
 * minutes added up), and sheets of time entries, case notes, key dates and parties (one row each,
 * with its case reference). Headers are the spreadsheet import's field labels and values are plain
 * labels ("Face to face", "Legal aid (fixed fee)"), so an exported workbook imports again with the
 * proposed mapping. CSV carries one table per file; XLSX all of them, with real date cells. Streams:
 * csv-stringify, and exceljs's streaming WorkbookWriter.
 */
import {
  EQUALITY_QUESTIONS,
  LEGAL_AID_FIELDS,
  labelOf,
  SHEET_FIELD,
  SHEET_TOTAL_HEADERS,
  subcategoryLabel,
} from '@deepvalue/shared';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { ImportCase, ImportHeader } from '../import-format.js';

export const SHEET_TABLES = ['cases', 'time-entries', 'notes', 'key-dates', 'parties'] as const;
export type SheetTable = (typeof SHEET_TABLES)[number];

const label = (key: string) => SHEET_FIELD.get(key)!.label;
const yesNo = (value: boolean | null | undefined) => (value === true ? 'Yes' : value === false ? 'No' : '');
const code = (value: string | null | undefined) => (value ? labelOf(value) : '');

type Cell = string | number | Date | null;
interface Column<T> {
  header: string;
  date?: boolean;
  value: (row: T) => Cell;
}

function caseColumns({ adviser, partner, subcategory }: ReturnType<typeof namesOf>): Column<ImportCase>[] {
  const minutes = (c: ImportCase, only?: string) =>
    (c.timeEntries ?? []).filter((t) => !only || t.class === only).reduce((n, t) => n + t.minutes, 0);
  return [
    { header: label('case.ref'), value: (c) => c.ref },
    { header: label('client.ref'), value: (c) => c.client.ref },
    { header: label('client.firstName'), value: (c) => c.client.firstName ?? '' },
    { header: label('client.lastName'), value: (c) => c.client.lastName ?? '' },
    { header: label('client.dateOfBirth'), date: true, value: (c) => c.client.dateOfBirth ?? null },
    { header: label('client.postcode'), value: (c) => c.client.postcodeDistrict ?? '' },
    { header: label('client.vulnerabilities'), value: (c) => (c.client.vulnerabilities ?? []).map(code).join('; ') },
    { header: label('client.evidenceConsent'), value: (c) => yesNo(c.client.evidenceConsent ?? false) },
    { header: label('case.category'), value: (c) => code(c.category) },
    { header: label('case.subcategory'), value: (c) => (c.subcategory ? subcategory(c.subcategory) : '') },
    { header: label('case.openedOn'), date: true, value: (c) => c.openedOn },
    { header: label('case.firstContactOn'), date: true, value: (c) => c.firstContactOn ?? null },
    { header: label('case.closedOn'), date: true, value: (c) => c.closedOn ?? null },
    { header: label('case.leadAdviser'), value: (c) => adviser(c.leadAdviserRef) },
    { header: label('case.fundingStream'), value: (c) => code(c.fundingStream) },
    { header: label('case.arrival'), value: (c) => code(c.arrival.route) },
    { header: label('case.referrer'), value: (c) => (c.arrival.referrerRef ? partner(c.arrival.referrerRef) : '') },
    { header: label('case.priorOrganisationsContacted'), value: (c) => c.priorOrganisationsContacted ?? null },
    { header: label('case.timesToldStoryBefore'), value: (c) => c.timesToldStoryBefore ?? null },
    { header: label('case.confidenceAtIntake'), value: (c) => c.confidenceAtIntake ?? null },
    { header: label('outcome.result'), value: (c) => code(c.outcome?.result) },
    { header: label('outcome.accepted'), value: (c) => yesNo(c.outcome?.accepted) },
    { header: label('outcome.understood'), value: (c) => c.outcome?.understood ?? null },
    { header: label('outcome.appeal'), value: (c) => code(c.outcome?.appeal) },
    // Legal aid details and equality answers as the LAA's codes, which the import reads back.
    ...LEGAL_AID_FIELDS.map((key) => ({
      header: label(`legalAid.${key}`),
      value: (c: ImportCase) => c.legalAid?.[key] ?? '',
    })),
    ...EQUALITY_QUESTIONS.map((key) => ({
      header: label(`client.equality.${key}`),
      value: (c: ImportCase) => c.client.equality?.[key] ?? '',
    })),
    // Totals for reading; the import does not read these columns back (the sessions are the record).
    { header: SHEET_TOTAL_HEADERS[0], value: (c) => c.timeEntries?.length ?? 0 },
    { header: SHEET_TOTAL_HEADERS[1], value: (c) => minutes(c) },
    { header: SHEET_TOTAL_HEADERS[2], value: (c) => minutes(c, 'relationship') },
  ];
}

type Entry<K extends 'timeEntries' | 'notes' | 'keyDates' | 'parties'> = NonNullable<ImportCase[K]>[number];
type RowOf<T> = { caseRef: string; entry: T };

function entryColumns(adviser: (ref: string) => string): Column<RowOf<Entry<'timeEntries'>>>[] {
  return [
    { header: label('case.ref'), value: (r) => r.caseRef },
    { header: label('time.on'), date: true, value: (r) => r.entry.on },
    { header: label('time.adviser'), value: (r) => adviser(r.entry.adviserRef) },
    { header: label('time.minutes'), value: (r) => r.entry.minutes },
    { header: label('time.class'), value: (r) => code(r.entry.class) },
    { header: label('time.activity'), value: (r) => code(r.entry.activity) },
    { header: label('time.mode'), value: (r) => code(r.entry.mode) },
    { header: label('time.note'), value: (r) => r.entry.note ?? '' },
  ];
}

/** Case notes: "Written at" keeps the moment it was written, so importing the sheet again adds no copy. */
function noteColumns(adviser: (ref: string) => string): Column<RowOf<Entry<'notes'>>>[] {
  return [
    { header: label('case.ref'), value: (r) => r.caseRef },
    { header: label('note.on'), date: true, value: (r) => r.entry.on },
    { header: label('note.kind'), value: (r) => code(r.entry.kind) },
    { header: label('note.author'), value: (r) => adviser(r.entry.authorRef) },
    { header: label('note.writtenAt'), value: (r) => r.entry.writtenAt ?? '' },
    { header: label('note.body'), value: (r) => r.entry.body },
  ];
}

function keyDateColumns(adviser: (ref: string) => string): Column<RowOf<Entry<'keyDates'>>>[] {
  return [
    { header: label('case.ref'), value: (r) => r.caseRef },
    { header: label('keyDate.kind'), value: (r) => code(r.entry.kind) },
    { header: label('keyDate.title'), value: (r) => r.entry.title },
    { header: label('keyDate.dueOn'), date: true, value: (r) => r.entry.dueOn },
    { header: label('keyDate.doneOn'), date: true, value: (r) => r.entry.doneOn ?? null },
    { header: label('keyDate.assignee'), value: (r) => (r.entry.assigneeRef ? adviser(r.entry.assigneeRef) : '') },
    { header: label('keyDate.note'), value: (r) => r.entry.note ?? '' },
  ];
}

/** Parties, without a third party's pass phrase: a secret for checking who calls stays out of a spreadsheet. */
function partyColumns(): Column<RowOf<Entry<'parties'>>>[] {
  return [
    { header: label('case.ref'), value: (r) => r.caseRef },
    { header: label('party.role'), value: (r) => code(r.entry.role) },
    { header: label('party.opponentType'), value: (r) => code(r.entry.opponentType) },
    { header: label('party.kind'), value: (r) => code(r.entry.kind) },
    { header: label('party.name'), value: (r) => r.entry.name },
    { header: label('party.dateOfBirth'), date: true, value: (r) => r.entry.dateOfBirth ?? null },
    { header: label('party.postcode'), value: (r) => r.entry.postcodeDistrict ?? '' },
    { header: label('party.contact'), value: (r) => r.entry.contact ?? '' },
    { header: label('party.reference'), value: (r) => r.entry.reference ?? '' },
    { header: label('party.relationship'), value: (r) => r.entry.relationship ?? '' },
    { header: label('party.language'), value: (r) => r.entry.language ?? '' },
    { header: label('party.note'), value: (r) => r.entry.note ?? '' },
  ];
}

/** A table of records: its sheet's name, its columns and the rows one case gives. */
interface RecordTable {
  sheet: string;
  columns: Column<never>[];
  rows: (c: ImportCase) => Array<RowOf<unknown>>;
}

function recordTables(adviser: (ref: string) => string): Record<Exclude<SheetTable, 'cases'>, RecordTable> {
  const rowsOf =
    (key: 'timeEntries' | 'notes' | 'keyDates' | 'parties') =>
    (c: ImportCase): Array<RowOf<unknown>> =>
      (c[key] ?? []).map((entry) => ({ caseRef: c.ref, entry }));
  const table = (sheet: string, columns: Column<never>[], key: Parameters<typeof rowsOf>[0]) => ({
    sheet,
    columns,
    rows: rowsOf(key),
  });
  return {
    'time-entries': table('Time entries', entryColumns(adviser) as Column<never>[], 'timeEntries'),
    notes: table('Notes', noteColumns(adviser) as Column<never>[], 'notes'),
    'key-dates': table('Key dates', keyDateColumns(adviser) as Column<never>[], 'keyDates'),
    parties: table('Parties', partyColumns() as Column<never>[], 'parties'),
  };
}

function namesOf(header: ImportHeader) {
  const advisers = new Map(header.advisers.map((a) => [a.ref, a.name]));
  const partners = new Map(header.partners.map((p) => [p.ref, p.name]));
  return {
    adviser: (ref: string) => advisers.get(ref) ?? ref,
    partner: (ref: string) => partners.get(ref) ?? ref,
    subcategory: (key: string) => subcategoryLabel(key, header.subcategories ?? undefined),
  };
}

/** One table as CSV (UTF-8 with a byte-order mark, so Excel reads accents); dates YYYY-MM-DD. */
export async function writeSheetCsv(
  header: ImportHeader,
  cases: AsyncIterable<ImportCase>,
  table: SheetTable,
  out: NodeJS.WritableStream,
): Promise<number> {
  const names = namesOf(header);
  const { adviser } = names;
  const csv = stringify({ bom: true });
  csv.pipe(out, { end: false });
  const finished = new Promise<void>((resolve, reject) => csv.on('end', resolve).on('error', reject));
  const put = async (row: Cell[]) => {
    if (!csv.write(row.map((v) => (v === null ? '' : String(v)))))
      await new Promise((resolve) => csv.once('drain', resolve));
  };
  let count = 0;
  if (table === 'cases') {
    const columns = caseColumns(names);
    await put(columns.map((c) => c.header));
    for await (const c of cases) {
      await put(columns.map((col) => col.value(c)));
      count++;
    }
  } else {
    const { columns, rows } = recordTables(adviser)[table];
    await put(columns.map((c) => c.header));
    for await (const c of cases) {
      for (const row of rows(c)) await put(columns.map((col) => col.value(row as never)));
      count++;
    }
  }
  csv.end();
  await finished;
  return count;
}

/** A workbook with a Cases sheet and sheets of time entries, case notes, key dates and parties, dates as date cells. */
export async function writeSheetXlsx(
  header: ImportHeader,
  cases: AsyncIterable<ImportCase>,
  out: NodeJS.WritableStream,
): Promise<number> {
  const names = namesOf(header);
  const { adviser } = names;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as never, useStyles: true });
  const caseCols = caseColumns(names);
  // The zip holds one sheet after the other, so the record sheets are buffered until the cases
  // sheet is committed: memory grows with the records (the CSV export does not).
  const casesSheet = workbook.addWorksheet('Cases', { views: [{ state: 'frozen', ySplit: 1 }] });
  const records = Object.values(recordTables(adviser)).map((t) => ({
    ...t,
    worksheet: workbook.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 1 }] }),
  }));
  const setUp = <T>(sheet: ExcelJS.Worksheet, columns: Column<T>[]) => {
    sheet.columns = columns.map((c) => ({
      header: c.header,
      width: Math.max(12, c.header.length + 2),
      ...(c.date ? { style: { numFmt: 'dd/mm/yyyy' } } : {}),
    }));
  };
  setUp(casesSheet, caseCols);
  for (const r of records) setUp(r.worksheet, r.columns);
  const cellOf = (column: Column<unknown>, value: Cell) =>
    column.date && typeof value === 'string' && value ? new Date(`${value}T00:00:00Z`) : value;
  let count = 0;
  for await (const c of cases) {
    casesSheet.addRow(caseCols.map((col) => cellOf(col as Column<unknown>, col.value(c)))).commit();
    for (const r of records)
      for (const row of r.rows(c))
        r.worksheet.addRow(r.columns.map((col) => cellOf(col as Column<unknown>, col.value(row as never)))).commit();
    count++;
  }
  casesSheet.commit();
  for (const r of records) r.worksheet.commit();
  await workbook.commit();
  return count;
}
