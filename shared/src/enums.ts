/**
 * The product's vocabulary: every enumeration used in records, the import format, the API and the
 * database check constraints is defined here once. Add a value here and it is accepted everywhere
 * (a migration adds it to the database constraint).
 */

export const ROLES = ['adviser', 'manager', 'commissioner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const CATEGORIES = [
  'housing',
  'welfare_benefits',
  'debt',
  'employment',
  'immigration',
  'community_care',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const FUNDING_STREAMS = ['legal_aid_fixed_fee', 'legal_aid_escape', 'grant', 'pro_bono', 'other'] as const;
export type FundingStream = (typeof FUNDING_STREAMS)[number];

export const ARRIVAL_ROUTES = ['self', 'referred'] as const;
export type ArrivalRoute = (typeof ARRIVAL_ROUTES)[number];

export const VULNERABILITIES = [
  'mental_health',
  'disability',
  'language_need',
  'digital_exclusion',
  'domestic_abuse',
  'care_leaver',
] as const;
export type Vulnerability = (typeof VULNERABILITIES)[number];

/** Class of a time entry (docs/measures.md). Relationship time is direct contact with the client. */
export const TIME_CLASSES = ['relationship', 'casework', 'administration', 'travel'] as const;
export type TimeClass = (typeof TIME_CLASSES)[number];

export const ACTIVITIES = [
  'initial_interview',
  'advice_session',
  'follow_up_contact',
  'research',
  'letter',
  'negotiation',
  'advocacy',
  'preparation',
  'forms',
  'funder_reporting',
  'billing',
  'travel',
  'other',
] as const;
export type Activity = (typeof ACTIVITIES)[number];

export const MODES = ['face_to_face', 'phone', 'video', 'home_visit', 'letter_email', 'hearing', 'none'] as const;
export type Mode = (typeof MODES)[number];

export const DISCLOSURES = ['yes', 'partly', 'no'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];

/** What was done about an underlying problem once uncovered. */
export const PROBLEM_ACTIONS = ['handled_in_house', 'referred_warm', 'signposted', 'client_declined'] as const;
export type ProblemAction = (typeof PROBLEM_ACTIONS)[number];

export const REFERRAL_DIRECTIONS = ['in', 'out'] as const;
export type ReferralDirection = (typeof REFERRAL_DIRECTIONS)[number];

export const REFERRAL_KINDS = ['warm_handover', 'signpost'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

export const OUTCOME_RESULTS = ['positive', 'partly_positive', 'negative', 'withdrawn', 'lost_contact'] as const;
export type OutcomeResult = (typeof OUTCOME_RESULTS)[number];
export const NO_RESULT_RESULTS: readonly OutcomeResult[] = ['withdrawn', 'lost_contact'];

export const BENEFIT_TYPES = [
  'eviction_avoided',
  'home_kept',
  'benefit_awarded',
  'benefit_reinstated',
  'debt_written_off',
  'debt_made_manageable',
  'employment_kept',
  'immigration_status_secured',
  'care_package_secured',
  'other',
] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];

/**
 * Appeal / challenge status at close. `considered_not_pursued` is an avoided appeal only when the
 * client accepted the outcome (see APPEAL_NOT_PURSUED_REASONS and docs/measures.md).
 */
export const APPEAL_STATUSES = ['none_needed', 'lodged', 'considered_not_pursued'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/**
 * Why an appeal that was considered was not pursued. Only `accepted_outcome` (with the client's
 * acceptance recorded) is an avoided appeal: a client who gave up on a good appeal is not a saving.
 */
export const APPEAL_NOT_PURSUED_REASONS = [
  'accepted_outcome',
  'no_merit_advised',
  'client_could_not_face_it',
  'out_of_time',
  'other',
] as const;
export type AppealNotPursuedReason = (typeof APPEAL_NOT_PURSUED_REASONS)[number];

export const RECONTACTS = ['none', 'same_problem', 'new_problem'] as const;
export type Recontact = (typeof RECONTACTS)[number];

export const FEEDBACK_SOURCES = ['paper', 'link', 'in_person'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Default client feedback items (docs/measures.md): what clients said they value in the study. */
export const DEFAULT_FEEDBACK_ITEMS = [
  { key: 'time_to_listen', label: 'Had time to listen to me' },
  { key: 'respect', label: 'Treated me with respect' },
  { key: 'understood_situation', label: 'Understood my situation' },
  { key: 'explained_clearly', label: 'Explained things so I understood' },
  { key: 'trusted_adviser', label: 'I trusted my adviser' },
  { key: 'on_my_side', label: 'I felt they were on my side' },
  // Retelling burden (docs/measures.md): client bounce means telling the same story over and over.
  { key: 'did_not_repeat_story', label: 'I didn’t have to repeat my story' },
] as const;

/** The feedback item reported on its own as the client's view of the retelling burden (docs/measures.md). */
export const RETELLING_FEEDBACK_ITEM = 'did_not_repeat_story';

export const LABELS: Record<string, string> = {
  housing: 'Housing',
  welfare_benefits: 'Welfare benefits',
  debt: 'Debt',
  employment: 'Employment',
  immigration: 'Immigration',
  community_care: 'Community care',
  legal_aid_fixed_fee: 'Legal aid (fixed fee)',
  legal_aid_escape: 'Legal aid (escape / hourly)',
  grant: 'Grant',
  pro_bono: 'Pro bono',
  other: 'Other',
  self: 'Came by themselves',
  referred: 'Referred by an organisation',
  mental_health: 'Mental health',
  disability: 'Disability',
  language_need: 'Language need',
  digital_exclusion: 'Digital exclusion',
  domestic_abuse: 'Domestic abuse',
  care_leaver: 'Care leaver',
  relationship: 'Relationship time',
  casework: 'Casework',
  administration: 'Administration',
  travel: 'Travel',
  face_to_face: 'Face to face',
  phone: 'Phone',
  video: 'Video',
  home_visit: 'Home visit',
  letter_email: 'Letter or email',
  hearing: 'Hearing',
  none: 'None',
  positive: 'Positive',
  partly_positive: 'Partly positive',
  negative: 'Negative',
  withdrawn: 'No result: withdrawn',
  lost_contact: 'No result: lost contact',
  none_needed: 'No appeal needed',
  lodged: 'Appeal or complaint lodged',
  considered_not_pursued: 'Considered and not pursued',
  accepted_outcome: 'The client understood and accepted the outcome',
  no_merit_advised: 'Advised an appeal had no merit',
  client_could_not_face_it: 'The client could not face an appeal',
  out_of_time: 'Out of time',
};

export function labelOf(value: string): string {
  return LABELS[value] ?? value.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** A note on a case: an attendance note records a meeting or call with or for the client; a file note anything else. */
export const NOTE_KINDS = ['attendance', 'file'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
