/**
 * Report responses. They mirror backend/src/analytics/report-types.ts (time against outcome is in
 * @deepvalue/shared already); kept here until they move to the shared package.
 */

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

export type MeasureFigure =
  | (MeasureHeader & { kind: 'rate'; unit: 'cases' | 'referrals' } & RateFigure)
  | (MeasureHeader & {
      kind: 'mean';
      unit: 'minutes' | 'share' | 'score' | 'problems';
      value: number | null;
      median?: number | null;
      n: number;
      total?: number;
      small: boolean;
    })
  | (MeasureHeader & { kind: 'median'; unit: 'days'; value: number | null; n: number; small: boolean })
  | (MeasureHeader & {
      kind: 'distribution';
      n: number;
      unknown: number;
      groups: Array<{ value: string; count: number; share: number | null }>;
      small: boolean;
    });

export interface MeasuresSummary {
  n: number;
  asOf: string;
  filters: Record<string, string>;
  measures: MeasureFigure[];
  caveat: string;
}

export interface TrendPeriod extends RateFigure {
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
  filters: Record<string, string>;
  periods: TrendPeriod[];
  caveat: string;
  note?: string;
}

export interface BreakdownGroup extends RateFigure {
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
  hoursPaidFor: number | null;
  source: string;
  note: string | null;
}

export interface FeeTableView {
  organisationId: string;
  version: number;
  usingDefaults: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
  rows: FeeRateView[];
}

export interface FeeLineGroup {
  cases: number;
  positiveOutcome: RateFigure;
}

export interface FixedFeeCategory {
  category: string;
  label: string;
  feesInForce: Array<FeeRateView & { organisationId: string }>;
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
  withinFee: FeeLineGroup | null;
  beyondFee: FeeLineGroup | null;
  escape: { n: number; count: number } | null;
  note: string | null;
}

export interface FixedFeeReport {
  n: number;
  asOf: string;
  filters: Record<string, string>;
  feeTables: Array<{ organisationId: string; version: number; usingDefaults: boolean }>;
  categories: FixedFeeCategory[];
  caveat: string;
}

/** Rates reported by trends and breakdowns (the outcome measures plus three more). */
export const RATE_MEASURES = [
  'positive_outcome',
  'accepted',
  'avoided_appeal',
  'problem_uncovered',
  'bounce_back',
  'avoided_appeal_overall',
  'bounce_out',
  'referral_completion',
] as const;
export type RateMeasure = (typeof RATE_MEASURES)[number];

export const BREAKDOWN_DIMENSIONS = [
  'category',
  'office',
  'adviser',
  'fundingStream',
  'vulnerability',
  'arrival',
] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];
