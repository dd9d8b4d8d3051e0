/**
 * Turns SheetCases into deepvalue.import.v1 cases, so the ordinary validator and writer import
 * them (one import path, one set of rules). A case already in Deep Value is the starting point:
 * the sheet's non-blank cells overwrite what it holds and a blank cell leaves it, so next month's
 * sheet updates cases and never erases what was recorded in the app. When the sheet has time
 * entries for a case, they are its time entries (the sheet is the record of its sessions); a case
 * with none in the sheet keeps its own. Case notes, key dates and parties in the sheet are added to
 * the case (the import leaves one it already holds as it is, and never removes one). Defaults fill
 * what a new case would otherwise lack.
 */
import {
  EQUALITY_QUESTIONS,
  LEGAL_AID_FIELDS,
  normaliseHeader,
  SHEET_FIELD,
  type Activity,
  type Mode,
  matchSubcategory,
  type SheetMapping,
  type Subcategory,
  type TimeClass,
} from '@deepvalue/shared';
import type { LegalAidCodes } from '../../legal-aid/legal-aid-codes.js';
import type {
  ImportAdviser,
  ImportCase,
  ImportEquality,
  ImportHeader,
  ImportKeyDate,
  ImportLegalAid,
  ImportNote,
  ImportPartner,
  ImportParty,
  ImportTimeEntry,
} from '../import-format.js';
import type { SheetCase, SheetEntry } from './sheet-convert.js';
import { readCell, type CellValue } from './sheet-values.js';

/** Every legal aid field but the category of law, which is read on its own. */
const LEGAL_AID_KEYS = LEGAL_AID_FIELDS.filter((key) => key !== 'categoryOfLaw');

/** Modes in which the client takes part: their time is relationship time (docs/measures.md). */
const CLIENT_PRESENT: readonly Mode[] = ['face_to_face', 'phone', 'video', 'home_visit'];

export interface BuiltCase {
  value: ImportCase;
  /** Time entries the case held that the sheet's entries do not repeat (they are replaced). */
  entriesRemoved: number;
}

export class SheetCaseBuilder {
  private readonly advisers = new Map<string, ImportAdviser>();
  private readonly partners = new Map<string, ImportPartner>();
  private readonly used = { advisers: new Set<string>(), partners: new Set<string>(), offices: new Set<string>() };
  private readonly defaults = new Map<string, CellValue>();
  private readonly byName = new Map<string, string>();
  private readonly partnerByName = new Map<string, string>();

  constructor(
    private readonly directory: ImportHeader,
    mapping: SheetMapping,
    private readonly legalAidCodes: LegalAidCodes,
    private readonly subcategories: readonly Subcategory[],
  ) {
    for (const a of directory.advisers) {
      this.advisers.set(a.ref, a);
      this.byName.set(normaliseHeader(a.name), a.ref);
      if (a.email) this.byName.set(a.email.toLowerCase(), a.ref);
      this.byName.set(normaliseHeader(a.ref), a.ref);
    }
    for (const p of directory.partners) {
      this.partners.set(p.ref, p);
      this.partnerByName.set(normaliseHeader(p.name), p.ref);
      this.partnerByName.set(normaliseHeader(p.ref), p.ref);
    }
    for (const [key, text] of Object.entries(mapping.defaults ?? {})) {
      const field = SHEET_FIELD.get(key);
      if (!field) continue;
      const read = readCell(field, text.trim(), mapping.values?.[key] ?? {});
      if ('value' in read && read.value !== null) this.defaults.set(key, read.value);
    }
  }

