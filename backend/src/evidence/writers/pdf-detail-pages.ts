/**
 * The PDF's later pages: outcomes by category, fixed fee against need, the value of the outcomes,
 * and the method.
 */
import { CATEGORIES, OUTCOME_MEASURES, MEASURES, labelOf } from '@deepvalue/shared';
import { formatCell, gbp, thousands } from '../format.js';
import type { Cell, EvidencePack, PackColumn } from '@deepvalue/shared';
import { ALL_BANDS, ALL_CATEGORIES, MEASURE_FILE_NAMES } from '../tables/outcome-tables.js';
import { MUTED, hoursChart, rangeChart, type RangePoint } from './pdf-charts.js';
import {
  BAND_LABELS,
  type Doc,
  HIDDEN_NOTE,
  MARGIN,
  WIDTH,
  drawTable,
  ensureSpace,
  newPage,
  paragraph,
  rateWithN,
  subheading,
  table,
} from './pdf-layout.js';

export function categoryPage(doc: Doc, pack: EvidencePack): void {
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

export function fixedFeePage(doc: Doc, pack: EvidencePack): void {
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

export function valuePage(doc: Doc, pack: EvidencePack): void {
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
  // Priced with each provider's own table, "[c]" has a second reason the general note does not give.
  const oneTable = pack.meta.unitCosts.eachProvider
    ? ' Priced with each provider\'s own table, a £ figure also reads "[c]" where it would rest on one ' +
      "provider's table alone (see the method)."
    : '';
  paragraph(doc, `${HIDDEN_NOTE}${oneTable}`, { size: 8, color: MUTED });
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

export function methodPages(doc: Doc, pack: EvidencePack, inputsSha256: string): void {
  newPage(doc, 'Method and caveats');
  for (const section of pack.method) {
    subheading(doc, section.heading);
    for (const p of section.paragraphs) paragraph(doc, p, { size: 9.5 });
  }
  subheading(doc, 'Unit costs');
  const costs = table(pack, 'unit-costs');
  if (costs.note) paragraph(doc, costs.note, { size: 9.5 });
  else
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
  const adjustments = table(pack, 'adjustments');
  if (!adjustments.note) {
    subheading(doc, 'Adjustments');
    drawTable(doc, adjustments.columns, adjustments.rows);
  }
  subheading(doc, 'Re-creating this pack');
  paragraph(
    doc,
    `SHA-256 of the pack's inputs: ${inputsSha256}. The manifest (manifest.json) lists the period, filters, ` +
      `unit-cost version, software version and the SHA-256 of every file; the same inputs give the same files.`,
    { size: 8.5, color: MUTED },
  );
}
