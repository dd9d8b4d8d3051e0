/**
 * Time against outcome at scale (target in docs/benchmarks.md): the bands with no filter and with each single filter,
 * read three ways in the same run — the roll-ups (what the API serves), the per-case facts, and
 * the straightforward query over the raw time entries — and the adjusted model.
 */
import type { INestApplicationContext } from '@nestjs/common';

import { DataSource } from 'typeorm';

import { AnalyticsRepository, type BandCount } from '../analytics/analytics.repository.js';
import type { ReportFilters } from '../analytics/report-filters.js';

import { adjustedTimeEstimate } from '../analytics/statistics/time-vs-outcome-model.js';

import { TimeVsOutcomeService } from '../analytics/time-vs-outcome.service.js';
import { naiveBandCounts } from './naive-query.js';

import { repeat, type Summary } from './stats.js';
import { normaliseFilters, todayIso } from '../analytics/facts-query.js';

export interface FilterFigures {
  filter: string;
  value: string;
  n: number;
  rollups: Summary;
  facts: Summary;
  naive: Summary;
  /** naive p50 ÷ roll-up p50. */
  ratio: number;
  /** The roll-ups and the raw-table query count the same cases and outcomes per band. */
  agrees: boolean;
}

export interface ModelFigures {
  /** No filter — patterns query and fit together: what a report with the adjusted estimate waits for. */
  time: Summary;
  query: Summary;
  fit: Summary;
  /** The same patterns grouped from the per-case facts (the way before the pattern roll-ups), for comparison. */
  factsQuery: Summary;
  patterns: number;
  n: number;
  converged: boolean;
  oddsRatioPerDoubling: number | null;
  /**
   * No filter — the time-against-outcome report as served (bands, patterns read afresh, the fit kept by its
   * rows: analytics/statistics/model-cache.ts), and whether its estimate equals the fresh fit's.
   */
  served: Summary;
  servedAgrees: boolean;
  /** Query and fit with each single filter, and the report as served. */
  filters: Array<{ filter: string; value: string; n: number; patterns: number; time: Summary; served: Summary }>;
}

