/**
 * Measure definitions (docs/measures.md). Names, labels and plain-English definitions live here;
 * the SQL that computes each one lives in backend/src/analytics. docs/measures.md gives the
 * reasoning from the seed reports behind each.
 */

export interface MeasureDefinition {
  key: string;
  label: string;
  definition: string;
}

export const MEASURES = {
  relationship_time: {
    key: 'relationship_time',
    label: 'Relationship time',
    definition: 'Sum of minutes of relationship-class time entries on a case.',
  },
  relationship_share: {
    key: 'relationship_share',
    label: 'Relationship share',
    definition: 'Relationship time divided by all time recorded on the case.',
  },
  continuity: {
    key: 'continuity',
    label: 'Continuity',
    definition: "Share of relationship-time minutes delivered by the case's lead adviser.",
  },
  first_contact_latency: {
    key: 'first_contact_latency',
    label: 'First-contact latency',
    definition:
      "Days from the client's first contact with the organisation (the day the case was opened unless recorded) to the first relationship-time session; also the share of cases seen within 2 and within 10 working days.",
  },
  rqi: {
    key: 'rqi',
    label: 'Relationship quality index',
    definition:
      'Mean of the client-reported feedback items, rescaled to 0–100 ((mean − 1) ÷ 4 × 100); missing items are ignored and the number of items answered is kept alongside.',
  },
  underlying_problems: {
    key: 'underlying_problems',
    label: 'Underlying problems per case',
    definition: 'Count of underlying problems uncovered beyond the presenting one.',
  },
  problem_uncovered: {
    key: 'problem_uncovered',
    label: 'Underlying problem uncovered',
    definition: 'Share of cases with at least one underlying problem uncovered (the uncovered rate).',
  },
  positive_outcome: {
    key: 'positive_outcome',
    label: 'Positive outcome',
    definition:
      'Cases with result positive or partly positive ÷ closed cases with a result (positive, partly positive or negative).',
  },
  accepted: {
    key: 'accepted',
    label: 'Outcome accepted',
    definition: 'Closed cases where the client accepted the outcome ÷ closed cases where it was asked.',
  },
  avoided_appeal: {
    key: 'avoided_appeal',
    label: 'Avoided appeal',
    definition:
      'Closed cases where an appeal was considered and not pursued because the client understood and accepted the outcome (acceptance recorded as yes, and no other reason given for not pursuing it); in time against outcome the rate is taken among negative outcomes, where an appeal was open to the client.',
  },
  bounce_in: {
    key: 'bounce_in',
    label: 'Bounce-in',
    definition: 'Prior organisations the client contacted about this problem before this case (0, 1, 2, 3+).',
  },
  bounce_out: {
    key: 'bounce_out',
    label: 'Bounce-out',
    definition:
      'Closed cases referred on (a referral out) or closed without a result (withdrawn, lost contact) ÷ closed cases where that is known (an outcome or a referral out recorded).',
  },
  bounce_back: {
    key: 'bounce_back',
    label: 'Bounce-back',
    definition:
      'Cases with a same-problem re-contact within 6 months of closing ÷ cases closed at least 6 months before the report date that were followed up (no follow-up: unknown, not "no bounce-back").',
  },
  referral_completion: {
    key: 'referral_completion',
    label: 'Referral completion',
    definition: 'Referrals out where the client reached the support ÷ referrals out with a known result.',
  },
  understood: {
    key: 'understood',
    label: 'Understood the outcome',
    definition:
      'How well the client understood the outcome, as the adviser recorded it at closing (1 not at all – 5 fully): the mean over closed cases where it was recorded.',
  },
  trust: {
    key: 'trust',
    label: 'Trust (adviser-assessed)',
    definition:
      'The adviser’s assessment of the client’s trust in them (1–5): the mean over closed cases where it was recorded.',
  },
  full_disclosure: {
    key: 'full_disclosure',
    label: 'Full disclosure (adviser-assessed)',
    definition:
      'Closed cases where the adviser assessed that the client told them the whole story (disclosure “yes”) ÷ closed cases where disclosure was assessed (yes, partly or no).',
  },
  confidence_change: {
    key: 'confidence_change',
    label: 'Change in confidence',
    definition:
      'Confidence dealing with problems like this after the advice minus before (each 1–5; “before” asked at intake, or at closing for cases opened before that question): the mean over closed cases with both answers.',
  },
  confidence_improved: {
    key: 'confidence_improved',
    label: 'Confidence improved',
    definition: 'Closed cases where confidence after is higher than before ÷ closed cases with both answers.',
  },
  would_seek_advice_earlier: {
    key: 'would_seek_advice_earlier',
    label: 'Would seek advice earlier',
    definition:
      'Closed cases where the client said they would seek advice earlier next time ÷ closed cases where it was asked.',
  },
  could_handle_similar: {
    key: 'could_handle_similar',
    label: 'Could handle a similar problem',
    definition:
      'Closed cases where the client said they could handle a similar problem themselves ÷ closed cases where it was asked.',
  },
  times_told_story: {
    key: 'times_told_story',
    label: 'Story told before (retelling burden)',
    definition:
      'How many times the client had told their story to someone else about this problem before this case (0, 1, 2, 3+), recorded at opening.',
  },
  did_not_repeat_story: {
    key: 'did_not_repeat_story',
    label: 'Didn’t have to repeat their story (client-reported)',
    definition:
      'The client’s score (1–5) on the feedback item “I didn’t have to repeat my story”, averaged over the case’s feedback forms: the mean over closed cases where it was answered. The item also counts in the RQI.',
  },
  outcome_sustained: {
    key: 'outcome_sustained',
    label: 'Outcome sustained at follow-up',
    definition:
      'Closed cases whose latest follow-up recording it says the outcome lasted ÷ closed cases with a follow-up that records it (no follow-up, or not asked: unknown).',
  },
  new_problem_at_follow_up: {
    key: 'new_problem_at_follow_up',
    label: 'New problem at follow-up',
    definition:
      'Closed cases with a follow-up recording a re-contact about a new problem ÷ closed cases followed up (no follow-up: unknown).',
  },
  problem_actions: {
    key: 'problem_actions',
    label: 'Underlying problems: what was done',
    definition:
      'Underlying problems uncovered on closed cases by the action taken: handled in house, warm referral, signposted, client declined.',
  },
  problem_results: {
    key: 'problem_results',
    label: 'Underlying problems: their own result',
    definition:
      'Underlying problems uncovered on closed cases by their own result (positive, partly positive, negative, withdrawn, lost contact); problems with no result recorded are counted as not recorded.',
  },
  problem_time_before: {
    key: 'problem_time_before',
    label: 'Relationship time before a problem surfaced',
    definition:
      'Per underlying problem: minutes of relationship time on the case dated on or before the day it was uncovered. The mean over the underlying problems of closed cases.',
  },
} as const satisfies Record<string, MeasureDefinition>;

