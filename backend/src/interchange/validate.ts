/**
 * Validator for `deepvalue.import.v1` (docs/interchange.md), built for streaming: the importer validates the
 * header, builds a context from it, then validates each case as it is read, collecting every error
 * in the document (import is all-or-nothing and must report all of them at once).
 *
 * It rejects everything the database constraints would (migration 1763900000000: ranges, lengths,
 * enum values, the postcode district pattern, closed ≥ opened, …) and what the format itself forbids
 * (unknown fields, unknown refs, duplicate refs, one client with two sets of personal details).
 * Memory across cases is one map entry per case ref and per client ref; nothing per time entry.
 *
 * JSON (not NDJSON) documents must put the header fields before `cases` for streaming, as the
 * generator and exporter do; otherwise refs cannot be checked until the header has been read.
 */
import {
  defaultSubcategories,
  labelOf,
  LEGAL_AID_AMOUNTS,
  type LegalAidAnswers,
  type Subcategory,
} from '@deepvalue/shared';
import {
  ACTIVITIES,
  APPEAL_NOT_PURSUED_REASONS,
  APPEAL_STATUSES,
  type AppealAnswers,
  appealReasonProblem,
  ARRIVAL_ROUTES,
  BENEFIT_TYPES,
  CATEGORIES,
  CONTACT_CHANNELS,
  DISCLOSURES,
  EARLIEST_BIRTH_DATE,
  EARLIEST_CASE_DATE,
  FEEDBACK_SOURCES,
  FUNDING_STREAMS,
  KEY_DATE_KINDS,
  MAX_CONTACT_NOTE_LENGTH,
  MAX_KEY_DATE_NOTE_LENGTH,
  MAX_KEY_DATE_TITLE_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_PARTY_NAME_LENGTH,
  MAX_PARTY_NOTE_LENGTH,
  MAX_AMOUNT_GBP,
  MAX_MINUTES,
  MAX_SHORT_TEXT_LENGTH,
  MODES,
  NOTE_KINDS,
  OPPONENT_TYPES,
  OUTCOME_RESULTS,
  PARTY_KINDS,
  PARTY_ROLES,
  PROBLEM_ACTIONS,
  RECONTACTS,
  REFERRAL_DIRECTIONS,
  REFERRAL_KINDS,
  TIME_CLASSES,
  VULNERABILITIES,
} from '@deepvalue/shared';
import { todayInLondon } from '../common/dates.js';
import type { FieldError } from '../common/domain-error.js';
import {
  equalityProblems,
  legalAidProblems,
  normaliseEquality,
  normaliseLegalAid,
} from '../legal-aid/legal-aid-checks.js';
import { loadLegalAidCodes, type LegalAidCodes } from '../legal-aid/legal-aid-codes.js';
import { FieldChecks, childPath, isObject, quote, type JsonObject } from './field-checks.js';
import { IMPORT_FORMAT } from './import-format.js';

export type { FieldError } from '../common/domain-error.js';

/** Refs from the header, plus what has been seen in earlier cases of the same document. */
export interface ValidationContext {
  advisers: ReadonlySet<string>;
  partners: ReadonlySet<string>;
  offices: ReadonlySet<string>;
  /** Null when the header defines no feedback items: any well-formed key is then accepted. */
  feedbackItems: ReadonlySet<string> | null;
  /** The sub-categories a case may hold: the organisation's list (retired ones too) and the header's. */
  subcategories: readonly Subcategory[];
  /** Case ref → index of the case that first used it. */
  caseRefs: Map<string, number>;
  /** Client ref → hash of its personal details and the case that first gave them. */
  clients: Map<string, { hash: number; index: number }>;
  /** The legal aid code lists in force, and today (a UFN may not be dated after it). */
  legalAid: { codes: LegalAidCodes; today: string };
  /** Unique File Number (normalised) → the case that gives it, for clashes in the file and with other cases held. */
  ufns: Map<string, { index: number; ref: string }>;
}

// Limits from the schema migration; keep in step with it.
const REF = { min: 1, max: 100 };
const NAME = { min: 1, max: 200 };
const NOTE = { max: MAX_SHORT_TEXT_LENGTH };
/** Other dates have no database floor; this catches typed years such as 0205. */
const EARLIEST_DATE = '1900-01-01';
const POSTCODE_DISTRICT = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;
const FEEDBACK_KEY = /^[a-z][a-z0-9_]{0,49}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

