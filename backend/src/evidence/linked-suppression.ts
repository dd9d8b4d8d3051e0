/**
 * Suppression across the linked tables of an evidence pack. suppressTable protects one table; a pack
 * publishes several tables over the same category × band grid, and the same number can appear in
 * more than one (the closed cases are the cases table and the denominator of "underlying problem
 * uncovered"), or be the difference of two (closed cases − cases with a result = cases without one).
 *
 * The rule: every count table that a published table is made of, or that can be worked out from
 * published tables by subtraction, is suppressed with suppressTable, and the published table hides the
 * UNION of their hidden entries (cells and totals). Hiding more entries never tells the reader more, so
 * each constituent stays protected; and a number published in two tables is given the same hidden
 * pattern in both, so neither undoes the other's protection.
 *
 * A hidden entry shows "<t" when the count itself is 1..t−1 in a table suppressed on its own (the same
 * mark suppressTable gives it), and "[c]" otherwise: "[c]" means "hidden so that a small number elsewhere
 * cannot be worked out" and may stand for any value, zero included.
 */
import { SECONDARY_MARK, suppressTable, type SuppressedTable } from './suppression.js';

/** Hidden entries of an (m+1) × (n+1) grid whose last column holds row totals and last row column totals. */
export interface Pattern {
  hidden: boolean[][];
  /** True when some constituent table could not be protected at all: publish nothing. */
  withheld: boolean;
}

export function patternOf(table: SuppressedTable): Pattern {
  const rows = table.cells.map((row, i) => [...row, table.rowTotals[i]].map((m) => m.suppressed));
  rows.push([...table.columnTotals, table.grandTotal].map((m) => m.suppressed));
  return { hidden: rows, withheld: table.withheld };
}

/** A pattern hiding everything the given patterns hide. All must have the same shape. */
export function unionOf(...patterns: Pattern[]): Pattern {
  const [first, ...rest] = patterns;
  return {
    hidden: first.hidden.map((row, i) => row.map((h, j) => h || rest.some((p) => p.hidden[i][j]))),
    withheld: patterns.some((p) => p.withheld),
  };
}

/** The pattern of suppressing each table on its own, united. */
export function jointPattern(tables: readonly (readonly (readonly number[])[])[], threshold: number): Pattern {
  return unionOf(...tables.map((counts) => patternOf(suppressTable(counts, threshold))));
}

/** Counts with their row totals, column totals and grand total, as an (m+1) × (n+1) grid. */
export function withTotals(counts: readonly (readonly number[])[]): number[][] {
  const n = counts[0]?.length ?? 0;
  const rows = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  rows.push(Array.from({ length: n + 1 }, (_, j) => rows.reduce((sum, row) => sum + row[j], 0)));
  return rows;
}

/** What to print for an entry under a pattern: the count, "<t" or "[c]" (see the header). */
export function display(value: number, hidden: boolean, threshold: number, smallMark = true): number | string {
  if (!hidden) return value;
  return smallMark && value >= 1 && value < threshold ? `<${threshold}` : SECONDARY_MARK;
}

/** The difference of two equal-shaped tables (a − b), e.g. closed cases − the cases a rate is taken among. */
export function minus(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  return a.map((row, i) => row.map((v, j) => v - b[i][j]));
}
