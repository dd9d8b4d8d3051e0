/**
 * The PDF's first pages: the plain-English summary, the headline figures, and the outcomes and the
 * other rates by band of relationship time.
 */
import { BANDS, OUTCOME_MEASURES, SMALL_BAND_N, MEASURES } from '@deepvalue/shared';
import { formatCell } from '../format.js';
import type { Cell, EvidencePack, PackColumn, PackTable } from '@deepvalue/shared';
import { ALL_BANDS, ALL_CATEGORIES, MEASURE_FILE_NAMES } from '../tables/outcome-tables.js';
import { BLUE, GRID, INK, MUTED, rateChart, type RateBar } from './pdf-charts.js';
import { pdfText } from './pdf-text.js';
import { whoseTable } from '../method.js';
import { bandGroupLabel, roundingBaseFor } from '../../disclosure/rounding.js';
import {
  BAND_LABELS,
  type Doc,
  HIDDEN_NOTE,
  MARGIN,
  PAGE_WIDTH,
  WIDTH,
  drawTable,
  newPage,
  organisationLine,
  paragraph,
  rateWithN,
  subheading,
  table,
} from './pdf-layout.js';

/**
 * Page 1: the plain-English summary a funding panel reads first, with the headline outcome's chart
 * by relationship time after the section that describes it. Written to fit one page.
 */
export function summaryPage(doc: Doc, pack: EvidencePack): void {
  const { meta, summary } = pack;
  doc.addPage();
  doc.rect(0, 0, PAGE_WIDTH, 118).fill(BLUE);
  doc.font('Helvetica-Bold').fontSize(22).fillColor('#ffffff').text(pdfText(meta.title), MARGIN, 36, { width: WIDTH });
  doc
    .font('Helvetica')
    .fontSize(12)
    .text(pdfText(organisationLine(pack)), MARGIN, doc.y + 4, { width: WIDTH, height: 30, ellipsis: true });
  doc
    .fontSize(9.5)
    .text(
      pdfText(
        `Cases closed ${meta.period.from} to ${meta.period.to} · figures as at ${meta.asOf} · built on ${meta.builtOn}`,
      ),
      MARGIN,
      doc.y + 2,
      { width: WIDTH },
    );
  doc.y = 134;
  doc
    .font('Helvetica-Bold')
    .fontSize(16)
    .fillColor(INK)
    .text(pdfText(summary.heading), MARGIN, doc.y, { width: WIDTH });
  doc.y += 4;
  for (const section of summary.sections) {
    doc.y += 4;
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .fillColor(BLUE)
      .text(pdfText(section.heading), MARGIN, doc.y, { width: WIDTH });
    doc.y += 2;
    section.paragraphs.forEach((p, i) => {
      doc.y += i > 0 ? 3 : 0;
      doc
        .font('Helvetica')
        .fontSize(9.5)
        .fillColor(INK)
        .text(pdfText(p), MARGIN, doc.y, { width: WIDTH, lineGap: 1.5 });
    });
    if (section.key === 'time') {
      const top = doc.y + 6;
      rateChart(
        doc,
        { x: MARGIN, y: top, width: WIDTH, height: 170 },
        `${MEASURES.positive_outcome.label} by relationship time (all categories)`,
        measureBars(pack, MEASURE_FILE_NAMES.positive_outcome),
      );
      doc.y = top + 176;
    }
  }
}