const fields = (...keys: string[]): ReadonlySet<string> => new Set(keys);
const HEADER = fields(
  'format',
  'organisation',
  'advisers',
  'offices',
  'partners',
  'feedbackItems',
  'subcategories',
  'cases',
);
const ORGANISATION = fields('ref', 'name');
const OFFICE = fields('ref', 'name');
const ADVISER = fields('ref', 'name', 'email', 'office');
const PARTNER = fields('ref', 'name', 'service', 'contact');
const FEEDBACK_ITEM = fields('key', 'label');
const SUBCATEGORY = fields('category', 'key', 'label', 'retired');
const CASE = fields(
  'ref',
  'client',
  'category',
  'subcategory',
  'openedOn',
  'firstContactOn',
  'closedOn',
  'leadAdviserRef',
  'officeRef',
  'fundingStream',
  'arrival',
  'priorOrganisationsContacted',
  'timesToldStoryBefore',
  'confidenceAtIntake',
  'timeEntries',
  'feedback',
  'adviserAssessment',
  'underlyingProblems',
  'referrals',
  'outcome',
  'followUps',
  'notes',
  'keyDates',
  'parties',
  'legalAid',
);
const CLIENT = fields(
  'ref',
  'firstName',
  'lastName',
  'dateOfBirth',
  'postcodeDistrict',
  'email',
  'phone',
  'vulnerabilities',
  'evidenceConsent',
  'contactSafety',
  'equality',
);
const EQUALITY = fields('gender', 'ethnicity', 'disability');
const LEGAL_AID = fields(
  'categoryOfLaw',
  'ufn',
  'matterType1',
  'matterType2',
  'stageReached',
  'outcomeCode',
  'feeCode',
  'exemptionCriteria',
  'accessPoint',
  'procurementArea',
  'clientPostcode',
  ...LEGAL_AID_AMOUNTS,
);
const CONTACT_SAFETY = fields(
  'safeBy',
  'preferredChannel',
  'note',
  'interpreterLanguage',
  'bsl',
  'largePrint',
  'otherAdaptations',
);
const SAFE_BY = fields(...CONTACT_CHANNELS);
const NOTE_RECORD = fields('kind', 'on', 'authorRef', 'writtenAt', 'body', 'timeEntryIndex');
const KEY_DATE = fields('kind', 'title', 'dueOn', 'doneOn', 'note', 'assigneeRef', 'createdByRef');
const PARTY = fields(
  'role',
  'opponentType',
  'kind',
  'name',
  'dateOfBirth',
  'postcodeDistrict',
  'contact',
  'reference',
  'relationship',
  'passPhrase',
  'language',
  'note',
);
/** An ISO 8601 date-time with its offset, e.g. 2025-01-06T10:15:00.000Z. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const ARRIVAL = fields('route', 'referrerRef');
const TIME_ENTRY = fields('on', 'adviserRef', 'minutes', 'class', 'activity', 'mode', 'note');
const FEEDBACK = fields('on', 'items', 'comment', 'source');
const ASSESSMENT = fields('trust', 'disclosure');
const PROBLEM = fields('category', 'description', 'uncoveredOn', 'action', 'partnerRef', 'reachedSupport', 'result');
const REFERRAL = fields('direction', 'partnerRef', 'on', 'kind', 'reachedSupport', 'note');
const OUTCOME = fields(
  'result',
  'benefits',
  'understood',
  'accepted',
  'appeal',
  'appealNotPursuedReason',
  'confidenceBefore',
  'confidenceAfter',
  'wouldSeekAdviceEarlier',
  'couldHandleSimilar',
);
const BENEFIT = fields('type', 'amountGbp');
const FOLLOW_UP = fields('on', 'recontact', 'outcomeSustained');

export function formatError(error: FieldError): string {
  return `${error.path}: ${error.message}`;
}

// ---------------------------------------------------------------------------------------------- header

/** Checks everything but `cases` (a JSON document's `cases` key is allowed and left to validateCase). */
export function validateHeader(header: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const check = new FieldChecks(errors);
  const h = check.object(header, '', HEADER);
  if (!h) return errors;

  if (h.format === undefined) check.add('format', `is required: "${IMPORT_FORMAT}"`);
  else if (h.format !== IMPORT_FORMAT) check.add('format', `must be "${IMPORT_FORMAT}" (got ${quote(h.format)})`);
  const organisation = check.present(h, 'organisation', '', { required: true });
  if (organisation !== undefined) namedRecord(check, organisation, 'organisation', ORGANISATION);

  const offices = listOfNamed(check, h, 'offices', OFFICE, false);
  const officeRefs = new Set(offices);

  const advisers = check.array(h, 'advisers', '', true) ?? [];
  const adviserRefs = new Map<string, number>();
  const emails = new Map<string, number>();
  advisers.forEach((value, i) => {
    const path = `advisers[${i}]`;
    const o = namedRecord(check, value, path, ADVISER);
    if (!o) return;
    unique(check, adviserRefs, o.ref, path, 'advisers', i);
    const email = check.text(o, 'email', path, { min: 3, max: 320 });
    if (email !== undefined) {
      // The users table requires lower-case emails and they are the sign-in name, so unique.
      if (!EMAIL.test(email) || email !== email.toLowerCase()) {
        check.add(`${path}.email`, 'must be an email address in lower case');
      } else {
        unique(check, emails, email, path, 'advisers', i, 'email');
      }
    }
    check.ref(o, 'office', path, officeRefs, 'offices');
  });

  listOfNamed(check, h, 'partners', PARTNER, true, (o, path) => {
    check.text(o, 'service', path, { max: 500 });
    check.text(o, 'contact', path, { max: 500 });
  });

  const items = check.array(h, 'feedbackItems', '') ?? [];
  const keys = new Map<string, number>();
  items.forEach((value, i) => {
    const path = `feedbackItems[${i}]`;
    const o = check.object(value, path, FEEDBACK_ITEM);
    if (!o) return;
    const key = check.text(o, 'key', path, { required: true, min: 1, max: 50 });
    if (key !== undefined && !FEEDBACK_KEY.test(key)) {
      check.add(`${path}.key`, 'must be lower-case letters, digits and _ starting with a letter, e.g. time_to_listen');
    }
    check.text(o, 'label', path, { required: true, ...NAME });
    unique(check, keys, o.key, path, 'feedbackItems', i, 'key');
  });

  const subcategories = check.array(h, 'subcategories', '') ?? [];
  const subKeys = new Map<string, number>();
  subcategories.forEach((value, i) => {
    const path = `subcategories[${i}]`;
    const o = check.object(value, path, SUBCATEGORY);
    if (!o) return;
    const category = check.oneOf(o, 'category', path, CATEGORIES, true);
    check.text(o, 'key', path, { required: true, min: 1, max: 100 });
    check.text(o, 'label', path, { required: true, min: 1, max: 100 });
    check.boolean(o, 'retired', path);
    if (category !== undefined && typeof o.key === 'string')
      unique(check, subKeys, `${category}\u0000${o.key}`, path, 'subcategories', i, 'key');
  });
  return errors;
}