  build(sheet: SheetCase, existing: ImportCase | undefined, hasTimeEntries: boolean): BuiltCase {
    const given = (key: string): CellValue | undefined => {
      const value = sheet.cells.get(key)?.value;
      if (value !== undefined && value !== null) return value;
      return existing ? undefined : this.defaults.get(key);
    };
    const c: ImportCase = existing
      ? withoutAddedRecords(existing)
      : ({ ref: sheet.ref, client: { ref: `client-${sheet.ref}` }, arrival: { route: 'self' } } as ImportCase);

    const client = c.client;
    set(client, 'ref', given('client.ref'));
    const fullName = given('client.name');
    if (typeof fullName === 'string') Object.assign(client, splitName(fullName));
    set(client, 'firstName', given('client.firstName'));
    set(client, 'lastName', given('client.lastName'));
    set(client, 'dateOfBirth', given('client.dateOfBirth'));
    set(client, 'postcodeDistrict', given('client.postcode'));
    set(client, 'email', given('client.email'));
    set(client, 'phone', given('client.phone'));
    set(client, 'vulnerabilities', given('client.vulnerabilities'));
    set(client, 'evidenceConsent', given('client.evidenceConsent'));
    const equality: ImportEquality = { ...(client.equality ?? {}) };
    for (const key of EQUALITY_QUESTIONS) set(equality, key, given(`client.equality.${key}`));
    if (EQUALITY_QUESTIONS.some((key) => equality[key] != null)) client.equality = equality;

    const category = given('case.category');
    if (typeof category === 'string') {
      const [code, sub] = category.split('/');
      c.category = code as ImportCase['category'];
      if (sub) c.subcategory = sub;
    }
    set(c, 'subcategory', given('case.subcategory'));
    // Written as its key or its label: the key of the organisation's entry; anything else is refused as typed.
    if (typeof c.subcategory === 'string')
      c.subcategory = matchSubcategory(c.subcategory, c.category, this.subcategories) ?? c.subcategory;
    this.legalAid(c, given, category === undefined);
    set(c, 'openedOn', given('case.openedOn'));
    set(c, 'firstContactOn', given('case.firstContactOn'));
    set(c, 'closedOn', given('case.closedOn'));
    const lead = given('case.leadAdviser');
    if (typeof lead === 'string') c.leadAdviserRef = this.adviserRef(lead);
    set(c, 'fundingStream', given('case.fundingStream'));
    const route = given('case.arrival');
    const referrer = given('case.referrer');
    if (typeof referrer === 'string') c.arrival = { route: 'referred', referrerRef: this.partnerRef(referrer) };
    if (route === 'self') c.arrival = { route: 'self' };
    else if (route === 'referred') c.arrival = { ...c.arrival, route: 'referred' };
    set(c, 'priorOrganisationsContacted', given('case.priorOrganisationsContacted'));
    set(c, 'timesToldStoryBefore', given('case.timesToldStoryBefore'));
    set(c, 'confidenceAtIntake', given('case.confidenceAtIntake'));

    const result = given('outcome.result');
    if (typeof result === 'string') c.outcome = { ...(c.outcome ?? {}), result: result as never };
    if (c.outcome) {
      set(c.outcome, 'accepted', given('outcome.accepted'));
      set(c.outcome, 'understood', given('outcome.understood'));
      set(c.outcome, 'appeal', given('outcome.appeal'));
    }

    let entriesRemoved = 0;
    if (hasTimeEntries && sheet.entries.length) {
      const entries = sheet.entries.map((e) => this.entry(e.cells, c.leadAdviserRef));
      entriesRemoved = countMissing(c.timeEntries ?? [], entries);
      c.timeEntries = entries;
    }
    if (sheet.notes.length) c.notes = sheet.notes.map((e) => this.caseNote(e, c.leadAdviserRef));
    if (sheet.keyDates.length) c.keyDates = sheet.keyDates.map((e) => this.keyDate(e));
    if (sheet.parties.length) c.parties = sheet.parties.map((e) => this.party(e));
    this.note(c);
    return { value: c, entriesRemoved };
  }

  /**
   * The sheet's legal aid cells over what the case holds. The category of law may be written by
   * code or name; without a category column it gives the case's category, as the app's form does.
   */
  private legalAid(c: ImportCase, given: (key: string) => CellValue | undefined, noCategoryCell: boolean): void {
    const la: Partial<ImportLegalAid> = { ...(c.legalAid ?? {}) };
    const text = given('legalAid.categoryOfLaw');
    if (typeof text === 'string') {
      const n = normaliseHeader(text);
      const known = this.legalAidCodes.categories.find(
        (k) => normaliseHeader(k.code) === n || normaliseHeader(k.label) === n,
      );
      la.categoryOfLaw = known?.code ?? text;
      if (noCategoryCell && known?.deepValueCategory) c.category = known.deepValueCategory as ImportCase['category'];
    }
    for (const key of LEGAL_AID_KEYS) set(la, key, given(`legalAid.${key}`));
    if (Object.values(la).some((v) => v != null)) c.legalAid = la as ImportLegalAid;
  }

