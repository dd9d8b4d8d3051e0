/**
 * The SQL definition of each outcome measure of brief §3/§4, over per-case facts (closed cases).
 * `eligible` is the denominator (which closed cases the rate is taken among), `success` the
 * numerator; `trials`/`successes` name the same counts in the case_rollups table. This is the one
 * place these definitions are written; shared/src/measures.ts says them in words.
 */
import type { OutcomeMeasure } from '@deepvalue/shared';

export interface OutcomeMeasureSql {
  eligible: string;
  success: string;
  trials: string;
  successes: string;
  /** Only cases closed at least this many months before the report date count (bounce-back). */
  matureAfterMonths?: number;
}

export const OUTCOME_MEASURE_SQL: Record<OutcomeMeasure, OutcomeMeasureSql> = {
  positive_outcome: {
    eligible: `f.result IN ('positive', 'partly_positive', 'negative')`,
    success: `f.result IN ('positive', 'partly_positive')`,
    trials: 'n_with_result',
    successes: 'n_positive',
  },
  accepted: {
    eligible: `f.accepted IS NOT NULL`,
    success: `f.accepted`,
    trials: 'n_accept_asked',
    successes: 'n_accepted',
  },
  avoided_appeal: {
    // Among negative outcomes, where an appeal was open to the client and its status is known.
    eligible: `f.result = 'negative' AND f.appeal IS NOT NULL`,
    success: `f.appeal = 'considered_not_pursued'`,
    trials: 'n_negative_appeal_known',
    successes: 'n_negative_avoided',
  },
  problem_uncovered: {
    eligible: `true`,
    success: `f.problems_count > 0`,
    trials: 'n_closed',
    successes: 'n_uncovered',
  },
  bounce_back: {
    eligible: `true`,
    success: `f.same_problem_recontact_6m`,
    trials: 'n_closed',
    successes: 'n_bounce_back',
    matureAfterMonths: 6,
  },
};
