/**
 * The means the pack publishes by band of relationship time (PACK_MEANS: RQI, continuity, bounce-in,
 * change in confidence): rounded n and cases not recorded, and a mean with its 95% interval rounded to a
 * step that cannot give the true n back (disclosure/means.ts).
 */
import { CATEGORIES, MEASURES, labelOf, type Cell, type ColumnKind, type PackTable } from '@deepvalue/shared';
import type { PackMean } from '@deepvalue/shared';
import type { RoundedMean } from '../../disclosure/means.js';
import type { RoundedOutcomes } from '../../disclosure/published-outcomes.js';
import { MIN_RATE_N, NOT_PUBLISHED_MARK } from '../../disclosure/rounding.js';
import { ALL_BANDS, ALL_CATEGORIES, GRID_COLUMNS, roundingNote } from './outcome-tables.js';
import { sheetName } from './sheet-name.js';

export const PACK_MEAN_FILE_NAMES: Record<PackMean, string> = {
  rqi: 'by-band-rqi',
  continuity: 'by-band-continuity',
  bounce_in: 'by-band-bounce-in',
  confidence_change: 'by-band-confidence-change',
  understood: 'by-band-understood',
  trust: 'by-band-trust',
  did_not_repeat_story: 'by-band-did-not-repeat-story',
};

const ABOUT: Record<PackMean, { kind: ColumnKind; reads: string }> = {
  rqi: { kind: 'number', reads: 'The mean of the per-case indices (0–100).' },
  continuity: { kind: 'rate', reads: 'The mean of the per-case shares, as a percentage.' },
  bounce_in: {
    kind: 'number',
    reads: 'The mean number of other organisations contacted before (0–3, where 3 stands for 3 or more).',
  },
  confidence_change: {
    kind: 'number',
    reads: 'The mean change, after minus before (−4 to +4), over cases with both answers.',
  },
  understood: { kind: 'number', reads: 'The mean score (1–5) at closing.' },
  trust: { kind: 'number', reads: 'The mean score (1–5), the adviser’s assessment.' },
  did_not_repeat_story: {
    kind: 'number',
    reads: 'The mean score (1–5) the client gave “I didn’t have to repeat my story” (each case’s forms averaged).',
  },
};

function meanCells(r: RoundedMean | null): Record<string, Cell> {
  if (r === null)
    return {
      n: NOT_PUBLISHED_MARK,
      not_recorded: NOT_PUBLISHED_MARK,
      mean: NOT_PUBLISHED_MARK,
      ci_low: NOT_PUBLISHED_MARK,
      ci_high: NOT_PUBLISHED_MARK,
    };
  return { n: r.n, not_recorded: r.unknown, mean: r.mean, ci_low: r.ciLow, ci_high: r.ciHigh };
}

export function packMeanTable(rounded: RoundedOutcomes, measure: PackMean): PackTable {
  const table = rounded.means[measure];
  const { label, definition } = MEASURES[measure];
  const { kind, reads } = ABOUT[measure];
  const merged = table.groups.filter((g) => g.from !== g.to).map((g) => `"${g.label}"`);
  return {
    name: PACK_MEAN_FILE_NAMES[measure],
    sheet: sheetName(label),
    title: `${label} by relationship time`,
    description:
      `${definition} ${reads} n is the closed cases where it is recorded; "Not recorded" the closed cases where ` +
      `it is not (the closed cases less n, both as published; left out of the mean, never counted as 0). ${roundingNote(rounded.base)} The mean is ` +
      'rounded to a step coarse enough that it cannot tell which n the rounded n stands for. Its 95% interval is ' +
      'conservative: Student t with the rounded n and the widest spread the scale allows at that mean (so it adds ' +
      'nothing to the mean and n), widened outwards to the same step. A band with fewer than ' +
      `${MIN_RATE_N} cases is merged with its neighbour` +
      (merged.length ? `: here ${merged.join(' and ')} ${merged.length === 1 ? 'is' : 'are'} merged bands.` : '.') +
      ` A category with fewer than ${MIN_RATE_N} cases has no mean.`,
    note: null,
    columns: [
      { key: 'measure', label: 'Measure', kind: 'text' },
      ...GRID_COLUMNS,
      { key: 'n', label: 'n (cases)', kind: 'count' },
      { key: 'not_recorded', label: 'Not recorded', kind: 'count' },
      { key: 'mean', label: 'Mean', kind },
      { key: 'ci_low', label: '95% interval from', kind },
      { key: 'ci_high', label: '95% interval to', kind },
    ],
    rows: [
      ...table.groups.map((g) => ({ measure: label, category: ALL_CATEGORIES, band: g.label, ...meanCells(g) })),
      { measure: label, category: ALL_CATEGORIES, band: ALL_BANDS, ...meanCells(table.overall) },
      ...CATEGORIES.map((c, i) => ({
        measure: label,
        category: labelOf(c),
        band: ALL_BANDS,
        ...meanCells(table.byCategory[i]),
      })),
    ],
  };
}
