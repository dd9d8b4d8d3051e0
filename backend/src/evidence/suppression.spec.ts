import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import {
  displayCount,
  maskCount,
  maskDerived,
  suppressRates,
  suppressTable,
  type MaskedCount,
  type SuppressedTable,
} from './suppression.js';

const P: MaskedCount = { suppressed: true, reason: 'primary' };
const S: MaskedCount = { suppressed: true, reason: 'secondary' };
const W: MaskedCount = { suppressed: true, reason: 'withheld' };
const v = (value: number): MaskedCount => ({ suppressed: false, value });

/** The table as an (m+1) × (n+1) grid of masks, last column the row totals, last row the column totals. */
function grid(table: SuppressedTable): MaskedCount[][] {
  return [...table.cells.map((row, i) => [...row, table.rowTotals[i]]), [...table.columnTotals, table.grandTotal]];
}

function trueGrid(counts: number[][]): number[][] {
  const n = counts[0]?.length ?? 0;
  const rows = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = Array.from({ length: n + 1 }, (_, j) => rows.reduce((a, row) => a + row[j], 0));
  return [...rows, totals];
}

/** Every line of the grid (each row and each column, totals included) as lists of masks. */
function lines(masks: MaskedCount[][]): MaskedCount[][] {
  const columns = masks[0].map((_, j) => masks.map((row) => row[j]));
  return [...masks, ...columns];
}

/**
 * An independent attacker for small tables: searches for a table that agrees with everything published
 * (visible values; "<t" = 1..t−1; "[c]" = t or more, or anything when the table is withheld; every line
 * adds up) but differs from the real one at `target`. If there is none, `target` could be worked back.
 */
function canDiffer(counts: number[][], table: SuppressedTable, target: readonly [number, number]): boolean {
  const masks = grid(table);
  const truth = trueGrid(counts);
  const m = counts.length;
  const n = counts[0].length;
  const t = table.threshold;
  // Searching values up to the real grand total + t is enough to find a second value if one exists nearby.
  const cap = truth[m][n] + t;
  const domain = ([i, j]: readonly [number, number]): [number, number] => {
    const mask = masks[i][j];
    if (!mask.suppressed) return [truth[i][j], truth[i][j]];
    return mask.reason === 'primary' ? [1, t - 1] : mask.reason === 'secondary' ? [t, cap] : [0, cap];
  };
  const fits = (pos: readonly [number, number], value: number) => {
    const [lo, hi] = domain(pos);
    const isTarget = pos[0] === target[0] && pos[1] === target[1];
    return value >= lo && value <= hi && !(isTarget && value === truth[pos[0]][pos[1]]);
  };
  const unknowns: [number, number][] = [];
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) if (masks[i][j].suppressed) unknowns.push([i, j]);
  const lastInRow = (k: number) => k + 1 === unknowns.length || unknowns[k + 1][0] !== unknowns[k][0];
  const lastInColumn = (k: number) => !unknowns.slice(k + 1).some(([, j]) => j === unknowns[k][1]);
  const x = counts.map((row) => [...row]);
  const rowSum = (i: number) => x[i].reduce((a, b) => a + b, 0);
  const columnSum = (j: number) => x.reduce((a, row) => a + row[j], 0);

  const totalsFit = (): boolean => {
    const candidate = trueGrid(x);
    for (let i = 0; i <= m; i++) {
      for (let j = 0; j <= n; j++) if ((i === m || j === n) && !fits([i, j], candidate[i][j])) return false;
    }
    return true;
  };
  const search = (k: number): boolean => {
    if (k === unknowns.length) return totalsFit();
    const [i, j] = unknowns[k];
    let values: number[];
    // A visible total fixes the last unknown of its row or column: no need to try every value.
    x[i][j] = 0;
    if (lastInRow(k) && !masks[i][n].suppressed) values = [truth[i][n] - rowSum(i)];
    else if (lastInColumn(k) && !masks[m][j].suppressed) values = [truth[m][j] - columnSum(j)];
    else {
      const [lo, hi] = domain([i, j]);
      values = Array.from({ length: hi - lo + 1 }, (_, d) => lo + d);
    }
    for (const value of values) {
      if (!fits([i, j], value)) continue;
      x[i][j] = value;
      // Cells after j may hold stale values, so bound the row by the cells up to j only (the rest are ≥ 0).
      const soFar = x[i].slice(0, j + 1).reduce((a, b) => a + b, 0);
      if (!masks[i][n].suppressed && soFar > truth[i][n]) break;
      if (search(k + 1)) return true;
    }
    x[i][j] = counts[i][j];
    return false;
  };
  return search(0);
}

