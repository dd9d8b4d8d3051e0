/** Report response shapes come from the shared package, defined once for the API and the web app. */
export type {
  RateFigure,
  MeasureFigure,
  MeasuresSummary,
  DetailTable,
  DetailFigure,
  TrendsReport,
  BreakdownReport,
  DrillDownPage,
  FixedFeeCategory,
  FixedFeeReport,
} from '@deepvalue/shared';

/** Rates reported by trends and breakdowns (the outcome measures and the other rates of the summary). */
export const RATE_MEASURES = [
  'positive_outcome',
  'accepted',
  'avoided_appeal',
  'problem_uncovered',
  'bounce_back',
  'avoided_appeal_overall',
  'bounce_out',
  'referral_completion',
  'full_disclosure',
  'confidence_improved',
  'would_seek_advice_earlier',
  'could_handle_similar',
  'outcome_sustained',
  'new_problem_at_follow_up',
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
