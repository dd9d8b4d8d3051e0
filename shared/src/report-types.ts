/** Response shapes of the measures, trends, breakdown, drill-down and fixed-fee reports (API and web app). */

/** A rate with the count it rests on and its 95% Wilson interval; `small` when n < SMALL_BAND_N. */
export interface RateFigure {
  n: number;
  count: number;
  rate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  small: boolean;
}

interface MeasureHeader {
  key: string;
  label: string;
  definition: string;
  note?: string;
}

/**
 * Unknown is not negative: beside n, how many cases (referrals, for referral completion) in the
 * measure's scope do not record the thing it needs, and the share that do (null with none in scope).
 */
export interface Coverage {
  unknown: number;
  coverage: number | null;
}

export type MeasureFigure =
  | (MeasureHeader & { kind: 'rate'; unit: 'cases' | 'referrals' } & RateFigure & Coverage)
  | (MeasureHeader & {
      kind: 'mean';
      unit: 'minutes' | 'share' | 'score' | 'problems';
      value: number | null;
      median?: number | null;
      n: number;
      /** Sum over the cases (e.g. problems uncovered, feedback items answered). */
      total?: number;
      small: boolean;
      /** What the n counts, when not cases (relationship time before a problem surfaced: problems). */
      of?: 'problems';
    } & Partial<MeanIntervalFigure & Coverage>)
  | (MeasureHeader & {
      kind: 'median';
      unit: 'days';
      value: number | null;
      n: number;
      small: boolean;
      /** First-contact latency: the share of the n cases first seen within these many working days. */
      seenWithin?: Array<{ workingDays: number } & RateFigure>;
    })
  | (MeasureHeader & {
      kind: 'distribution';
      /** What is counted: cases, or underlying problems. */
      of?: 'problems';
      n: number;
      unknown: number;
      coverage?: number | null;
      /** Each group's count, its share of n and the share's 95% Wilson interval. */
      groups: Array<{
        value: string;
        count: number;
        share: number | null;
        ciLow?: number | null;
        ciHigh?: number | null;
      }>;
      small: boolean;
    });

/** A mean's 95% Student t interval (null with fewer than two values). */
export interface MeanIntervalFigure {
  ciLow: number | null;
  ciHigh: number | null;
}

export interface MeasuresSummary {
  /** Closed cases counted (after filters). */
  n: number;
  asOf: string;
  filters: Record<string, string>;
  measures: MeasureFigure[];
  /**
   * With `detail=true` (and always from `report measures`): the measures by band of relationship time and
   * side by side (docs/measures.md, "Measures in detail"), read from the per-case facts.
   */
  details?: DetailTable[];
  caveat: string;
}

export interface TrendPeriod extends RateFigure, Coverage {
  /** `2025-03` or `2025-Q1`. */
  period: string;
  from: string;
  to: string;
}

export interface TrendsReport {
  measure: string;
  label: string;
  definition: string;
  period: 'month' | 'quarter';
  n: number;
  count: number;
  /** Units in scope (closed cases; referrals for referral completion) where the thing is not recorded, over the whole report. */
  unknown: number;
  coverage: number | null;
  filters: Record<string, string>;
  periods: TrendPeriod[];
  caveat: string;
  note?: string;
}

export interface BreakdownGroup extends RateFigure, Coverage {
  /** The value to filter on for a drill-down (`none` for cases without one). */
  key: string;
  label: string;
}

export interface BreakdownReport {
  by: string;
  measure: string;
  label: string;
  definition: string;
  n: number;
  count: number;
  /** Over every case in scope, each counted once. */
  unknown: number;
  coverage: number | null;
  filters: Record<string, string>;
  groups: BreakdownGroup[];
  caveat: string;
  note?: string;
}

export interface DrillDownCase {
  id: string;
  ref: string;
  category: string;
  closedOn: string;
  relationshipMinutes: number;
  leadAdviserName: string;
}

