/**
 * What the API returns for the records kept on a case beside its core: key dates, parties and
 * conflict checks, documents, letter templates and supervision. The backend's DTOs implement these.
 */
import type { DocumentSource, DocumentType, FileReviewOutcome } from './documents.js';
import type { KeyDateChange, KeyDateKind } from './key-dates.js';
import type { ShippedLetterKey } from './letters.js';
import type {
  ConflictMatchField,
  ConflictResult,
  ConflictSubject,
  OpponentType,
  PartyKind,
  PartyRole,
} from './parties.js';

export interface KeyDate {
  id: string;
  caseId: string;
  kind: KeyDateKind;
  title: string;
  dueOn: string;
  assigneeId: string | null;
  assigneeName: string | null;
  done: boolean;
  doneOn: string | null;
  note: string | null;
  createdById: string;
  createdByName: string;
  version: number;
}

/** One change to a key date, kept and shown on the case. */
export interface KeyDateChangeRecord {
  id: string;
  keyDateId: string;
  change: KeyDateChange;
  kind: KeyDateKind;
  title: string;
  dueOn: string;
  previousTitle: string | null;
  previousDueOn: string | null;
  changedById: string;
  changedByName: string;
  changedAt: string;
}

/** GET /cases/:id/key-dates: by due date, and every change, newest first. */
export interface CaseKeyDates {
  items: KeyDate[];
  changes: KeyDateChangeRecord[];
}

/** A key date in the lists across cases (GET /key-dates). */
export interface KeyDateListItem extends KeyDate {
  caseRef: string;
  clientName: string;
  leadAdviserId: string;
  leadAdviserName: string;
}

/** A person or organisation involved in the case other than the client (GET /cases/:id/parties). */
export interface Party {
  id: string;
  caseId: string;
  role: PartyRole;
  opponentType: OpponentType | null;
  kind: PartyKind;
  name: string;
  dateOfBirth: string | null;
  postcodeDistrict: string | null;
  contact: string | null;
  reference: string | null;
  relationship: string | null;
  passPhrase: string | null;
  language: string | null;
  note: string | null;
  version: number;
}

/** One client or party a conflict search found, as it reads now. */
export interface ConflictMatch {
  source: 'client' | 'party';
  id: string;
  clientId: string | null;
  caseId: string | null;
  name: string;
  ref: string;
  role: 'client' | PartyRole;
  opponentType: OpponentType | null;
  dateOfBirth: string | null;
  postcodeDistrict: string | null;
  score: number;
  matchedOn: ConflictMatchField[];
}

/** GET /conflict-checks/search: best first. */
export interface ConflictSearchResult {
  items: ConflictMatch[];
}

/** A conflict check recorded on a case (GET /cases/:id/conflict-checks). */
export interface ConflictCheckRecord {
  id: string;
  caseId: string;
  subject: ConflictSubject;
  partyId: string | null;
  searchedName: string;
  searchedDateOfBirth: string | null;
  searchedPostcodeDistrict: string | null;
  matches: ConflictMatch[];
  result: ConflictResult;
  reason: string | null;
  checkedById: string;
  checkedByName: string;
  checkedAt: string;
}

/** A document kept on a case (GET /cases/:id/documents); its bytes are at /api/documents/:id/content. */
export interface CaseDocument {
  id: string;
  caseId: string;
  fileName: string;
  contentType: DocumentType;
  sizeBytes: number;
  sha256: string;
  source: DocumentSource;
  uploadedById: string;
  uploadedByName: string;
  createdAt: string;
  version: number;
}

/** A letter template of the organisation (GET /letter-templates). */
export interface LetterTemplate {
  id: string;
  key: ShippedLetterKey | null;
  name: string;
  body: string;
  updatedByName: string | null;
  updatedAt: string;
  version: number;
}

/** An adviser a case may be given to (GET /advisers). */
export interface AdviserRef {
  id: string;
  name: string;
}

/** A supervisor's file review of a case. */
export interface FileReview {
  id: string;
  caseId: string;
  reviewedOn: string;
  reviewerId: string;
  reviewerName: string;
  outcome: FileReviewOutcome;
  actions: string | null;
  createdAt: string;
}

/** An open case not reviewed in the months asked (`id` is the case's). */
export interface ReviewDue {
  id: string;
  ref: string;
  openedOn: string;
  leadAdviserId: string;
  leadAdviserName: string;
  lastReviewedOn: string | null;
}

/** GET /file-reviews/due. */
export interface ReviewsDue {
  months: number;
  before: string;
  items: ReviewDue[];
}
