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
import { MEASURES, OUTCOME_MEASURES, type MeasureDefinition, type OutcomeMeasure } from '@deepvalue/shared';
import { AVOIDED_APPEAL, AVOIDED_APPEAL_KNOWN, OUTCOME_MEASURE_SQL } from './outcome-measures.sql.js';

/** Rates that can be reported by period, by group and (per case) drilled into. */
export const RATE_MEASURES = [
  ...OUTCOME_MEASURES,
  'avoided_appeal_overall',
  'bounce_out',
  'referral_completion',
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
