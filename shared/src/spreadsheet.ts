/**
 * Spreadsheet import: the fields a column can be mapped to, and the mapping a manager confirms
 * (saved and reused next month). A spreadsheet is turned into `deepvalue.import.v1` cases by the
 * backend; these definitions are shared so the web page offers exactly what the importer reads.
 */
import {
  ACTIVITIES,
  APPEAL_STATUSES,
  ARRIVAL_ROUTES,
  CATEGORIES,
  FUNDING_STREAMS,
  MODES,
  OUTCOME_RESULTS,
  TIME_CLASSES,
  NOTE_KINDS,
  VULNERABILITIES,
  labelOf,
} from './enums.js';
import { KEY_DATE_KINDS } from './key-dates.js';
import { OPPONENT_TYPES, PARTY_KINDS, PARTY_ROLES } from './parties.js';

export const SHEET_MAPPING_FORMAT = 'deepvalue.sheet-mapping.v1';

export type SheetFieldKind =
  'text' | 'date' | 'integer' | 'minutes' | 'yes_no' | 'score' | 'choice' | 'list' | 'postcode';

export interface SheetField {
  key: string;
  label: string;
  /** `case`: the same for every row of a case; otherwise one record of that kind per row (SHEET_RECORDS). */
  level: 'case' | SheetRecordKind['level'];
  kind: SheetFieldKind;
  /** The codes of a choice or list field. */
  choices?: readonly string[];
  /** Header names (normalised: lower case, letters and digits) that propose this field. */
  aliases: readonly string[];
  hint?: string;
}

const f = (
  key: string,
  label: string,
  level: SheetField['level'],
  kind: SheetFieldKind,
  aliases: string[],
  extra: Partial<SheetField> = {},
): SheetField => ({ key, label, level, kind, aliases, ...extra });

