/**
 * Time against outcome (brief §4): each outcome measure by band of relationship time, with n,
 * count, rate and a 95% Wilson interval, beside the case-mix-adjusted odds ratio per doubling of
 * relationship time. Always carries the association-not-cause caveat.
 */
import { Injectable } from '@nestjs/common';
import {
  ASSOCIATION_CAVEAT,
  BANDS,
  SMALL_BAND_N,
  type AdjustedEstimate,
  type BandRate,
  type OutcomeMeasure,
  type TimeVsOutcomeReport,
} from '@deepvalue/shared';
import { suppressRates, type MaskedCount } from '../evidence/suppression.js';
import { AnalyticsRepository } from './analytics.repository.js';
import { describeFilters, type ReportFilters } from './report-filters.js';
import { adjustedTimeEstimate } from './statistics/time-vs-outcome-model.js';
import { wilsonInterval } from './statistics/wilson.js';

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

@Injectable()
export class TimeVsOutcomeService {
  constructor(private readonly repository: AnalyticsRepository) {}

  async report(
    organisationIds: string[],
    measure: OutcomeMeasure,
    filters: ReportFilters,
    /** suppressBelow: hide counts below this (and what could be worked back from them), for commissioners. */
    options: { asOf?: string; adjusted?: boolean; suppressBelow?: number } = {},
  ): Promise<TimeVsOutcomeReport> {
    const asOf = options.asOf ?? todayIso();
    const normalised = normaliseFilters(filters);
    const [counts, patterns] = await Promise.all([
      this.repository.bandCounts(organisationIds, normalised, measure, asOf),
      options.adjusted === false
        ? Promise.resolve([])
        : this.repository.modelPatterns(organisationIds, normalised, measure, asOf),
    ]);
    const bands = BANDS.map((band, index) => {
      const row = counts.find((c) => c.band === index) ?? { n: 0, count: 0 };
      const interval = wilsonInterval(row.count, row.n);
      return {
        band: band.band,
        minMinutes: band.minMinutes,
        maxMinutes: band.maxMinutes,
        n: row.n,
        count: row.count,
        rate: interval.rate,
        ciLow: interval.ciLow,
        ciHigh: interval.ciHigh,
        small: row.n < SMALL_BAND_N,
        suppressed: false,
      };
    });
    if (options.suppressBelow)
      return this.suppressed(measure, normalised, bands, adjustedTimeEstimate(patterns), options.suppressBelow);
    return {
      measure,
      n: bands.reduce((sum, b) => sum + b.n, 0),
      filters: describeFilters({ ...normalised }),
      bands,
      adjusted: adjustedTimeEstimate(patterns),
      caveat: ASSOCIATION_CAVEAT,
    };
  }

  /** Small-number suppression (primary and secondary) of the bands, as in evidence packs. */
  private suppressed(
    measure: OutcomeMeasure,
    filters: ReportFilters,
    bands: BandRate[],
    adjusted: AdjustedEstimate,
    threshold: number,
  ): TimeVsOutcomeReport {
    const masked = suppressRates(
      bands.map((b) => ({ n: b.n ?? 0, count: b.count ?? 0 })),
      threshold,
    );
    const value = (m: MaskedCount) => (m.suppressed ? null : m.value);
    return {
      measure,
      n: value(masked.overall.n),
      filters: describeFilters(filters),
      bands: bands.map((band, i) => {
        const m = masked.groups[i];
        const hidden = m.n.suppressed || m.count.suppressed;
        return hidden
          ? { ...band, n: value(m.n), count: null, rate: null, ciLow: null, ciHigh: null, suppressed: true }
          : band;
      }),
      adjusted,
      caveat: ASSOCIATION_CAVEAT,
      suppressionThreshold: threshold,
    };
  }
}

export function normaliseFilters(filters: ReportFilters): ReportFilters {
  return {
    ...filters,
    office: filters.office?.toLowerCase(),
    adviser: filters.adviser?.toLowerCase(),
  };
}