export function titlePage(doc: Doc, pack: EvidencePack): void {
  const { meta } = pack;
  doc.addPage();
  doc.rect(0, 0, PAGE_WIDTH, 190).fill(BLUE);
  doc.font('Helvetica-Bold').fontSize(28).fillColor('#ffffff').text(pdfText(meta.title), MARGIN, 70, { width: WIDTH });
  doc
    .font('Helvetica')
    .fontSize(14)
    .text(pdfText(organisationLine(pack)), MARGIN, doc.y + 6, { width: WIDTH });
  doc.y = 215;
  const facts: Array<[string, string]> = [
    ['Cases closed', `${meta.period.from} to ${meta.period.to}`],
    ['Figures as at', `${meta.asOf} (the records as they stood that day)`],
    ['Built on', meta.builtOn],
    [
      'Filters',
      Object.entries(meta.filters)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ') || 'none',
    ],
    [
      'Unit costs',
      `${meta.unitCosts.eachProvider ? whoseTable(meta) : `${meta.unitCosts.organisationName}, version ${meta.unitCosts.version}`}, uprated to ${meta.unitCosts.priceYear} prices`,
    ],
  ];
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(10).fillColor(MUTED).text(pdfText(label), MARGIN, y, { width: 110 });
    doc
      .font('Helvetica')
      .fillColor(INK)
      .text(pdfText(value), MARGIN + 115, y, { width: WIDTH - 115 });
    doc.y += 3;
  }
  doc.y += 12;
  doc.font('Helvetica-Bold').fontSize(14).fillColor(INK).text('Headline figures', MARGIN, doc.y);
  doc.y += 8;

  const cardWidth = (WIDTH - 12) / 2;
  const cardHeight = 78;
  const gridTop = doc.y;
  pack.headlines.forEach((h, i) => {
    const col = i % 2;
    const x = MARGIN + col * (cardWidth + 12);
    const y = gridTop + Math.floor(i / 2) * (cardHeight + 10);
    doc.rect(x, y, cardWidth, cardHeight).lineWidth(0.75).strokeColor(GRID).stroke();
    doc.rect(x, y, 4, cardHeight).fill(BLUE);
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor(MUTED)
      .text(pdfText(h.label), x + 12, y + 8, { width: cardWidth - 20 });
    // A long value (an organisation's name) is set smaller so it stays on one line above its detail.
    doc.font('Helvetica-Bold').fontSize(18);
    const value = pdfText(h.value);
    const size = Math.max(10, Math.min(18, (18 * (cardWidth - 20)) / doc.widthOfString(value)));
    doc
      .fontSize(size)
      .fillColor(INK)
      .text(value, x + 12, y + 22 + (18 - size) / 2, { width: cardWidth - 20, height: 20, ellipsis: true });
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(pdfText(h.detail), x + 12, y + 46, { width: cardWidth - 20, height: 30 });
  });
  doc.y = gridTop + Math.ceil(pack.headlines.length / 2) * (cardHeight + 10) + 6;
  paragraph(
    doc,
    'Read with care: these figures come from casework records. They show how outcomes vary with relationship ' +
      'time, not that relationship time caused them. Counts are rounded to the nearest ' +
      roundingBaseFor(meta.threshold) +
      ', rates worked out from the rounded counts and £ figures priced from them; "[c]" marks a figure not ' +
      'published; the method at the end says how. Fiscal value, wellbeing value and money to clients are ' +
      'different kinds of value and are never added together.',
    { size: 9, color: MUTED },
  );
}

/** The rows of a measure's table for all categories by band, in band order (merged bands as one row). */
export function bandRows(t: PackTable): Array<Record<string, Cell>> {
  return t.rows.filter((r) => r.category === ALL_CATEGORIES && r.band !== ALL_BANDS);
}

/** The row holding band j (itself, or the merged group covering it) and whether j is the group's first band. */
function rowOfBand(t: PackTable, j: number): { row: Record<string, Cell> | undefined; first: boolean } {
  for (let from = 0; from <= j; from++)
    for (let to = j; to < BANDS.length; to++) {
      const row = bandRows(t).find((r) => r.band === bandGroupLabel(from, to));
      if (row) return { row, first: from === j };
    }
  return { row: undefined, first: true };
}

/** The bars of one measure across the bands (merged bands as one bar, labelled), for all categories. */
export function measureBars(pack: EvidencePack, tableName: string): RateBar[] {
  const t = table(pack, tableName);
  return bandRows(t).map((row) => {
    const num = (cell: Cell | undefined) => (typeof cell === 'number' ? cell : null);
    const rate = t.note ? null : num(row.rate);
    const n = t.note ? '[c]' : formatCell(row.n ?? null, 'count');
    const single = BANDS.findIndex((b) => b.label === row.band);
    return {
      label: single >= 0 ? BAND_LABELS[single] : String(row.band),
      rate,
      ciLow: rate === null ? null : num(row.ci_low),
      ciHigh: rate === null ? null : num(row.ci_high),
      n,
      mark: rate === null && typeof row.rate === 'string' ? row.rate : undefined,
      small: typeof row.n === 'number' && row.n < SMALL_BAND_N,
    };
  });
}

