/**
 * The adjusted model's results kept by the exact rows they were computed from. Fitting the model to every
 * covariate pattern of a large organisation takes hundreds of milliseconds (docs/benchmarks.md) while the
 * pattern counts it reads from the roll-ups take a few tens; the counts are read afresh on every request
 * (so they are current in the same transaction as every write), and when they are the same rows as a
 * recent request's, that request's result is given again. The functions are deterministic in their rows,
 * so a kept result has the same bits as a fresh fit; any write that changes a count changes the key.
 * Each caller gets its own copy, so no caller can change what another is given.
 */
import { createHash } from 'node:crypto';
import type { AdjustedEstimate, StrictlyNecessaryTime } from '@deepvalue/shared';
import { strictlyNecessaryTimes } from './strictly-necessary.js';
import { adjustedTimeEstimate, type TimeOutcomeRow } from './time-vs-outcome-model.js';

/** Results kept per function: enough for a handful of managers each trying every single filter. */
const KEPT = 64;

/** The exact rows, in the order given, as a digest. */
export function rowsKey(rows: readonly TimeOutcomeRow[]): string {
  const text = JSON.stringify(
    rows.map((r) => [
      'relationshipMinutes' in r ? r.relationshipMinutes : null,
      'log2Time' in r ? r.log2Time : null,
      r.category,
      r.vulnerabilityCount,
      r.fundingStream,
      r.trials,
      r.successes,
    ]),
  );
  return createHash('sha256').update(text).digest('base64');
}

/** `fn` with its results for the last KEPT distinct inputs kept (least recently used first out). */
export function keptByRows<R>(fn: (rows: readonly TimeOutcomeRow[]) => R): (rows: readonly TimeOutcomeRow[]) => R {
  const kept = new Map<string, R>();
  return (rows) => {
    const key = rowsKey(rows);
    let result = kept.get(key);
    if (result === undefined) {
      result = fn(rows);
      if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
    } else kept.delete(key);
    kept.set(key, result);
    return structuredClone(result);
  };
}

/** adjustedTimeEstimate, kept by its rows. */
export const keptAdjustedTimeEstimate: (rows: readonly TimeOutcomeRow[]) => AdjustedEstimate =
  keptByRows(adjustedTimeEstimate);

/** strictlyNecessaryTimes, kept by its rows. */
export const keptStrictlyNecessaryTimes: (rows: readonly TimeOutcomeRow[]) => Map<string, StrictlyNecessaryTime> =
  keptByRows(strictlyNecessaryTimes);