describe('suppressTable', () => {
  it('publishes a table with no small numbers unchanged, totals included', () => {
    const table = suppressTable([
      [10, 0],
      [7, 25],
    ]);
    expect(grid(table)).toEqual([
      [v(10), v(0), v(10)],
      [v(7), v(25), v(32)],
      [v(17), v(25), v(42)],
    ]);
  });

  it('hides a count of 1 to 4 as "<5" and hides the next-smallest cell of its row and column', () => {
    // Row 0: 3 is primary; the smallest other cell in row 0 is 10, hidden so 3 ≠ 25 − 12 − 10.
    // Column 0: 3 hidden alone → hide 8; column 1: 10 hidden alone → hide 9. Row 1 then has 8 and 9 hidden.
    // The reader knows x + y = 13 (row 0), x + z = 11 (column 0), y + w = 19, z + w = 17: one free value,
    // x can be 1..4 → nothing is pinned.
    const table = suppressTable([
      [3, 10, 12],
      [8, 9, 20],
    ]);
    expect(grid(table)).toEqual([
      [P, S, v(12), v(25)],
      [S, S, v(20), v(37)],
      [v(11), v(19), v(32), v(62)],
    ]);
  });

  it('hides more when two "<5" cells add up to a sum only one split can give', () => {
    // Row [1, 1, 10], total 12: the hidden part is 12 − 10 = 2, and two cells of at least 1 summing to 2
    // are both 1. So 10 is hidden too, and then its column total (10), which would otherwise give it away.
    const table = suppressTable([[1, 1, 10]]);
    expect(grid(table)).toEqual([
      [P, P, S, v(12)],
      [P, P, S, v(12)],
    ]);
  });

  it('hides a cell that bridges two blocks of hidden cells, which row and column counts alone miss', () => {
    // Every row and column below has at least two "<5" cells, yet e = cell (1,2) is exposed:
    //   hidden part of rows 0 and 1 = (45 − 40) + (27 − 20) = 12, holding a, b, c, d, e;
    //   hidden part of columns 0 and 1 = (45 − 40) + (45 − 40) = 10, holding a, b, c, d;
    //   so e = 12 − 10 = 2. Hiding (0,2) (20, the smallest visible cell on e's lines, first by position)
    //   adds s to rows 0–1, leaving s + e = 22 with s ≥ 5: e could be 1 to 4.
    const counts = [
      [2, 3, 20, 20],
      [3, 2, 2, 20],
      [20, 20, 2, 3],
      [20, 20, 3, 2],
    ];
    const table = suppressTable(counts);
    expect(table.cells).toEqual([
      [P, P, S, v(20)],
      [P, P, P, v(20)],
      [v(20), v(20), P, P],
      [v(20), v(20), P, P],
    ]);
    expect(canDiffer(counts, table, [1, 2])).toBe(true);
  });

  it('hides small totals too, and never hides a zero', () => {
    const table = suppressTable([
      [2, 0],
      [0, 0],
    ]);
    expect(grid(table)).toEqual([
      [P, v(0), P],
      [v(0), v(0), v(0)],
      [P, v(0), P],
    ]);
  });

  it('uses a configurable threshold of at least 3', () => {
    expect(suppressTable([[7, 30]], 10).cells).toEqual([[P, S]]);
    expect(suppressTable([[4, 30]], 3).cells).toEqual([[v(4), v(30)]]);
    // With 2, "<2" would say the count is 1.
    expect(() => suppressTable([[1, 30]], 2)).toThrow(RangeError);
  });

  it('withholds a table that no hiding can protect', () => {
    // Column 0 is four "<5" cells (each at least 1) adding up to a "<5" total: each must be 1.
    const table = suppressTable([
      [1, 20],
      [1, 20],
      [1, 20],
      [1, 20],
      [0, 20],
    ]);
    expect(table.withheld).toBe(true);
    expect(
      grid(table)
        .flat()
        .every((mask) => mask.suppressed && mask.reason === 'withheld'),
    ).toBe(true);
  });

  it('rejects counts that are not whole numbers of at least 0', () => {
    expect(() => suppressTable([[1.5]])).toThrow(RangeError);
    expect(() => suppressTable([[-1]])).toThrow(RangeError);
    expect(() => suppressTable([[1, 2], [3]])).toThrow(RangeError);
  });
});

