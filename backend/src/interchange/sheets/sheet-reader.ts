/**
 * Reads a spreadsheet row by row without holding it in memory: CSV with csv-parse (the delimiter
 * , ; or tab found from the header line, a UTF-8 byte-order mark allowed), XLSX with exceljs's
 * streaming reader (read whole only when that reader loses the workbook part; see readXlsx). Every cell comes out as text as a person would read it (a date cell as
 * YYYY-MM-DD), with the row number the spreadsheet shows (the header is row 1).
 */
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import readline from 'node:readline';
import { checkUtf8, ImportReadError } from '../import-reader.js';

export type SheetFileKind = 'csv' | 'xlsx';

export interface SheetRow {
  /** The sheet's name (a CSV file has one sheet, named ''). */
  sheet: string;
  /** As the spreadsheet numbers it: the header is row 1. */
  row: number;
  cells: string[];
  /** Bytes of the file read so far, for progress. */
  bytesRead: number;
}

/** An XLSX file is a zip (PK\x03\x04); anything else must be UTF-8 CSV text. */
export async function sheetFileKind(file: string): Promise<SheetFileKind> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    if (bytesRead === 4 && buffer.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  } finally {
    await handle.close();
  }
  await checkUtf8(file);
  return 'csv';
}

/** Every row of every sheet, sheet after sheet, in the order the file holds them. */
export async function* readSheetRows(file: string, kind: SheetFileKind): AsyncGenerator<SheetRow> {
  if (kind === 'csv') yield* readCsv(file);
  else yield* readXlsx(file);
}

async function* readCsv(file: string): AsyncGenerator<SheetRow> {
  const delimiter = await guessDelimiter(file);
  const input = fs.createReadStream(file);
  const parser = input.pipe(
    parse({ bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
  );
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      yield { sheet: '', row, cells: record.map((cell) => cell.trim()), bytesRead: input.bytesRead };
    }
  } catch (error) {
    throw new ImportReadError({
      path: `Row ${row + 1}`,
      message: `cannot be read as CSV (${(error as Error).message})`,
    });
  } finally {
    input.destroy();
  }
}

async function guessDelimiter(file: string): Promise<string> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let first = '';
  for await (const line of lines) {
    first = line;
    break;
  }
  lines.close();
  const outsideQuotes = first.replace(/"[^"]*"/g, '');
  const count = (c: string) => outsideQuotes.split(c).length - 1;
  return [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

/**
 * exceljs's streaming reader sometimes loses a zip entry it needs (the workbook part, where the
 * sheets' names are) when that entry comes after the worksheets, as in workbooks exceljs's own
 * streaming writer makes — Deep Value's export among them (exceljs issue 3064). It then fails, or
 * calls every sheet 'SheetN', before its first row. Only then is the file read again whole, through the zip's
 * central directory (exceljs's Workbook reader): the same rows, held in memory.
 */
async function* readXlsx(file: string): AsyncGenerator<SheetRow> {
  const input = fs.createReadStream(file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache', // date cells are told apart from numbers by their number format
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  let started = false;
  try {
    for await (const worksheet of reader) {
      // Without the workbook part and its relationships the reader calls every sheet 'SheetN'.
      const read = reader as unknown as { model?: unknown; workbookRels?: unknown };
      if (!started && (!read.model || !read.workbookRels)) throw new StreamLostEntry();
      const name = (worksheet as unknown as { name: string }).name;
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        started = true;
        yield { sheet: name, row: row.number, cells: values.map(cellText), bytesRead: input.bytesRead };
      }
    }
  } catch (error) {
    if (error instanceof ImportReadError) throw error;
    if (!started) {
      input.destroy();
      yield* readXlsxWhole(file);
      return;
    }
    throw unreadable(error);
  } finally {
    input.destroy();
  }
}

class StreamLostEntry extends Error {}

async function* readXlsxWhole(file: string): AsyncGenerator<SheetRow> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw unreadable(error);
  }
  const { size } = fs.statSync(file);
  for (const worksheet of workbook.worksheets) {
    const rows: SheetRow[] = [];
    worksheet.eachRow((row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push({ sheet: worksheet.name, row: row.number, cells: values.map(cellText), bytesRead: size });
    });
    yield* rows;
  }
}

const unreadable = (error: unknown) =>
  new ImportReadError({
    path: '',
    message: `the file cannot be read as an Excel workbook (.xlsx): ${(error as Error).message}`,
  });

/** A cell as text: dates as YYYY-MM-DD, formulas as their result, rich text as its plain text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { result?: unknown; text?: unknown; richText?: Array<{ text: string }>; error?: unknown };
    if (v.richText)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error !== undefined) return String(v.error);
    return '';
  }
  return String(value).trim();
}
