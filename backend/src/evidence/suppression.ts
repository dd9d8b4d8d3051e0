/**
 * Small-number suppression for the evidence pack (brief §6, issue 7), so that no client can be
 * singled out from a published count.
 *
 * A table of counts is published with its row totals, column totals and grand total. Think of it
 * as an (m+1) × (n+1) grid whose last column holds the row totals and last row the column totals:
 * every row and every column of that grid is a "line" whose entries add up to its last entry.
 *
 * - Primary suppression: any entry (cell or total) from 1 to threshold − 1 is hidden (shown "<5").
 *   Zero is published: it identifies nobody.
 * - Secondary suppression hides further entries (shown "[c]") until no hidden entry can be worked
 *   back. The reader is assumed to know the method: hidden primary entries are 1..threshold − 1,
 *   hidden secondary entries are ≥ threshold (any smaller non-zero count would be primary), and every
 *   line adds up. Three attacks are checked, and each time one succeeds the smallest non-zero visible
 *   entry of a line through the exposed entry is hidden too, until none succeeds:
 *     1. a line with exactly one hidden entry (it is the total minus the rest);
 *     2. bounds: e.g. two "<5" cells in a row whose hidden part adds to 2 must both be 1 — found by
 *        propagating each hidden entry's range through the lines until nothing changes;
 *     3. linear combinations of lines, e.g. a hidden cell that bridges two blocks of hidden cells —
 *        found by Gaussian elimination on the hidden entries.
 *   Together these stop exact recovery; they do not promise that a hidden entry's range stays as
 *   wide as 1..threshold − 1 (knowing two "<5" cells add to 3 still tells you each is 1 or 2).
 *   The reader is assumed to know these rules, not the order in which entries were chosen.
 * - Some tables cannot be protected at all: four "<5" cells in a column whose total is "<5" are each
 *   1, whatever else is hidden. Such a table comes back `withheld`: every entry hidden as "[c]", and the
 *   report should say it is not published because it rests on too few cases.
 *
 * The threshold must be at least 3: with 2, "<2" would itself say the count is 1.
 *
 * Totals must be plain sums of the cells (rows and columns partition the cases). For a rate, suppress
 * the table of [with, without] per group (suppressRates), so the complement n − count is protected too.
 */

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;
export const SECONDARY_MARK = '[c]';

/** `linked`: hidden because a linked table of the same pack hides it (see suppressTable's `linked`). */
export type SuppressionReason = 'primary' | 'secondary' | 'withheld' | 'linked';

/**
 * A published count, or a hidden one whose value is deliberately not carried, so it cannot leak into
 * an output by mistake. Shown as "<5" (primary) or "[c]" (secondary, withheld): see displayCount.
 */
export type MaskedCount = { suppressed: false; value: number } | { suppressed: true; reason: SuppressionReason };

export type MaskedValue<T> = { suppressed: false; value: T } | { suppressed: true };

export interface SuppressedTable {
  threshold: number;
  /** True when no pattern of hiding could protect the table, so every entry is hidden. */
  withheld: boolean;
  cells: MaskedCount[][];
  rowTotals: MaskedCount[];
  columnTotals: MaskedCount[];
  grandTotal: MaskedCount;
}

type Status = 'published' | SuppressionReason;
type Pos = readonly [row: number, col: number];
interface Line {
  members: Pos[];
  total: Pos;
}
interface Grid {
  values: number[][];
  status: Status[][];
  lines: Line[];
  threshold: number;
}

/**
 * Suppress a table of counts (rows × columns of non-negative integers) and its totals.
 * `linked` ((rows + 1) × (columns + 1), totals last) marks entries that must be hidden anyway because
 * another published table of the same pack hides them; the reader is assumed to know nothing of such an
 * entry (any value from 0), and further entries are hidden until the table is protected. A linked zero
 * is treated as published: zero identifies nobody, and a zero worked back tells nothing more.
 */
export function suppressTable(
  counts: readonly (readonly number[])[],
  threshold = DEFAULT_SUPPRESSION_THRESHOLD,
  linked?: readonly (readonly boolean[])[],
): SuppressedTable {
  const grid = buildGrid(counts, threshold, linked);
  // Each pass hides one more entry, so this ends after at most (rows + 1) × (columns + 1) passes.
  for (;;) {
    const weak = linesToProtect(grid);
    if (!weak) return toResult(grid, false);
    const next = complementIn(grid, weak);
    if (!next) {
      for (const pos of allPositions(grid)) grid.status[pos[0]][pos[1]] = 'withheld';
      return toResult(grid, true);
    }
    grid.status[next[0]][next[1]] = 'secondary';
  }
}

