/**
 * The SQL definition of every measure in docs/measures.md over per-case facts `f` (one row per case), written
 * once here; shared/src/measures.ts says them in words and docs/measures.md gives the reasoning.
 * The outcome measures reuse outcome-measures.sql.ts, so time against outcome, the measures summary,
 * trends, breakdowns and drill-downs all count the same cases.
 *
 * Rates: `eligible` picks the rows in the denominator; each eligible row adds `n` to the
 * denominator and `count` to the numerator (1/0 per case, or its referrals for referral completion).
 * Case values: `value` is the per-case figure, taken over the cases where `applies`.
 */
import {
  MEASURES,
  OUTCOME_MEASURES,
  type MeasureDefinition,
  type OutcomeMeasure,
  type OutcomeResult,
  type ProblemAction,
} from '@deepvalue/shared';
import { AVOIDED_APPEAL, AVOIDED_APPEAL_KNOWN, OUTCOME_MEASURE_SQL } from './outcome-measures.sql.js';

/** Rates that can be reported by period, by group and (per case) drilled into. */
export const RATE_MEASURES = [
  ...OUTCOME_MEASURES,
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

/** Rates whose denominator is cases, so the cases behind a figure can be listed one for one. */
export const CASE_RATE_MEASURES = RATE_MEASURES.filter(
  (m): m is Exclude<RateMeasure, 'referral_completion'> => m !== 'referral_completion',
);
export type CaseRateMeasure = (typeof CASE_RATE_MEASURES)[number];

export interface RateMeasureSql {
  /** What the denominator counts. */
  unit: 'cases' | 'referrals';
  eligible: string;
  /** Per eligible case: in the numerator (case rates only). */
  success: string;
  n: string;
  count: string;
  matureAfterMonths?: number;
  /**
   * Counted in a query of its own in the summary: its subquery then runs once, hashed, instead of
   * once per case inside the big aggregate.
   */
  ownQuery?: boolean;
  /** Column names in case_rollups, where the roll-ups hold this rate. */
  rollup?: { trials: string; successes: string };
  /**
   * Per case in scope: how many units the measure is about (`scope`) and for how many of them the thing
   * is not recorded (`unknown`), so reports show the unknowns beside n (unknown is not negative).
   */
  scope: string;
  unknown: string;
}

const NO_RESULT = `f.result IN ('withdrawn', 'lost_contact')`;
const REFERRED_ON = `f.case_referrals_out > 0`;
const oneIf = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;

function caseRate(
  eligible: string,
  success: string,
  unknown: string,
  extra: Partial<RateMeasureSql> = {},
): RateMeasureSql {
  return {
    unit: 'cases',
    eligible,
    success,
    n: '1',
    count: oneIf(success),
    scope: '1',
    unknown: oneIf(unknown),
    ...extra,
  };
}

/** Per case: the thing each outcome measure needs is not recorded. */
const OUTCOME_UNKNOWN: Record<OutcomeMeasure, { unknown: string; scope?: string }> = {
  positive_outcome: { unknown: `f.result IS NULL` },
  accepted: { unknown: `f.accepted IS NULL` },
  avoided_appeal: { unknown: `f.result = 'negative' AND NOT ${AVOIDED_APPEAL_KNOWN}`, scope: `f.result = 'negative'` },
  problem_uncovered: { unknown: `false` },
  bounce_back: { unknown: `NOT f.followed_up` },
};

function outcomeRate(measure: OutcomeMeasure): RateMeasureSql {
  const sql = OUTCOME_MEASURE_SQL[measure];
  const { unknown, scope } = OUTCOME_UNKNOWN[measure];
  return caseRate(sql.eligible, sql.success, unknown, {
    matureAfterMonths: sql.matureAfterMonths,
    rollup: { trials: sql.trials, successes: sql.successes },
    ...(scope && { scope: oneIf(scope) }),
  });
}

/** A yes/no (or graded) answer: known when recorded; success as given. */
const answered = (column: string, success: string) => caseRate(`${column} IS NOT NULL`, success, `${column} IS NULL`);
const CONFIDENCE_BOTH = `f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL`;

export const RATE_MEASURE_SQL: Record<RateMeasure, RateMeasureSql> = {
  positive_outcome: outcomeRate('positive_outcome'),
  accepted: outcomeRate('accepted'),
  avoided_appeal: outcomeRate('avoided_appeal'),
  problem_uncovered: outcomeRate('problem_uncovered'),
  bounce_back: outcomeRate('bounce_back'),
  // The same definition whatever the result.
  avoided_appeal_overall: caseRate(AVOIDED_APPEAL_KNOWN, AVOIDED_APPEAL, `NOT ${AVOIDED_APPEAL_KNOWN}`),
  // Referred on = a referral out recorded on the case itself (underlying problems referred on are
  // the good practice the product exists to show, so they do not count as bounce). A case with no
  // outcome recorded and no referral out is unknown, not bounced out.
  bounce_out: caseRate(
    `(f.result IS NOT NULL OR ${REFERRED_ON})`,
    `(${NO_RESULT} OR ${REFERRED_ON})`,
    `f.result IS NULL AND NOT ${REFERRED_ON}`,
  ),
  referral_completion: {
    unit: 'referrals',
    eligible: `f.referrals_out_known > 0`,
    success: `f.referrals_out_reached > 0`,
    n: 'f.referrals_out_known',
    count: 'f.referrals_out_reached',
    scope: 'f.referrals_out',
    unknown: '(f.referrals_out - f.referrals_out_known)',
  },
  full_disclosure: answered(`f.disclosure`, `f.disclosure = 'yes'`),
  confidence_improved: caseRate(
    CONFIDENCE_BOTH,
    `f.confidence_after > f.confidence_before`,
    `NOT (${CONFIDENCE_BOTH})`,
  ),
  would_seek_advice_earlier: answered(`f.would_seek_advice_earlier`, `f.would_seek_advice_earlier`),
  could_handle_similar: answered(`f.could_handle_similar`, `f.could_handle_similar`),
  // The latest follow-up that asked; cases nobody followed up, or not asked, are unknown.
  outcome_sustained: answered(`f.outcome_sustained`, `f.outcome_sustained`),
  new_problem_at_follow_up: caseRate(`f.followed_up`, `f.new_problem_at_follow_up`, `NOT f.followed_up`),
};

/**
 * Per-case values averaged (or their median taken) over the cases where they apply. Ratios are `numeric`, so their
 * averages are exact and the same in any row order (float sums change in the last bit with order or parallelism).
 */
export const CASE_VALUE_SQL = {
  relationship_time: { value: `f.relationship_minutes`, applies: `true` },
  relationship_share: {
    value: `f.relationship_minutes::numeric / nullif(f.total_minutes, 0)`,
    applies: `f.total_minutes > 0`,
  },
  continuity: {
    value: `f.lead_relationship_minutes::numeric / nullif(f.relationship_minutes, 0)`,
    applies: `f.relationship_minutes > 0`,
  },
  first_contact_latency: {
    // From the client's first contact with the organisation (the day the case was opened unless recorded).
    value: `(f.first_relationship_on - f.first_contact_on)`,
    applies: `f.first_relationship_on IS NOT NULL`,
  },
  rqi: {
    // Each case's mean item score (1–5) rescaled to 0–100; unanswered items are simply absent.
    value: `(f.feedback_score_sum::numeric / nullif(f.feedback_items_n, 0) - 1) / 4 * 100`,
    applies: `f.feedback_items_n > 0`,
  },
  underlying_problems: { value: `f.problems_count`, applies: `true` },
  bounce_in: {
    value: `least(f.prior_organisations_contacted, 3)`,
    applies: `f.prior_organisations_contacted IS NOT NULL`,
  },
} as const;

/**
 * Scores reported as a mean with a 95% interval, so the roll-ups keep their sum, sum of squares and n
 * (the cases where `applies`; the others in scope are unknown).
 */
export const SCORE_MEASURES = ['understood', 'trust', 'confidence_change', 'did_not_repeat_story'] as const;
export type ScoreMeasure = (typeof SCORE_MEASURES)[number];
/** `numeric` when the per-case value is not a whole number (its roll-up sums are then numeric, so exact). */
export const SCORE_SQL: Record<ScoreMeasure, { value: string; applies: string; numeric?: true }> = {
  understood: { value: `f.understood`, applies: `f.understood IS NOT NULL` },
  trust: { value: `f.trust`, applies: `f.trust IS NOT NULL` },
  confidence_change: { value: `(f.confidence_after - f.confidence_before)`, applies: CONFIDENCE_BOTH },
  // The client's answers to the retelling item, averaged over the case's feedback forms.
  did_not_repeat_story: {
    value: `(f.retelling_item_sum::numeric / nullif(f.retelling_item_n, 0))`,
    applies: `f.retelling_item_n > 0`,
    numeric: true,
  },
};

/** Retelling burden: times the client told their story before (3 = 3 or more), recorded at opening. */
export const TIMES_TOLD_STORY = {
  value: `least(f.times_told_story_before, 3)`,
  applies: `f.times_told_story_before IS NOT NULL`,
} as const;

/** Per case: its underlying problems with each action taken, and with each result of their own. */
export const PROBLEM_ACTION_SQL: Record<ProblemAction, string> = {
  handled_in_house: `f.problems_handled_in_house`,
  referred_warm: `f.problems_referred_warm`,
  signposted: `f.problems_signposted`,
  client_declined: `f.problems_client_declined`,
};
export const PROBLEM_RESULT_SQL: Record<OutcomeResult, string> = {
  positive: `f.problems_positive`,
  partly_positive: `f.problems_partly_positive`,
  negative: `f.problems_negative`,
  withdrawn: `f.problems_withdrawn`,
  lost_contact: `f.problems_lost_contact`,
};
export const PROBLEM_RESULT_UNKNOWN = `(f.problems_count - ${Object.values(PROBLEM_RESULT_SQL).join(' - ')})`;
/** Per case: its underlying problems with a result of their own recorded (k_c). */
export const PROBLEM_RESULT_KNOWN = `(${Object.values(PROBLEM_RESULT_SQL).join(' + ')})`;
/**
 * Per case, what the cluster-robust intervals of the problem shares need (statistics/cluster-share-interval.ts,
 * the case as the cluster): for a part counted per case as `part` of `units` (an action of all the case's
 * problems, or a result of those with one), S_c² and n_c·S_c; and for the results, whether the case has any
 * result recorded and k_c² (the actions share PROBLEM_TIME_BEFORE's cases and n_c²).
 */
export const PROBLEM_SHARE_CLUSTERS = {
  caseSumSq: (part: string) => `${part}::bigint * ${part}`,
  caseCrossSum: (part: string, units: string) => `${units}::bigint * ${part}`,
  knownCases: `CASE WHEN ${PROBLEM_RESULT_KNOWN} > 0 THEN 1 ELSE 0 END`,
  knownCountSq: `${PROBLEM_RESULT_KNOWN}::bigint * ${PROBLEM_RESULT_KNOWN}`,
};
/**
 * Per case: Σ over its problems of relationship minutes dated on or before the day each was uncovered
 * (S_c), Σ of their squares, and what the cluster-robust interval of the mean over problems needs with
 * the case as the cluster (statistics/cluster-mean-interval.ts): whether the case has problems, S_c²,
 * n_c·S_c and n_c², with n_c its problems.
 */
export const PROBLEM_TIME_BEFORE = {
  sum: `f.problems_relationship_minutes`,
  sumsq: `f.problems_relationship_minutes_sq`,
  cases: `CASE WHEN f.problems_count > 0 THEN 1 ELSE 0 END`,
  caseSumSq: `f.problems_relationship_minutes::bigint * f.problems_relationship_minutes`,
  caseCrossSum: `f.problems_count::bigint * f.problems_relationship_minutes`,
  caseCountSq: `f.problems_count::bigint * f.problems_count`,
};

/**
 * One row per underlying problem of the cases `f` in scope (`where` over case_facts `f`): its case and the
 * relationship minutes dated on or before the day it was uncovered — each problem's part of
 * PROBLEM_TIME_BEFORE, for its median (which a sum cannot give).
 */
export const problemTimeBeforeRows = (where: string) => `
  SELECT up.case_id::text AS case_id, coalesce(sum(te.minutes), 0)::integer AS minutes
    FROM case_facts f
    JOIN underlying_problems up ON up.organisation_id = f.organisation_id AND up.case_id = f.case_id
    LEFT JOIN time_entries te ON te.organisation_id = up.organisation_id AND te.case_id = up.case_id
                             AND te.class = 'relationship' AND te."on" <= up.uncovered_on
   WHERE ${where}
   GROUP BY up.case_id, up.id`;

/**
 * problemTimeBeforeRows' rows without reading the time entries of most cases: a case with one problem
 * holds that problem's minutes in its facts (PROBLEM_TIME_BEFORE's sum), and a case with two holds
 * a + b and a² + b², which fix the pair exactly (a − b = √(2(a² + b²) − (a + b)²), whole numbers). Only
 * cases with three or more problems meet the time entries. The evidence pack's distributions read
 * this (at 1,000,000 cases the row-level join read every time entry: seconds).
 */
export const problemTimeBeforeFromFacts = (where: string) => `
  SELECT f.case_id::text AS case_id, m.minutes
    FROM case_facts f
    CROSS JOIN LATERAL (
      SELECT round(sqrt(greatest(2 * f.problems_relationship_minutes_sq
                                 - f.problems_relationship_minutes::bigint * f.problems_relationship_minutes, 0)))::integer AS gap
    ) d
    CROSS JOIN LATERAL unnest(CASE WHEN f.problems_count = 1 THEN ARRAY[f.problems_relationship_minutes]
                                   ELSE ARRAY[(f.problems_relationship_minutes + d.gap) / 2,
                                              (f.problems_relationship_minutes - d.gap) / 2] END) AS m(minutes)
   WHERE (${where}) AND f.problems_count IN (1, 2)
  UNION ALL${problemTimeBeforeRows(`(${where}) AND f.problems_count > 2`)}`;

/** First-contact latency is also reported as the share of cases seen within these many working days. */
export const SEEN_WITHIN_WORKING_DAYS = [2, 10] as const;

/** Weekdays (Monday to Friday) in [0, x] counting from a Monday as day 0: a closed form, no per-day rows. */
const weekdaysUpTo = (x: string) => `((((${x}) + 1) / 7) * 5 + least(((${x}) + 1) % 7, 5))`;

/**
 * Working days (Monday to Friday; bank holidays are not taken out) after `from` up to and including
 * `to`, 0 when `to` is not after `from`: a client first in touch on a Friday and seen on the Monday
 * was seen within 1 working day.
 */
export function workingDaysSql(from: string, to: string): string {
  const days = `greatest(${to} - ${from}, 0)`;
  const dow = `(extract(isodow FROM ${from})::int - 1)`;
  return `((${days} / 7) * 5 + ${weekdaysUpTo(`${dow} + ${days} % 7`)} - ${weekdaysUpTo(dow)})`;
}

/** Label and definition of a rate; the overall avoided-appeal rate is the same measure taken wider. */
export function rateDefinition(measure: RateMeasure): MeasureDefinition {
  if (measure === 'avoided_appeal_overall') {
    return {
      key: measure,
      label: 'Avoided appeal (all closed cases)',
      definition:
        'Closed cases with an avoided appeal (considered and not pursued because the client understood and accepted the outcome) ÷ closed cases where that is known: an appeal status recorded and, for one considered and not pursued, the client’s acceptance or the reason.',
    };
  }
  if (measure === 'avoided_appeal') return { ...MEASURES.avoided_appeal, label: 'Avoided appeal (negative outcomes)' };
  return MEASURES[measure];
}

/** The last closing date a rate counts: the `to` filter, and for bounce-back only cases mature by asOf. */
export function countedUpTo(measure: RateMeasure, to: string | undefined, asOf: string): string | undefined {
  const months = RATE_MEASURE_SQL[measure].matureAfterMonths;
  if (!months) return to;
  const mature = maturityCutoff(asOf, months);
  return to && to < mature ? to : mature;
}

/**
 * The last closing date whose whole follow-up window has passed by asOf: the latest d with
 * d + `months` ≤ asOf, adding months as PostgreSQL does (clamped to the month's end, as the
 * window `closed_on + interval '6 months'` in case_facts is). So on 31 August, cases closed up to
 * 28 February count, and on 28 February (not a leap year) those closed up to 31 August.
 */
export function maturityCutoff(asOf: string, months: number): string {
  const [year, month, day] = asOf.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const targetDays = daysIn(target.getUTCFullYear(), target.getUTCMonth());
  const lastDayOfMonth = day === daysIn(year, month - 1);
  target.setUTCDate(lastDayOfMonth ? targetDays : Math.min(day, targetDays));
  return target.toISOString().slice(0, 10);
}
