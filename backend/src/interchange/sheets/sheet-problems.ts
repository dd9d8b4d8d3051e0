/**
 * Problems in the spreadsheet's own terms. The import validator speaks in document paths
 * (`cases[3].timeEntries[1].minutes: must be a positive integer`); a manager needs "Row 14, column
 * 'Minutes': …". Each built case remembers the rows it came from, and each path names the field it
 * checked, so every validator error is put back on its row and column.
 */
import { mappingParts, SHEET_FIELD, type SheetMapping } from '@deepvalue/shared';
import type { FieldError } from '../../common/domain-error.js';
import { listOf, type SheetCase, type SheetProblem } from './sheet-convert.js';

/** Document path (after `cases[i].`, indexes removed) → the sheet field it comes from. */
const FIELD_OF_PATH: Record<string, string> = {
  ref: 'case.ref',
  client: 'client.ref',
  'client.ref': 'client.ref',
  'client.firstName': 'client.firstName',
  'client.lastName': 'client.lastName',
  'client.dateOfBirth': 'client.dateOfBirth',
  'client.postcodeDistrict': 'client.postcode',
  'client.email': 'client.email',
  'client.phone': 'client.phone',
  'client.vulnerabilities': 'client.vulnerabilities',
  'client.evidenceConsent': 'client.evidenceConsent',
  category: 'case.category',
  subcategory: 'case.subcategory',
  openedOn: 'case.openedOn',
  firstContactOn: 'case.firstContactOn',
  closedOn: 'case.closedOn',
  leadAdviserRef: 'case.leadAdviser',
  fundingStream: 'case.fundingStream',
  'arrival.route': 'case.arrival',
  'arrival.referrerRef': 'case.referrer',
  priorOrganisationsContacted: 'case.priorOrganisationsContacted',
  timesToldStoryBefore: 'case.timesToldStoryBefore',
  confidenceAtIntake: 'case.confidenceAtIntake',
  'outcome.result': 'outcome.result',
  'outcome.accepted': 'outcome.accepted',
  'outcome.understood': 'outcome.understood',
  'outcome.appeal': 'outcome.appeal',
  'legalAid.categoryOfLaw': 'legalAid.categoryOfLaw',
  'legalAid.ufn': 'legalAid.ufn',
  'legalAid.matterType1': 'legalAid.matterType1',
  'legalAid.matterType2': 'legalAid.matterType2',
  'legalAid.stageReached': 'legalAid.stageReached',
  'legalAid.outcomeCode': 'legalAid.outcomeCode',
  'legalAid.feeCode': 'legalAid.feeCode',
  'legalAid.exemptionCriteria': 'legalAid.exemptionCriteria',
  'legalAid.accessPoint': 'legalAid.accessPoint',
  'legalAid.procurementArea': 'legalAid.procurementArea',
  'legalAid.clientPostcode': 'legalAid.clientPostcode',
  'client.equality.gender': 'client.equality.gender',
  'client.equality.ethnicity': 'client.equality.ethnicity',
  'client.equality.disability': 'client.equality.disability',
  'timeEntries.on': 'time.on',
  'timeEntries.adviserRef': 'time.adviser',
  'timeEntries.minutes': 'time.minutes',
  'timeEntries.class': 'time.class',
  'timeEntries.activity': 'time.activity',
  'timeEntries.mode': 'time.mode',
  'timeEntries.note': 'time.note',
  'notes.kind': 'note.kind',
  'notes.on': 'note.on',
  'notes.authorRef': 'note.author',
  'notes.writtenAt': 'note.writtenAt',
  'notes.body': 'note.body',
  'keyDates.kind': 'keyDate.kind',
  'keyDates.title': 'keyDate.title',
  'keyDates.dueOn': 'keyDate.dueOn',
  'keyDates.doneOn': 'keyDate.doneOn',
  'keyDates.assigneeRef': 'keyDate.assignee',
  'keyDates.note': 'keyDate.note',
  'parties.role': 'party.role',
  'parties.opponentType': 'party.opponentType',
  'parties.kind': 'party.kind',
  'parties.name': 'party.name',
  'parties.dateOfBirth': 'party.dateOfBirth',
  'parties.postcodeDistrict': 'party.postcode',
  'parties.contact': 'party.contact',
  'parties.reference': 'party.reference',
  'parties.relationship': 'party.relationship',
  'parties.language': 'party.language',
  'parties.note': 'party.note',
};

