/**
 * The rate chart without React.lazy. Its module (Recharts, about 100 KB gzipped) is fetched when a
 * report page mounts, in parallel with the report's own request, and the chart is drawn once both
 * are in. React.lazy would suspend, and React holds back revealing a suspended boundary until
 * 300 ms after its fallback appeared: on the dashboard that was 300 ms of idle time on every load
 * (`npm run bench -- --only dashboard`, docs/benchmarks.md).
 */
import { useEffect, useState } from 'react';
import type { RatePoint } from './RateChart';

type ChartModule = typeof import('./RateChart');

let loaded: ChartModule | undefined;
let loading: Promise<ChartModule> | undefined;

function loadRateChart(): Promise<ChartModule> {
  loading ??= import('./RateChart').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined; // a later page may try again
      throw error;
    },
  );
  return loading;
}

/** Report pages call this first, so the chart's module arrives while the report is fetched. */
export function usePreloadRateChart() {
  useEffect(() => {
    loadRateChart().catch(() => undefined); // the chart itself says if it failed
  }, []);
}

export function LazyRateChart({ points }: { points: RatePoint[] }) {
  const [module, setModule] = useState(loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (module) return;
    let live = true;
    loadRateChart().then(
      (m) => live && setModule(m),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [module]);
  if (failed)
    return <p className="govuk-body dv-muted">The chart could not be loaded; the table below has the same figures.</p>;
  if (!module) return <p className="govuk-body dv-muted">Loading the chart…</p>;
  const { default: RateChart } = module;
  return <RateChart points={points} />;
}
