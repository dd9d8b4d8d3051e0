/**
 * Casework records as the API returns them (GET /cases/:id and friends). Field names follow the
 * import format (docs/interchange.md), camelCase.
 */
import type {
  Activity,
  AppealNotPursuedReason,
  AppealStatus,
  ArrivalRoute,
  BenefitType,
  CaseStatus,
  Category,
  NoteKind,
  Disclosure,
  FeedbackSource,
  FundingStream,
  Mode,
  OutcomeResult,
  ProblemAction,
  Recontact,
  ReferralDirection,
  ReferralKind,
  TimeClass,
  Vulnerability,
} from './enums.js';
import type { ContactChannel } from './parties.js';
import type { Equality, LegalAid } from './legal-aid-types.js';

/** How the client may safely be contacted: a channel marked not safe is the first thing read. */
export interface ContactSafety {
  safeBy: Record<ContactChannel, boolean | null>;
  preferredChannel: ContactChannel | null;
  note: string | null;
  interpreterLanguage: string | null;
  bsl: boolean;
  largePrint: boolean;
  otherAdaptations: string | null;
}

export interface Client {
  id: string;
  ref: string;
  firstName: string | null;
  lastName: string | null;
  dateOfBirth: string | null;
  postcodeDistrict: string | null;
  email?: string | null;
  phone?: string | null;
  vulnerabilities: Vulnerability[];
  evidenceConsent: boolean;
  /** How the client may safely be contacted (absent from older servers). */
  contactSafety?: ContactSafety;
  /** Equality monitoring answers (absent from older servers). */
  equality?: Equality;
  erasedAt?: string | null;
  version: number;
}

/** A client as listed in search results and duplicate warnings. */
export type ClientSummary = Pick<Client, 'id' | 'ref' | 'firstName' | 'lastName' | 'dateOfBirth' | 'postcodeDistrict'>;

/** POST /clients: the new client, and existing clients who may be the same person. */
export interface CreatedClient extends Client {
  possibleDuplicates: ClientSummary[];
}

/** A row of GET /cases. */
export interface CaseListItem {
  id: string;
  ref: string;
  clientId: string;
  /** The client's name, or their ref when no name is recorded. */
  clientName: string;
  category: Category;
  subcategory: string | null;
  openedOn: string;
  closedOn: string | null;
  status: CaseStatus;
  leadAdviserId: string;
  leadAdviserName: string;
  version: number;
}

/** A case record as POST/PATCH /cases return it (and a 409's `current`). */
export interface CaseRecord {
  id: string;
  ref: string;
  clientId: string;
  officeId: string | null;
  category: Category;
  subcategory: string | null;
  openedOn: string;
  /** The client's first contact with the organisation (openedOn unless recorded). */
  firstContactOn?: string;
  closedOn: string | null;
  status: CaseStatus;
  leadAdviserId: string;
  fundingStream: FundingStream;
  arrival: { route: ArrivalRoute; referrerPartnerId: string | null };
  priorOrganisationsContacted: number | null;
  timesToldStoryBefore: number | null;
  /** The client's confidence dealing with problems like this (1–5), asked at intake; null: not asked. */
  confidenceAtIntake: number | null;
  version: number;
}

export interface TimeEntry {
  id: string;
  on: string;
  adviserId: string;
  adviserName: string;
  minutes: number;
  class: TimeClass;
  activity: Activity;
  mode: Mode;
  note: string | null;
  version: number;
}

export interface Feedback {
  id: string;
  on: string;
  items: Record<string, number>;
  comment: string | null;
  source: FeedbackSource;
  version: number;
}

export interface Assessment {
  id: string;
  trust: number | null;
  disclosure: Disclosure | null;
  version: number;
}

export interface Problem {
  id: string;
  category: Category;
  description?: string | null;
  uncoveredOn: string;
  action: ProblemAction;
  partnerId: string | null;
  reachedSupport: boolean | null;
  result: OutcomeResult | null;
  version: number;
}

export interface Referral {
  id: string;
  direction: ReferralDirection;
  partnerId: string;
  partnerName: string | null;
  on: string;
  kind: ReferralKind;
  reachedSupport: boolean | null;
  note: string | null;
  version: number;
}

export interface Benefit {
  type: BenefitType;
  amountGbp: number | null;
}

export interface Outcome {
  result: OutcomeResult;
  benefits: Benefit[];
  understood: number | null;
  accepted: boolean | null;
  appeal: AppealStatus | null;
  appealNotPursuedReason?: AppealNotPursuedReason | null;
  confidenceBefore: number | null;
  confidenceAfter: number | null;
  wouldSeekAdviceEarlier: boolean | null;
  couldHandleSimilar: boolean | null;
}

export interface FollowUp {
  id: string;
  on: string;
  recontact: Recontact;
  outcomeSustained: boolean | null;
  version: number;
}

export interface CaseMeasures {
  relationshipMinutes: number;
  totalMinutes: number;
  relationshipShare: number | null;
  continuity: number | null;
  firstContactLatencyDays: number | null;
  rqi: number | null;
  rqiItems: number;
  problemsCount: number;
}

/** GET /cases/:id: everything the case page shows. */
/** An attendance or file note on a case. */
export interface CaseNote {
  id: string;
  caseId: string;
  kind: NoteKind;
  on: string;
  body: string;
  timeEntryId: string | null;
  authorId: string;
  authorName: string;
  createdAt: string;
  editedById: string | null;
  editedByName: string | null;
  updatedAt: string;
  version: number;
}

/** GET /notes?search=: a note found by its words, with its case's reference. */
export interface NoteSearchItem extends CaseNote {
  caseRef: string;
}

export interface NoteRevision {
  revision: number;
  kind: NoteKind;
  on: string;
  body: string;
  timeEntryId: string | null;
  writtenById: string;
  writtenByName: string;
  writtenAt: string;
  changed: Array<'kind' | 'on' | 'body' | 'timeEntryId'>;
}

/** GET /notes/:id/history: a note's versions, oldest first. */
export interface NoteHistory {
  id: string;
  caseId: string;
  revisions: NoteRevision[];
}

export interface CaseDetail extends CaseRecord {
  client: ClientSummary & Pick<Client, 'vulnerabilities' | 'evidenceConsent' | 'contactSafety' | 'equality'>;
  leadAdviserName: string;
  officeName: string | null;
  referrerName: string | null;
  timeEntries: TimeEntry[];
  /** Attendance and file notes by date (absent from older servers). */
  notes?: CaseNote[];
  feedback: Feedback[];
  assessment: Assessment | null;
  problems: Problem[];
  referrals: Referral[];
  outcome: Outcome | null;
  followUps: FollowUp[];
  measures: CaseMeasures;
  /** The LAA details of a legally aided case (absent from older servers). */
  legalAid?: LegalAid | null;
}

export interface Partner {
  id: string;
  ref: string;
  name: string;
  service: string | null;
  contact: string | null;
  version: number;
}

export interface Office {
  id: string;
  ref: string;
  name: string;
  version: number;
}

export interface FeedbackItem {
  key: string;
  label: string;
}

/** A one-use link a client opens to give feedback themselves (POST /cases/:id/feedback-links). */
export interface FeedbackLink {
  token: string;
  path: string;
  expiresAt: string;
}

/** What the client's feedback page shows (GET /feedback/:token): no sign-in. */
export interface FeedbackForm {
  organisationName: string;
  items: FeedbackItem[];
  expiresAt: string;
}
