/**
 * The PDF's pages for the measures beyond the outcomes, by band of relationship time: where clients went
 * next (bounce-out, referral completion), personal development (three rates), the means (RQI,
 * continuity, bounce-in, change in confidence) as small tables, and understanding, trust and what followed
 * (disclosure and the follow-up rates; understanding, trust and retelling means). Each shows what was not
 * recorded beside n.
 */
import {
  MEASURES,
  type Cell,
  type EvidencePack,
  type PackMean,
  type PackRate,
  type PackTable,
} from '@deepvalue/shared';
import { formatCell } from '../format.js';
import { PACK_MEAN_FILE_NAMES } from '../tables/mean-tables.js';
import { ALL_BANDS, ALL_CATEGORIES, PACK_RATE_FILE_NAMES } from '../tables/outcome-tables.js';
import { MUTED, rateChart } from './pdf-charts.js';
import { bandRows, measureBars } from './pdf-headline-pages.js';
import {
  type Doc,
  HIDDEN_NOTE,
  MARGIN,
  WIDTH,
  drawTable,
  newPage,
  paragraph,
  subheading,
  table,
} from './pdf-layout.js';

const WHERE_NEXT: PackRate[] = ['bounce_out', 'referral_completion'];
const DEVELOPMENT: PackRate[] = ['confidence_improved', 'would_seek_advice_earlier', 'could_handle_similar'];
const TRUST_AND_AFTER: PackRate[] = ['full_disclosure', 'outcome_sustained', 'new_problem_at_follow_up'];
const QUALITY_MEANS: PackMean[] = ['rqi', 'continuity', 'bounce_in', 'confidence_change'];
const UNDERSTANDING_MEANS: PackMean[] = ['understood', 'trust', 'did_not_repeat_story'];

const allBandsRow = (t: PackTable) => t.rows.find((r) => r.category === ALL_CATEGORIES && r.band === ALL_BANDS) ?? {};

/** "Not recorded (left out of n, all bands): bounce-out 25 cases; …" */
function notRecordedLine(pack: EvidencePack, rates: PackRate[]): string {
  const parts = rates.map((r) => {
    const t = table(pack, PACK_RATE_FILE_NAMES[r]);
    const unit = t.columns.find((c) => c.key === 'n')?.label.replace(/^n \((.*)\)$/, '$1') ?? 'cases';
    return `${MEASURES[r].label.toLowerCase()} ${formatCell(allBandsRow(t).not_recorded ?? null, 'count')} ${unit}`;
  });
  return `Not recorded, so left out of n (all bands, rounded): ${parts.join('; ')}.`;
}

/** Rate charts two to a row, each with its title, from `top`; returns the y below them. */
function chartGrid(doc: Doc, pack: EvidencePack, rates: PackRate[], top: number): number {
  const width = (WIDTH - 20) / 2;
  const height = 200;
  rates.forEach((r, i) => {
    const t = table(pack, PACK_RATE_FILE_NAMES[r]);
    rateChart(
      doc,
      { x: MARGIN + (i % 2) * (width + 20), y: top + Math.floor(i / 2) * (height + 16), width, height },
      t.title.replace(' by relationship time', ''),
      measureBars(pack, PACK_RATE_FILE_NAMES[r]),
    );
  });
  return top + Math.ceil(rates.length / 2) * (height + 16) + 4;
}

/** Where clients went next: bounce-out and referral completion. */
export function moreMeasuresPage(doc: Doc, pack: EvidencePack): void {
  newPage(doc, 'More measures by relationship time');
  paragraph(
    doc,
    'Where clients went next: how often a case ended by being passed on or without a result (bounce-out), and how ' +
      'often a client referred elsewhere reached that help (referral completion). Cases where this is not ' +
      'recorded are left out of the rate, not counted as "no".',
    { size: 9, color: MUTED },
  );
  doc.y = chartGrid(doc, pack, WHERE_NEXT, doc.y + 6);
  paragraph(doc, notRecordedLine(pack, WHERE_NEXT), { size: 8.5 });
  paragraph(doc, HIDDEN_NOTE, { size: 8, color: MUTED });
  for (const r of WHERE_NEXT)
    paragraph(doc, table(pack, PACK_RATE_FILE_NAMES[r]).description, { size: 8, color: MUTED });
}

