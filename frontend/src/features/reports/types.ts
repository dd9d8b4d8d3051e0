/** Report response shapes come from the shared package, defined once for the API and the web app. */
export type {
  RateFigure,
  MeasureFigure,
  MeasuresSummary,
  TrendsReport,
  BreakdownReport,
  DrillDownPage,
  FixedFeeCategory,
  FixedFeeReport,
} from '@deepvalue/shared';

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
