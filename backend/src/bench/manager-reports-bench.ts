/**
 * The other reports a manager opens from the Reports page (docs/benchmarks.md), with no filter and each single
 * filter: each read the way the API serves it, beside the same figures computed the straightforward
 * way from the per-case facts in the same run, the two checked equal.
 */
import type { INestApplicationContext } from '@nestjs/common';

import { DataSource } from 'typeorm';

import { FixedFeeService } from '../analytics/fixed-fee.service.js';
import { MeasuresRepository } from '../analytics/measures.repository.js';
import { PricingAggregatesRepository } from '../pricing/pricing-aggregates.repository.js';

import { chooseFilters } from './report-bench.js';

import { repeat, type Summary } from './stats.js';
import { normaliseFilters, todayIso } from '../analytics/facts-query.js';

export interface ManagerReportFigures {
  report: string;
  filter: string;
  value: string;
  n: number;
  served: Summary;
  straightforward: Summary;
  /** straightforward p50 ÷ served p50. */
  ratio: number;
  /** Every count and amount the same both ways. */
  agrees: boolean;
}

/** One report read the way the API serves it, and its straightforward twin. */
interface Twins<T> {
  report: string;
  serve: () => Promise<T>;
  twin: () => Promise<T>;
  /** The cases the figures count. */
  n: (figures: T) => number;
}

export async function benchManagerReports(
  app: INestApplicationContext,
  organisationId: string,
  options: { runs: number; naiveRuns: number },
  log: (message: string) => void,
): Promise<ManagerReportFigures[]> {
  const measures = app.get(MeasuresRepository);
  const pricing = app.get(PricingAggregatesRepository);
  const fixedFee = app.get(FixedFeeService);
  const asOf = todayIso();
  const orgs = [organisationId];
  const figures: ManagerReportFigures[] = [];
  for (const { filter, value, filters } of await chooseFilters(app.get(DataSource), organisationId)) {
    const normalised = normaliseFilters(filters);
    const time = async <T>({ report, serve, twin, n: count }: Twins<T>) => {
      const [a, b] = [await serve(), await twin()];
      const served = await repeat(serve, { warmup: 2, runs: options.runs });
      const straightforward = await repeat(twin, { warmup: 0, runs: options.naiveRuns });
      const ratio = Math.round(straightforward.p50 / Math.max(served.p50, 0.01));
      const agrees = JSON.stringify(a) === JSON.stringify(b);
      const n = count(a);
      figures.push({ report, filter, value, n, served, straightforward, ratio, agrees });
      log(
        `  ${report.padEnd(9)} ${filter.padEnd(13)} n=${n}  p50 ${served.p50} ms p95 ${served.p95} ms · from the facts p50 ${straightforward.p50} ms (×${ratio})${agrees ? '' : ' DIFFERENT'}`,
      );
    };
    await time({
      report: 'measures',
      serve: () => measures.summary(orgs, normalised, asOf),
      twin: () => measures.summaryFromFacts(orgs, normalised, asOf),
      n: (summary) => summary.closed,
    });
    await time({
      report: 'pricing',
      serve: () => pricing.aggregates(orgs, normalised, asOf, 'all_cases'),
      twin: () => pricing.aggregatesFromFacts(orgs, normalised, asOf, 'all_cases'),
      n: (aggregates) => aggregates.time.reduce((total, cell) => total + cell.cases, 0),
    });
    await time({
      report: 'fixed fee',
      serve: () => fixedFee.report(orgs, filters, { asOf }),
      twin: () => fixedFee.report(orgs, filters, { asOf, fromFacts: true }),
      n: (report) => report.n,
    });
    // A breakdown by office (by category when the filter is the office), groups sorted for the comparison.
    const by = filter === 'office' ? 'category' : 'office';
    const sorted = <T extends { key: string }>(rows: T[]) => [...rows].sort((a, b) => (a.key < b.key ? -1 : 1));
    await time({
      report: `by ${by}`,
      serve: async () => ({
        groups: sorted(await measures.rateByGroup(orgs, normalised, 'positive_outcome', by, asOf)),
        total: await measures.rateTotal(orgs, normalised, 'positive_outcome', asOf),
      }),
      twin: async () => ({
        groups: sorted(await measures.rateByGroupFromFacts(orgs, normalised, 'positive_outcome', by, asOf)),
        total: await measures.rateTotalFromFacts(orgs, normalised, 'positive_outcome', asOf),
      }),
      n: (breakdown) => breakdown.total.n,
    });
  }
  return figures;
}
