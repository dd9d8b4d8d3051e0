/**
 * Charts for the PDF drawn as vectors with pdfkit's drawing primitives: bars with 95% interval
 * whiskers and the n each rests on; point-and-range charts for low / central / high figures; and
 * paired horizontal bars for hours. Hidden figures are drawn as a gap with their mark, never as zero.
 */
import type PDFDocument from 'pdfkit';
import { pdfText } from './pdf-text.js';

type Doc = InstanceType<typeof PDFDocument>;

export const INK = '#0b0c0c';
export const MUTED = '#505a5f';
export const BLUE = '#1d70b8';
export const PALE_BLUE = '#9dbfe0';
export const GRID = '#d8dde0';

export interface RateBar {
  label: string;
  /** Null with `mark` set: hidden; null without: no cases. */
  rate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: string;
  mark?: string;
  /** Fewer cases than the small-band flag: drawn pale. */
  small?: boolean;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Vertical bars of rates (0–100%) with 95% interval whiskers, value labels and n under each bar. */
export function rateChart(doc: Doc, box: Box, title: string, bars: RateBar[]): void {
  const labelSpace = 30;
  const axisSpace = 30;
  doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(pdfText(title), box.x, box.y, { width: box.width });
  const top = box.y + 20;
  const plot = { x: box.x + axisSpace, y: top, width: box.width - axisSpace, height: box.height - 20 - labelSpace };
  const yOf = (rate: number) => plot.y + plot.height * (1 - rate);

  doc.lineWidth(0.5);
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    doc
      .strokeColor(GRID)
      .moveTo(plot.x, yOf(tick))
      .lineTo(plot.x + plot.width, yOf(tick))
      .stroke();
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor(MUTED)
      .text(`${tick * 100}%`, box.x, yOf(tick) - 3, { width: axisSpace - 4, align: 'right' });
  }
  doc
    .strokeColor(INK)
    .moveTo(plot.x, plot.y + plot.height)
    .lineTo(plot.x + plot.width, plot.y + plot.height)
    .stroke();

  const slot = plot.width / bars.length;
  const barWidth = Math.min(44, slot * 0.55);
  bars.forEach((bar, i) => {
    const cx = plot.x + slot * i + slot / 2;
    if (bar.rate !== null) {
      doc.rect(cx - barWidth / 2, yOf(bar.rate), barWidth, plot.height * bar.rate).fill(bar.small ? PALE_BLUE : BLUE);
    }
    if (bar.ciLow !== null && bar.ciHigh !== null) {
      const cap = barWidth / 4;
      doc.lineWidth(1).strokeColor(INK);
      doc.moveTo(cx, yOf(bar.ciLow)).lineTo(cx, yOf(bar.ciHigh)).stroke();
      doc
        .moveTo(cx - cap, yOf(bar.ciLow))
        .lineTo(cx + cap, yOf(bar.ciLow))
        .stroke();
      doc
        .moveTo(cx - cap, yOf(bar.ciHigh))
        .lineTo(cx + cap, yOf(bar.ciHigh))
        .stroke();
    }
    const valueText = bar.rate !== null ? `${Math.round(bar.rate * 100)}%` : (bar.mark ?? 'no cases');
    const valueY = bar.rate !== null ? yOf(bar.ciHigh ?? bar.rate) - 11 : plot.y + plot.height - 12;
    doc
      .font('Helvetica-Bold')
      .fontSize(7.5)
      .fillColor(INK)
      .text(pdfText(valueText), cx - slot / 2, Math.max(plot.y - 10, valueY), { width: slot, align: 'center' });
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(INK)
      .text(pdfText(bar.label), cx - slot / 2, plot.y + plot.height + 4, { width: slot, align: 'center' });
    doc
      .fontSize(7)
      .fillColor(MUTED)
      .text(pdfText(`n = ${bar.n}`), cx - slot / 2, plot.y + plot.height + 15, { width: slot, align: 'center' });
  });
  doc.lineWidth(1);
}

export interface RangePoint {
  label: string;
  low: number | null;
  central: number | null;
  high: number | null;
  /** Shown instead of a point (e.g. "[c]" or "not available"). */
  mark?: string;
}