/** The filters measured: none, then each one on its own, with a common value from the data. */
export async function chooseFilters(
  dataSource: DataSource,
  organisationId: string,
): Promise<Array<{ filter: string; value: string; filters: ReportFilters }>> {
  const common = async (expression: string): Promise<string> => {
    const [row] = await dataSource.query(
      `SELECT ${expression} AS v, count(*) FROM case_facts f WHERE f.organisation_id = $1 AND f.closed_on IS NOT NULL
       GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
      [organisationId],
    );
    return String(row.v);
  };
  const [{ year }] = await dataSource.query(
    `SELECT extract(year FROM max(closed_on))::int - 1 AS year FROM case_facts WHERE organisation_id = $1`,
    [organisationId],
  );
  const vulnerability = await dataSource.query(
    `SELECT v, count(*) FROM case_facts f, unnest(f.vulnerabilities) v WHERE f.organisation_id = $1
     GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    [organisationId],
  );
  const list: Array<{ filter: string; value: string; filters: ReportFilters }> = [
    { filter: 'none', value: '', filters: {} },
  ];
  const one = (filter: keyof ReportFilters, value: string) =>
    list.push({ filter, value, filters: { [filter]: value } as ReportFilters });
  one('category', await common('f.category'));
  one('office', await common('f.office_id::text'));
  one('adviser', await common('f.lead_adviser_id::text'));
  one('fundingStream', await common('f.funding_stream'));
  if (vulnerability.length) one('vulnerability', vulnerability[0].v);
  one('arrival', await common('f.arrival_route'));
  list.push({ filter: 'period', value: String(year), filters: { from: `${year}-01-01`, to: `${year}-12-31` } });
  return list;
}

const same = (a: BandCount[], b: BandCount[]) =>
  JSON.stringify(a.filter((r) => r.n > 0).map((r) => [Number(r.band), r.n, r.count])) ===
  JSON.stringify(b.filter((r) => r.n > 0).map((r) => [Number(r.band), r.n, r.count]));

export async function benchReports(
  app: INestApplicationContext,
  organisationId: string,
  options: { runs: number; naiveRuns: number },
  log: (message: string) => void,
): Promise<FilterFigures[]> {
  const dataSource = app.get(DataSource);
  const service = app.get(TimeVsOutcomeService);
  const repository = app.get(AnalyticsRepository);
  const asOf = todayIso();
  const orgs = [organisationId];
  const figures: FilterFigures[] = [];
  for (const { filter, value, filters } of await chooseFilters(dataSource, organisationId)) {
    const normalised = normaliseFilters(filters);
    const report = await service.report(orgs, 'positive_outcome', filters, { adjusted: false, asOf });
    const rollups = await repeat(() => service.report(orgs, 'positive_outcome', filters, { adjusted: false, asOf }), {
      warmup: 3,
      runs: options.runs,
    });
    const facts = await repeat(() => repository.bandCountsFromFacts(orgs, normalised, 'positive_outcome', asOf), {
      warmup: 2,
      runs: options.runs,
    });
    const fromRollups = await repository.bandCounts(orgs, normalised, 'positive_outcome', asOf);
    const fromRaw = await naiveBandCounts(dataSource, organisationId, normalised);
    const naive = await repeat(() => naiveBandCounts(dataSource, organisationId, normalised), {
      warmup: 0,
      runs: options.naiveRuns,
    });
    const ratio = Math.round(naive.p50 / Math.max(rollups.p50, 0.01));
    figures.push({ filter, value, n: report.n ?? 0, rollups, facts, naive, ratio, agrees: same(fromRollups, fromRaw) });
    log(
      `  ${filter.padEnd(13)} n=${report.n}  roll-ups p50 ${rollups.p50} ms p95 ${rollups.p95} ms · facts p50 ${facts.p50} ms · raw p50 ${naive.p50} ms (×${ratio})`,
    );
  }
  return figures;
}

/** The adjusted logistic model (patterns query + fit) with no filter and with each single filter. */
export async function benchModel(
  app: INestApplicationContext,
  organisationId: string,
  options: { runs: number },
  log: (message: string) => void,
): Promise<ModelFigures> {
  const repository = app.get(AnalyticsRepository);
  const asOf = todayIso();
  const orgs = [organisationId];
  const patternsOf = (filters: ReportFilters = {}) =>
    repository.modelPatterns(orgs, normaliseFilters(filters), 'positive_outcome', asOf);
  const patterns = await patternsOf();
  const estimate = adjustedTimeEstimate(patterns);
  const time = await repeat(async () => adjustedTimeEstimate(await patternsOf()), { warmup: 2, runs: options.runs });
  const query = await repeat(() => patternsOf(), { warmup: 1, runs: options.runs });
  const fit = await repeat(async () => adjustedTimeEstimate(patterns), { warmup: 1, runs: options.runs });
  const timeVsOutcome = app.get(TimeVsOutcomeService);
  const serve = (filters: ReportFilters = {}) => timeVsOutcome.report(orgs, 'positive_outcome', filters, { asOf });
  const servedAgrees = JSON.stringify((await serve()).adjusted) === JSON.stringify(estimate);
  const served = await repeat(() => serve(), { warmup: 2, runs: options.runs });
  const factsQuery = await repeat(() => repository.modelPatternsFromFacts(orgs, {}, 'positive_outcome', asOf), {
    warmup: 1,
    runs: Math.min(options.runs, 10),
  });
  log(
    `  none          n=${estimate.n}  p50 ${time.p50} ms p95 ${time.p95} ms (query ${query.p50} ms, fit ${fit.p50} ms; from the facts ${factsQuery.p50} ms); served report p50 ${served.p50} ms p95 ${served.p95} ms, same estimate: ${servedAgrees}`,
  );
  const filters: ModelFigures['filters'] = [];
  for (const { filter, value, filters: chosen } of await chooseFilters(app.get(DataSource), organisationId)) {
    if (filter === 'none') continue;
    const filtered = await patternsOf(chosen);
    const timed = await repeat(async () => adjustedTimeEstimate(await patternsOf(chosen)), {
      warmup: 1,
      runs: Math.min(options.runs, 10),
    });
    const servedFiltered = await repeat(() => serve(chosen), { warmup: 2, runs: options.runs });
    const n = filtered.reduce((sum, p) => sum + p.trials, 0);
    filters.push({ filter, value, n, patterns: filtered.length, time: timed, served: servedFiltered });
    log(
      `  ${filter.padEnd(13)} n=${n}  p50 ${timed.p50} ms p95 ${timed.p95} ms (${filtered.length} patterns); served p50 ${servedFiltered.p50} ms p95 ${servedFiltered.p95} ms`,
    );
  }
  return {
    time,
    query,
    fit,
    served,
    servedAgrees,
    factsQuery,
    patterns: patterns.length,
    n: estimate.n,
    converged: estimate.converged,
    oddsRatioPerDoubling: estimate.oddsRatioPerDoubling,
    filters,
  };
}
