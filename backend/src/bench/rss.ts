/** Samples this process's resident set size while a piece of work runs (the import's memory figure). */
export interface RssSample {
  startMb: number;
  peakMb: number;
  endMb: number;
}

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

export async function withRssSampling<T>(
  work: () => Promise<T>,
  intervalMs = 100,
): Promise<{ value: T; rss: RssSample }> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  try {
    const value = await work();
    const end = process.memoryUsage.rss();
    return { value, rss: { startMb: mb(start), peakMb: mb(Math.max(peak, end)), endMb: mb(end) } };
  } finally {
    clearInterval(timer);
  }
}
