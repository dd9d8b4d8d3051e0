/** Timing helpers: every benchmark figure is a summary of several runs, never a single sample. */
import { performance } from 'node:perf_hooks';

export interface Summary {
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
  /** Interquartile range (p75 − p25): the spread of the middle half. */
  iqr: number;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

export function summarise(samples: number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarise');
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    runs: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
    iqr: round(percentile(sorted, 75) - percentile(sorted, 25)),
  };
}

/** Milliseconds taken by `work`. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** Runs `work` `warmup` times unmeasured, then `runs` times measured, one after another. */
export async function repeat(
  work: () => Promise<unknown>,
  options: { warmup: number; runs: number },
): Promise<Summary> {
  for (let i = 0; i < options.warmup; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i++) samples.push((await timed(work)).ms);
  return summarise(samples);
}
