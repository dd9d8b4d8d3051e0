/**
 * PDF: the report a funding panel reads on paper (A4). A title page with the headline figures, time
 * against outcome as a vector chart (bars, 95% interval whiskers, n per band) with the adjusted
 * estimates, the other outcomes, outcomes by category, fixed fee against need, the value of the
 * outcomes with its low–high range (overall and per band of relationship time), then the method and
 * caveats with the unit costs. Page numbers on every page. Dates inside are the pack's generatedAt.
 */
import { BANDS, CATEGORIES, OUTCOME_MEASURES, SMALL_BAND_N, MEASURES, labelOf } from '@deepvalue/shared';
import PDFDocument from 'pdfkit';
import { formatCell, gbp, thousands } from '../format.js';
import type { Cell, EvidencePack, PackColumn, PackTable } from '@deepvalue/shared';
import { ALL_BANDS, ALL_CATEGORIES, MEASURE_FILE_NAMES, PACK_RATE_FILE_NAMES } from '../tables/outcome-tables.js';
import { PACK_RATES } from '../evidence.repository.js';
import {
  BLUE,
  GRID,
  INK,
  MUTED,
  hoursChart,
  rangeChart,
  rateChart,
  type RangePoint,
  type RateBar,
} from './pdf-charts.js';
import { pdfText } from './pdf-text.js';
import { bandGroupLabel, roundingBaseFor } from '../../disclosure/rounding.js';

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 56;
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const WIDTH = PAGE_WIDTH - 2 * MARGIN;
const BOTTOM = PAGE_HEIGHT - 70;

export interface PdfOptions {
  /** Uncompressed content streams (tests read the text back). */
  compress?: boolean;
}

/** Short band labels in WinAnsi ("≥ 8 h" has no glyph); the method spells out "8 h+" as 8 hours or more. */
const BAND_LABELS = ['< 1 h', '1–2 h', '2–4 h', '4–8 h', '8 h+'];
const HIDDEN_NOTE =
  'Counts are rounded, and rates worked out from the rounded counts; "[c]": not published, to protect small ' +
  'numbers (see the method).';