export const SHEET_FIELDS: readonly SheetField[] = [
  f(
    'case.ref',
    'Case reference',
    'case',
    'text',
    [
      'caseref',
      'casereference',
      'reference',
      'ref',
      'caseno',
      'casenumber',
      'fileref',
      'filereference',
      'fileno',
      'matterref',
      'matterno',
      'caseid',
    ],
    {
      hint: 'The key: importing a later sheet with the same reference updates the case',
    },
  ),
  f('client.ref', 'Client reference', 'case', 'text', [
    'clientref',
    'clientreference',
    'clientno',
    'clientnumber',
    'clientid',
  ]),
  f('client.name', 'Client full name', 'case', 'text', ['client', 'clientname', 'name', 'fullname', 'clientfullname']),
  f('client.firstName', 'Client first name', 'case', 'text', [
    'firstname',
    'forename',
    'givenname',
    'clientfirstname',
    'clientforename',
  ]),
  f('client.lastName', 'Client last name', 'case', 'text', [
    'lastname',
    'surname',
    'familyname',
    'clientlastname',
    'clientsurname',
  ]),
  f('client.dateOfBirth', 'Client date of birth', 'case', 'date', ['dob', 'dateofbirth', 'birthdate', 'clientdob']),
  f(
    'client.postcode',
    'Client postcode',
    'case',
    'postcode',
    ['postcode', 'postcodedistrict', 'clientpostcode', 'postalcode'],
    {
      hint: 'Only the district (E3 of E3 4AB) is kept',
    },
  ),
  f('client.email', 'Client email', 'case', 'text', ['email', 'clientemail', 'emailaddress']),
  f('client.phone', 'Client phone', 'case', 'text', [
    'phone',
    'telephone',
    'tel',
    'mobile',
    'clientphone',
    'phonenumber',
  ]),
  f(
    'client.vulnerabilities',
    'Vulnerabilities',
    'case',
    'list',
    ['vulnerabilities', 'vulnerability', 'vulnerable', 'needs', 'flags'],
    {
      choices: VULNERABILITIES,
      hint: 'Several in one cell, separated by ; or ,',
    },
  ),
  f('client.evidenceConsent', 'Consent to anonymised evidence', 'case', 'yes_no', [
    'consent',
    'evidenceconsent',
    'dataconsent',
    'consenttoevidence',
  ]),
  f(
    'case.category',
    'Category of law',
    'case',
    'choice',
    ['category', 'categoryoflaw', 'areaoflaw', 'problem', 'problemtype', 'matter', 'mattertype', 'law'],
    {
      choices: CATEGORIES,
      hint: 'A value may give the sub-category too: "Housing - possession"',
    },
  ),
  f('case.subcategory', 'Sub-category', 'case', 'text', ['subcategory', 'subcat', 'subtype', 'issue']),
  f('case.openedOn', 'Date opened', 'case', 'date', [
    'opened',
    'dateopened',
    'openedon',
    'opendate',
    'start',
    'startdate',
    'datestarted',
  ]),
  f('case.firstContactOn', 'Date of first contact', 'case', 'date', [
    'firstcontact',
    'firstcontactdate',
    'datefirstcontact',
    'enquirydate',
  ]),
  f('case.closedOn', 'Date closed', 'case', 'date', [
    'closed',
    'dateclosed',
    'closedon',
    'closedate',
    'enddate',
    'dateended',
  ]),
  f(
    'case.leadAdviser',
    'Lead adviser',
    'case',
    'text',
    ['adviser', 'leadadviser', 'advisor', 'leadadvisor', 'caseworker', 'feeearner', 'caseholder', 'handler'],
    {
      hint: "A colleague's name or email; any other name becomes an adviser record without sign-in",
    },
  ),
  f(
    'case.fundingStream',
    'Funding stream',
    'case',
    'choice',
    ['funding', 'fundingstream', 'funder', 'fundingtype', 'contract'],
    {
      choices: FUNDING_STREAMS,
    },
  ),
  f(
    'case.arrival',
    'How the client arrived',
    'case',
    'choice',
    ['arrival', 'route', 'howarrived', 'source', 'referralsource', 'howheard'],
    {
      choices: ARRIVAL_ROUTES,
    },
  ),
  f('case.referrer', 'Referred by (organisation)', 'case', 'text', [
    'referrer',
    'referredby',
    'referringorganisation',
    'referringagency',
  ]),
  f('case.priorOrganisationsContacted', 'Organisations contacted before', 'case', 'integer', [
    'priororganisations',
    'prioragencies',
    'organisationscontactedbefore',
    'agenciesbefore',
    'bouncein',
  ]),
  f('case.timesToldStoryBefore', 'Times told their story before', 'case', 'integer', [
    'timestoldstory',
    'timestoldstorybefore',
    'storytold',
  ]),
  f('case.confidenceAtIntake', 'Confidence at intake (1–5)', 'case', 'score', [
    'confidenceatintake',
    'intakeconfidence',
    'confidenceatstart',
  ]),
  f('outcome.result', 'Outcome', 'case', 'choice', ['outcome', 'result', 'outcomeresult'], {
    choices: OUTCOME_RESULTS,
  }),
  f('outcome.accepted', 'Client accepted the outcome', 'case', 'yes_no', [
    'accepted',
    'outcomeaccepted',
    'clientaccepted',
  ]),
  f('outcome.understood', 'Client understood the outcome (1–5)', 'case', 'score', ['understood', 'outcomeunderstood']),
  f('outcome.appeal', 'Appeal status', 'case', 'choice', ['appeal', 'appealstatus', 'challenge'], {
    choices: APPEAL_STATUSES,
  }),
  // Legal aid details and equality monitoring: codes of the LAA's lists (docs/legal-aid-codes.md),
  // checked by the importer as the app's forms check them.
  f(
    'legalAid.categoryOfLaw',
    'LAA category of law',
    'case',
    'text',
    ['laacategory', 'laacategoryoflaw', 'legalaidcategory', 'categoryoflawcode', 'lacategory'],
    { hint: 'A category of law of the code lists, by code or name, e.g. "Housing Loss Prevention Advice Service"' },
  ),
  f('legalAid.ufn', 'Unique File Number (UFN)', 'case', 'text', ['ufn', 'uniquefilenumber', 'laaufn'], {
    hint: 'DDMMYY/NNN. Blank: kept, or the next free number of the day the case opened',
  }),
  f('legalAid.matterType1', 'Matter type 1', 'case', 'text', ['mattertype1', 'mt1', 'mattertypecode1']),
  f('legalAid.matterType2', 'Matter type 2', 'case', 'text', ['mattertype2', 'mt2', 'mattertypecode2']),
  f('legalAid.stageReached', 'Stage reached', 'case', 'text', ['stagereached', 'stage', 'stagereachedcode']),
  f('legalAid.outcomeCode', 'LAA outcome code', 'case', 'text', ['outcomecode', 'laaoutcome', 'laaoutcomecode']),
  f('legalAid.feeCode', 'LAA fee code', 'case', 'text', ['feecode', 'laafeecode'], {
    hint: "The fee claimed, e.g. HOUS. Blank: the category's only fee code, where it has one",
  }),
  f('legalAid.exemptionCriteria', 'Exemption criteria satisfied', 'case', 'text', [
    'exemption',
    'exemptioncriteria',
    'exemptioncriteriasatisfied',
    'exemptioncode',
  ]),
  f('legalAid.accessPoint', 'Access point', 'case', 'text', ['accesspoint', 'accesspointcode']),
  f('legalAid.procurementArea', 'Procurement area', 'case', 'text', ['procurementarea', 'procurementareacode']),
  f('legalAid.clientPostcode', 'Client full postcode (LAA)', 'case', 'text', [
    'fullpostcode',
    'clientfullpostcode',
    'laapostcode',
  ]),
  f('client.equality.gender', 'Gender (equality monitoring)', 'case', 'text', ['gender', 'sex', 'gendercode']),
  f('client.equality.ethnicity', 'Ethnicity (equality monitoring)', 'case', 'text', [
    'ethnicity',
    'ethnicorigin',
    'ethnicitycode',
    'ethnicgroup',
  ]),
  f('client.equality.disability', 'Disability (equality monitoring)', 'case', 'text', ['disability', 'disabilitycode']),
  f('time.on', 'Date of the work', 'time', 'date', [
    'date',
    'sessiondate',
    'timedate',
    'workdate',
    'dateofwork',
    'on',
    'entrydate',
  ]),
  f(
    'time.adviser',
    'Adviser who did the work',
    'time',
    'text',
    ['timeadviser', 'sessionadviser', 'doneby', 'by', 'staff'],
    {
      hint: "Blank: the case's lead adviser",
    },
  ),
  f('time.minutes', 'Minutes', 'time', 'minutes', [
    'minutes',
    'mins',
    'time',
    'duration',
    'timespent',
    'minutesspent',
    'length',
  ]),
  f('time.class', 'Kind of time', 'time', 'choice', ['class', 'timeclass', 'kindoftime', 'timetype'], {
    choices: TIME_CLASSES,
    hint: 'Blank: relationship time when the client took part (the mode), else casework',
  }),
  f('time.activity', 'Activity', 'time', 'choice', ['activity', 'worktype', 'task', 'type', 'typeofwork'], {
    choices: ACTIVITIES,
  }),
  f(
    'time.mode',
    'Mode',
    'time',
    'choice',
    ['mode', 'contactmode', 'contacttype', 'channel', 'method', 'how', 'medium'],
    {
      choices: MODES,
    },
  ),
  f('time.note', 'Note', 'time', 'text', ['note', 'notes', 'comment', 'comments', 'description', 'details']),
  // Case notes, key dates and parties: one per row, on a sheet of their own (or with the case columns repeated).
  f('note.on', 'Note date', 'note', 'date', ['notedate', 'noteon', 'dateofnote']),
  f('note.kind', 'Kind of note', 'note', 'choice', ['notekind', 'kindofnote', 'notetype'], {
    choices: NOTE_KINDS,
    hint: 'Blank: a file note',
  }),
  f('note.author', 'Note author', 'note', 'text', ['noteauthor', 'author', 'writtenby', 'notedby'], {
    hint: "A colleague's name or email; blank: the case's lead adviser",
  }),
  f('note.writtenAt', 'Note written at', 'note', 'text', ['notewrittenat', 'writtenat', 'notetime'], {
    hint: 'Date and time, e.g. 2025-01-06T10:15:00Z; blank: the time of the import',
  }),
  f('note.body', 'Note text', 'note', 'text', ['notetext', 'notebody', 'casenote', 'filenote', 'attendancenote']),
  f('keyDate.kind', 'Kind of key date', 'keyDate', 'choice', ['keydatekind', 'kindofkeydate', 'keydatetype'], {
    choices: KEY_DATE_KINDS,
    hint: 'Blank: a task',
  }),
  f('keyDate.title', 'Key date', 'keyDate', 'text', ['keydate', 'keydatetitle', 'tasktitle', 'whatisdue']),
  f('keyDate.dueOn', 'Due on', 'keyDate', 'date', ['dueon', 'duedate', 'due', 'deadlinedate']),
  f('keyDate.doneOn', 'Done on', 'keyDate', 'date', ['doneon', 'donedate', 'completedon', 'datedone']),
  f('keyDate.assignee', 'Assigned to', 'keyDate', 'text', ['assignedto', 'assignee', 'owner'], {
    hint: "A colleague's name or email",
  }),
  f('keyDate.note', 'Key date note', 'keyDate', 'text', ['keydatenote', 'tasknote']),
  f('party.role', 'Party role', 'party', 'choice', ['partyrole', 'role', 'roleinthecase'], {
    choices: PARTY_ROLES,
    hint: 'Blank: other',
  }),
  f('party.opponentType', 'Opponent type', 'party', 'choice', ['opponenttype', 'typeofopponent'], {
    choices: OPPONENT_TYPES,
  }),
  f('party.kind', 'Person or organisation', 'party', 'choice', ['partykind', 'personororganisation'], {
    choices: PARTY_KINDS,
    hint: 'Blank: a person',
  }),
  f('party.name', 'Party name', 'party', 'text', ['partyname', 'party', 'opponent', 'opponentname', 'otherparty']),
  f('party.dateOfBirth', 'Party date of birth', 'party', 'date', ['partydateofbirth', 'partydob']),
  f('party.postcode', 'Party postcode', 'party', 'postcode', ['partypostcode'], {
    hint: 'Only the district (E3 of E3 4AB) is kept',
  }),
  f('party.contact', 'Party contact details', 'party', 'text', ['partycontact', 'partycontactdetails']),
  f('party.reference', 'Party reference', 'party', 'text', ['partyreference', 'partyref', 'theirreference']),
  f('party.relationship', 'Relationship to the client', 'party', 'text', ['relationship', 'relationshiptoclient']),
  f('party.language', 'Party language', 'party', 'text', ['partylanguage']),
  f('party.note', 'Party note', 'party', 'text', ['partynote']),
];