/** Personal development: confidence improved, would seek advice earlier, could handle a similar problem. */
export function personalDevelopmentPage(doc: Doc, pack: EvidencePack): void {
  newPage(doc, 'Personal development by relationship time');
  paragraph(
    doc,
    'What clients said they took away: whether their confidence in dealing with problems like this rose, whether ' +
      'they would seek advice earlier next time, and whether they could handle a similar problem themselves. ' +
      'Clients who were not asked, or did not answer, are left out of the rate. The change in confidence as a ' +
      'mean is on the next page.',
    { size: 9, color: MUTED },
  );
  doc.y = chartGrid(doc, pack, DEVELOPMENT, doc.y + 6);
  paragraph(doc, notRecordedLine(pack, DEVELOPMENT), { size: 8.5 });
  paragraph(doc, HIDDEN_NOTE, { size: 8, color: MUTED });
  for (const r of DEVELOPMENT)
    paragraph(doc, `${MEASURES[r].label}: ${MEASURES[r].definition}`, { size: 8, color: MUTED });
}

const MEAN_COLUMNS = ['band', 'n', 'not_recorded', 'mean', 'ci_low', 'ci_high'];

/** The means as small tables: each band (merged bands as one row) and all bands. */
export function meansPage(doc: Doc, pack: EvidencePack): void {
  newPage(doc, 'Relationship quality, continuity and bounce-in by relationship time');
  paragraph(
    doc,
    'Means per case by band of relationship time; n and "not recorded" are closed cases, rounded like every count ' +
      '(not recorded: left out, never counted as 0). Means and intervals are rounded so they cannot give the exact ' +
      'n away; the interval is the widest the scale allows at that mean. "[c]": not published. Not adjusted for case mix.',
    { size: 9, color: MUTED },
  );
  meanTables(doc, pack, QUALITY_MEANS);
}

/** Understanding, trust and disclosure, retelling, and what a follow-up found. */
export function understandingPage(doc: Doc, pack: EvidencePack): void {
  newPage(doc, 'Understanding, trust and what followed, by relationship time');
  paragraph(
    doc,
    'Whether the adviser judged the client told them everything relevant (full disclosure), and what a follow-up ' +
      'found: the outcome still holding, or a new problem. Cases not assessed or not followed up are left out of ' +
      'the rate, not counted as "no". Below, the means: how well the client understood the outcome, the ' +
      'adviser’s view of trust, and the client’s own view of not having to repeat their story. Not adjusted for ' +
      'case mix; an association, not proof of cause.',
    { size: 9, color: MUTED },
  );
  doc.y = chartGrid(doc, pack, TRUST_AND_AFTER, doc.y + 6);
  paragraph(doc, notRecordedLine(pack, TRUST_AND_AFTER), { size: 8.5 });
  paragraph(doc, HIDDEN_NOTE, { size: 8, color: MUTED });
  meanTables(doc, pack, UNDERSTANDING_MEANS);
}

function meanTables(doc: Doc, pack: EvidencePack, means: PackMean[]): void {
  for (const m of means) {
    const t = table(pack, PACK_MEAN_FILE_NAMES[m]);
    subheading(doc, MEASURES[m].label);
    paragraph(doc, MEASURES[m].definition, { size: 8, color: MUTED });
    const columns = MEAN_COLUMNS.map((key) => t.columns.find((c) => c.key === key)!);
    const rows: Array<Record<string, Cell>> = [...bandRows(t), allBandsRow(t)];
    drawTable(doc, columns, rows, [110], 7.5);
  }
}