  private entry(cells: SheetCase['cells'], leadAdviserRef: string | undefined): ImportTimeEntry {
    const given = (key: string) => {
      const value = cells.get(key)?.value;
      return value !== undefined && value !== null ? value : this.defaults.get(key);
    };
    const mode = given('time.mode') as Mode | undefined;
    let timeClass = given('time.class') as TimeClass | undefined;
    if (!timeClass && mode) timeClass = CLIENT_PRESENT.includes(mode) ? 'relationship' : 'casework';
    const adviser = given('time.adviser');
    const entry: Record<string, unknown> = {
      on: given('time.on'),
      adviserRef: typeof adviser === 'string' ? this.adviserRef(adviser) : leadAdviserRef,
      minutes: given('time.minutes'),
      class: timeClass,
      activity: given('time.activity') ?? (timeClass ? defaultActivity(timeClass) : undefined),
      mode: mode ?? (timeClass && timeClass !== 'relationship' ? 'none' : undefined),
    };
    const note = given('time.note');
    if (note !== undefined) entry.note = note;
    return entry as unknown as ImportTimeEntry;
  }

  /** A case note; its kind defaults to a file note and its author to the lead adviser. */
  private caseNote(e: SheetEntry, leadAdviserRef: string | undefined): ImportNote {
    const author = this.cell(e, 'note.author');
    return omitUndefined({
      kind: this.cell(e, 'note.kind') ?? 'file',
      on: this.cell(e, 'note.on'),
      authorRef: typeof author === 'string' ? this.adviserRef(author) : leadAdviserRef,
      writtenAt: this.cell(e, 'note.writtenAt'),
      body: this.cell(e, 'note.body'),
    }) as unknown as ImportNote;
  }

  /** A key date; its kind defaults to a task. */
  private keyDate(e: SheetEntry): ImportKeyDate {
    const assignee = this.cell(e, 'keyDate.assignee');
    return omitUndefined({
      kind: this.cell(e, 'keyDate.kind') ?? 'task',
      title: this.cell(e, 'keyDate.title'),
      dueOn: this.cell(e, 'keyDate.dueOn'),
      doneOn: this.cell(e, 'keyDate.doneOn'),
      note: this.cell(e, 'keyDate.note'),
      assigneeRef: typeof assignee === 'string' ? this.adviserRef(assignee) : undefined,
    }) as unknown as ImportKeyDate;
  }

  /** A party; its role defaults to other, and it is a person unless the sheet says otherwise. */
  private party(e: SheetEntry): ImportParty {
    return omitUndefined({
      role: this.cell(e, 'party.role') ?? 'other',
      opponentType: this.cell(e, 'party.opponentType'),
      kind: this.cell(e, 'party.kind') ?? 'person',
      name: this.cell(e, 'party.name'),
      dateOfBirth: this.cell(e, 'party.dateOfBirth'),
      postcodeDistrict: this.cell(e, 'party.postcode'),
      contact: this.cell(e, 'party.contact'),
      reference: this.cell(e, 'party.reference'),
      relationship: this.cell(e, 'party.relationship'),
      language: this.cell(e, 'party.language'),
      note: this.cell(e, 'party.note'),
    }) as unknown as ImportParty;
  }

  /** A record's cell, or the mapping's default for it. */
  private cell(e: SheetEntry, key: string): CellValue | undefined {
    const value = e.cells.get(key)?.value;
    return value !== undefined && value !== null ? value : this.defaults.get(key);
  }