/** A case's sub-category must be on the list for its category (docs/legal-aid-codes.md, Sub-categories). */
function checkSubcategory(
  check: FieldChecks,
  category: string,
  subcategory: string,
  path: string,
  context: ValidationContext,
): void {
  const listed = context.subcategories.filter((s) => s.category === category);
  if (listed.some((s) => s.key === subcategory)) return;
  const offered = listed.filter((s) => !s.retired).map((s) => s.label);
  check.add(
    `${path}.subcategory`,
    `'${subcategory}' is not a sub-category of ${labelOf(category)}: ` +
      (offered.length ? `use one of ${offered.join(', ')}` : 'it has none') +
      ' (an administrator adds one under Admin → Sub-categories)',
  );
}

/**
 * Builds the context from a header, even an invalid one, so that cases can still be checked. Legal aid
 * codes are checked against `legalAidCodes`: the importer passes the lists in force
 * (LegalAidCodesService.codes, which LEGAL_AID_CODES_DIR may replace); the default is the shipped lists.
 */
export function createValidationContext(
  header: unknown,
  legalAidCodes: LegalAidCodes = shippedCodes(),
  today = todayInLondon(),
  heldSubcategories: readonly Subcategory[] = defaultSubcategories(),
): ValidationContext {
  const h = isObject(header) ? header : {};
  const refs = (key: string, field = 'ref') =>
    new Set(
      (Array.isArray(h[key]) ? (h[key] as unknown[]) : [])
        .map((r) => (isObject(r) ? r[field] : undefined))
        .filter((r): r is string => typeof r === 'string'),
    );
  return {
    advisers: refs('advisers'),
    partners: refs('partners'),
    offices: refs('offices'),
    feedbackItems: Array.isArray(h.feedbackItems) ? refs('feedbackItems', 'key') : null,
    subcategories: [
      ...heldSubcategories,
      ...(Array.isArray(h.subcategories) ? h.subcategories : []).filter(
        (s): s is Subcategory => isObject(s) && typeof s.category === 'string' && typeof s.key === 'string',
      ),
    ],
    caseRefs: new Map(),
    clients: new Map(),
    legalAid: { codes: legalAidCodes, today },
    ufns: new Map(),
  };
}