/**
 * The lines through an entry the reader could work back, or null when none can be. Attack 1 is the
 * cheap common case (and the classic "next-smallest cell in the row" rule); attacks 2 and 3 catch the rest.
 */
function linesToProtect(grid: Grid): Line[] | null {
  const exposed = grid.lines.find((line) => hiddenIn(grid, line).length === 1);
  if (exposed) return [exposed];
  const pinned = pinnedByBounds(grid) ?? pinnedByLinearCombination(grid) ?? pinnedByEnumeration(grid);
  return pinned ? linesThrough(grid, pinned) : null;
}

/** A count published on its own (not in a table): primary suppression only. */
export function maskCount(count: number, threshold = DEFAULT_SUPPRESSION_THRESHOLD): MaskedCount {
  assertThreshold(threshold);
  return count >= 1 && count < threshold
    ? { suppressed: true, reason: 'primary' }
    : { suppressed: false, value: count };
}

/** A rate, mean or £ figure is hidden whenever any count it is derived from is hidden. */
export function maskDerived<T>(value: T, basis: readonly MaskedCount[]): MaskedValue<T> {
  return basis.some((count) => count.suppressed) ? { suppressed: true } : { suppressed: false, value };
}

export function displayCount(count: MaskedCount, threshold = DEFAULT_SUPPRESSION_THRESHOLD): string {
  if (!count.suppressed) return String(count.value);
  return count.reason === 'primary' ? `<${threshold}` : SECONDARY_MARK;
}

export interface RateGroup {
  n: number;
  count: number;
}
export interface MaskedRate {
  n: MaskedCount;
  count: MaskedCount;
  /** count ÷ n; null when n is 0. */
  rate: MaskedValue<number | null>;
}

/**
 * Rates per group with an overall rate. Suppresses the table [count, n − count] per group, so that
 * neither the count nor its complement can be small or derived, then hides each rate whose count or
 * n is hidden.
 */
export function suppressRates(
  groups: readonly RateGroup[],
  threshold = DEFAULT_SUPPRESSION_THRESHOLD,
): { groups: MaskedRate[]; overall: MaskedRate } {
  if (groups.some((g) => g.count > g.n)) throw new RangeError('a count cannot exceed its n');
  const table = suppressTable(
    groups.map((g) => [g.count, g.n - g.count]),
    threshold,
  );
  const rate = (count: number, n: number, basis: MaskedCount[]) => maskDerived(n === 0 ? null : count / n, basis);
  const totalN = groups.reduce((sum, g) => sum + g.n, 0);
  const totalCount = groups.reduce((sum, g) => sum + g.count, 0);
  return {
    groups: groups.map((g, i) => {
      const [count, n] = [table.cells[i][0], table.rowTotals[i]];
      return { n, count, rate: rate(g.count, g.n, [count, n]) };
    }),
    overall: {
      n: table.grandTotal,
      count: table.columnTotals[0],
      rate: rate(totalCount, totalN, [table.columnTotals[0], table.grandTotal]),
    },
  };
}

function assertThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 3) throw new RangeError('threshold must be a whole number ≥ 3');
}

function buildGrid(
  counts: readonly (readonly number[])[],
  threshold: number,
  linked?: readonly (readonly boolean[])[],
): Grid {
  assertThreshold(threshold);
  const m = counts.length;
  const n = m === 0 ? 0 : counts[0].length;
  for (const row of counts) {
    if (row.length !== n) throw new RangeError('every row of the table must have the same number of columns');
    for (const c of row) if (!Number.isInteger(c) || c < 0) throw new RangeError('counts must be whole numbers ≥ 0');
  }
  const values = counts.map((row) => [...row, sum(row)]);
  const columnTotals = Array.from({ length: n + 1 }, (_, j) => sum(values.map((row) => row[j])));
  values.push(columnTotals);
  const status = values.map((row, i) =>
    row.map((v, j): Status =>
      v >= 1 && v < threshold ? 'primary' : linked?.[i]?.[j] && v > 0 ? 'linked' : 'published',
    ),
  );
  const lines: Line[] = [];
  for (let i = 0; i <= m; i++) {
    lines.push({ members: range(n).map((j) => [i, j] as const), total: [i, n] });
  }
  for (let j = 0; j <= n; j++) {
    lines.push({ members: range(m).map((i) => [i, j] as const), total: [m, j] });
  }
  return { values, status, lines, threshold };
}

function isHidden(grid: Grid, [i, j]: Pos): boolean {
  return grid.status[i][j] !== 'published';
}

function hiddenIn(grid: Grid, line: Line): Pos[] {
  return [...line.members, line.total].filter((pos) => isHidden(grid, pos));
}

