/**
 * Types of a `deepvalue.import.v1` document (docs/interchange.md). Field names are kept unchanged:
 * the format is a public contract between organisations, researchers, the importer and the exporter.
 *
 * Optional fields may be left out or written as null (the validator treats both alike), so an
 * exporter can write null for an empty database column and a person writing a file can leave it out.
 * Every ref is 1–100 characters and is the key that makes re-import idempotent.
 */
import type { LegalAidAnswers, Subcategory } from '@deepvalue/shared';
import type {
  Activity,
  AppealNotPursuedReason,
  AppealStatus,
  ArrivalRoute,
  BenefitType,
  Category,
  ContactChannel,
  Disclosure,
  FeedbackSource,
  FundingStream,
  KeyDateKind,
  Mode,
  NoteKind,
  OpponentType,
  OutcomeResult,
  PartyKind,
  PartyRole,
  ProblemAction,
  Recontact,
  ReferralDirection,
  ReferralKind,
  TimeClass,
  Vulnerability,
} from '@deepvalue/shared';

export const IMPORT_FORMAT = 'deepvalue.import.v1';

/** A date written `YYYY-MM-DD` (a real calendar date). */
export type IsoDate = string;

export interface ImportOrganisation {
  ref: string;
  name: string;
}

export interface ImportOffice {
  ref: string;
  name: string;
}

export interface ImportAdviser {
  ref: string;
  name: string;
  /**
   * Lower case. A user of the organisation with this email (or this ref) is this adviser, unchanged;
   * any other adviser is added as a record without sign-in, and the email is not kept (an import
   * never creates or changes an account: an admin invites people).
   */
  email?: string | null;
  /** Ref of one of the header's `offices`. */
  office?: string | null;
}

export interface ImportPartner {
  ref: string;
  name: string;
  /** What the partner offers, e.g. "emergency food parcels". */
  service?: string | null;
  contact?: string | null;
}

/** An organisation's own feedback item (docs/measures.md: the item set is configurable per organisation). */
export interface ImportFeedbackItem {
  key: string;
  label: string;
}

/** Everything but the cases: the first line of an NDJSON file. */
export interface ImportHeader {
  format: typeof IMPORT_FORMAT;
  organisation: ImportOrganisation;
  advisers: ImportAdviser[];
  offices?: ImportOffice[] | null;
  partners: ImportPartner[];
  /** When present, feedback item keys must be among these; when absent any well-formed key is accepted. */
  feedbackItems?: ImportFeedbackItem[] | null;
  /**
   * Sub-categories the cases may use besides the organisation's own list (the shipped list for a new
   * organisation); the import adds those it lacks. Its own entries, labels and retirements stay.
   */
  subcategories?: Subcategory[] | null;
}

export interface ImportDocument extends ImportHeader {
  cases: ImportCase[];
}

/** A client may appear in several cases; the personal details must then be identical. */
export interface ImportClient {
  ref: string;
  firstName?: string | null;
  lastName?: string | null;
  dateOfBirth?: IsoDate | null;
  /** Outward code only, e.g. E3, SW1A, M1. */
  postcodeDistrict?: string | null;
  email?: string | null;
  phone?: string | null;
  vulnerabilities?: Vulnerability[] | null;
  /** Consent to the use of their anonymised data in evidence; absent means no consent. */
  evidenceConsent?: boolean | null;
  /** How the client may safely be contacted; absent: what Deep Value holds is kept. */
  contactSafety?: ImportContactSafety | null;
  /** Legal aid equality monitoring; absent: what Deep Value holds is kept. */
  equality?: ImportEquality | null;
}

/**
 * The three answers, codes of the equality monitoring list (backend/data/legal-aid, docs/legal-aid-codes.md).
 * Null or absent: not asked; the list's declined code: the client prefers not to say.
 */
export interface ImportEquality {
  gender?: string | null;
  ethnicity?: string | null;
  disability?: string | null;
}

/**
 * A legally aided case's LAA details, checked against the code lists as the API checks them
 * (legal-aid-checks.ts). Absent: what Deep Value holds is kept. The case's `category` is written as
 * the file gives it (so export → import round-trips); the spreadsheet import fills it from the
 * category of law when the sheet has no category column.
 */
export type ImportLegalAid = LegalAidAnswers;

/** Per channel: true safe, false not safe, null or absent not asked. */
export interface ImportContactSafety {
  safeBy?: Partial<Record<ContactChannel, boolean | null>> | null;
  /** Never a channel marked not safe. */
  preferredChannel?: ContactChannel | null;
  note?: string | null;
  interpreterLanguage?: string | null;
  bsl?: boolean | null;
  largePrint?: boolean | null;
  otherAdaptations?: string | null;
}

/**
 * A case note. On re-import a note already on the case (same author and writtenAt, or without
 * writtenAt the same author, kind, day and text) is left as Deep Value holds it, with its history.
 */