/** Horizontal point-and-range rows: a dot at the central figure, a line from low to high. */
export function rangeChart(
  doc: Doc,
  box: Box,
  title: string,
  points: RangePoint[],
  format: (value: number) => string,
  reference?: { value: number; label: string },
): number {
  const labelWidth = 90;
  const valueWidth = 150;
  const rowHeight = 18;
  doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(pdfText(title), box.x, box.y, { width: box.width });
  const top = box.y + 20;
  const plot = { x: box.x + labelWidth, width: box.width - labelWidth - valueWidth };
  const known = points.flatMap((p) => [p.low, p.central, p.high]).filter((v): v is number => v !== null);
  const max = Math.max(reference?.value ?? 0, ...known, 0) * 1.05 || 1;
  const xOf = (v: number) => plot.x + (plot.width * Math.max(0, v)) / max;
  doc.lineWidth(0.5).strokeColor(GRID);
  doc
    .moveTo(xOf(0), top - 2)
    .lineTo(xOf(0), top + rowHeight * points.length)
    .stroke();
  if (reference) {
    doc
      .strokeColor(MUTED)
      .dash(2, { space: 2 })
      .moveTo(xOf(reference.value), top - 2)
      .lineTo(xOf(reference.value), top + rowHeight * points.length)
      .stroke()
      .undash();
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor(MUTED)
      .text(pdfText(reference.label), xOf(reference.value) + 2, top + rowHeight * points.length + 2);
  }
  points.forEach((p, i) => {
    const cy = top + rowHeight * i + rowHeight / 2;
    doc
      .font('Helvetica')
      .fontSize(8.5)
      .fillColor(INK)
      .text(pdfText(p.label), box.x, cy - 4, { width: labelWidth - 6 });
    if (p.central === null || p.low === null || p.high === null) {
      doc
        .fontSize(8)
        .fillColor(MUTED)
        .text(pdfText(p.mark ?? 'not available'), plot.x + 4, cy - 4);
      return;
    }
    doc.lineWidth(2).strokeColor(PALE_BLUE).moveTo(xOf(p.low), cy).lineTo(xOf(p.high), cy).stroke();
    doc.circle(xOf(p.central), cy, 3.2).fill(BLUE);
    doc
      .fontSize(8)
      .fillColor(INK)
      .text(pdfText(`${format(p.central)} (${format(p.low)} to ${format(p.high)})`), plot.x + plot.width + 8, cy - 4, {
        width: valueWidth - 8,
      });
  });
  doc.lineWidth(1);
  return top + rowHeight * points.length + (reference ? 14 : 4);
}

export interface HoursRow {
  label: string;
  /** Median hours taken; null with a mark when hidden. */
  taken: number | null;
  /** Hours the fixed fee pays for, lowest and highest (fees changed); null without a fee or hourly rate. */
  paidFor: [number, number] | null;
  mark?: string;
}

/** Per category: a bar of the median hours taken and a tick at the hours the fixed fee pays for. */
export function hoursChart(doc: Doc, box: Box, title: string, rows: HoursRow[]): number {
  const labelWidth = 100;
  const rowHeight = 20;
  doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(pdfText(title), box.x, box.y, { width: box.width });
  const top = box.y + 20;
  const plot = { x: box.x + labelWidth, width: box.width - labelWidth - 40 };
  const max = Math.max(1, ...rows.flatMap((r) => [r.taken ?? 0, r.paidFor?.[1] ?? 0])) * 1.1;
  const xOf = (h: number) => plot.x + (plot.width * h) / max;
  rows.forEach((row, i) => {
    const cy = top + rowHeight * i + rowHeight / 2;
    doc
      .font('Helvetica')
      .fontSize(8.5)
      .fillColor(INK)
      .text(pdfText(row.label), box.x, cy - 4, { width: labelWidth - 6 });
    if (row.taken === null) {
      doc
        .fontSize(8)
        .fillColor(MUTED)
        .text(pdfText(row.mark ?? 'no cases'), plot.x + 4, cy - 4);
    } else {
      doc.rect(plot.x, cy - 5, xOf(row.taken) - plot.x, 10).fill(BLUE);
      doc
        .fontSize(7.5)
        .fillColor(INK)
        .text(`${row.taken.toFixed(1)} h`, xOf(row.taken) + 3, cy - 4);
    }
    if (row.paidFor !== null) {
      doc.lineWidth(2).strokeColor('#d4351c');
      for (const hours of new Set(row.paidFor)) {
        doc
          .moveTo(xOf(hours), cy - 8)
          .lineTo(xOf(hours), cy + 8)
          .stroke();
      }
    }
  });
  const legendY = top + rowHeight * rows.length + 4;
  doc.rect(plot.x, legendY + 1, 10, 7).fill(BLUE);
  doc
    .font('Helvetica')
    .fontSize(7.5)
    .fillColor(MUTED)
    .text('median hours taken', plot.x + 14, legendY);
  doc
    .lineWidth(2)
    .strokeColor('#d4351c')
    .moveTo(plot.x + 110, legendY - 1)
    .lineTo(plot.x + 110, legendY + 9)
    .stroke();
  doc.text('hours the fixed fee pays for', plot.x + 116, legendY);
  doc.lineWidth(1);
  return legendY + 14;
}
