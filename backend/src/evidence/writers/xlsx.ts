/**
 * XLSX: a "Method" sheet first (what the pack covers, strength of evidence, definitions, who is
 * counted, small numbers, pricing with the unit costs, adjustments and mapping, caveats), then one
 * sheet per table. Reproducible: the workbook's dates and every zip entry's date are the pack's
 * generatedAt, so the same pack gives the same bytes.
 */
import ExcelJS from 'exceljs';
import { formatCell } from '../format.js';
import type { ColumnKind, EvidencePack, PackTable } from '@deepvalue/shared';
import { pinZipDates } from './zip.js';
import { whoseTable } from '../method.js';
import { roundingBaseFor } from '../../disclosure/rounding.js';

const NUMBER_FORMATS: Partial<Record<ColumnKind, string>> = {
  count: '#,##0',
  rate: '0.0%',
  gbp: '"£"#,##0.00',
  ratio: '0.00',
  hours: '0.0',
};

const TITLE_FONT = { bold: true, size: 14 };
const HEADING_FONT = { bold: true, size: 12 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE4EE' } };

export async function packXlsx(pack: EvidencePack, inputsSha256: string): Promise<Buffer> {
  const date = new Date(pack.meta.generatedAt);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Deep Value';
  workbook.lastModifiedBy = 'Deep Value';
  workbook.created = date;
  workbook.modified = date;
  workbook.title = pack.meta.title;

  methodSheet(workbook, pack, inputsSha256);
  for (const table of pack.tables.filter((t) => !t.partOfMethod)) {
    const sheet = workbook.addWorksheet(table.sheet);
    const header = writeTableHeading(sheet, table, 1);
    sheet.views = [{ state: 'frozen', ySplit: header }];
  }
  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  return pinZipDates(written, date);
}

function methodSheet(workbook: ExcelJS.Workbook, pack: EvidencePack, inputsSha256: string): void {
  const sheet = workbook.addWorksheet('Method');
  sheet.getColumn(1).width = 34;
  for (let c = 2; c <= 8; c++) sheet.getColumn(c).width = 22;
  const { meta } = pack;
  let r = 1;
  const line = (text: string, font?: Partial<ExcelJS.Font>) => {
    const cell = sheet.getCell(r, 1);
    cell.value = text;
    if (font) cell.font = font;
    sheet.mergeCells(r, 1, r, 8);
    cell.alignment = { wrapText: true, vertical: 'top' };
    // Long paragraphs need taller rows; about 150 characters fit on a line of the merged width.
    sheet.getRow(r).height = Math.max(15, Math.ceil(text.length / 150) * 15);
    r += 1;
  };
  const pair = (label: string, value: string) => {
    sheet.getCell(r, 1).value = label;
    sheet.getCell(r, 1).font = { bold: true };
    sheet.getCell(r, 2).value = value;
    sheet.mergeCells(r, 2, r, 8);
    r += 1;
  };
  line(meta.title, TITLE_FONT);
  pair('Organisations', meta.organisations.map((o) => `${o.name} (${o.ref})`).join('; '));
  if (meta.commissioner) pair('Commissioner', `${meta.commissioner.name} (${meta.commissioner.ref})`);
  pair('Period (cases closed)', `${meta.period.from} to ${meta.period.to}`);
  pair('Figures as at', meta.asOf);
  pair(
    'Filters',
    Object.entries(meta.filters)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ') || 'none',
  );
  pair(
    'Small numbers',
    `counts rounded to the nearest ${roundingBaseFor(meta.threshold)} (threshold ${meta.threshold}); see Small numbers below`,
  );
  pair(
    'Unit costs',
    meta.unitCosts.eachProvider
      ? whoseTable(meta)
      : `version ${meta.unitCosts.version} of ${meta.unitCosts.organisationName}`,
  );
  pair(
    'Fee tables',
    meta.feeTables
      .map((f) => `${f.organisationRef}: ${f.usingDefaults ? 'defaults' : `version ${f.version}`}`)
      .join('; '),
  );
  pair('Software version', meta.softwareVersion);
  pair('Built on', meta.builtOn);
  pair('SHA-256 of inputs', inputsSha256);
  r += 1;
  line('Headline figures', HEADING_FONT);
  for (const h of pack.headlines) pair(h.label, `${h.value} (${h.detail})`);
  for (const section of pack.method) {
    r += 1;
    line(section.heading, HEADING_FONT);
    for (const paragraph of section.paragraphs) line(paragraph);
  }
  for (const table of pack.tables.filter((t) => t.partOfMethod)) {
    r += 1;
    r = writeTableHeading(sheet, table, r) + table.rows.length + 1;
  }
}

/** Title, description, note and the table from row `top`; returns the header row's number. */
function writeTableHeading(sheet: ExcelJS.Worksheet, table: PackTable, top: number): number {
  let r = top;
  sheet.getCell(r, 1).value = table.title;
  sheet.getCell(r, 1).font = HEADING_FONT;
  r += 1;
  sheet.getCell(r, 1).value = table.description;
  sheet.getCell(r, 1).alignment = { wrapText: false };
  r += 1;
  if (table.note) {
    sheet.getCell(r, 1).value = table.note;
    sheet.getCell(r, 1).font = { bold: true, color: { argb: 'FFB00020' } };
    r += 1;
  }
  const headerRow = r;
  table.columns.forEach((column, c) => {
    const cell = sheet.getCell(headerRow, c + 1);
    cell.value = column.label;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'bottom' };
    const col = sheet.getColumn(c + 1);
    const width = column.kind === 'text' ? 28 : 14;
    col.width = Math.max(col.width ?? 0, width);
  });
  if (table.note) return headerRow;
  table.rows.forEach((row, k) => {
    table.columns.forEach((column, c) => {
      const cell = sheet.getCell(headerRow + 1 + k, c + 1);
      const value = row[column.key];
      if (typeof value === 'number') {
        cell.value = value;
        const format = NUMBER_FORMATS[column.kind];
        if (format) cell.numFmt = format;
      } else {
        cell.value = value === null ? formatCell(null, column.kind) : value;
        if (column.kind !== 'text') cell.alignment = { horizontal: 'right' };
      }
    });
  });
  return headerRow;
}