function namedRecord(
  check: FieldChecks,
  value: unknown,
  path: string,
  known: ReadonlySet<string>,
): JsonObject | undefined {
  const o = check.object(value, path, known);
  if (!o) return undefined;
  check.text(o, 'ref', path, { required: true, ...REF });
  check.text(o, 'name', path, { required: true, ...NAME });
  return o;
}

/** A list of {ref, name, …} records with unique refs; returns the refs. */
function listOfNamed(
  check: FieldChecks,
  h: JsonObject,
  key: string,
  known: ReadonlySet<string>,
  required: boolean,
  more?: (o: JsonObject, path: string) => void,
): string[] {
  const seen = new Map<string, number>();
  (check.array(h, key, '', required) ?? []).forEach((value, i) => {
    const path = `${key}[${i}]`;
    const o = namedRecord(check, value, path, known);
    if (!o) return;
    unique(check, seen, o.ref, path, key, i);
    more?.(o, path);
  });
  return [...seen.keys()];
}

function unique(
  check: FieldChecks,
  seen: Map<string, number>,
  value: unknown,
  path: string,
  list: string,
  index: number,
  field = 'ref',
): void {
  if (typeof value !== 'string') return;
  const first = seen.get(value);
  if (first === undefined) seen.set(value, index);
  else check.add(`${path}.${field}`, `duplicates the ${field} of ${list}[${first}]`);
}

// ------------------------------------------------------------------------------------------------ case