export interface DrillDownPage {
  measure: string;
  band: string | null;
  outcome: 'success' | 'eligible';
  /** Cases behind the figure: the report's n (eligible) or count (success). */
  total: number;
  limit: number;
  offset: number;
  filters: Record<string, string>;
  items: DrillDownCase[];
}

export interface FeeRateView {
  id: string | null;
  category: string;
  effectiveFrom: string;
  fixedFeeGbp: number;
  escapeThresholdGbp: number | null;
  hourlyRateGbp: number | null;
  /** fixed fee ÷ hourly rate; null until an hourly rate is entered. */
  hoursPaidFor: number | null;
  source: string;
  note: string | null;
}

export interface FeeTableView {
  organisationId: string;
  /** 0 while the organisation uses the defaults; each save makes a new version. */
  version: number;
  usingDefaults: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
  rows: FeeRateView[];
}

export interface FeeLineGroup {
  /** Closed cases on this side of the line. */
  cases: number;
  /** Positive outcome rate among those with a result. */
  positiveOutcome: RateFigure;
}

export interface FixedFeeCategory {
  category: string;
  label: string;
  /** The fee row in force on asOf, per organisation in scope. */
  feesInForce: Array<FeeRateView & { organisationId: string }>;
  /** The fee rows that applied to the cases counted (by each case's opened_on), with how many. */
  feesApplied: Array<FeeRateView & { organisationId: string; cases: number }>;
  n: number;
  casesWithoutFee: number;
  hours: {
    n: number;
    mean: number | null;
    q1: number | null;
    median: number | null;
    q3: number | null;
    buckets: Array<{ fromHours: number; toHours: number | null; n: number }>;
  };
  /** Null until the applying fee rows have an hourly rate. */
  withinFee: FeeLineGroup | null;
  beyondFee: FeeLineGroup | null;
  /** Cases whose hours × hourly rate exceed the escape threshold of their fee row. */
  escape: { n: number; count: number } | null;
  note: string | null;
  /**
   * "Strictly necessary" relationship time (seed 000): from the adjusted positive-outcome model, the relationship
   * time at which this category's predicted positive-outcome rate (over its own cases' mix) reaches the
   * organisation's typical one. Null (with a note) when the model gives no answer or the rate is not reached.
   */
  strictlyNecessary?: StrictlyNecessaryTime;
}

export interface StrictlyNecessaryTime {
  /** Hours of relationship time; the interval is the delta method on log2 time, the target taken as given. */
  hours: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** The organisation's typical rate: the median case's predicted positive-outcome probability. */
  targetRate: number | null;
  /** Cases of this category in the model. */
  n: number;
  note?: string;
}

export interface FixedFeeReport {
  n: number;
  asOf: string;
  filters: Record<string, string>;
  feeTables: Array<{ organisationId: string; version: number; usingDefaults: boolean }>;
  categories: FixedFeeCategory[];
  caveat: string;
}

/** A mean with its 95% interval, or a rate, in one cell of a table of the measures in detail. */
export type DetailFigure =
  | ({ kind: 'mean'; n: number; value: number | null; small: boolean } & MeanIntervalFigure)
  /** A median with a 95% bootstrap interval (relationship time before an underlying problem surfaced). */
  | ({ kind: 'median'; n: number; value: number | null; small: boolean } & MeanIntervalFigure)
  | ({ kind: 'rate' } & RateFigure);

export interface DetailRow {
  key: string;
  label: string;
  definition: string;
  /** One figure per column of the table. */
  figures: DetailFigure[];
  /** Closed cases in scope left out because one end of the row or column is not recorded. */
  unknown: number;
}

export interface DetailTable {
  key: string;
  title: string;
  /** What the columns are (relationship-time bands, levels of understanding…). */
  columnsAre: string;
  columns: Array<{ key: string; label: string }>;
  rows: DetailRow[];
  note?: string;
}
