/**
 * People and organisations involved in a case other than the client, the conflict check that
 * searches them, and how the client may safely be contacted.
 */

/** opponent: the other side; third_party: acts for the client (checked by pass phrase); interpreter. */
export const PARTY_ROLES = ['opponent', 'third_party', 'interpreter', 'other'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const PARTY_KINDS = ['person', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** Who the opponent is, for an opponent party. */
export const OPPONENT_TYPES = [
  'landlord',
  'council',
  'dwp',
  'hmrc',
  'home_office',
  'employer',
  'creditor',
  'other',
] as const;
export type OpponentType = (typeof OPPONENT_TYPES)[number];

export const PARTY_ROLE_LABELS: Record<PartyRole, string> = {
  opponent: 'Opponent',
  third_party: 'Third party acting for the client',
  interpreter: 'Interpreter',
  other: 'Other',
};

export const OPPONENT_TYPE_LABELS: Record<OpponentType, string> = {
  landlord: 'Landlord',
  council: 'Council',
  dwp: 'DWP',
  hmrc: 'HMRC',
  home_office: 'Home Office',
  employer: 'Employer',
  creditor: 'Creditor',
  other: 'Other',
};

/** Longest party name and free-text note, in characters. */
export const MAX_PARTY_NAME_LENGTH = 200;
export const MAX_PARTY_NOTE_LENGTH = 2_000;

/**
 * What the adviser decided after a conflict check: no conflict; a conflict was found and the reason
 * it can proceed is recorded; or a conflict means the organisation cannot act.
 */
export const CONFLICT_RESULTS = ['no_conflict', 'conflict_can_proceed', 'cannot_act'] as const;
export type ConflictResult = (typeof CONFLICT_RESULTS)[number];

export const CONFLICT_RESULT_LABELS: Record<ConflictResult, string> = {
  no_conflict: 'No conflict',
  conflict_can_proceed: 'Conflict found, can proceed',
  cannot_act: 'Conflict: cannot act',
};

/** What was checked: the client (at intake) or a party being added. */
export const CONFLICT_SUBJECTS = ['client', 'party'] as const;
export type ConflictSubject = (typeof CONFLICT_SUBJECTS)[number];

/** Which of the searched details a match shares. */
export const CONFLICT_MATCH_FIELDS = ['name', 'dateOfBirth', 'postcodeDistrict', 'reference'] as const;
export type ConflictMatchField = (typeof CONFLICT_MATCH_FIELDS)[number];

/** Ways to reach a client; each is marked safe, not safe, or not asked. */
export const CONTACT_CHANNELS = ['phone', 'text', 'voicemail', 'email', 'letter', 'visit'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_CHANNEL_LABELS: Record<ContactChannel, string> = {
  phone: 'Phone call',
  text: 'Text message',
  voicemail: 'Voicemail',
  email: 'Email',
  letter: 'Letter',
  visit: 'Home visit',
};

export const MAX_CONTACT_NOTE_LENGTH = 1_000;