/** Checks one case; records its ref and client in the context so later cases are checked against it. */
export function validateCase(value: unknown, index: number, context: ValidationContext): FieldError[] {
  const errors: FieldError[] = [];
  const check = new FieldChecks(errors);
  const path = `cases[${index}]`;
  const c = check.object(value, path, CASE);
  if (!c) return errors;

  const ref = check.text(c, 'ref', path, { required: true, ...REF });
  if (ref !== undefined) {
    const first = context.caseRefs.get(ref);
    if (first === undefined) context.caseRefs.set(ref, index);
    else if (first !== index) check.add(`${path}.ref`, `duplicates the ref of cases[${first}]`);
  }

  const client = check.present(c, 'client', path, { required: true });
  if (client !== undefined) validateClient(check, client, `${path}.client`, index, context);

  const category = check.oneOf(c, 'category', path, CATEGORIES, true);
  const subcategory = check.text(c, 'subcategory', path, { max: 100 });
  if (category !== undefined && subcategory !== undefined)
    checkSubcategory(check, category, subcategory, path, context);
  const openedOn = check.date(c, 'openedOn', path, { required: true, notBefore: EARLIEST_CASE_DATE });
  const closedOn = check.date(c, 'closedOn', path, { notBefore: EARLIEST_CASE_DATE });
  if (openedOn !== undefined && closedOn !== undefined && closedOn < openedOn) {
    check.add(`${path}.closedOn`, `must be on or after openedOn (${openedOn})`);
  }
  const firstContactOn = check.date(c, 'firstContactOn', path, { notBefore: EARLIEST_CASE_DATE });
  if (openedOn !== undefined && firstContactOn !== undefined && firstContactOn > openedOn) {
    check.add(`${path}.firstContactOn`, `must be on or before openedOn (${openedOn})`);
  }
  check.ref(c, 'leadAdviserRef', path, context.advisers, 'advisers', true);
  check.ref(c, 'officeRef', path, context.offices, 'offices');
  check.oneOf(c, 'fundingStream', path, FUNDING_STREAMS, true);
  const arrival = check.present(c, 'arrival', path, { required: true });
  if (arrival !== undefined) validateArrival(check, arrival, `${path}.arrival`, context);
  const bounce = { min: 0, max: 100, message: 'must be a whole number from 0 to 100' };
  check.integer(c, 'priorOrganisationsContacted', path, bounce);
  check.integer(c, 'timesToldStoryBefore', path, bounce);
  check.score(c, 'confidenceAtIntake', path);

  eachOf(check, c, 'timeEntries', path, TIME_ENTRY, (o, p) => {
    check.date(o, 'on', p, { required: true, notBefore: EARLIEST_CASE_DATE });
    check.ref(o, 'adviserRef', p, context.advisers, 'advisers', true);
    // Above a day is a different mistake from 0 or 1.5 (seconds typed as minutes?), so it gets its own message.
    check.integer(o, 'minutes', p, {
      required: true,
      min: 1,
      max: MAX_MINUTES,
      message: 'must be a positive integer',
      maxMessage: `must be at most ${MAX_MINUTES} (one whole day)`,
    });
    const timeClass = check.oneOf(o, 'class', p, TIME_CLASSES, true);
    check.oneOf(o, 'activity', p, ACTIVITIES, true);
    const mode = check.oneOf(o, 'mode', p, MODES, true);
    // As in the web app and API: relationship time is time in which the client takes part.
    if (timeClass === 'relationship' && mode === 'none')
      check.add(`${p}.mode`, 'relationship time needs contact with the client: choose how the client took part');
    check.text(o, 'note', p, NOTE);
  });

  eachOf(check, c, 'feedback', path, FEEDBACK, (o, p) => {
    check.date(o, 'on', p, { required: true, notBefore: EARLIEST_DATE });
    const items = check.present(o, 'items', p, { required: true });
    if (items !== undefined) validateFeedbackItems(check, items, `${p}.items`, context);
    check.text(o, 'comment', p, { max: 5000 });
    check.oneOf(o, 'source', p, FEEDBACK_SOURCES);
  });

  const assessment = check.present(c, 'adviserAssessment', path, {});
  if (assessment !== undefined) {
    const o = check.object(assessment, `${path}.adviserAssessment`, ASSESSMENT);
    if (o) {
      check.score(o, 'trust', `${path}.adviserAssessment`);
      check.oneOf(o, 'disclosure', `${path}.adviserAssessment`, DISCLOSURES);
    }
  }

  eachOf(check, c, 'underlyingProblems', path, PROBLEM, (o, p) => {
    check.oneOf(o, 'category', p, CATEGORIES, true);
    check.text(o, 'description', p, NOTE);
    check.date(o, 'uncoveredOn', p, { required: true, notBefore: EARLIEST_DATE });
    check.oneOf(o, 'action', p, PROBLEM_ACTIONS, true);
    check.ref(o, 'partnerRef', p, context.partners, 'partners');
    check.boolean(o, 'reachedSupport', p);
    check.oneOf(o, 'result', p, OUTCOME_RESULTS);
  });

  eachOf(check, c, 'referrals', path, REFERRAL, (o, p) => {
    check.oneOf(o, 'direction', p, REFERRAL_DIRECTIONS, true);
    check.ref(o, 'partnerRef', p, context.partners, 'partners', true);
    check.date(o, 'on', p, { required: true, notBefore: EARLIEST_DATE });
    check.oneOf(o, 'kind', p, REFERRAL_KINDS, true);
    check.boolean(o, 'reachedSupport', p);
    check.text(o, 'note', p, NOTE);
  });

  const outcome = check.present(c, 'outcome', path, {});
  if (outcome !== undefined) validateOutcome(check, outcome, `${path}.outcome`);

  eachOf(check, c, 'followUps', path, FOLLOW_UP, (o, p) => {
    check.date(o, 'on', p, { required: true, notBefore: EARLIEST_DATE });
    check.oneOf(o, 'recontact', p, RECONTACTS, true);
    check.boolean(o, 'outcomeSustained', p);
  });

  const entries = Array.isArray(c.timeEntries) ? c.timeEntries.length : 0;
  eachOf(check, c, 'notes', path, NOTE_RECORD, (o, p) => {
    check.oneOf(o, 'kind', p, NOTE_KINDS, true);
    check.date(o, 'on', p, { required: true, notBefore: EARLIEST_CASE_DATE });
    check.ref(o, 'authorRef', p, context.advisers, 'advisers', true);
    const writtenAt = check.text(o, 'writtenAt', p, { max: 40 });
    if (writtenAt !== undefined && (!DATE_TIME.test(writtenAt) || Number.isNaN(Date.parse(writtenAt))))
      check.add(`${p}.writtenAt`, 'must be a date and time such as 2025-01-06T10:15:00Z');
    check.text(o, 'body', p, { required: true, min: 1, max: MAX_NOTE_LENGTH });
    if (entries === 0) {
      if (check.present(o, 'timeEntryIndex', p, {}) !== undefined)
        check.add(`${p}.timeEntryIndex`, 'must be left out: this case has no time entries');
    } else {
      check.integer(o, 'timeEntryIndex', p, {
        min: 0,
        max: entries - 1,
        message: `must be the position of one of this case's ${entries} time entries, from 0 to ${entries - 1}`,
      });
    }
  });

  eachOf(check, c, 'keyDates', path, KEY_DATE, (o, p) => {
    check.oneOf(o, 'kind', p, KEY_DATE_KINDS, true);
    check.text(o, 'title', p, { required: true, min: 1, max: MAX_KEY_DATE_TITLE_LENGTH });
    check.date(o, 'dueOn', p, { required: true, notBefore: EARLIEST_CASE_DATE });
    check.date(o, 'doneOn', p, { notBefore: EARLIEST_CASE_DATE });
    check.text(o, 'note', p, { max: MAX_KEY_DATE_NOTE_LENGTH });
    check.ref(o, 'assigneeRef', p, context.advisers, 'advisers');
    check.ref(o, 'createdByRef', p, context.advisers, 'advisers');
  });

  eachOf(check, c, 'parties', path, PARTY, (o, p) => {
    const role = check.oneOf(o, 'role', p, PARTY_ROLES, true);
    const opponentType = check.oneOf(o, 'opponentType', p, OPPONENT_TYPES);
    if (opponentType !== undefined && role !== undefined && role !== 'opponent')
      check.add(`${p}.opponentType`, 'is only for an opponent');
    const kind = check.oneOf(o, 'kind', p, PARTY_KINDS, true);
    check.text(o, 'name', p, { required: true, min: 1, max: MAX_PARTY_NAME_LENGTH });
    const born = check.date(o, 'dateOfBirth', p, { notBefore: EARLIEST_BIRTH_DATE });
    if (born !== undefined && kind === 'organisation') check.add(`${p}.dateOfBirth`, 'is only for a person');
    const district = check.text(o, 'postcodeDistrict', p, { max: 100 });
    if (district !== undefined && !POSTCODE_DISTRICT.test(district))
      check.add(
        `${p}.postcodeDistrict`,
        'must be a postcode district such as E3, SW1A or M1 (capital letters, no space)',
      );
    check.text(o, 'contact', p, { max: 500 });
    check.text(o, 'reference', p, { max: 100 });
    check.text(o, 'relationship', p, { max: 100 });
    const passPhrase = check.text(o, 'passPhrase', p, { max: 200 });
    if (passPhrase !== undefined && role !== undefined && role !== 'third_party')
      check.add(`${p}.passPhrase`, 'is only for a third party acting for the client');
    check.text(o, 'language', p, { max: 100 });
    check.text(o, 'note', p, { max: MAX_PARTY_NOTE_LENGTH });
  });

  const legalAid = check.present(c, 'legalAid', path, {});
  if (legalAid !== undefined) validateLegalAid(check, legalAid, `${path}.legalAid`, index, ref, context);
  return errors;
}

