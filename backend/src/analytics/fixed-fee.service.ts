/**
 * Fixed fee against need (docs/measures.md): per category, the hours a fixed fee pays for (fee ÷ local
 * hourly rate) beside the hours closed cases actually took, the positive outcome rate of cases
 * within and beyond that line, and the cases whose time crossed the escape threshold. Hours are all
 * recorded time on the case; the line for a case is drawn from the fee row in force when it opened.
 */
import { Injectable } from '@nestjs/common';

import { ASSOCIATION_CAVEAT, CATEGORIES, labelOf } from '@deepvalue/shared';

import { FeeRatesService, HOURLY_RATE_NOTE, type FeeTable } from './fee-rates.service.js';

import type { RequestUser } from '../access/request-user.js';
import { AnalyticsRepository } from './analytics.repository.js';
import type { ReportFiltersDto } from './dto/report-query.dto.js';
import { ReportScopeService } from './report-scope.service.js';
import { FixedFeeRepository, type FeeLineCounts } from './fixed-fee.repository.js';
import { FixedFeeRollupsRepository, type FeeFigures } from './fixed-fee-rollups.repository.js';
import { rateFigure } from './rate-figure.js';

import { percentileFromCounts } from './statistics/percentile.js';

import { keptStrictlyNecessaryTimes } from './statistics/model-cache.js';
import { strictlyNecessaryTimes } from './statistics/strictly-necessary.js';

import { describeFilters, type ReportFilters } from './report-filters.js';

import type { FeeRateView, FixedFeeCategory, FixedFeeReport, StrictlyNecessaryTime } from '@deepvalue/shared';
import { type FeeRowParam, normaliseFilters, todayIso } from './facts-query.js';

/** Upper edges of the hours histogram; the last bucket is open-ended. */
export const HOUR_BUCKET_EDGES = [1, 2, 3, 4, 6, 8, 12, 20];
const NO_FEE_NOTE = 'No fixed fee for this category in the fee table: enter one to compare.';

@Injectable()
export class FixedFeeService {
  constructor(
    private readonly repository: FixedFeeRepository,
    private readonly feeRates: FeeRatesService,
    private readonly analytics: AnalyticsRepository,
    private readonly scope: ReportScopeService,
    private readonly rollups: FixedFeeRollupsRepository,
  ) {}

  /** The report a manager asked for, within what they may see (ReportScopeService). */
  async reportFor(user: RequestUser, query: ReportFiltersDto): Promise<FixedFeeReport> {
    const { organisationIds, filters } = await this.scope.resolve(user, query);
    return this.report(organisationIds, filters);
  }

  /**
   * Read from the roll-ups where they can answer. `feeTableVersions` names, per organisation, a saved
   * version to draw the fee lines from instead of the latest (0 = the defaults); the roll-ups are
   * classified against the latest, so then the facts answer, as they do when `fromFacts` asks for the
   * straightforward twin (tests and the bench compare the two): facts, patterns from the facts, a fresh fit.
   */
  async report(
    organisationIds: string[],
    filters: ReportFilters,
    options: { asOf?: string; feeTableVersions?: Record<string, number>; fromFacts?: boolean } = {},
  ): Promise<FixedFeeReport> {
    const { asOf = todayIso(), feeTableVersions = {}, fromFacts = false } = options;
    const normalised = normaliseFilters(filters);
    const [tables, latest] = await Promise.all([
      this.feeRates.tablesFor(organisationIds, feeTableVersions),
      Object.keys(feeTableVersions).length ? this.feeRates.tablesFor(organisationIds) : null,
    ]);
    const fees = feeParams(tables);
    const current = !fromFacts && (latest === null || latest.every((t, i) => t.version === tables[i].version));
    const [figures, patterns] = await Promise.all([
      (current ? this.rollups.figures(organisationIds, normalised, fees, asOf) : Promise.resolve(null)).then(
        (fromRollups) => fromRollups ?? this.figuresFromFacts(organisationIds, normalised, fees, asOf),
      ),
      fromFacts
        ? this.analytics.modelPatternsFromFacts(organisationIds, normalised, 'positive_outcome', asOf)
        : this.analytics.modelPatterns(organisationIds, normalised, 'positive_outcome', asOf),
    ]);
    // The twin fits the model afresh; the served report gives a kept fit of the same rows (model-cache.ts).
    const necessary = (fromFacts ? strictlyNecessaryTimes : keptStrictlyNecessaryTimes)(patterns);
    return this.build(tables, fees, figures, necessary, normalised, asOf);
  }

  /** The same figures counted from every closed case (the straightforward twin of the roll-up read). */
  async figuresFromFacts(
    organisationIds: string[],
    filters: ReportFilters,
    fees: FeeRowParam[],
    asOf: string,
  ): Promise<FeeFigures> {
    const [lines, minutes] = await Promise.all([
      this.repository.feeLineCounts(organisationIds, filters, fees, asOf),
      this.repository.minuteCounts(organisationIds, filters, asOf),
    ]);
    const minuteSums = new Map<string, number>();
    for (const m of minutes) minuteSums.set(m.category, (minuteSums.get(m.category) ?? 0) + m.value * m.n);
    return { lines, minutes, minuteSums };
  }