describe('suppressTable on random tables', () => {
  const count = fc.oneof(
    { weight: 2, arbitrary: fc.constant(0) },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) },
    { weight: 4, arbitrary: fc.integer({ min: 5, max: 30 }) },
  );
  const table = (maxSide: number) =>
    fc
      .tuple(fc.integer({ min: 1, max: maxSide }), fc.integer({ min: 1, max: maxSide }))
      .chain(([rows, cols]) =>
        fc.array(fc.array(count, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      );

  it('hides every entry from 1 to threshold − 1, leaves zeros and changes no published value', () => {
    fc.assert(
      fc.property(table(6), fc.integer({ min: 3, max: 6 }), (counts, threshold) => {
        const table = suppressTable(counts, threshold);
        const masks = grid(table);
        const truth = trueGrid(counts);
        truth.forEach((row, i) =>
          row.forEach((actual, j) => {
            const mask = masks[i][j];
            if (table.withheld) expect(mask).toEqual(W);
            else if (actual >= 1 && actual < threshold) expect(mask).toEqual(P);
            else if (actual === 0) expect(mask).toEqual(v(0));
            else if (!mask.suppressed) expect(mask.value).toBe(actual);
          }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('never leaves a row or column with exactly one hidden entry, so none is its total minus the rest', () => {
    fc.assert(
      fc.property(table(6), (counts) => {
        for (const line of lines(grid(suppressTable(counts)))) {
          expect(line.filter((mask) => mask.suppressed).length).not.toBe(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hides more when whole numbers pin a "[c]" that ranges and sums alone do not', () => {
    // Found by the property below: row 2 is [c] + <5 + <5 = 7; with [c] ≥ 5 and each <5 ≥ 1, the
    // only filling is 5 + 1 + 1, which interval and linear-algebra attacks missed.
    const counts = [
      [3, 2, 0],
      [5, 1, 1],
      [0, 0, 7],
    ];
    const result = suppressTable(counts);
    grid(result).forEach((row, i) =>
      row.forEach((mask, j) => {
        if (mask.suppressed) expect(canDiffer(counts, result, [i, j])).toBe(true);
      }),
    );
  });

  it('hides more when a filling of whole numbers within the totals is the only one', () => {
    const counts = [
      [1, 1, 1],
      [8, 0, 8],
      [0, 10, 1],
    ];
    const result = suppressTable(counts);
    grid(result).forEach((row, i) =>
      row.forEach((mask, j) => {
        if (mask.suppressed) expect(canDiffer(counts, result, [i, j])).toBe(true);
      }),
    );
  });

  it('leaves every hidden entry of a small table with more than one possible value', () => {
    fc.assert(
      fc.property(table(3), (counts) => {
        const result = suppressTable(counts);
        grid(result).forEach((row, i) =>
          row.forEach((mask, j) => {
            if (mask.suppressed) expect(canDiffer(counts, result, [i, j])).toBe(true);
          }),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('maskCount and displayCount', () => {
  it('shows a count of 1 to 4 as "<5", a zero as 0 and a secondary hide as [c]', () => {
    expect(displayCount(maskCount(3))).toBe('<5');
    expect(displayCount(maskCount(0))).toBe('0');
    expect(displayCount(maskCount(5))).toBe('5');
    expect(displayCount(S)).toBe('[c]');
    expect(displayCount(maskCount(8, 10), 10)).toBe('<10');
  });
});

describe('maskDerived', () => {
  it('hides a rate or £ figure when any count it rests on is hidden', () => {
    expect(maskDerived(0.75, [v(12), P])).toEqual({ suppressed: true });
    expect(maskDerived(1_250, [S])).toEqual({ suppressed: true });
    expect(maskDerived(0.75, [v(9), v(12)])).toEqual({ suppressed: false, value: 0.75 });
  });
});

describe('suppressRates', () => {
  it('protects the complement of a count and hides the rates that rest on hidden counts', () => {
    // Groups (count of n): 18 of 20, 10 of 30, 12 of 25 → table [with, without] = [18, 2], [10, 20], [12, 13].
    // 2 is primary; row 0 → hide 18; column 0 → hide 10 (smaller than 12); row 1 → hide 20.
    // Row 2 stays: 12 of 25 = 0.48. Overall 40 of 75 published.
    const result = suppressRates([
      { n: 20, count: 18 },
      { n: 30, count: 10 },
      { n: 25, count: 12 },
    ]);
    expect(result.groups).toEqual([
      { n: v(20), count: S, rate: { suppressed: true } },
      { n: v(30), count: S, rate: { suppressed: true } },
      { n: v(25), count: v(12), rate: { suppressed: false, value: 0.48 } },
    ]);
    expect(result.overall).toEqual({ n: v(75), count: v(40), rate: { suppressed: false, value: 40 / 75 } });
  });

  it('gives a null rate for a group with no cases', () => {
    expect(suppressRates([{ n: 0, count: 0 }]).groups[0].rate).toEqual({ suppressed: false, value: null });
  });
});