/** The case's LAA details, checked as the API checks them (legal-aid-checks.ts), and its UFN unique in the file. */
function validateLegalAid(
  check: FieldChecks,
  value: unknown,
  path: string,
  index: number,
  ref: string | undefined,
  context: ValidationContext,
): void {
  const before = check.errors.length;
  const o = check.object(value, path, LEGAL_AID);
  if (!o) return;
  const categoryOfLaw = check.text(o, 'categoryOfLaw', path, { required: true, min: 1, max: 50 });
  const answers: Record<string, string | null> = {};
  for (const key of LEGAL_AID)
    if (key !== 'categoryOfLaw' && !(LEGAL_AID_AMOUNTS as readonly string[]).includes(key))
      answers[key] = check.text(o, key, path, { max: 20 }) ?? null;
  for (const key of LEGAL_AID_AMOUNTS) {
    const amount = o[key];
    if (amount !== undefined && amount !== null && !isAmount(amount))
      check.add(
        `${path}.${key}`,
        'must be an amount in pounds from 0 to 9999999.99 with at most 2 decimal places, or null',
      );
  }
  if (categoryOfLaw === undefined || check.errors.length > before) return;
  const normal = normaliseLegalAid<LegalAidAnswers>({ ...answers, categoryOfLaw });
  for (const e of legalAidProblems(context.legalAid.codes, normal, context.legalAid.today, `${path}.`))
    check.add(e.path, e.message);
  if (!normal.ufn || ref === undefined) return;
  const first = context.ufns.get(normal.ufn);
  if (first === undefined) context.ufns.set(normal.ufn, { index, ref });
  else if (first.index !== index)
    check.add(`${path}.ufn`, `duplicates the Unique File Number of cases[${first.index}]`);
}

