/**
 * Suppression across the linked tables of an evidence pack. suppressTable protects one table; a pack
 * publishes several tables over the same cases, and the same number can appear in more than one (the
 * closed cases are the cases table and the denominator of "underlying problem uncovered"), or be the
 * difference of two (closed cases − cases with a result = cases without one).
 *
 * Packs publish margins: figures by category (all bands) and by band of relationship time (all
 * categories), sharing one grand total. The category × band cross-classification is not published:
 * its cells are small in most organisations, and protecting them would hide the margins too.
 *
 * The rule: every count that a published figure is made of, or that can be worked out from published
 * figures by subtraction, is suppressed, and all such tables share ONE hidden pattern: each is
 * suppressed with the others' hidden entries passed in as linked (suppressTable's `linked`), until none
 * needs more (jointMarginPattern). So each table is protected under the pattern actually published,
 * and a number published twice is hidden in both places or in neither.
 *
 * A hidden entry shows "<t" when its own count is 1..t−1 (the mark suppressTable gives it) and "[c]"
 * otherwise: "[c]" means "hidden so that a small number elsewhere cannot be worked out" and may stand
 * for any value, zero included.
 */
import { SECONDARY_MARK, suppressTable } from './suppression.js';

/** Counts of one kind by category and by band, and their total (the same cases counted both ways). */
export interface Margins {
  byCategory: number[];
  byBand: number[];
  total: number;
}

export interface MarginPattern {
  byCategory: boolean[];
  byBand: boolean[];
  total: boolean;
  /** True when some table could not be protected at all: publish none of it. */
  withheld: boolean;
}

/** The margins of a category × band matrix (rows categories, columns bands). */
export function marginsOf(matrix: readonly (readonly number[])[]): Margins {
  const byCategory = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const byBand = (matrix[0] ?? []).map((_, j) => matrix.reduce((sum, row) => sum + row[j], 0));
  return { byCategory, byBand, total: byCategory.reduce((a, b) => a + b, 0) };
}

export function minusMargins(a: Margins, b: Margins): Margins {
  return {
    byCategory: a.byCategory.map((v, i) => v - b.byCategory[i]),
    byBand: a.byBand.map((v, j) => v - b.byBand[j]),
    total: a.total - b.total,
  };
}

/**
 * One way of a margin (a vector with its total) suppressed as a one-column table, with `hidden`
 * entries linked. Returns the hidden vector and total, or null when it cannot be protected.
 */
function suppressVector(
  values: number[],
  hidden: boolean[],
  totalHidden: boolean,
  threshold: number,
): { hidden: boolean[]; total: boolean } | null {
  const linked = [...hidden.map((h) => [h, h]), [totalHidden, totalHidden]];
  const table = suppressTable(
    values.map((v) => [v]),
    threshold,
    linked,
  );
  if (table.withheld) return null;
  return {
    hidden: table.cells.map((row, i) => row[0].suppressed || table.rowTotals[i].suppressed),
    total: table.columnTotals[0].suppressed || table.grandTotal.suppressed,
  };
}

const WITHHELD = (m: Margins): MarginPattern => ({
  byCategory: m.byCategory.map(() => true),
  byBand: m.byBand.map(() => true),
  total: true,
  withheld: true,
});

/**
 * One hidden pattern protecting every table at once, both ways (by category and by band) with the
 * shared total. Starting from `seed` carries a pattern another group of tables already publishes.
 * Each pass only adds hidden entries, so this ends.
 */
export function jointMarginPattern(tables: readonly Margins[], threshold: number, seed?: MarginPattern): MarginPattern {
  const first = tables[0];
  let pattern: MarginPattern = seed ?? {
    byCategory: first.byCategory.map(() => false),
    byBand: first.byBand.map(() => false),
    total: false,
    withheld: false,
  };
  if (pattern.withheld) return pattern;
  for (let changed = true; changed;) {
    changed = false;
    for (const table of tables) {
      const categories = suppressVector(table.byCategory, pattern.byCategory, pattern.total, threshold);
      const bands = suppressVector(table.byBand, pattern.byBand, pattern.total, threshold);
      if (!categories || !bands) return WITHHELD(first);
      const next: MarginPattern = {
        byCategory: pattern.byCategory.map((h, i) => h || categories.hidden[i]),
        byBand: pattern.byBand.map((h, j) => h || bands.hidden[j]),
        total: pattern.total || categories.total || bands.total,
        withheld: false,
      };
      const grew =
        next.total !== pattern.total ||
        next.byCategory.some((h, i) => h !== pattern.byCategory[i]) ||
        next.byBand.some((h, j) => h !== pattern.byBand[j]);
      if (grew) {
        pattern = next;
        changed = true;
      }
    }
  }
  return pattern;
}

/** What to print for an entry under a pattern: the count, "<t" or "[c]" (see the header). */
export function display(value: number, hidden: boolean, threshold: number, smallMark = true): number | string {
  if (!hidden) return value;
  return smallMark && value >= 1 && value < threshold ? `<${threshold}` : SECONDARY_MARK;
}