/** The format's names in messages, in the words of the sheet. */
const WORDS: Array<[RegExp, string]> = [
  [/\bopenedOn\b/g, 'the date opened'],
  [/\bclosedOn\b/g, 'the date closed'],
  [/\bfirstContactOn\b/g, 'the date of first contact'],
  [/route is "referred"/g, 'the client was referred'],
  [/route is "self"/g, 'the client came by themselves'],
  [/\bpositive integer\b/g, 'whole number of minutes, 1 or more'],
];

export function plainMessage(message: string): string {
  return WORDS.reduce((text, [pattern, words]) => text.replace(pattern, words), message);
}

export class ProblemTranslator {
  constructor(
    private readonly mapping: SheetMapping,
    /** The sheet case each built case came from, by its index in the document. */
    private readonly origins: SheetCase[],
  ) {}

  translate(error: FieldError): SheetProblem {
    const m = /^cases\[(\d+)\]\.?(.*)$/.exec(error.path);
    const byRef = /^cases\[ref=(.*)\]$/.exec(error.path);
    if (byRef) {
      const origin = this.origins.find((o) => o.ref === byRef[1]);
      return { sheet: origin?.sheet ?? '', row: origin?.row ?? 0, column: null, message: error.message };
    }
    if (!m)
      return { sheet: '', row: 0, column: null, message: `${error.path ? `${error.path}: ` : ''}${error.message}` };
    const origin = this.origins[Number(m[1])];
    const rest = m[2];
    const entry = /^(timeEntries|notes|keyDates|parties)\[(\d+)\]/.exec(rest);
    const at = entry ? listOf(origin, entry[1] as 'notes')[Number(entry[2])] : undefined;
    const key = FIELD_OF_PATH[rest.replace(/\[\d+\]/g, '')];
    const field = key ? SHEET_FIELD.get(key) : undefined;
    const sheet = at?.sheet ?? origin.sheet;
    const column = key ? this.columnOf(key, at ? sheet : undefined) : null;
    const cell = key ? (at?.cells ?? origin.cells).get(key) : undefined;
    const what = cell ? `'${cell.text}' ` : column ? '' : `${field?.label ?? rest} `;
    // The cell's text is quoted once; another case is named by its row.
    const said = (cell ? error.message.replace(/^"[^"]*" /, '') : error.message).replace(
      /cases\[(\d+)\]/g,
      (whole, i: string) => (this.origins[Number(i)] ? `row ${this.origins[Number(i)].row}` : whole),
    );
    let message = `${what}${plainMessage(said)}`;
    if (!column && /is required/.test(error.message) && field)
      message += ` — map a column to '${field.label}' or choose a default for it`;
    return { sheet, row: at?.row ?? origin.row, column, message };
  }

  private columnOf(key: string, recordSheet: string | undefined): string | null {
    const own = mappingParts(this.mapping).find(
      ([part, p]) => part !== 'cases' && recordSheet !== undefined && p.sheet === recordSheet,
    );
    const columns = (own?.[1] ?? this.mapping.cases).columns;
    return Object.keys(columns).find((header) => columns[header] === key) ?? null;
  }
}

/** "Row 14, column 'Minutes'" (with the sheet's name when the workbook has two sheets in play). */
export function whereOf(problem: SheetProblem, withSheet: boolean): string {
  const parts: string[] = [];
  if (withSheet && problem.sheet) parts.push(`Sheet '${problem.sheet}'`);
  if (problem.row > 0) parts.push(parts.length ? `row ${problem.row}` : `Row ${problem.row}`);
  if (problem.column !== null) parts.push(parts.length ? `column '${problem.column}'` : `Column '${problem.column}'`);
  return parts.join(', ') || 'The file';
}

/** One line a person reads: "Row 14, column 'Minutes': '1h30' is not a number of minutes — write 90". */
export function describe(problem: SheetProblem, withSheet: boolean): string {
  return `${whereOf(problem, withSheet)}: ${problem.message}`;
}

/** Sheet, then row, then column order; one problem per cell (a cell refused while reading is not reported again). */
export function sortProblems(problems: SheetProblem[]): SheetProblem[] {
  const seen = new Set<string>();
  return [...problems]
    .sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row)
    .filter((p) => {
      if (p.column === null) return true;
      const key = `${p.sheet}\u0000${p.row}\u0000${p.column}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