/** The client's equality monitoring answers, codes of the list (or its declined code). */
function validateEquality(check: FieldChecks, value: unknown, path: string, context: ValidationContext): void {
  const before = check.errors.length;
  const o = check.object(value, path, EQUALITY);
  if (!o) return;
  const answers: Record<string, string | null> = {};
  for (const key of EQUALITY) answers[key] = check.text(o, key, path, { max: 10 }) ?? null;
  if (check.errors.length > before) return;
  for (const e of equalityProblems(context.legalAid.codes, normaliseEquality(answers), `${path}.`))
    check.add(e.path, e.message);
}

function validateContactSafety(check: FieldChecks, value: unknown, path: string): void {
  const o = check.object(value, path, CONTACT_SAFETY);
  if (!o) return;
  const safeBy = check.present(o, 'safeBy', path, {});
  const safe = safeBy === undefined ? undefined : check.object(safeBy, `${path}.safeBy`, SAFE_BY);
  for (const channel of CONTACT_CHANNELS) if (safe) check.boolean(safe, channel, `${path}.safeBy`);
  const preferred = check.oneOf(o, 'preferredChannel', path, CONTACT_CHANNELS);
  if (preferred !== undefined && safe?.[preferred] === false)
    check.add(`${path}.preferredChannel`, 'is marked not safe');
  check.text(o, 'note', path, { max: MAX_CONTACT_NOTE_LENGTH });
  check.text(o, 'interpreterLanguage', path, { max: 100 });
  check.boolean(o, 'bsl', path);
  check.boolean(o, 'largePrint', path);
  check.text(o, 'otherAdaptations', path, { max: 500 });
}

function eachOf(
  check: FieldChecks,
  parent: JsonObject,
  key: string,
  path: string,
  known: ReadonlySet<string>,
  body: (o: JsonObject, path: string) => void,
): void {
  const list = check.array(parent, key, path);
  if (!list) return;
  const base = childPath(path, key);
  for (let i = 0; i < list.length; i++) {
    const p = `${base}[${i}]`;
    const o = check.object(list[i], p, known);
    if (o) body(o, p);
  }
}

function validateClient(
  check: FieldChecks,
  value: unknown,
  path: string,
  index: number,
  context: ValidationContext,
): void {
  const before = check.errors.length;
  const o = check.object(value, path, CLIENT);
  if (!o) return;
  const ref = check.text(o, 'ref', path, { required: true, ...REF });
  check.text(o, 'firstName', path, { max: 100 });
  check.text(o, 'lastName', path, { max: 100 });
  check.date(o, 'dateOfBirth', path, { notBefore: EARLIEST_BIRTH_DATE });
  const district = check.text(o, 'postcodeDistrict', path, { max: 100 });
  if (district !== undefined && !POSTCODE_DISTRICT.test(district)) {
    check.add(
      `${path}.postcodeDistrict`,
      'must be a postcode district such as E3, SW1A or M1 (capital letters, no space)',
    );
  }
  check.text(o, 'email', path, { max: 320 });
  check.text(o, 'phone', path, { max: 40 });
  const vulnerabilities = check.array(o, 'vulnerabilities', path);
  if (vulnerabilities) {
    const seen = new Set<unknown>();
    vulnerabilities.forEach((v, i) => {
      const p = `${path}.vulnerabilities[${i}]`;
      if (typeof v !== 'string' || !(VULNERABILITIES as readonly string[]).includes(v)) {
        check.add(p, `must be one of ${VULNERABILITIES.join(', ')} (got ${quote(v)})`);
      } else if (seen.has(v)) {
        check.add(p, `lists ${quote(v)} more than once`);
      }
      seen.add(v);
    });
  }
  check.boolean(o, 'evidenceConsent', path);
  const safety = check.present(o, 'contactSafety', path, {});
  if (safety !== undefined) validateContactSafety(check, safety, `${path}.contactSafety`);
  const equality = check.present(o, 'equality', path, {});
  if (equality !== undefined) validateEquality(check, equality, `${path}.equality`, context);

  // Only a well-formed client is remembered, so one bad record does not flag every later case too.
  if (ref === undefined || check.errors.length > before) return;
  const hash = clientHash(o);
  const first = context.clients.get(ref);
  if (first === undefined) context.clients.set(ref, { hash, index });
  else if (first.hash !== hash && first.index !== index) {
    check.add(
      path,
      `client ${quote(ref)} has different personal details in cases[${first.index}]; they must be the same in every case`,
    );
  }
}