export interface ImportNote {
  kind: NoteKind;
  on: IsoDate;
  authorRef: string;
  /** When it was written (ISO 8601 date-time); absent: the time of the import. */
  writtenAt?: string | null;
  /** 1–20,000 characters. */
  body: string;
  /** The position (from 0) in this case's timeEntries of the time entry the note records. */
  timeEntryIndex?: number | null;
}

/** A key date or task. On re-import one with the same kind, title and due date is left as it is. */
export interface ImportKeyDate {
  kind: KeyDateKind;
  title: string;
  dueOn: IsoDate;
  doneOn?: IsoDate | null;
  note?: string | null;
  assigneeRef?: string | null;
  /** Who added it; absent: the case's lead adviser. */
  createdByRef?: string | null;
}

/** Someone involved in the case other than the client. On re-import one with the same role, kind and name is left as it is. */
export interface ImportParty {
  role: PartyRole;
  /** Only for an opponent. */
  opponentType?: OpponentType | null;
  kind: PartyKind;
  name: string;
  /** Only for a person. */
  dateOfBirth?: IsoDate | null;
  postcodeDistrict?: string | null;
  contact?: string | null;
  reference?: string | null;
  relationship?: string | null;
  /** Only for a third party. */
  passPhrase?: string | null;
  language?: string | null;
  note?: string | null;
}

export interface ImportArrival {
  route: ArrivalRoute;
  /** Partner ref; required when route is `referred`, not allowed when `self`. */
  referrerRef?: string | null;
}

export interface ImportTimeEntry {
  on: IsoDate;
  adviserRef: string;
  /** Whole minutes, 1–1440. */
  minutes: number;
  class: TimeClass;
  activity: Activity;
  mode: Mode;
  note?: string | null;
}

export interface ImportFeedback {
  on: IsoDate;
  /** Item key → score 1–5; unanswered items are left out. */
  items: Record<string, number>;
  comment?: string | null;
  source?: FeedbackSource | null;
}

export interface ImportAdviserAssessment {
  trust?: number | null;
  disclosure?: Disclosure | null;
}

export interface ImportUnderlyingProblem {
  category: Category;
  description?: string | null;
  uncoveredOn: IsoDate;
  action: ProblemAction;
  partnerRef?: string | null;
  reachedSupport?: boolean | null;
  result?: OutcomeResult | null;
}

export interface ImportReferral {
  direction: ReferralDirection;
  partnerRef: string;
  on: IsoDate;
  kind: ReferralKind;
  reachedSupport?: boolean | null;
  note?: string | null;
}

export interface ImportBenefit {
  type: BenefitType;
  /** Pounds (per year for a benefit award), 0 ≤ amount < 10,000,000, at most 2 decimal places. */
  amountGbp?: number | null;
}

export interface ImportOutcome {
  result: OutcomeResult;
  benefits?: ImportBenefit[] | null;
  understood?: number | null;
  accepted?: boolean | null;
  appeal?: AppealStatus | null;
  /** Only with appeal considered_not_pursued; accepted_outcome is the only reason that is an avoided appeal. */
  appealNotPursuedReason?: AppealNotPursuedReason | null;
  confidenceBefore?: number | null;
  confidenceAfter?: number | null;
  wouldSeekAdviceEarlier?: boolean | null;
  couldHandleSimilar?: boolean | null;
}

export interface ImportFollowUp {
  on: IsoDate;
  recontact: Recontact;
  outcomeSustained?: boolean | null;
}

export interface ImportCase {
  ref: string;
  client: ImportClient;
  category: Category;
  subcategory?: string | null;
  openedOn: IsoDate;
  /** The client's first contact with the organisation about this problem, on or before openedOn; absent: openedOn. */
  firstContactOn?: IsoDate | null;
  /** Null or absent while the case is open. */
  closedOn?: IsoDate | null;
  leadAdviserRef: string;
  officeRef?: string | null;
  fundingStream: FundingStream;
  arrival: ImportArrival;
  /** Bounce-in: 0–100. */
  priorOrganisationsContacted?: number | null;
  timesToldStoryBefore?: number | null;
  /** The client's confidence dealing with problems like this, 1–5, asked at intake (the outcome's confidenceBefore is asked at close). */
  confidenceAtIntake?: number | null;
  timeEntries?: ImportTimeEntry[] | null;
  feedback?: ImportFeedback[] | null;
  adviserAssessment?: ImportAdviserAssessment | null;
  underlyingProblems?: ImportUnderlyingProblem[] | null;
  referrals?: ImportReferral[] | null;
  outcome?: ImportOutcome | null;
  followUps?: ImportFollowUp[] | null;
  legalAid?: ImportLegalAid | null;
  /** Notes, key dates and parties are added to a case, never removed by an import: absent keeps what is held. */
  notes?: ImportNote[] | null;
  keyDates?: ImportKeyDate[] | null;
  parties?: ImportParty[] | null;
}
