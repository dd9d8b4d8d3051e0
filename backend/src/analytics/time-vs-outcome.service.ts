/**
 * Time against outcome (docs/measures.md): each outcome measure by band of relationship time, with n,
 * count, rate and a 95% Wilson interval, beside the case-mix-adjusted odds ratio per doubling of
 * relationship time. Always carries the association-not-cause caveat.
 */
import { Injectable } from '@nestjs/common';

import {
  ASSOCIATION_CAVEAT,
  BANDS,
  SMALL_BAND_N,
  type AdjustedEstimate,
  type OutcomeMeasure,
  type TimeVsOutcomeReport,
} from '@deepvalue/shared';

import { roundedOutcomes } from '../disclosure/published-outcomes.js';
import { roundingBaseFor } from '../disclosure/rounding.js';

import type { RequestUser } from '../access/request-user.js';
import { AnalyticsRepository } from './analytics.repository.js';
import { MeasureCellsRepository, type MeasureCell } from './measure-cells.repository.js';
import type { TimeVsOutcomeQueryDto } from './dto/report-query.dto.js';
import { ReportScopeService } from './report-scope.service.js';
import { describeFilters, type ReportFilters } from './report-filters.js';

import { keptAdjustedTimeEstimate } from './statistics/model-cache.js';
import { publishedEstimate } from './statistics/time-vs-outcome-model.js';

import { wilsonInterval } from './statistics/wilson.js';
import { normaliseFilters, todayIso } from './facts-query.js';

@Injectable()
export class TimeVsOutcomeService {
  constructor(
    private readonly repository: AnalyticsRepository,
    private readonly scope: ReportScopeService,
    private readonly cells: MeasureCellsRepository,
  ) {}

  /** The report a manager or commissioner asked for, within what they may see (ReportScopeService). */
  async reportFor(user: RequestUser, query: TimeVsOutcomeQueryDto): Promise<TimeVsOutcomeReport> {
    const { measure = 'positive_outcome', adjusted, ...rest } = query;
    const { organisationIds, consentOnly, suppressBelow, filters } = await this.scope.resolve(user, rest);
    return this.report(
      organisationIds,
      measure,
      { ...filters, consentOnly },
      { suppressBelow, adjusted: adjusted !== 'false' },
    );
  }

  async report(
    organisationIds: string[],
    measure: OutcomeMeasure,
    filters: ReportFilters,
    /**
     * suppressBelow, for commissioners: publish as evidence packs do (disclosure/rounding.ts), counts
     * rounded to this base, rates from rounded counts, small bands merged.
     */
    options: { asOf?: string; adjusted?: boolean; suppressBelow?: number } = {},
  ): Promise<TimeVsOutcomeReport> {
    const asOf = options.asOf ?? todayIso();
    const normalised = normaliseFilters(filters);
    const patterns =
      options.adjusted === false
        ? Promise.resolve([])
        : this.repository.modelPatterns(organisationIds, normalised, measure, asOf);
    if (options.suppressBelow) {
      const { cells } = await this.cells.measureCells(organisationIds, normalised, asOf);
      const adjusted = options.adjusted === false ? null : publishedEstimate(keptAdjustedTimeEstimate(await patterns));
      return this.published(measure, normalised, cells, adjusted, options.suppressBelow);
    }
    // "Not recorded" as the pack has it: the whole the measure is taken from less n. The whole is the
    // closed cases; for avoided appeal, the negative outcomes (positive outcome's n less its count).
    const [counts, wholes, modelRows] = await Promise.all([
      this.repository.bandCounts(organisationIds, normalised, measure, asOf),
      measure === 'avoided_appeal'
        ? this.repository.bandCounts(organisationIds, normalised, 'positive_outcome', asOf)
        : this.repository.closedByBand(organisationIds, normalised, asOf),
      patterns,
    ]);
    const bands = BANDS.map((band, index) => {
      const row = counts.find((c) => c.band === index) ?? { n: 0, count: 0 };
      const whole = wholes.find((c) => c.band === index) ?? { n: 0, count: 0 };
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
        unknown: (measure === 'avoided_appeal' ? whole.n - whole.count : whole.n) - row.n,
      };
    });
    const adjusted = options.adjusted === false ? null : keptAdjustedTimeEstimate(modelRows);
    return {
      measure,
      n: bands.reduce((sum, b) => sum + b.n, 0),
      filters: describeFilters({ ...normalised }),
      bands,
      adjusted,
      caveat: ASSOCIATION_CAVEAT,
    };
  }

  /**
   * The bands exactly as the evidence pack publishes them for the same scope, period and filters: the
   * pack's own cells and rounding (measure-cells.repository.ts, disclosure/published-outcomes.ts), so screen and pack agree cell for cell, "Not
   * recorded" included.
   */
  private published(
    measure: OutcomeMeasure,
    filters: ReportFilters,
    cells: MeasureCell[],
    adjusted: AdjustedEstimate | null,
    threshold: number,
  ): TimeVsOutcomeReport {
    const base = roundingBaseFor(threshold);
    const table = roundedOutcomes(cells, base, filters.category).measures[measure];
    return {
      measure,
      n: table.overall.n,
      filters: describeFilters(filters),
      bands: table.groups.map((g) => ({
        band: BANDS[g.from].band,
        minMinutes: BANDS[g.from].minMinutes,
        maxMinutes: BANDS[g.to].maxMinutes,
        n: g.n,
        count: g.count,
        rate: g.rate,
        ciLow: g.ciLow,
        ciHigh: g.ciHigh,
        small: g.n < SMALL_BAND_N,
        suppressed: false,
        label: g.label,
        unknown: g.unknown,
      })),
      // The model's n as the table publishes it: an exact total beside rounded bands would pin them.
      adjusted: adjusted && { ...adjusted, n: table.overall.n },
      caveat: ASSOCIATION_CAVEAT,
      suppressionThreshold: base,
    };
  }
}