  private build(
    tables: FeeTable[],
    fees: ReturnType<typeof feeParams>,
    { lines, minutes, minuteSums }: FeeFigures,
    necessary: Map<string, StrictlyNecessaryTime>,
    normalised: ReportFilters,
    asOf: string,
  ): FixedFeeReport {
    const categories = (normalised.category ? [normalised.category] : CATEGORIES).map((category): FixedFeeCategory => {
      const categoryFees = fees.filter((f) => f.category === category);
      const categoryLines = lines.filter((l) => l.category === category);
      const sum = (key: keyof Omit<FeeLineCounts, 'category' | 'feeIndex'>) =>
        categoryLines.reduce((total, l) => total + l[key], 0);
      // Whole minutes: their sums are exact, so the mean and quartiles have the same bits in any row order.
      const categoryMinutes = minutes.filter((m) => m.category === category).map((m) => ({ value: m.value, n: m.n }));
      const hours = categoryMinutes.map((m) => ({ value: m.value / 60, n: m.n }));
      const casesTimed = hours.reduce((total, h) => total + h.n, 0);
      const rated = categoryFees.some((f) => f.hourlyRateGbp !== null);
      const escapeKnown = categoryFees.some((f) => f.hourlyRateGbp !== null && f.escapeThresholdGbp !== null);
      return {
        category,
        label: labelOf(category),
        feesInForce: tables.flatMap((t) => {
          const row = inForce(t.rows, category, asOf);
          return row ? [{ ...row, organisationId: t.organisationId }] : [];
        }),
        feesApplied: categoryLines
          .filter((l) => l.feeIndex !== null)
          .map((l) => ({ ...fees[l.feeIndex!].view, organisationId: fees[l.feeIndex!].organisationId, cases: l.cases }))
          .sort(
            (a, b) =>
              a.organisationId.localeCompare(b.organisationId) || a.effectiveFrom.localeCompare(b.effectiveFrom),
          ),
        n: sum('cases'),
        casesWithoutFee: categoryLines.filter((l) => l.feeIndex === null).reduce((total, l) => total + l.cases, 0),
        hours: {
          n: casesTimed,
          mean: casesTimed === 0 ? null : inHours((minuteSums.get(category) ?? 0) / casesTimed),
          q1: inHours(percentileFromCounts(categoryMinutes, 0.25)),
          median: inHours(percentileFromCounts(categoryMinutes, 0.5)),
          q3: inHours(percentileFromCounts(categoryMinutes, 0.75)),
          buckets: [0, ...HOUR_BUCKET_EDGES].map((fromHours, i) => {
            const toHours = HOUR_BUCKET_EDGES[i] ?? null;
            const inBucket = hours.filter((h) => h.value >= fromHours && (toHours === null || h.value < toHours));
            return { fromHours, toHours, n: inBucket.reduce((total, h) => total + h.n, 0) };
          }),
        },
        withinFee: rated
          ? {
              cases: sum('withinCases'),
              positiveOutcome: rateFigure({ n: sum('withinN'), count: sum('withinPositive') }),
            }
          : null,
        beyondFee: rated
          ? {
              cases: sum('beyondCases'),
              positiveOutcome: rateFigure({ n: sum('beyondN'), count: sum('beyondPositive') }),
            }
          : null,
        escape: escapeKnown ? { n: sum('escapeN'), count: sum('escapeCount') } : null,
        note: categoryFees.length === 0 ? NO_FEE_NOTE : rated ? null : HOURLY_RATE_NOTE,
        strictlyNecessary: necessary.get(category) ?? {
          hours: null,
          ciLow: null,
          ciHigh: null,
          targetRate: null,
          n: 0,
          note: 'No closed cases of this category with a result.',
        },
      };
    });
    return {
      n: categories.reduce((total, c) => total + c.n, 0),
      asOf,
      filters: describeFilters(normalised),
      feeTables: tables.map((t) => ({
        organisationId: t.organisationId,
        version: t.version,
        usingDefaults: t.usingDefaults,
      })),
      categories,
      caveat: ASSOCIATION_CAVEAT,
    };
  }
}

function inHours(minutes: number | null): number | null {
  return minutes === null ? null : minutes / 60;
}

/** Every organisation's fee rows, numbered so a query result can name the row that applied. */
function feeParams(tables: FeeTable[]): Array<FeeRowParam & { index: number; view: FeeRateView }> {
  return tables
    .flatMap((t) => t.rows.map((view) => ({ organisationId: t.organisationId, view })))
    .map(({ organisationId, view }, index) => ({
      index,
      organisationId,
      category: view.category,
      effectiveFrom: view.effectiveFrom,
      fixedFeeGbp: view.fixedFeeGbp,
      escapeThresholdGbp: view.escapeThresholdGbp,
      hourlyRateGbp: view.hourlyRateGbp,
      view,
    }));
}

/** The row in force on a date: the latest for the category starting on or before it. */
function inForce(rows: FeeRateView[], category: string, isoDate: string): FeeRateView | null {
  let found: FeeRateView | null = null;
  for (const row of rows) {
    if (row.category !== category || row.effectiveFrom > isoDate) continue;
    if (!found || row.effectiveFrom > found.effectiveFrom) found = row;
  }
  return found;
}
