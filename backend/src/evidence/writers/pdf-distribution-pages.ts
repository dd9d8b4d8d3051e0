/**
 * The PDF's pages for the distributions (tables/distribution-tables.ts): the retelling burden and
 * acceptance by level of understanding on one page, the underlying problems on the next. Each table is
 * drawn as the files publish it, with a short reading of it above and what is not recorded inside it.
 */
import type { EvidencePack } from '@deepvalue/shared';
import { DISTRIBUTION_FILE_NAMES } from '../tables/distribution-tables.js';
import { MUTED } from './pdf-charts.js';
import {
  BOTTOM,
  MARGIN,
  WIDTH,
  type Doc,
  drawTable,
  ensureSpace,
  newPage,
  paragraph,
  subheading,
  table,
  tableHeight,
} from './pdf-layout.js';
import { pdfText } from './pdf-text.js';

/**
 * A table with its title and reading above it, kept on one page where it fits on one (a page break inside a
 * short table once left its last row alone on the next page).
 */
function drawn(doc: Doc, pack: EvidencePack, name: string, reading: string, widths: number[]): void {
  const t = table(pack, name);
  if (!t.note) {
    doc.font('Helvetica').fontSize(8.5);
    const above = 40 + doc.heightOfString(pdfText(reading), { width: WIDTH });
    const height = above + tableHeight(doc, t.columns, t.rows, widths, 7.5);
    if (height <= BOTTOM - MARGIN) ensureSpace(doc, height);
  }
  subheading(doc, t.title);
  paragraph(doc, reading, { size: 8.5, color: MUTED });
  if (t.note) {
    paragraph(doc, t.note, { size: 9, bold: true });
    return;
  }
  drawTable(doc, t.columns, t.rows, widths, 7.5);
}

/** How often clients had told their story before, and whether understanding went with accepting the outcome. */
export function retellingPage(doc: Doc, pack: EvidencePack): void {
  newPage(doc, 'Retelling burden and acceptance by understanding');
  paragraph(
    doc,
    'How many times clients had already told their story to someone else about this problem before they reached ' +
      'this service, by how they arrived and by how many organisations they had tried before; and, for each level ' +
      'of how well the client understood the outcome, how many accepted it. Counts are rounded (see the Method); ' +
      'shares come from the rounded counts. Not adjusted for case mix: an association, not proof of cause.',
    { size: 9, color: MUTED },
  );
  const told = 'Each share is of the cases in the same group, so the four shares of a group add up to about 100%.';
  drawn(doc, pack, DISTRIBUTION_FILE_NAMES.retellingByArrival, told, [120, 95]);
  drawn(doc, pack, DISTRIBUTION_FILE_NAMES.retellingByBounceIn, told, [120, 95]);
  drawn(
    doc,
    pack,
    DISTRIBUTION_FILE_NAMES.acceptanceByUnderstanding,
    'Rate: the share of the cases at that level of understanding whose client accepted the outcome.',
    [110],
  );
}

/** Underlying problems: what was done about them, their own result, and how much relationship time came first. */
export function problemsPage(doc: Doc, pack: EvidencePack): void {
  newPage(doc, 'Underlying problems');
  drawn(
    doc,
    pack,
    DISTRIBUTION_FILE_NAMES.underlyingProblems,
    'Problems found beyond the one the client came with, counted in problems. What was done about each; each ' +
      'problem’s own result where one was recorded (the others are "Not recorded", left out of the shares); and ' +
      'how much relationship time the case had had by the day the problem came to light. Each share is of the ' +
      'problems counted the same way. Problems of one case tend to be alike, so each interval is widened by the ' +
      'design effect beside it (1: no wider than if every problem were independent).',
    [134, 100],
  );
}