function validateArrival(check: FieldChecks, value: unknown, path: string, context: ValidationContext): void {
  const o = check.object(value, path, ARRIVAL);
  if (!o) return;
  const route = check.oneOf(o, 'route', path, ARRIVAL_ROUTES, true);
  const hasReferrer = o.referrerRef !== undefined && o.referrerRef !== null;
  if (route === 'referred' && !hasReferrer) check.add(`${path}.referrerRef`, 'is required when route is "referred"');
  else if (route === 'self' && hasReferrer) check.add(`${path}.referrerRef`, 'must be left out when route is "self"');
  else check.ref(o, 'referrerRef', path, context.partners, 'partners');
}

function validateFeedbackItems(check: FieldChecks, value: unknown, path: string, context: ValidationContext): void {
  if (!isObject(value)) {
    check.add(path, 'must be an object of item → score, e.g. {"time_to_listen": 5}');
    return;
  }
  for (const key in value) {
    const p = childPath(path, key);
    if (context.feedbackItems ? !context.feedbackItems.has(key) : !FEEDBACK_KEY.test(key)) {
      const known = context.feedbackItems
        ? [...context.feedbackItems].join(', ')
        : 'lower-case keys such as time_to_listen';
      check.add(p, `is not a feedback item (expected ${known})`);
      continue;
    }
    check.score(value, key, path, true);
  }
}

function validateOutcome(check: FieldChecks, value: unknown, path: string): void {
  const o = check.object(value, path, OUTCOME);
  if (!o) return;
  check.oneOf(o, 'result', path, OUTCOME_RESULTS, true);
  eachOf(check, o, 'benefits', path, BENEFIT, (b, p) => {
    check.oneOf(b, 'type', p, BENEFIT_TYPES, true);
    const amount = b.amountGbp;
    if (amount !== undefined && amount !== null && !isAmount(amount)) {
      check.add(
        `${p}.amountGbp`,
        'must be an amount in pounds from 0 to 9999999.99 with at most 2 decimal places, or null',
      );
    }
  });
  check.score(o, 'understood', path);
  check.boolean(o, 'accepted', path);
  check.oneOf(o, 'appeal', path, APPEAL_STATUSES);
  check.oneOf(o, 'appealNotPursuedReason', path, APPEAL_NOT_PURSUED_REASONS);
  const reasonProblem = appealReasonProblem(o as AppealAnswers);
  if (reasonProblem && (APPEAL_NOT_PURSUED_REASONS as readonly unknown[]).includes(o.appealNotPursuedReason)) {
    check.add(`${path}.appealNotPursuedReason`, reasonProblem);
  }
  check.score(o, 'confidenceBefore', path);
  check.score(o, 'confidenceAfter', path);
  check.boolean(o, 'wouldSeekAdviceEarlier', path);
  check.boolean(o, 'couldHandleSimilar', path);
}

/** numeric(12, 2) would silently round a third decimal; reject it so export gives back what came in. */
function isAmount(value: unknown): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value >= MAX_AMOUNT_GBP) return false;
  const pence = value * 100;
  return Math.abs(pence - Math.round(pence)) < 1e-6;
}

/** A 53-bit hash (cyrb53) of the client's personal details: constant memory per client ref. */
function clientHash(o: JsonObject): number {
  const vulnerabilities = Array.isArray(o.vulnerabilities) ? [...(o.vulnerabilities as string[])].sort() : [];
  const text = JSON.stringify([
    o.firstName ?? null,
    o.lastName ?? null,
    o.dateOfBirth ?? null,
    o.postcodeDistrict ?? null,
    o.email ?? null,
    o.phone ?? null,
    vulnerabilities,
    o.evidenceConsent ?? false,
    o.contactSafety ?? null,
    o.equality ?? null,
  ]);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

// -------------------------------------------------------------------------------------------- document

/** Validates a whole in-memory document (small files, tests); the importer streams instead. */
export function validateDocument(document: unknown, legalAidCodes = shippedCodes()): FieldError[] {
  const errors = validateHeader(document);
  if (!isObject(document)) return errors;
  const cases = document.cases;
  if (!Array.isArray(cases)) {
    errors.push({ path: 'cases', message: cases === undefined ? 'is required' : 'must be a list' });
    return errors;
  }
  const context = createValidationContext(document, legalAidCodes);
  for (let i = 0; i < cases.length; i++) errors.push(...validateCase(cases[i], i, context));
  return errors;
}

let shipped: LegalAidCodes | undefined;
/** The code lists shipped with Deep Value, read once. */
function shippedCodes(): LegalAidCodes {
  return (shipped ??= loadLegalAidCodes());
}
