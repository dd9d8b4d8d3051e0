/**
 * The SQL definition of each outcome measure of docs/measures.md, over per-case facts (closed cases).
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

/**
 * The reason given for not pursuing an appeal does not rule out an avoided appeal: none recorded
 * (older records, imports without it) or "the client understood and accepted the outcome".
 */
const NOT_RULED_OUT = `coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'`;

/**
 * An avoided appeal (docs/measures.md): considered and not pursued *because the client understood and
 * accepted the outcome* — acceptance recorded as yes, and no other reason given. A client who gave up
 * on a good appeal (could not face it, out of time, advised it had no merit) is not a saving.
 */
export const AVOIDED_APPEAL = `(f.appeal = 'considered_not_pursued' AND f.accepted AND ${NOT_RULED_OUT})`;

/**
 * Whether a case's avoided-appeal status is known: an appeal status is recorded, and a "considered and
 * not pursued" also says why (the client's acceptance, or a reason that rules it out). Unknown is not "no".
 */
export const AVOIDED_APPEAL_KNOWN = `(f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT ${NOT_RULED_OUT}))`;

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
    // Among negative outcomes, where an appeal was open to the client and whether it was avoided is known.
    eligible: `f.result = 'negative' AND ${AVOIDED_APPEAL_KNOWN}`,
    success: AVOIDED_APPEAL,
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
    // Only cases someone followed up: with no follow-up, whether the client came back is unknown.
    eligible: `f.followed_up`,
    success: `f.same_problem_recontact_6m`,
    trials: 'n_followed_up',
    successes: 'n_bounce_back',
    matureAfterMonths: 6,
  },
};

/**
 * The roll-up counts of each outcome measure, generated from the definitions above: the same
 * conditions over a row of case_facts (no `f.` alias), successes counted among the eligible cases.
 * The roll-up functions in the database are written from this text (migration 1764200000900), and
 * analytics/rollup-definitions.e2e.spec.ts checks that the functions installed still say exactly
 * this — a change here without a migration restating the roll-ups fails that test.
 */
export function outcomeRollupCounts(): Array<[column: string, condition: string]> {
  const bare = (sql: string) => sql.replace(/\bf\./g, '');
  return Object.values(OUTCOME_MEASURE_SQL).flatMap(({ eligible, success, trials, successes }) => [
    [trials, bare(eligible)],
    [successes, eligible === 'true' ? bare(success) : `(${bare(eligible)}) AND (${bare(success)})`],
  ]);
}