/**
 * What a row gives besides its case: one record of each kind whose columns it fills. Each kind can
 * have a sheet of its own (with a case-reference column) or share the case sheet, case columns repeated.
 * `needs`: the columns a mapping must give for the kind; `key`: the column a proposal needs to see.
 */
export const SHEET_RECORDS = [
  {
    part: 'timeEntries',
    level: 'time',
    label: 'time entries',
    sheet: 'Time entries',
    needs: ['time.on', 'time.minutes'],
    key: 'time.minutes',
  },
  {
    part: 'notes',
    level: 'note',
    label: 'case notes',
    sheet: 'Notes',
    needs: ['note.on', 'note.body'],
    key: 'note.body',
  },
  {
    part: 'keyDates',
    level: 'keyDate',
    label: 'key dates',
    sheet: 'Key dates',
    needs: ['keyDate.title', 'keyDate.dueOn'],
    key: 'keyDate.dueOn',
  },
  { part: 'parties', level: 'party', label: 'parties', sheet: 'Parties', needs: ['party.name'], key: 'party.name' },
] as const;
export type SheetRecordKind = (typeof SHEET_RECORDS)[number];
export type SheetPart = 'cases' | SheetRecordKind['part'];

/** The sheets a mapping reads: the cases, then each kind of record that has a sheet of its own. */
export function mappingParts(mapping: SheetMapping): Array<[SheetPart, SheetColumns]> {
  const parts: Array<[SheetPart, SheetColumns]> = [['cases', mapping.cases]];
  for (const r of SHEET_RECORDS) {
    const part = mapping[r.part];
    if (part) parts.push([r.part, part]);
  }
  return parts;
}