  /** The adviser a name, email or ref stands for: a person already known, or a new adviser record. */
  adviserRef(text: string): string {
    const known = this.byName.get(text.includes('@') ? text.toLowerCase() : normaliseHeader(text));
    if (known) return known;
    const ref = `adviser-${slug(text)}`;
    if (!this.advisers.has(ref)) this.advisers.set(ref, { ref, name: text });
    this.byName.set(normaliseHeader(text), ref);
    return ref;
  }

  private partnerRef(text: string): string {
    const known = this.partnerByName.get(normaliseHeader(text));
    if (known) return known;
    const ref = `partner-${slug(text)}`;
    if (!this.partners.has(ref)) this.partners.set(ref, { ref, name: text });
    this.partnerByName.set(normaliseHeader(text), ref);
    return ref;
  }

  /** Records the directory entries a case refers to, so the header carries exactly those. */
  private note(c: ImportCase): void {
    const adviser = (ref: string | undefined) => {
      if (!ref) return;
      this.used.advisers.add(ref);
      const office = this.advisers.get(ref)?.office;
      if (office) this.used.offices.add(office);
    };
    const partner = (ref: string | null | undefined) => ref && this.used.partners.add(ref);
    adviser(c.leadAdviserRef);
    for (const t of c.timeEntries ?? []) adviser(t.adviserRef);
    for (const n of c.notes ?? []) adviser(n.authorRef);
    for (const k of c.keyDates ?? []) adviser(k.assigneeRef ?? undefined);
    if (c.officeRef) this.used.offices.add(c.officeRef);
    partner(c.arrival?.referrerRef);
    for (const p of c.underlyingProblems ?? []) partner(p.partnerRef);
    for (const r of c.referrals ?? []) partner(r.partnerRef);
  }

  header(): ImportHeader {
    const pick = <T extends { ref: string }>(all: Iterable<T>, used: Set<string>) =>
      [...all].filter((x) => used.has(x.ref));
    return {
      format: 'deepvalue.import.v1',
      organisation: this.directory.organisation,
      offices: pick(this.directory.offices ?? [], this.used.offices),
      advisers: pick(this.advisers.values(), this.used.advisers),
      partners: pick(this.partners.values(), this.used.partners),
      ...(this.directory.feedbackItems ? { feedbackItems: this.directory.feedbackItems } : {}),
    };
  }
}

function omitUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

function set<T extends object>(target: T, key: keyof T & string, value: CellValue | undefined): void {
  if (value !== undefined && value !== null) (target as Record<string, unknown>)[key] = value;
}

/** "Ana Ruiz" → Ana / Ruiz; "Ruiz, Ana" → Ana / Ruiz; one word is the last name. */
export function splitName(name: string): { firstName?: string; lastName: string } {
  const comma = name.split(',');
  if (comma.length === 2 && comma[0].trim() && comma[1].trim())
    return { firstName: comma[1].trim(), lastName: comma[0].trim() };
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return { lastName: words[0] };
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1] };
}

function defaultActivity(timeClass: TimeClass): Activity {
  return timeClass === 'relationship' ? 'advice_session' : timeClass === 'travel' ? 'travel' : 'other';
}

/** An adviser's ref made from a name the organisation does not know yet. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'unnamed'
  );
}

/** How many of `before` have no equal in `after` (compared as a multiset). */
function countMissing(before: ImportTimeEntry[], after: ImportTimeEntry[]): number {
  const key = (t: ImportTimeEntry) => JSON.stringify([t.on, t.adviserRef, t.minutes, t.class, t.activity, t.mode]);
  const left = new Map<string, number>();
  for (const t of after) left.set(key(t), (left.get(key(t)) ?? 0) + 1);
  let missing = 0;
  for (const t of before) {
    const n = left.get(key(t)) ?? 0;
    if (n) left.set(key(t), n - 1);
    else missing++;
  }
  return missing;
}

/**
 * A held case as the base of its sheet row, without what a sheet never carries: notes, key dates,
 * parties and contact safety are left alone by an import that does not give them.
 */
function withoutAddedRecords(held: ImportCase): ImportCase {
  const { notes: _notes, keyDates: _keyDates, parties: _parties, ...rest } = structuredClone(held);
  const { contactSafety: _contactSafety, ...client } = rest.client;
  return { ...rest, client };
}