function linesThrough(grid: Grid, [i, j]: Pos): Line[] {
  const m = grid.values.length - 1;
  // Lines 0..m are rows, m+1.. are columns (see buildGrid).
  return [grid.lines[i], grid.lines[m + 1 + j]];
}

/**
 * The entry to hide to protect the given lines: the smallest non-zero visible cell in them (hiding a
 * small count loses least), preferring one whose crossing line already has a hidden entry so that
 * hidden entries pair up instead of spreading; failing that a visible total; failing that the
 * smallest non-zero visible entry anywhere. Null when every non-zero entry is already hidden.
 */
function complementIn(grid: Grid, lines: Line[]): Pos | null {
  const visible = (pos: Pos) => !isHidden(grid, pos) && grid.values[pos[0]][pos[1]] > 0;
  const crossingHasHidden = (pos: Pos) => linesThrough(grid, pos).every((line) => hiddenIn(grid, line).length > 0);
  const smallest = (candidates: Pos[]): Pos | undefined =>
    candidates
      .filter(visible)
      .sort(
        (a, b) =>
          grid.values[a[0]][a[1]] - grid.values[b[0]][b[1]] ||
          Number(crossingHasHidden(b)) - Number(crossingHasHidden(a)) ||
          a[0] - b[0] ||
          a[1] - b[1],
      )[0];
  return (
    smallest(lines.flatMap((line) => line.members)) ??
    smallest(lines.map((line) => line.total)) ??
    smallest(allPositions(grid)) ??
    null
  );
}

/** What the reader knows of an entry before using the lines: its value, or the range its mark implies. */
function initialRange(status: Status, value: number, threshold: number): [number, number] {
  if (status === 'published') return [value, value];
  if (status === 'primary') return [1, threshold - 1];
  // A secondary entry is never 0 (zeros are not hidden) nor 1..threshold − 1 (those are primary);
  // a withheld or linked entry may be anything.
  return status === 'secondary' ? [threshold, Infinity] : [0, Infinity];
}

/** Attack 2: propagate each hidden entry's range through the lines; a range of one value is exposed. */
function pinnedByBounds(grid: Grid): Pos | null {
  const ranges = boundedRanges(grid);
  return allPositions(grid).find(([i, j]) => isHidden(grid, [i, j]) && ranges[i][j][0] === ranges[i][j][1]) ?? null;
}

/** Each entry's possible range once the lines have been used to narrow it as far as they go. */
function boundedRanges(grid: Grid): [number, number][][] {
  const ranges = grid.values.map((row, i) => row.map((v, j) => initialRange(grid.status[i][j], v, grid.threshold)));
  const lo = ([i, j]: Pos) => ranges[i][j][0];
  const hi = ([i, j]: Pos) => ranges[i][j][1];
  let changed = true;
  const tighten = ([i, j]: Pos, low: number, high: number) => {
    const [oldLow, oldHigh] = ranges[i][j];
    if (low > oldLow || high < oldHigh) {
      ranges[i][j] = [Math.max(oldLow, Math.ceil(low)), Math.min(oldHigh, Math.floor(high))];
      changed = true;
    }
  };
  while (changed) {
    changed = false;
    for (const { members, total } of grid.lines) {
      if (isHidden(grid, total)) tighten(total, sum(members.map(lo)), sum(members.map(hi)));
      for (const pos of members) {
        if (!isHidden(grid, pos)) continue;
        const others = members.filter((other) => other !== pos);
        // entry = total − others, so it lies within [lo(total) − Σ hi(others), hi(total) − Σ lo(others)].
        tighten(pos, lo(total) - sum(others.map(hi)), hi(total) - sum(others.map(lo)));
      }
    }
  }
  return ranges;
}

/** The exact search gives up (attacks 2 and 3 still apply) after visiting this many partial fillings. */
const SEARCH_BUDGET = 20_000;

/**
 * Attack 4, for tables small enough to search: every whole-number filling of the hidden entries
 * within their ranges that satisfies every line. Ranges and linear algebra can each miss an entry
 * that only the two together, with whole numbers, pin down (e.g. a "[c]" that must be exactly 5).
 * Open-ended ranges are capped a little above the real grand total: a reader who allows larger
 * values finds more fillings, not fewer, so the cap can only make the check more cautious.
 */