/** The field keys a sheet of `part` may map: any on the cases sheet; the case reference and its own on another. */
export function fieldAllowedIn(part: SheetPart, key: string): boolean {
  if (part === 'cases' || key === 'case.ref') return true;
  return SHEET_FIELD.get(key)?.level === SHEET_RECORDS.find((r) => r.part === part)?.level;
}

export const SHEET_FIELD = new Map(SHEET_FIELDS.map((field) => [field.key, field]));

/** Columns of one sheet: header → field key (null or absent: not imported). */
export interface SheetColumns {
  /** The sheet's name in an XLSX workbook; absent for a CSV file (or the workbook's first sheet). */
  sheet?: string | null;
  columns: Record<string, string | null>;
}

export interface SheetMapping {
  format: typeof SHEET_MAPPING_FORMAT;
  /** The sheet of cases; with time fields mapped, each row is a time entry and case columns repeat. */
  cases: SheetColumns;
  /** A second sheet of time entries, found by its own case-reference column. */
  timeEntries?: SheetColumns | null;
  /** Sheets of case notes, key dates and parties, each found by its own case-reference column. */
  notes?: SheetColumns | null;
  keyDates?: SheetColumns | null;
  parties?: SheetColumns | null;
  /**
   * Field key → cell text → code, e.g. {"time.mode": {"F2F": "face_to_face"}}. For the category a
   * code may carry a sub-category: {"case.category": {"Housing - possession": "housing/possession"}}.
   */
  values?: Record<string, Record<string, string>> | null;
  /** Field key → value used where the sheet has no column (or a blank cell) for it. */
  defaults?: Record<string, string> | null;
}