export function outcomesPage(doc: Doc, pack: EvidencePack): void {
  newPage(doc, 'Outcomes and relationship time');
  paragraph(
    doc,
    'How often cases ended with a positive outcome, by how much relationship time (direct contact with the ' +
      'client) the case had. Bars show the rate, whiskers its 95% interval, and n the cases it rests on. Pale ' +
      `bars rest on fewer than ${SMALL_BAND_N} cases.`,
  );
  const positive = table(pack, MEASURE_FILE_NAMES.positive_outcome);
  if (positive.note) paragraph(doc, positive.note, { bold: true });
  const top = doc.y + 6;
  rateChart(
    doc,
    { x: MARGIN, y: top, width: WIDTH, height: 230 },
    MEASURES.positive_outcome.label,
    measureBars(pack, MEASURE_FILE_NAMES.positive_outcome),
  );
  doc.y = top + 240;

  subheading(doc, 'Every outcome measure by relationship time');
  const columns: PackColumn[] = [
    { key: 'measure', label: 'Measure', kind: 'text' },
    ...BANDS.map((_, i) => ({ key: `b${i}`, label: BAND_LABELS[i], kind: 'text' as const })),
    { key: 'all', label: 'All', kind: 'text' },
    { key: 'not_recorded', label: 'Not recorded', kind: 'text' },
  ];
  const rows = OUTCOME_MEASURES.map((m) => {
    const t = table(pack, MEASURE_FILE_NAMES[m]);
    const cell = (row: Record<string, Cell> | undefined): Cell =>
      t.note ? '[c]' : rateWithN(row?.rate ?? null, row?.n ?? null);
    const bandCell = (j: number): Cell => {
      const { row, first } = rowOfBand(t, j);
      if (!first) return 'merged';
      return row && row.band !== BANDS[j].label ? `${cell(row)} ${pdfText(String(row.band))}` : cell(row);
    };
    return {
      measure: MEASURES[m].label,
      ...Object.fromEntries(BANDS.map((_, i) => [`b${i}`, bandCell(i)])),
      all: cell(t.rows.find((r) => r.category === ALL_CATEGORIES && r.band === ALL_BANDS)),
      not_recorded: t.note
        ? '[c]'
        : formatCell(
            t.rows.find((r) => r.category === ALL_CATEGORIES && r.band === ALL_BANDS)?.not_recorded ?? null,
            'count',
          ),
    };
  });
  drawTable(doc, columns, rows, [130]);
  paragraph(
    doc,
    `Each cell: rate (n cases); not recorded: cases in the measure's scope where it was not recorded, left out ` +
      `of n (all bands). A band with too few cases is merged with its neighbour: the figure is in the ` +
      `first band it covers, named there, and "merged" in the others. ${HIDDEN_NOTE}`,
    { size: 8, color: MUTED },
  );

  subheading(doc, 'Adjusted for case mix');
  const adjusted = table(pack, 'adjusted-estimates');
  paragraph(doc, adjusted.description, { size: 9, color: MUTED });
  drawTable(
    doc,
    adjusted.columns.filter((c) => c.key !== 'adjusted_for'),
    adjusted.rows,
    [100, 60, 55, 55, 45],
  );
}

export function otherOutcomesPage(doc: Doc, pack: EvidencePack): void {
  newPage(doc, 'Other outcomes by relationship time');
  paragraph(doc, 'The same view for the other outcome measures. Definitions are in the method at the end.', {
    size: 9,
    color: MUTED,
  });
  const measures = OUTCOME_MEASURES.filter((m) => m !== 'positive_outcome');
  const top = doc.y + 6;
  const width = (WIDTH - 20) / 2;
  const height = 205;
  measures.forEach((m, i) => {
    const x = MARGIN + (i % 2) * (width + 20);
    const y = top + Math.floor(i / 2) * (height + 30);
    const t = table(pack, MEASURE_FILE_NAMES[m]);
    rateChart(doc, { x, y, width, height }, MEASURES[m].label, measureBars(pack, MEASURE_FILE_NAMES[m]));
    if (t.note)
      doc
        .font('Helvetica-Bold')
        .fontSize(8)
        .fillColor('#b00020')
        .text(pdfText(t.note), x, y + height + 2);
  });
  doc.y = top + 2 * (height + 30);
  paragraph(doc, HIDDEN_NOTE, { size: 8, color: MUTED });
  for (const m of measures)
    paragraph(doc, `${MEASURES[m].label}: ${MEASURES[m].definition}`, { size: 8, color: MUTED });
}