function pinnedByEnumeration(grid: Grid): Pos | null {
  const ranges = boundedRanges(grid);
  const hidden = allPositions(grid).filter((pos) => isHidden(grid, pos));
  const last = grid.values.length - 1;
  const cap = grid.values[last][grid.values[last].length - 1] + grid.threshold;
  for (const [i, j] of hidden) if (!Number.isFinite(ranges[i][j][1])) ranges[i][j][1] = Math.max(ranges[i][j][0], cap);
  let budget = SEARCH_BUDGET;
  const index = new Map(hidden.map(([i, j], k) => [`${i},${j}`, k]));
  const value = new Array<number>(hidden.length).fill(0);
  const seen = hidden.map(() => new Set<number>());
  const entry = ([i, j]: Pos, upTo: number): number | undefined => {
    const k = index.get(`${i},${j}`);
    if (k === undefined) return grid.values[i][j];
    return k < upTo ? value[k] : undefined;
  };
  // A line can be checked once all its hidden entries are assigned (variables in order).
  const lastOf = grid.lines.map((line) =>
    Math.max(-1, ...[...line.members, line.total].map((p) => index.get(`${p[0]},${p[1]}`) ?? -1)),
  );
  const holds = (k: number) =>
    grid.lines.every((line, l) => {
      if (lastOf[l] !== k) return true;
      return sum(line.members.map((p) => entry(p, k + 1)!)) === entry(line.total, k + 1);
    });
  const search = (k: number): boolean => {
    if (--budget < 0) return true; // inconclusive: stop without claiming anything
    if (k === hidden.length) {
      value.forEach((v, n) => seen[n].add(v));
      return seen.every((values) => values.size > 1); // stop once nothing can be pinned
    }
    const [i, j] = hidden[k];
    for (let v = ranges[i][j][0]; v <= ranges[i][j][1]; v++) {
      value[k] = v;
      if (holds(k) && search(k + 1)) return true;
    }
    return false;
  };
  search(0);
  if (budget < 0) return null;
  const pinned = seen.findIndex((values) => values.size === 1);
  return pinned >= 0 ? hidden[pinned] : null;
}

/**
 * Attack 3: each line is an equation in the hidden entries. A hidden entry is determined exactly when
 * its unit vector lies in the row space, i.e. its pivot row in reduced row echelon form has no other
 * non-zero coefficient. The coefficients are 0/±1 on small tables, so floating point is exact enough.
 */
function pinnedByLinearCombination(grid: Grid): Pos | null {
  const hidden = allPositions(grid).filter((pos) => isHidden(grid, pos));
  const variable = grid.values.map((row) => row.map(() => -1));
  hidden.forEach(([i, j], k) => (variable[i][j] = k));
  const rows = grid.lines
    .filter((line) => hiddenIn(grid, line).length > 0)
    .map((line) => {
      const row = new Array<number>(hidden.length).fill(0);
      for (const [i, j] of line.members) if (variable[i][j] >= 0) row[variable[i][j]] += 1;
      const [ti, tj] = line.total;
      if (variable[ti][tj] >= 0) row[variable[ti][tj]] -= 1;
      return row;
    });
  for (const [r, col] of reducedRowEchelon(rows)) {
    if (rows[r].every((coef, k) => k === col || Math.abs(coef) < 1e-9)) return hidden[col];
  }
  return null;
}

/** Reduces `rows` in place; returns [row, pivot column] pairs. */
function reducedRowEchelon(rows: number[][]): [number, number][] {
  const pivots: [number, number][] = [];
  const width = rows[0]?.length ?? 0;
  let r = 0;
  for (let col = 0; col < width && r < rows.length; col++) {
    let best = r;
    for (let k = r + 1; k < rows.length; k++) if (Math.abs(rows[k][col]) > Math.abs(rows[best][col])) best = k;
    if (Math.abs(rows[best][col]) < 1e-9) continue;
    [rows[r], rows[best]] = [rows[best], rows[r]];
    const p = rows[r][col];
    rows[r] = rows[r].map((x) => x / p);
    for (let k = 0; k < rows.length; k++) {
      const f = rows[k][col];
      if (k !== r && Math.abs(f) > 1e-9) rows[k] = rows[k].map((x, c) => x - f * rows[r][c]);
    }
    pivots.push([r, col]);
    r++;
  }
  return pivots;
}

function toResult(grid: Grid, withheld: boolean): SuppressedTable {
  const masked = grid.values.map((row, i) =>
    row.map((value, j): MaskedCount => {
      const status = grid.status[i][j];
      return status === 'published' ? { suppressed: false, value } : { suppressed: true, reason: status };
    }),
  );
  const totalsRow = masked.pop() ?? [];
  return {
    threshold: grid.threshold,
    withheld,
    cells: masked.map((row) => row.slice(0, -1)),
    rowTotals: masked.map((row) => row[row.length - 1]),
    columnTotals: totalsRow.slice(0, -1),
    grandTotal: totalsRow[totalsRow.length - 1],
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

function allPositions(grid: Grid): Pos[] {
  return grid.values.flatMap((row, i) => row.map((_, j) => [i, j] as const));
}

function range(length: number): number[] {
  return Array.from({ length }, (_, k) => k);
}