/** Letters and digits only, lower case: the form headers and cell values are compared in. */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

/** Common ways of writing the codes, beyond the code itself and its label. */
const SYNONYMS: Record<string, string[]> = {
  face_to_face: ['f2f', 'ftf', 'inperson', 'facetoface', 'office', 'meeting', 'interview'],
  phone: ['telephone', 'tel', 'call', 'phonecall'],
  video: ['videocall', 'zoom', 'teams', 'online'],
  home_visit: ['homevisit', 'visit'],
  letter_email: ['letter', 'email', 'emailletter', 'post', 'written'],
  hearing: ['court', 'tribunal'],
  welfare_benefits: ['benefits', 'welfare', 'wb'],
  community_care: ['communitycare', 'cc'],
  legal_aid_fixed_fee: ['legalaid', 'la', 'fixedfee', 'lafixedfee', 'legalhelp'],
  legal_aid_escape: ['escape', 'laescape', 'hourly', 'escapecase'],
  pro_bono: ['probono'],
  self: ['selfreferral', 'selfreferred', 'walkin', 'self'],
  referred: ['referral', 'referredin', 'agency'],
  positive: ['won', 'success', 'successful', 'positive'],
  partly_positive: ['partly', 'partial', 'partlysuccessful', 'partlypositive'],
  negative: ['lost', 'unsuccessful', 'negative'],
  withdrawn: ['withdrawn', 'clientwithdrew'],
  lost_contact: ['lostcontact', 'nocontact'],
  relationship: ['client', 'withclient', 'contact', 'relationship'],
  administration: ['admin'],
  mental_health: ['mh', 'mentalhealth'],
  language_need: ['language', 'interpreter', 'esol'],
  digital_exclusion: ['digital', 'nointernet', 'digitallyexcluded'],
  domestic_abuse: ['da', 'dv', 'domesticviolence', 'domesticabuse'],
  care_leaver: ['careleaver'],
  initial_interview: ['initial', 'firstinterview', 'initialinterview'],
  advice_session: ['advice', 'advicesession', 'session'],
  follow_up_contact: ['followup', 'followupcontact'],
  none_needed: ['none', 'noappeal', 'notneeded'],
};

