import { MEASURES } from '@deepvalue/shared';
import { type BreakdownDimension, RATE_MEASURES, type RateMeasure } from './types';

export const RATE_MEASURE_LABELS: Record<RateMeasure, string> = {
  positive_outcome: MEASURES.positive_outcome.label,
  accepted: MEASURES.accepted.label,
  avoided_appeal: `${MEASURES.avoided_appeal.label} (among negative outcomes)`,
  problem_uncovered: MEASURES.problem_uncovered.label,
  bounce_back: MEASURES.bounce_back.label,
  avoided_appeal_overall: `${MEASURES.avoided_appeal.label} (all closed cases)`,
  bounce_out: MEASURES.bounce_out.label,
  referral_completion: MEASURES.referral_completion.label,
  full_disclosure: MEASURES.full_disclosure.label,
  confidence_improved: MEASURES.confidence_improved.label,
  would_seek_advice_earlier: MEASURES.would_seek_advice_earlier.label,
  could_handle_similar: MEASURES.could_handle_similar.label,
  outcome_sustained: MEASURES.outcome_sustained.label,
  new_problem_at_follow_up: MEASURES.new_problem_at_follow_up.label,
};

export const RATE_MEASURE_OPTIONS = RATE_MEASURES.map((value) => ({ value, label: RATE_MEASURE_LABELS[value] }));

export function isRateMeasure(value: string | null): value is RateMeasure {
  return (RATE_MEASURES as readonly string[]).includes(value ?? '');
}

/** The rate a report page shows: ?measure= when it names one, else the positive outcome rate. */
export function rateMeasureIn(params: URLSearchParams): RateMeasure {
  const asked = params.get('measure');
  return isRateMeasure(asked) ? asked : 'positive_outcome';
}

/** Whether a rate's counts link to the cases behind them: for managers, and not for referral completion. */
export function canDrillInto(role: string, measure: RateMeasure): boolean {
  return role === 'manager' && measure !== 'referral_completion';
}

export const DIMENSION_LABELS: Record<BreakdownDimension, string> = {
  category: 'Category',
  office: 'Office',
  adviser: 'Lead adviser',
  fundingStream: 'Funding',
  vulnerability: 'Vulnerability',
  arrival: 'How clients arrived',
};