export type MeasureKey = keyof typeof MEASURES;

/** Measures reported by band of relationship time, with the adjusted model (docs/measures.md). */
export const OUTCOME_MEASURES = [
  'positive_outcome',
  'accepted',
  'avoided_appeal',
  'problem_uncovered',
  'bounce_back',
] as const;
export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number];

/** Bands of relationship time in minutes: [min, max). */
export const BANDS = [
  { band: '<1h', label: '< 1 h', minMinutes: 0, maxMinutes: 60 },
  { band: '1-2h', label: '1–2 h', minMinutes: 60, maxMinutes: 120 },
  { band: '2-4h', label: '2–4 h', minMinutes: 120, maxMinutes: 240 },
  { band: '4-8h', label: '4–8 h', minMinutes: 240, maxMinutes: 480 },
  { band: '>=8h', label: '≥ 8 h', minMinutes: 480, maxMinutes: null },
] as const;
export type BandKey = (typeof BANDS)[number]['band'];

export function bandIndexOf(relationshipMinutes: number): number {
  for (let i = BANDS.length - 1; i >= 0; i--) if (relationshipMinutes >= BANDS[i].minMinutes) return i;
  return 0;
}

/** Bands with fewer cases than this are flagged as small in reports. */
export const SMALL_BAND_N = 10;

export const BOUNCE_BACK_WINDOW_MONTHS = 6;

export const ASSOCIATION_CAVEAT =
  'These figures come from observational casework records. They show how outcomes vary with relationship time, not that relationship time caused them: clients, problems and advisers differ in ways no adjustment fully captures.';