/** Per list of choices: normalised text → code (code or label first, in list order, then synonyms). */
const CHOICE_LOOKUP = new WeakMap<readonly string[], Map<string, string>>();

function lookupOf(choices: readonly string[]): Map<string, string> {
  let lookup = CHOICE_LOOKUP.get(choices);
  if (lookup) return lookup;
  lookup = new Map();
  const add = (text: string, code: string) => {
    if (text && !lookup!.has(text)) lookup!.set(text, code);
  };
  for (const code of choices) {
    add(normaliseHeader(code), code);
    add(normaliseHeader(labelOf(code)), code);
  }
  for (const code of choices) for (const synonym of SYNONYMS[code] ?? []) add(synonym, code);
  CHOICE_LOOKUP.set(choices, lookup);
  return lookup;
}

/** The code a cell value stands for among `choices`, by code, label or a common synonym; undefined if none. */
export function matchChoice(text: string, choices: readonly string[]): string | undefined {
  const n = normaliseHeader(text);
  if (!n) return undefined;
  return lookupOf(choices).get(n);
}

/**
 * The category (and sub-category) a category cell stands for: "Housing - possession" →
 * "housing/possession"; "Debt" → "debt"; undefined when the category part is not one we know.
 */
export function matchCategory(text: string): string | undefined {
  const whole = matchChoice(text, CATEGORIES);
  if (whole) return whole;
  const parts = text.split(/\s+[-–—:/]\s+|\s*[:/]\s*/);
  if (parts.length < 2) return undefined;
  const category = matchChoice(parts[0], CATEGORIES);
  const sub = parts
    .slice(1)
    .join(' ')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return category && sub ? `${category}/${sub}` : category;
}

/** What the server saw in an uploaded spreadsheet, and the mapping it proposes. */
export interface SheetInspection {
  uploadId: string;
  fileName: string | null;
  kind: 'csv' | 'xlsx';
  sheets: Array<{
    /** '' for a CSV file. */
    name: string;
    headerRow: number;
    headers: string[];
    /** The first data rows, with the row numbers the spreadsheet shows. */
    samples: Array<{ row: number; cells: string[] }>;
    rows: number;
    /** Header → its distinct values, for columns with at most 100 (codes, not free text). */
    distinct: Record<string, string[]>;
  }>;
  proposal: SheetMapping;
}

export interface SheetProblemDto {
  /** The sheet's name ('' for a CSV file). */
  sheet: string;
  /** The spreadsheet's row number; 0 for the file or mapping as a whole. */
  row: number;
  column: string | null;
  message: string;
  /** The whole problem as one sentence: "Row 14, column 'Minutes': '1h30' is not a number of minutes — write 90". */
  text: string;
}

/** A case as it will be recorded, for the preview. */
export interface SheetPreviewCase {
  ref: string;
  row: number;
  status: 'new' | 'updated';
  client: string;
  category: string;
  subcategory: string | null;
  openedOn: string | null;
  closedOn: string | null;
  leadAdviser: string;
  fundingStream: string;
  outcome: string | null;
  timeEntries: Array<{ on: string; adviser: string; minutes: number; class: string; activity: string; mode: string }>;
  timeEntryCount: number;
}

export interface SheetDryRun {
  ok: boolean;
  rows: number;
  cases: number;
  newCases: number;
  updatedCases: number;
  timeEntries: number;
  /** Time entries Deep Value holds for updated cases that the sheet does not repeat: the sheet's replace them. */
  timeEntriesRemoved: number;
  /** Case notes, key dates and parties in the sheet (one already on its case is left as it is; none is removed). */
  notes: number;
  keyDates: number;
  parties: number;
  problems: SheetProblemDto[];
  problemCount: number;
  preview: SheetPreviewCase[];
}

export interface SavedSheetMapping {
  name: string;
  mapping: SheetMapping;
  updatedAt: string;
}

/** Totals the spreadsheet export adds for reading; the import leaves them unmapped (the sessions are the record). */
export const SHEET_TOTAL_HEADERS = ['Sessions', 'Total minutes', 'Relationship minutes'] as const;
