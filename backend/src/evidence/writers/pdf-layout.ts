/** Page geometry and the drawing helpers every page of the PDF uses: headings, text, tables, footers. */
import PDFDocument from 'pdfkit';
import { formatCell } from '../format.js';
import type { Cell, EvidencePack, PackColumn, PackTable } from '@deepvalue/shared';
import { BLUE, GRID, INK, MUTED } from './pdf-charts.js';
import { pdfText } from './pdf-text.js';

export type Doc = InstanceType<typeof PDFDocument>;

export const MARGIN = 56;

export const PAGE_WIDTH = 595.28;

export const PAGE_HEIGHT = 841.89;

export const WIDTH = PAGE_WIDTH - 2 * MARGIN;

export const BOTTOM = PAGE_HEIGHT - 70;

/** Short band labels in WinAnsi ("≥ 8 h" has no glyph); the method spells out "8 h+" as 8 hours or more. */
export const BAND_LABELS = ['< 1 h', '1–2 h', '2–4 h', '4–8 h', '8 h+'];

export const HIDDEN_NOTE =
  'Counts are rounded, and rates worked out from the rounded counts; "[c]": not published, to protect small ' +
  'numbers (see the method).';

export const table = (pack: EvidencePack, name: string): PackTable => {
  const found = pack.tables.find((t) => t.name === name);
  if (!found) throw new Error(`the pack has no table ${name}`);
  return found;
};

export function organisationLine(pack: EvidencePack): string {
  const names = pack.meta.organisations.map((o) => o.name).join(', ');
  return pack.meta.commissioner ? `${names} (combined, for ${pack.meta.commissioner.name})` : names;
}

export function newPage(doc: Doc, heading: string): void {
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(17).fillColor(INK).text(pdfText(heading), MARGIN, MARGIN, { width: WIDTH });
  doc
    .moveTo(MARGIN, doc.y + 4)
    .lineTo(MARGIN + WIDTH, doc.y + 4)
    .lineWidth(1.5)
    .strokeColor(BLUE)
    .stroke();
  doc.y += 14;
}

export function paragraph(
  doc: Doc,
  text: string,
  options: { size?: number; color?: string; bold?: boolean } = {},
): void {
  const size = options.size ?? 10;
  ensureSpace(doc, doc.heightOfString(pdfText(text), { width: WIDTH }) + 6);
  doc
    .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(size)
    .fillColor(options.color ?? INK)
    .text(pdfText(text), MARGIN, doc.y, { width: WIDTH, lineGap: 2 });
  doc.y += 5;
}

export function subheading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  doc.y += 4;
  doc.font('Helvetica-Bold').fontSize(12).fillColor(INK).text(pdfText(text), MARGIN, doc.y, { width: WIDTH });
  doc.y += 4;
}

export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > BOTTOM) {
    doc.addPage();
    doc.y = MARGIN;
  }
}

const TABLE_PAD = 3;

/** A table's column widths, and how tall a row of cell texts is, as drawTable draws them. */
function tableLayout(doc: Doc, columns: PackColumn[], widths: number[], fontSize: number) {
  const fixed = widths.slice(0, columns.length);
  const rest = (WIDTH - fixed.reduce((a, b) => a + b, 0)) / Math.max(1, columns.length - fixed.length);
  const colWidths = columns.map((_, i) => fixed[i] ?? rest);
  const pad = TABLE_PAD;
  const cellText = (row: Record<string, Cell>, c: PackColumn) => pdfText(formatCell(row[c.key] ?? null, c.kind));
  const heightOf = (texts: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
    return Math.max(...texts.map((t, i) => doc.heightOfString(t, { width: colWidths[i] - 2 * pad }))) + 2 * pad;
  };
  return { colWidths, pad, cellText, heightOf };
}

/** The height drawTable takes for the table, header and rows (to keep a short table on one page). */
export function tableHeight(
  doc: Doc,
  columns: PackColumn[],
  rows: Array<Record<string, Cell>>,
  widths: number[] = [],
  fontSize = 8.5,
): number {
  const { cellText, heightOf } = tableLayout(doc, columns, widths, fontSize);
  const header = heightOf(
    columns.map((c) => pdfText(c.label)),
    true,
  );
  return (
    rows.reduce(
      (h, row) =>
        h +
        heightOf(
          columns.map((c) => cellText(row, c)),
          false,
        ),
      header,
    ) + 8
  );
}

/**
 * A table with a shaded header; numbers right-aligned. `widths` fixes the first columns' widths and
 * the rest share what is left. Rows break across pages with the header repeated.
 */
export function drawTable(
  doc: Doc,
  columns: PackColumn[],
  rows: Array<Record<string, Cell>>,
  widths: number[] = [],
  fontSize = 8.5,
): void {
  const { colWidths, pad, cellText, heightOf } = tableLayout(doc, columns, widths, fontSize);
  const header = () => {
    const labels = columns.map((c) => pdfText(c.label));
    const h = heightOf(labels, true);
    ensureSpace(doc, h + 20);
    const y = doc.y;
    doc.rect(MARGIN, y, WIDTH, h).fill('#dde4ee');
    let x = MARGIN;
    labels.forEach((label, i) => {
      doc
        .font('Helvetica-Bold')
        .fontSize(fontSize)
        .fillColor(INK)
        .text(label, x + pad, y + pad, {
          width: colWidths[i] - 2 * pad,
          align: columns[i].kind === 'text' ? 'left' : 'right',
        });
      x += colWidths[i];
    });
    doc.y = y + h;
  };
  header();
  rows.forEach((row, k) => {
    const texts = columns.map((c) => cellText(row, c));
    const h = heightOf(texts, false);
    if (doc.y + h > BOTTOM) {
      doc.addPage();
      doc.y = MARGIN;
      header();
    }
    const y = doc.y;
    if (k % 2 === 1) doc.rect(MARGIN, y, WIDTH, h).fill('#f3f2f1');
    let x = MARGIN;
    texts.forEach((text, i) => {
      doc
        .font('Helvetica')
        .fontSize(fontSize)
        .fillColor(INK)
        .text(text, x + pad, y + pad, {
          width: colWidths[i] - 2 * pad,
          align: columns[i].kind === 'text' ? 'left' : 'right',
        });
      x += colWidths[i];
    });
    doc.y = y + h;
  });
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + WIDTH, doc.y)
    .lineWidth(0.5)
    .strokeColor(GRID)
    .stroke();
  doc.y += 8;
}

export function footers(doc: Doc, pack: EvidencePack): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would start a new page; lift the margin while the footer is drawn.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        pdfText(`${pack.meta.title} · ${organisationLine(pack)} · ${pack.meta.period.from} to ${pack.meta.period.to}`),
        MARGIN,
        PAGE_HEIGHT - 40,
        { width: WIDTH - 80, lineBreak: false, ellipsis: true },
      );
    doc.text(`Page ${i + 1} of ${range.count}`, MARGIN + WIDTH - 80, PAGE_HEIGHT - 40, {
      width: 80,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
}

export function rateWithN(rate: Cell, n: Cell): string {
  if (typeof rate === 'number') return `${(rate * 100).toFixed(0)}% (${formatCell(n, 'count')})`;
  if (rate === null) return n === 0 ? 'no cases' : '–';
  return rate;
}
