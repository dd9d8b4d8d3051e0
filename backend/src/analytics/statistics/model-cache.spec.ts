/** Results kept by their rows: the same bits as a fresh fit, refitted as soon as any count differs. */
import { describe, expect, it } from '@jest/globals';
import { reference } from './fixtures/reference.js';
import { keptAdjustedTimeEstimate, keptByRows, keptStrictlyNecessaryTimes, rowsKey } from './model-cache.js';
import { strictlyNecessaryTimes } from './strictly-necessary.js';
import { adjustedTimeEstimate, type TimeOutcomeRow } from './time-vs-outcome-model.js';

const rows: TimeOutcomeRow[] = reference.caseMix.rows;

describe('results kept by their rows', () => {
  it('gives what a fresh fit gives, again and again', () => {
    expect(rows.length).toBeGreaterThan(100);
    const fresh = adjustedTimeEstimate(rows);
    expect(fresh.oddsRatioPerDoubling).not.toBeNull();
    expect(keptAdjustedTimeEstimate(rows)).toEqual(fresh);
    expect(keptAdjustedTimeEstimate(rows)).toEqual(fresh);
    expect(keptStrictlyNecessaryTimes(rows)).toEqual(strictlyNecessaryTimes(rows));
    expect(keptStrictlyNecessaryTimes(rows)).toEqual(strictlyNecessaryTimes(rows));
  });

  it('fits once per distinct rows, and again when one count changes', () => {
    let fits = 0;
    const kept = keptByRows((r) => {
      fits += 1;
      return adjustedTimeEstimate(r);
    });
    kept(rows);
    kept(rows.map((r) => ({ ...r })));
    expect(fits).toBe(1);
    const changed = rows.map((r, i) => (i === 7 ? { ...r, successes: r.successes === 0 ? 1 : r.successes - 1 } : r));
    expect(rowsKey(changed)).not.toBe(rowsKey(rows));
    expect(kept(changed)).toEqual(adjustedTimeEstimate(changed));
    expect(kept(changed)).not.toEqual(kept(rows));
    expect(fits).toBe(2);
  });

  it('tells apart rows that differ only in a text or a time', () => {
    const other = rows.map((r, i) => (i === 0 ? { ...r, fundingStream: `${r.fundingStream}x` } : r));
    expect(rowsKey(other)).not.toBe(rowsKey(rows));
    const timed: TimeOutcomeRow[] = [
      { log2Time: 0.5, category: 'debt', vulnerabilityCount: 0, fundingStream: 'grant', trials: 2, successes: 1 },
    ];
    const minutes: TimeOutcomeRow[] = [
      {
        relationshipMinutes: 0.5,
        category: 'debt',
        vulnerabilityCount: 0,
        fundingStream: 'grant',
        trials: 2,
        successes: 1,
      },
    ];
    expect(rowsKey(timed)).not.toBe(rowsKey(minutes));
  });

  it('gives each caller its own copy', () => {
    const first = keptAdjustedTimeEstimate(rows);
    first.covariates.push('changed by a caller');
    first.n = -1;
    expect(keptAdjustedTimeEstimate(rows)).toEqual(adjustedTimeEstimate(rows));
  });

  it('keeps a bounded number of results, the least recently used leaving first', () => {
    let fits = 0;
    const kept = keptByRows((r) => {
      fits += 1;
      return r.length;
    });
    const inputs = Array.from({ length: 65 }, (_, i) => rows.slice(0, i + 1));
    for (const input of inputs) kept(input);
    expect(fits).toBe(65);
    kept(inputs[64]);
    expect(fits).toBe(65);
    kept(inputs[0]);
    expect(fits).toBe(66);
  });
});