export async function packPdf(pack: EvidencePack, inputsSha256: string, options: PdfOptions = {}): Promise<Buffer> {
  const date = new Date(pack.meta.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    compress: options.compress ?? true,
    autoFirstPage: false,
    info: {
      Title: pdfText(`${pack.meta.title}: ${organisationLine(pack)}`),
      Author: 'Deep Value',
      Subject: `Cases closed ${pack.meta.period.from} to ${pack.meta.period.to}`,
      Creator: `Deep Value ${pack.meta.softwareVersion}`,
      Producer: 'Deep Value (PDFKit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  summaryPage(doc, pack);
  titlePage(doc, pack);
  outcomesPage(doc, pack);
  otherOutcomesPage(doc, pack);
  moreMeasuresPage(doc, pack);
  categoryPage(doc, pack);
  fixedFeePage(doc, pack);
  valuePage(doc, pack);
  methodPages(doc, pack, inputsSha256);
  footers(doc, pack);
  doc.end();
  return done;
}

const table = (pack: EvidencePack, name: string): PackTable => {
  const found = pack.tables.find((t) => t.name === name);
  if (!found) throw new Error(`the pack has no table ${name}`);
  return found;
};

function organisationLine(pack: EvidencePack): string {
  const names = pack.meta.organisations.map((o) => o.name).join(', ');
  return pack.meta.commissioner ? `${names} (combined, for ${pack.meta.commissioner.name})` : names;
}

function newPage(doc: Doc, heading: string): void {
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

function paragraph(doc: Doc, text: string, options: { size?: number; color?: string; bold?: boolean } = {}): void {
  const size = options.size ?? 10;
  ensureSpace(doc, doc.heightOfString(pdfText(text), { width: WIDTH }) + 6);
  doc
    .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(size)
    .fillColor(options.color ?? INK)
    .text(pdfText(text), MARGIN, doc.y, { width: WIDTH, lineGap: 2 });
  doc.y += 5;
}

function subheading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  doc.y += 4;
  doc.font('Helvetica-Bold').fontSize(12).fillColor(INK).text(pdfText(text), MARGIN, doc.y, { width: WIDTH });
  doc.y += 4;
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > BOTTOM) {
    doc.addPage();
    doc.y = MARGIN;
  }
}

/**
 * Page 1: the plain-English summary a funding panel reads first, with the headline outcome's chart
 * by relationship time after the section that describes it. Written to fit one page.
 */
function summaryPage(doc: Doc, pack: EvidencePack): void {
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

function titlePage(doc: Doc, pack: EvidencePack): void {
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
      `${meta.unitCosts.organisationName}, version ${meta.unitCosts.version}, uprated to ${meta.unitCosts.priceYear} prices`,
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
function bandRows(t: PackTable): Array<Record<string, Cell>> {
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
function measureBars(pack: EvidencePack, tableName: string): RateBar[] {
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

function outcomesPage(doc: Doc, pack: EvidencePack): void {
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
    };
  });
  drawTable(doc, columns, rows, [130]);
  paragraph(
    doc,
    `Each cell: rate (n cases). A band with too few cases is merged with its neighbour: the figure is in the ` +
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

function rateWithN(rate: Cell, n: Cell): string {
  if (typeof rate === 'number') return `${(rate * 100).toFixed(0)}% (${formatCell(n, 'count')})`;
  if (rate === null) return n === 0 ? 'no cases' : '–';
  return rate;
}

function otherOutcomesPage(doc: Doc, pack: EvidencePack): void {
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

/** The other rates the pack publishes by band (bounce-out, referral completion), drawn as the outcomes are. */
function moreMeasuresPage(doc: Doc, pack: EvidencePack): void {
  newPage(doc, 'More measures by relationship time');
  paragraph(
    doc,
    'Where clients went next: how often a case ended by being passed on or without a result (bounce-out), and how ' +
      'often a client referred elsewhere reached that help (referral completion). Cases where this is not ' +
      'recorded are left out of the rate, not counted as "no".',
    { size: 9, color: MUTED },
  );
  const top = doc.y + 6;
  const width = (WIDTH - 20) / 2;
  const height = 205;
  PACK_RATES.forEach((r, i) => {
    const t = table(pack, PACK_RATE_FILE_NAMES[r]);
    rateChart(
      doc,
      { x: MARGIN + i * (width + 20), y: top, width, height },
      t.title.replace(' by relationship time', ''),
      measureBars(pack, PACK_RATE_FILE_NAMES[r]),
    );
  });
  doc.y = top + height + 20;
  paragraph(doc, HIDDEN_NOTE, { size: 8, color: MUTED });
  for (const r of PACK_RATES) {
    const t = table(pack, PACK_RATE_FILE_NAMES[r]);
    paragraph(doc, t.description, { size: 8, color: MUTED });
  }
}

function categoryPage(doc: Doc, pack: EvidencePack): void {
  newPage(doc, 'Outcomes by category');
  paragraph(doc, 'Each outcome measure per category of law, all bands of relationship time together.');
  const columns: PackColumn[] = [
    { key: 'category', label: 'Category', kind: 'text' },
    { key: 'cases', label: 'Closed cases', kind: 'text' },
    ...OUTCOME_MEASURES.map((m) => ({ key: m, label: MEASURES[m].label, kind: 'text' as const })),
  ];
  const cases = table(pack, 'cases');
  const casesOf = (category: string) =>
    cases.rows.find((r) => r.category === category && r.band === ALL_BANDS)?.cases ?? null;
  const withCases = CATEGORIES.map((c) => labelOf(c)).filter((c) => casesOf(c) !== 0);
  const rows = [ALL_CATEGORIES, ...withCases].map((category) => {
    const casesRow = cases.rows.find((r) => r.category === category && r.band === ALL_BANDS);
    return {
      category,
      cases: cases.note ? '[c]' : formatCell(casesRow?.cases ?? null, 'count'),
      ...Object.fromEntries(
        OUTCOME_MEASURES.map((m) => {
          const t = table(pack, MEASURE_FILE_NAMES[m]);
          const row = t.rows.find((r) => r.category === category && r.band === ALL_BANDS);
          return [m, t.note ? '[c]' : rateWithN(row?.rate ?? null, row?.n ?? null)];
        }),
      ),
    };
  });
  drawTable(doc, columns, rows, [95, 50]);
  const none = CATEGORIES.map((c) => labelOf(c)).filter((c) => casesOf(c) === 0);
  if (none.length) paragraph(doc, `No closed cases in: ${none.join(', ')}.`, { size: 8, color: MUTED });
  paragraph(doc, `Each cell: rate (n cases). ${HIDDEN_NOTE}`, { size: 8, color: MUTED });
}

function fixedFeePage(doc: Doc, pack: EvidencePack): void {
  newPage(doc, 'Fixed fee against need');
  const fee = table(pack, 'fixed-fee-vs-need');
  const feeRows = fee.rows.filter((r) => r.cases !== 0);
  paragraph(doc, fee.description);
  const top = doc.y + 4;
  const bottom = hoursChart(
    doc,
    { x: MARGIN, y: top, width: WIDTH, height: 0 },
    'Hours cases took against the hours the fee pays for',
    feeRows.map((row) => ({
      label: String(row.category),
      taken: typeof row.median_hours === 'number' ? row.median_hours : null,
      paidFor:
        typeof row.hours_paid_for_min === 'number' && typeof row.hours_paid_for_max === 'number'
          ? ([row.hours_paid_for_min, row.hours_paid_for_max] as [number, number])
          : null,
      mark: typeof row.median_hours === 'string' ? row.median_hours : undefined,
    })),
  );
  doc.y = bottom + 10;
  const keys = [
    'category',
    'fixed_fee',
    'hours_paid_for',
    'cases',
    'median_hours',
    'cases_within_fee',
    'cases_beyond_fee',
    'positive_rate_within',
    'positive_rate_beyond',
    'cases_escaped',
  ];
  const joined: PackColumn[] = [
    { key: 'fixed_fee', label: 'Fixed fee', kind: 'text' },
    { key: 'hours_paid_for', label: 'Hours the fee pays for', kind: 'text' },
  ];
  const span = (min: Cell, max: Cell, kind: 'gbp' | 'hours') =>
    min === max ? formatCell(min, kind) : `${formatCell(min, kind)}–${formatCell(max, kind)}`;
  drawTable(
    doc,
    keys.map((k) => joined.find((c) => c.key === k) ?? fee.columns.find((c) => c.key === k)!),
    feeRows.map((r) => ({
      ...r,
      fixed_fee: span(r.fixed_fee_min_gbp, r.fixed_fee_max_gbp, 'gbp'),
      hours_paid_for: span(r.hours_paid_for_min, r.hours_paid_for_max, 'hours'),
    })),
    [80, 62, 52],
  );
  const notes = [...new Set(feeRows.map((r) => r.note).filter((n): n is string => typeof n === 'string'))];
  for (const note of notes) paragraph(doc, `Note: ${note}`, { size: 8, color: MUTED });
}

function valuePage(doc: Doc, pack: EvidencePack): void {
  newPage(doc, 'The value of the outcomes');
  const summary = table(pack, 'value-summary');
  paragraph(doc, summary.description);
  if (summary.note) paragraph(doc, summary.note, { bold: true });
  const overall = summary.rows.filter((r) => r.group_by === 'Overall');
  drawTable(
    doc,
    [
      'kind',
      'gross_gbp',
      'net_low_gbp',
      'net_central_gbp',
      'net_high_gbp',
      'net_per_pound_central',
      'events_not_priced',
    ].map((k) => summary.columns.find((c) => c.key === k)!),
    overall,
    [150],
  );
  const first = overall[0];
  paragraph(
    doc,
    `All cases: ${formatCell(first?.cases ?? null, 'count')} closed cases, ${formatCell(first?.adviser_hours ?? null, 'hours')} adviser hours, ` +
      `costing ${formatCell(first?.adviser_cost_gbp ?? null, 'gbp')}.`,
    { size: 9, color: MUTED },
  );

  const perPoundAvailable = summary.rows.some(
    (r) => r.group_by === 'Overall' && r.kind === summary.rows[0]?.kind && typeof r.net_per_pound_central === 'number',
  );
  const fiscalKind = overall[0]?.kind;
  const bandRows = summary.rows.filter((r) => r.group_by === 'Relationship time' && r.kind === fiscalKind);
  const key = perPoundAvailable ? 'net_per_pound' : 'net_per_relationship_hour';
  const suffix = perPoundAvailable ? '' : '_gbp';
  const points: RangePoint[] = bandRows.map((r, i) => {
    const value = (s: string) => {
      const cell = r[`${key}_${s}${suffix}`];
      return typeof cell === 'number' ? cell : null;
    };
    const mark = r[`${key}_central${suffix}`];
    return {
      label: BAND_LABELS[i] ?? String(r.group),
      low: value('low'),
      central: value('central'),
      high: value('high'),
      mark: typeof mark === 'string' ? mark : 'not available',
    };
  });
  ensureSpace(doc, 40 + 18 * points.length + 30);
  const top = doc.y + 8;
  const end = rangeChart(
    doc,
    { x: MARGIN, y: top, width: WIDTH, height: 0 },
    perPoundAvailable
      ? 'Fiscal value per £1 of adviser time, by relationship time (net: central, low to high)'
      : 'Fiscal value per hour of relationship time, by relationship time (net: central, low to high)',
    points,
    perPoundAvailable ? (v) => `£${v.toFixed(2)}` : gbp,
    perPoundAvailable ? { value: 1, label: '£1 back for every £1' } : undefined,
  );
  doc.y = end + 6;
  paragraph(doc, HIDDEN_NOTE, { size: 8, color: MUTED });
  if (!perPoundAvailable) {
    paragraph(doc, 'Value per £1 needs the hourly cost of adviser time, which has not been entered.', {
      size: 8,
      color: MUTED,
    });
  }

  subheading(doc, 'Outcomes not priced');
  const unpriced = table(pack, 'not-priced');
  if (unpriced.rows.length === 0) paragraph(doc, 'None: every outcome recorded was priced.');
  else {
    paragraph(doc, unpriced.description, { size: 9, color: MUTED });
    drawTable(
      doc,
      unpriced.columns.filter((c) => c.key !== 'kind'),
      unpriced.rows,
      [130, 150, 45],
    );
  }
}

function methodPages(doc: Doc, pack: EvidencePack, inputsSha256: string): void {
  newPage(doc, 'Method and caveats');
  for (const section of pack.method) {
    subheading(doc, section.heading);
    for (const p of section.paragraphs) paragraph(doc, p, { size: 9.5 });
  }
  subheading(doc, 'Unit costs');
  const costs = table(pack, 'unit-costs');
  drawTable(
    doc,
    ['label', 'value_gbp', 'year', 'deflator_factor', 'value_at_price_year_gbp', 'source'].map((key) =>
      costs.columns.find((c) => c.key === key)!,
    ),
    // Uprated figures to the penny, as the method's arithmetic gives them.
    costs.rows.map((r) => ({
      ...r,
      value_at_price_year_gbp:
        typeof r.value_at_price_year_gbp === 'number'
          ? `£${thousands(r.value_at_price_year_gbp, 2)}`
          : r.value_at_price_year_gbp,
    })),
    [105, 58, 36, 48, 66],
    8,
  );
  subheading(doc, 'Adjustments');
  const adjustments = table(pack, 'adjustments');
  drawTable(doc, adjustments.columns, adjustments.rows);
  subheading(doc, 'Re-creating this pack');
  paragraph(
    doc,
    `SHA-256 of the pack's inputs: ${inputsSha256}. The manifest (manifest.json) lists the period, filters, ` +
      `unit-cost version, software version and the SHA-256 of every file; the same inputs give the same files.`,
    { size: 8.5, color: MUTED },
  );
}

/**
 * A table with a shaded header; numbers right-aligned. `widths` fixes the first columns' widths and
 * the rest share what is left. Rows break across pages with the header repeated.
 */
function drawTable(
  doc: Doc,
  columns: PackColumn[],
  rows: Array<Record<string, Cell>>,
  widths: number[] = [],
  fontSize = 8.5,
): void {
  const fixed = widths.slice(0, columns.length);
  const rest = (WIDTH - fixed.reduce((a, b) => a + b, 0)) / Math.max(1, columns.length - fixed.length);
  const colWidths = columns.map((_, i) => fixed[i] ?? rest);
  const pad = 3;
  const cellText = (row: Record<string, Cell>, c: PackColumn) => pdfText(formatCell(row[c.key] ?? null, c.kind));
  const heightOf = (texts: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
    return Math.max(...texts.map((t, i) => doc.heightOfString(t, { width: colWidths[i] - 2 * pad }))) + 2 * pad;
  };
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

function footers(doc: Doc, pack: EvidencePack): void {
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
