/**
 * Writes validated deepvalue.import.v1 records inside the caller's transaction. Refs are the keys:
 * directory records are upserted by ref; a case already present keeps its id and is updated in place
 * (the records the format carries are rewritten, see clearCarriedRecords), so importing the same
 * document twice leaves the same data.
 * Cases go in batches through COPY; per-case facts are refreshed once per batch (the transaction
 * runs with deepvalue.defer_facts on, so the per-statement triggers stand aside); the report
 * roll-ups are rebuilt once for the organisation by finish().
 * Where the session may (superuser, or GRANT SET ON PARAMETER session_replication_role), the
 * COPYs run with triggers off: per-row foreign-key triggers cost more than the rest of the write.
 * Every key they would check is a row this transaction inserted or upserted (so it stays locked
 * until commit); each batch is then checked in one set-based query (foreign-key-check.ts), so a
 * broken reference still fails the import.
 */
import type pg from 'pg';
import { normaliseEquality, normaliseLegalAid } from '../legal-aid/legal-aid-checks.js';
import { formatUfn, nextUfn, ufnLockKey } from '../legal-aid/ufn.js';
import { copyRows, type CopyValue } from './copy-rows.js';
import { canSkipTriggers, prepareBatchCheck, runBatchCheck, type BatchCheck } from './foreign-key-check.js';
import type { ImportAdviser, ImportCase, ImportClient, ImportHeader, ImportTimeEntry } from './import-format.js';
import { addSubcategories } from '../casework/subcategories/subcategories.sql.js';
import { refreshFactsStatement, ROUTED_FACTS_PROBE } from '../database/facts-refresh.js';

interface RefMaps {
  offices: Map<string, string>;
  advisers: Map<string, string>;
  partners: Map<string, string>;
}

export interface WriteCounts {
  cases: number;
  timeEntries: number;
  replacedCases: number;
  clientsCreated: number;
  clientsUpdated: number;
  /** Header advisers that are users of the organisation already (matched by ref or email). */
  existingUsers: number;
  /** Advisers added as records without sign-in, and such records updated (name, office). */
  adviserRecordsCreated: number;
  adviserRecordsUpdated: number;
  /** Notes, key dates and parties of the file not already on their case. */
  notesAdded: number;
  keyDatesAdded: number;
  partiesAdded: number;
}

type Rows = CopyValue[][];

const CASE_COLUMNS =
  'id, organisation_id, ref, client_id, office_id, category, subcategory, opened_on, first_contact_on, closed_on, lead_adviser_id, funding_stream, arrival_route, referrer_partner_id, prior_organisations_contacted, times_told_story_before, confidence_at_intake';

/** A note linked to a time entry the import replaces: the entry it pointed at, to find again among the new ones. */
interface NoteLink {
  noteId: string;
  caseId: string;
  adviserId: string;
  on: string;
  minutes: number;
  class: string;
  activity: string;
  mode: string;
}

interface NoteRow {
  pos: number;
  case_id: string;
  kind: string;
  on: string;
  author_id: string;
  written_at: string | null;
  body: string;
  entry: (ImportTimeEntry & { adviserId: string }) | null;
}

/** $1 organisation, $2 JSON rows; a note already on the case (same author and time written, or same text) is skipped. */
const ADD_NOTES_SQL = `
  WITH src AS (
    SELECT uuidv7() AS id, s.* FROM json_to_recordset($2::json)
      AS s(pos int, case_id uuid, kind text, "on" date, author_id uuid, written_at timestamptz, body text)),
  ins AS (
    INSERT INTO case_notes (id, organisation_id, case_id, kind, "on", author_id, body, created_at, updated_at)
    SELECT id, $1, case_id, kind, "on", author_id, body, coalesce(written_at, now()), coalesce(written_at, now())
      FROM src
     WHERE NOT EXISTS (
       SELECT 1 FROM case_notes n
        WHERE n.organisation_id = $1 AND n.case_id = src.case_id AND n.author_id = src.author_id
          AND CASE WHEN src.written_at IS NOT NULL THEN n.created_at = src.written_at
                   ELSE (n.kind, n."on", n.body) = (src.kind, src."on", src.body) END)
    RETURNING id)
  SELECT src.pos, src.id FROM src JOIN ins USING (id)`;

/** Every key date added is recorded as a change, as the API does, so a limitation date's history starts here. */
const ADD_KEY_DATES_SQL = `
  WITH ins AS (
    INSERT INTO key_dates (organisation_id, case_id, kind, title, due_on, done_on, note, assignee_id, created_by_id)
    SELECT $1, s.case_id, s.kind, s.title, s.due_on, s.done_on, s.note, s.assignee_id, s.created_by_id
      FROM json_to_recordset($2::json) AS s(case_id uuid, kind text, title text, due_on date, done_on date, note text,
           assignee_id uuid, created_by_id uuid)
     WHERE NOT EXISTS (
       SELECT 1 FROM key_dates k WHERE k.organisation_id = $1 AND k.case_id = s.case_id AND k.kind = s.kind
          AND k.title = s.title AND k.due_on = s.due_on)
    RETURNING *)
  INSERT INTO key_date_changes (organisation_id, case_id, key_date_id, change, kind, title, due_on, assignee_id, done_on, changed_by_id)
  SELECT organisation_id, case_id, id, 'added', kind, title, due_on, assignee_id, done_on, created_by_id FROM ins`;

const ADD_PARTIES_SQL = `
  INSERT INTO case_parties (organisation_id, case_id, role, opponent_type, kind, name, date_of_birth, postcode_district,
    contact, reference, relationship, pass_phrase, language, note)
  SELECT $1, s.* FROM json_to_recordset($2::json) AS s(case_id uuid, role text, opponent_type text, kind text, name text,
       date_of_birth date, postcode_district text, contact text, reference text, relationship text, pass_phrase text,
       language text, note text)
   WHERE NOT EXISTS (
     SELECT 1 FROM case_parties p WHERE p.organisation_id = $1 AND p.case_id = s.case_id AND p.role = s.role
        AND p.kind = s.kind AND lower(p.name) = lower(s.name))`;

/** Tables the format carries per case, besides cases itself: a re-imported case's rows in them are rewritten. */
const CARRIED_TABLES = [
  'time_entries',
  'feedback',
  'adviser_assessments',
  'underlying_problems',
  'referrals',
  'outcomes',
  'outcome_benefits',
  'follow_ups',
];

/** Tables written per case, besides cases itself. */
const CASE_TABLES = [
  'time_entries',
  'feedback',
  'adviser_assessments',
  'underlying_problems',
  'referrals',
  'outcomes',
  'outcome_benefits',
  'follow_ups',
  'case_facts',
];

export class ImportWriter {
  private refs: RefMaps = { offices: new Map(), advisers: new Map(), partners: new Map() };
  readonly counts: WriteCounts = {
    cases: 0,
    timeEntries: 0,
    replacedCases: 0,
    clientsCreated: 0,
    clientsUpdated: 0,
    existingUsers: 0,
    adviserRecordsCreated: 0,
    adviserRecordsUpdated: 0,
    notesAdded: 0,
    keyDatesAdded: 0,
    partiesAdded: 0,
  };
  /** The check run after each batch written with triggers off; null: triggers stay on. */
  private batchCheck: BatchCheck | null | undefined;
  /** Legal aid records written without a UFN: numbered by finish(), once every UFN the file gives is in. */
  private unnumbered: string[] = [];
  /** Milliseconds spent in each phase of the write (the bench reports them). */
  readonly phases: Record<string, number> = {};

  private async timed<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.phases[phase] = (this.phases[phase] ?? 0) + performance.now() - started;
    }
  }

  constructor(
    private readonly client: pg.ClientBase,
    readonly organisationId: string,
  ) {}

  /** The batch's facts, on the organisation's shard alone on a Citus cluster (database/facts-refresh.ts). */
  private routedFacts: boolean | undefined;
  private async refreshFacts(caseIds: string[]): Promise<unknown> {
    this.routedFacts ??= (await this.client.query<{ routed: boolean }>(ROUTED_FACTS_PROBE)).rows[0].routed;
    return this.client.query(...refreshFactsStatement(this.routedFacts, this.organisationId, caseIds));
  }

  static async begin(client: pg.ClientBase): Promise<void> {
    await client.query('BEGIN');
    await client.query(`SET LOCAL deepvalue.defer_facts = 'on'`);
  }

  async writeHeader(header: ImportHeader): Promise<void> {
    const org = this.organisationId;
    for (const office of header.offices ?? []) {
      const { rows } = await this.client.query<{ id: string }>(
        `INSERT INTO offices (organisation_id, ref, name) VALUES ($1, $2, $3)
         ON CONFLICT (organisation_id, ref) DO UPDATE SET name = EXCLUDED.name, updated_at = EXCLUDED.updated_at RETURNING id`,
        [org, office.ref, office.name],
      );
      this.refs.offices.set(office.ref, rows[0].id);
    }
    for (const partner of header.partners) {
      const { rows } = await this.client.query<{ id: string }>(
        `INSERT INTO partners (organisation_id, ref, name, service, contact) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (organisation_id, ref) DO UPDATE SET name = EXCLUDED.name, service = EXCLUDED.service,
           contact = EXCLUDED.contact, updated_at = EXCLUDED.updated_at RETURNING id`,
        [org, partner.ref, partner.name, partner.service ?? null, partner.contact ?? null],
      );
      this.refs.partners.set(partner.ref, rows[0].id);
    }
    for (const adviser of header.advisers) {
      const officeId = adviser.office ? (this.refs.offices.get(adviser.office) ?? null) : null;
      this.refs.advisers.set(adviser.ref, await this.resolveAdviser(adviser, officeId));
    }
    if (header.subcategories?.length)
      await addSubcategories((sql, params) => this.client.query(sql, params), org, header.subcategories);
    for (const [position, item] of (header.feedbackItems ?? []).entries()) {
      await this.client.query(
        `INSERT INTO feedback_items (organisation_id, key, label, position) VALUES ($1, $2, $3, $4)
         ON CONFLICT (organisation_id, key) DO UPDATE SET label = EXCLUDED.label, position = EXCLUDED.position`,
        [org, item.key, item.label, position],
      );
    }
  }

  /**
   * The user an adviser of the document stands for. An import never creates a sign-in account and
   * never changes a user's name or email: an adviser whose ref or email is a user of the
   * organisation is that user, as they are; any other adviser becomes a record without sign-in (no
   * email, no password) that cases can point at, and that later imports may rename. Emails of
   * other organisations' users are not looked at, so the answer says nothing about them.
   */
  private async resolveAdviser(adviser: ImportAdviser, officeId: string | null): Promise<string> {
    const org = this.organisationId;
    const email = adviser.email?.toLowerCase() ?? null;
    const { rows: known } = await this.client.query<{ id: string; ref: string | null; record: boolean }>(
      `SELECT id, ref, (email IS NULL AND password_hash IS NULL) AS record FROM users
       WHERE organisation_id = $1 AND (ref = $2 OR ($3::text IS NOT NULL AND email = $3))
       ORDER BY (ref = $2) DESC NULLS LAST LIMIT 1`,
      [org, adviser.ref, email],
    );
    const user = known[0];
    if (user?.record) {
      const { rowCount } = await this.client.query(
        `UPDATE users SET name = $2, office_id = $3, version = version + 1, updated_at = now()
         WHERE id = $1 AND (name, office_id) IS DISTINCT FROM ($2, $3)`,
        [user.id, adviser.name, officeId],
      );
      this.counts.adviserRecordsUpdated += rowCount ?? 0;
      return user.id;
    }
    if (user) {
      // A staff account made before the import takes the adviser's ref, so exports name it the same.
      if (user.ref === null) await this.client.query(`UPDATE users SET ref = $2 WHERE id = $1`, [user.id, adviser.ref]);
      this.counts.existingUsers++;
      return user.id;
    }
    const { rows } = await this.client.query<{ id: string }>(
      `INSERT INTO users (organisation_id, ref, name, email, role, office_id) VALUES ($1, $2, $3, NULL, 'adviser', $4)
       RETURNING id`,
      [org, adviser.ref, adviser.name, officeId],
    );
    this.counts.adviserRecordsCreated++;
    return rows[0].id;
  }

  /** Rebuilds the organisation's report roll-ups, which the deferred triggers left untouched. */
  async finish(): Promise<void> {
    await this.timed('number legal aid', () => this.numberLegalAid());
    // The roll-up rows' one foreign key is the organisation, locked FOR KEY SHARE by triggersOffCheck():
    // with triggers off, a million-row rebuild makes no per-row check of that one row.
    const triggersOff = (await this.triggersOffCheck()) !== null;
    if (triggersOff) await this.client.query(`SET LOCAL session_replication_role = replica`);
    for (const rollup of ['case_rollups', 'case_pattern_rollups', 'case_measure_rollups', 'case_pricing_rollups'])
      await this.timed(`rebuild ${rollup}`, () =>
        this.client.query(`SELECT rebuild_${rollup}($1)`, [this.organisationId]),
      );
    if (triggersOff) await this.client.query(`SET LOCAL session_replication_role = origin`);
    // The fee roll-ups reference more than the organisation: rebuilt with triggers on.
    await this.timed('rebuild case_fee_rollups', () =>
      this.client.query(`SELECT rebuild_case_fee_rollups($1)`, [this.organisationId]),
    );
  }

  async writeCases(cases: ImportCase[]): Promise<void> {
    if (cases.length === 0) return;
    const org = this.organisationId;
    const clientIds = await this.timed('clients', () => this.upsertClients(cases));

    const { rows: existing } = await this.client.query<{ id: string; ref: string }>(
      `SELECT id, ref FROM cases WHERE organisation_id = $1 AND ref = ANY($2::text[])`,
      [org, cases.map((c) => c.ref)],
    );
    const caseIds = new Map(existing.map((r) => [r.ref, r.id]));
    const replaced = new Set(existing.map((r) => r.id));
    const noteLinks = existing.length ? await this.clearCarriedRecords([...replaced]) : [];
    this.counts.replacedCases += existing.length;
    const fresh = cases.filter((c) => !caseIds.has(c.ref));
    if (fresh.length) {
      // Time-ordered ids, as the schema's default gives: index inserts stay local at a million cases.
      const { rows: ids } = await this.client.query<{ id: string }>(
        `SELECT uuidv7() AS id FROM generate_series(1, $1::int)`,
        [fresh.length],
      );
      fresh.forEach((c, i) => caseIds.set(c.ref, ids[i].id));
    }

    const rows = {
      cases: [] as Rows,
      timeEntries: [] as Rows,
      feedback: [] as Rows,
      assessments: [] as Rows,
      problems: [] as Rows,
      referrals: [] as Rows,
      outcomes: [] as Rows,
      benefits: [] as Rows,
      followUps: [] as Rows,
    };
    const adviser = (ref: string) => this.refs.advisers.get(ref)!;
    const partner = (ref: string | null | undefined) => (ref ? this.refs.partners.get(ref)! : null);
    for (const c of cases) {
      const id = caseIds.get(c.ref)!;
      rows.cases.push([
        id,
        org,
        c.ref,
        clientIds.get(c.client.ref)!,
        c.officeRef ? this.refs.offices.get(c.officeRef)! : null,
        c.category,
        c.subcategory ?? null,
        c.openedOn,
        c.firstContactOn ?? null,
        c.closedOn ?? null,
        adviser(c.leadAdviserRef),
        c.fundingStream,
        c.arrival.route,
        partner(c.arrival.referrerRef),
        c.priorOrganisationsContacted ?? null,
        c.timesToldStoryBefore ?? null,
        c.confidenceAtIntake ?? null,
      ]);
      for (const t of c.timeEntries ?? []) {
        rows.timeEntries.push([
          org,
          id,
          adviser(t.adviserRef),
          t.on,
          t.minutes,
          t.class,
          t.activity,
          t.mode,
          t.note ?? null,
        ]);
      }
      for (const f of c.feedback ?? [])
        rows.feedback.push([org, id, f.on, f.items, f.comment ?? null, f.source ?? 'paper']);
      if (c.adviserAssessment)
        rows.assessments.push([org, id, c.adviserAssessment.trust ?? null, c.adviserAssessment.disclosure ?? null]);
      for (const p of c.underlyingProblems ?? []) {
        rows.problems.push([
          org,
          id,
          p.category,
          p.description ?? null,
          p.uncoveredOn,
          p.action,
          partner(p.partnerRef),
          p.reachedSupport ?? null,
          p.result ?? null,
        ]);
      }
      for (const r of c.referrals ?? []) {
        rows.referrals.push([
          org,
          id,
          r.direction,
          partner(r.partnerRef),
          r.on,
          r.kind,
          r.reachedSupport ?? null,
          r.note ?? null,
        ]);
      }
      if (c.outcome) {
        const o = c.outcome;
        rows.outcomes.push([
          org,
          id,
          o.result,
          o.understood ?? null,
          o.accepted ?? null,
          o.appeal ?? null,
          o.appealNotPursuedReason ?? null,
          o.confidenceBefore ?? null,
          o.confidenceAfter ?? null,
          o.wouldSeekAdviceEarlier ?? null,
          o.couldHandleSimilar ?? null,
        ]);
        for (const b of o.benefits ?? []) rows.benefits.push([org, id, b.type, b.amountGbp ?? null]);
      }
      for (const f of c.followUps ?? []) rows.followUps.push([org, id, f.on, f.recontact, f.outcomeSustained ?? null]);
    }

    const triggersOff = await this.triggersOffCheck();
    if (triggersOff) await this.client.query(`SET LOCAL session_replication_role = replica`);
    const copy = (table: string, columns: string, data: Rows) =>
      this.timed(`copy ${table}`, () => copyRows(this.client, table, columns.split(/,\s*/), data));
    await copy(
      'cases',
      CASE_COLUMNS,
      rows.cases.filter((r) => !replaced.has(r[0] as string)),
    );
    await this.updateCases(rows.cases.filter((r) => replaced.has(r[0] as string)));
    await copy(
      'time_entries',
      'organisation_id, case_id, adviser_id, "on", minutes, class, activity, mode, note',
      rows.timeEntries,
    );
    await copy('feedback', 'organisation_id, case_id, "on", items, comment, source', rows.feedback);
    await copy('adviser_assessments', 'organisation_id, case_id, trust, disclosure', rows.assessments);
    await copy(
      'underlying_problems',
      'organisation_id, case_id, category, description, uncovered_on, action, partner_id, reached_support, result',
      rows.problems,
    );
    await copy(
      'referrals',
      'organisation_id, case_id, direction, partner_id, "on", kind, reached_support, note',
      rows.referrals,
    );
    await copy(
      'outcomes',
      'organisation_id, case_id, result, understood, accepted, appeal, appeal_not_pursued_reason, confidence_before, confidence_after, would_seek_advice_earlier, could_handle_similar',
      rows.outcomes,
    );
    await copy('outcome_benefits', 'organisation_id, case_id, type, amount_gbp', rows.benefits);
    await copy('follow_ups', 'organisation_id, case_id, "on", recontact, outcome_sustained', rows.followUps);
    await this.relinkNotes(noteLinks);
    await this.timed('facts', () => this.refreshFacts([...caseIds.values()]));
    if (triggersOff) {
      // A parallel plan's start-up would cost more than the check itself.
      await this.client.query(
        `SET LOCAL session_replication_role = origin; SET LOCAL max_parallel_workers_per_gather = 0`,
      );
      await this.timed('foreign key check', () =>
        this.checkBatch(triggersOff, [...caseIds.values()], {
          cases: rows.cases.length,
          time_entries: rows.timeEntries.length,
          feedback: rows.feedback.length,
          adviser_assessments: rows.assessments.length,
          underlying_problems: rows.problems.length,
          referrals: rows.referrals.length,
          outcomes: rows.outcomes.length,
          outcome_benefits: rows.benefits.length,
          follow_ups: rows.followUps.length,
          case_facts: rows.cases.length,
        }),
      );
      await this.client.query(`SET LOCAL max_parallel_workers_per_gather TO DEFAULT`);
    }
    await this.timed('notes, key dates, parties', () => this.addCaseRecords(cases, caseIds));
    await this.timed('legal aid', () => this.writeLegalAid(cases, caseIds));
    this.counts.cases += cases.length;
    this.counts.timeEntries += rows.timeEntries.length;
  }

  /**
   * Adds the file's notes, key dates and parties that are not on their case already (see
   * import-format.ts for what counts as the same); an import never edits or removes them.
   */
  private async addCaseRecords(cases: ImportCase[], caseIds: Map<string, string>): Promise<void> {
    const adviser = (ref: string) => this.refs.advisers.get(ref)!;
    const notes: NoteRow[] = [];
    const keyDates: object[] = [];
    const parties: object[] = [];
    for (const c of cases) {
      const caseId = caseIds.get(c.ref)!;
      for (const n of c.notes ?? []) {
        const entry = n.timeEntryIndex != null ? c.timeEntries?.[n.timeEntryIndex] : undefined;
        notes.push({
          pos: notes.length,
          case_id: caseId,
          kind: n.kind,
          on: n.on,
          author_id: adviser(n.authorRef),
          written_at: n.writtenAt ?? null,
          body: n.body,
          entry: entry ? { ...entry, adviserId: adviser(entry.adviserRef) } : null,
        });
      }
      for (const k of c.keyDates ?? [])
        keyDates.push({
          case_id: caseId,
          kind: k.kind,
          title: k.title,
          due_on: k.dueOn,
          done_on: k.doneOn ?? null,
          note: k.note ?? null,
          assignee_id: k.assigneeRef ? adviser(k.assigneeRef) : null,
          created_by_id: adviser(k.createdByRef ?? c.leadAdviserRef),
        });
      for (const p of c.parties ?? [])
        parties.push({
          case_id: caseId,
          role: p.role,
          opponent_type: p.opponentType ?? null,
          kind: p.kind,
          name: p.name,
          date_of_birth: p.dateOfBirth ?? null,
          postcode_district: p.postcodeDistrict ?? null,
          contact: p.contact ?? null,
          reference: p.reference ?? null,
          relationship: p.relationship ?? null,
          pass_phrase: p.passPhrase ?? null,
          language: p.language ?? null,
          note: p.note ?? null,
        });
    }
    if (notes.length) await this.addNotes(notes);
    if (keyDates.length) {
      const { rowCount } = await this.client.query(ADD_KEY_DATES_SQL, [this.organisationId, JSON.stringify(keyDates)]);
      this.counts.keyDatesAdded += rowCount ?? 0;
    }
    if (parties.length) {
      const { rowCount } = await this.client.query(ADD_PARTIES_SQL, [this.organisationId, JSON.stringify(parties)]);
      this.counts.partiesAdded += rowCount ?? 0;
    }
  }

  private async addNotes(notes: NoteRow[]): Promise<void> {
    const { rows } = await this.client.query<{ pos: number; id: string }>(ADD_NOTES_SQL, [
      this.organisationId,
      JSON.stringify(notes.map(({ entry: _entry, ...n }) => n)),
    ]);
    this.counts.notesAdded += rows.length;
    const links: NoteLink[] = [];
    for (const { pos, id } of rows) {
      const n = notes[pos];
      if (n.entry)
        links.push({
          noteId: id,
          caseId: n.case_id,
          adviserId: n.entry.adviserId,
          on: n.entry.on,
          minutes: n.entry.minutes,
          class: n.entry.class,
          activity: n.entry.activity,
          mode: n.entry.mode,
        });
    }
    await this.relinkNotes(links);
  }

  /**
   * A case already present is updated in place: only the records the format carries are deleted
   * (to be written again from the file). Everything else hung on the case — notes and their
   * history, key dates and their changes, parties, conflict checks, feedback links and whatever the
   * format does not carry — stays, so a monthly re-import never loses what advisers recorded.
   * Returns the notes whose linked time entry goes, so they can be linked to its re-imported twin.
   */
  private async clearCarriedRecords(caseIds: string[]): Promise<NoteLink[]> {
    const org = this.organisationId;
    const { rows: links } = await this.client.query<NoteLink>(
      `SELECT n.id AS "noteId", n.case_id AS "caseId", t.adviser_id AS "adviserId", t."on"::text AS "on",
              t.minutes, t.class, t.activity, t.mode
         FROM case_notes n
         JOIN time_entries t ON t.organisation_id = n.organisation_id AND t.case_id = n.case_id AND t.id = n.time_entry_id
        WHERE n.organisation_id = $1 AND n.case_id = ANY($2::uuid[])`,
      [org, caseIds],
    );
    // Unlinked here, as ON DELETE SET NULL does on one server: on a Citus cluster that key is NO ACTION.
    if (links.length > 0)
      await this.client.query(
        `UPDATE case_notes SET time_entry_id = NULL
          WHERE organisation_id = $1 AND case_id = ANY($2::uuid[]) AND time_entry_id IS NOT NULL`,
        [org, caseIds],
      );
    for (const table of CARRIED_TABLES)
      await this.client.query(`DELETE FROM ${table} WHERE organisation_id = $1 AND case_id = ANY($2::uuid[])`, [
        org,
        caseIds,
      ]);
    return links;
  }

  private async updateCases(rows: Rows): Promise<void> {
    if (rows.length === 0) return;
    await this.client.query(
      `CREATE TEMP TABLE IF NOT EXISTS import_case_updates (LIKE cases INCLUDING DEFAULTS) ON COMMIT DROP`,
    );
    await this.client.query(`TRUNCATE import_case_updates`);
    await copyRows(this.client, 'import_case_updates', CASE_COLUMNS.split(/,\s*/), rows);
    const set = CASE_COLUMNS.split(/,\s*/)
      .filter((c) => c !== 'id' && c !== 'organisation_id' && c !== 'ref')
      .map((c) => `${c} = u.${c}`)
      .join(', ');
    await this.client.query(
      `UPDATE cases c SET ${set}, version = c.version + 1, updated_at = now()
         FROM import_case_updates u WHERE c.organisation_id = $1 AND c.id = u.id`,
      [this.organisationId],
    );
  }

  /** Links each note to the re-imported time entry that matches the one it had (if the file still has it). */
  private async relinkNotes(links: NoteLink[]): Promise<void> {
    if (links.length === 0) return;
    await this.client.query(
      `WITH lost AS (
         SELECT l.*, row_number() OVER (PARTITION BY case_id, adviser_id, "on", minutes, class, activity, mode ORDER BY note_id) AS nth
           FROM json_to_recordset($2::json) AS l(note_id uuid, case_id uuid, adviser_id uuid, "on" date, minutes int,
                class text, activity text, mode text)),
       candidates AS (
         SELECT t.id, t.case_id, t.adviser_id, t."on", t.minutes, t.class, t.activity, t.mode,
                row_number() OVER (PARTITION BY t.case_id, t.adviser_id, t."on", t.minutes, t.class, t.activity, t.mode ORDER BY t.id) AS nth
           FROM time_entries t WHERE t.organisation_id = $1 AND t.case_id IN (SELECT case_id FROM lost))
       UPDATE case_notes n SET time_entry_id = c.id
         FROM lost l JOIN candidates c USING (case_id, adviser_id, "on", minutes, class, activity, mode, nth)
        WHERE n.organisation_id = $1 AND n.id = l.note_id`,
      [
        this.organisationId,
        JSON.stringify(
          links.map((l) => ({
            note_id: l.noteId,
            case_id: l.caseId,
            adviser_id: l.adviserId,
            on: l.on,
            minutes: l.minutes,
            class: l.class,
            activity: l.activity,
            mode: l.mode,
          })),
        ),
      ],
    );
  }

  /** Decided once per import: the check to run after each batch, or null (triggers stay on). */
  private async triggersOffCheck(): Promise<BatchCheck | null> {
    if (this.batchCheck !== undefined) return this.batchCheck;
    this.batchCheck = null;
    if (!(await canSkipTriggers(this.client))) return null;
    // The one parent this transaction may not have written: keep it from being deleted until commit.
    await this.client.query(`SELECT 1 FROM organisations WHERE id = $1 FOR KEY SHARE`, [this.organisationId]);
    this.batchCheck = await prepareBatchCheck(this.client, CASE_TABLES);
    return this.batchCheck;
  }

  private async checkBatch(check: BatchCheck, caseIds: string[], written: Record<string, number>): Promise<void> {
    const found = await runBatchCheck(this.client, check, this.organisationId, caseIds);
    const astray = Object.keys(written).find((table) => found.counts[table] !== written[table]);
    if (found.violated || astray) {
      throw new Error(
        found.violated
          ? `the import would break the foreign key ${found.violated}`
          : `the import wrote ${written[astray!]} ${astray} row(s) but ${found.counts[astray!]} belong to its cases`,
      );
    }
  }

  /** Contact safety given in the file replaces the client's whole, as the API does; where it is absent what is held stays. */
  private async setContactSafety(clients: ImportClient[]): Promise<void> {
    const given = clients.filter((c) => c.contactSafety);
    if (given.length === 0) return;
    await this.client.query(
      `UPDATE clients c SET safe_by_phone = s.phone, safe_by_text = s.text, safe_by_voicemail = s.voicemail,
         safe_by_email = s.email, safe_by_letter = s.letter, safe_by_visit = s.visit, preferred_channel = s.preferred_channel,
         contact_note = s.note, interpreter_language = s.interpreter_language, bsl = s.bsl, large_print = s.large_print,
         other_adaptations = s.other_adaptations, version = c.version + 1, updated_at = now()
         FROM json_to_recordset($2::json) AS s(ref text, phone boolean, text boolean, voicemail boolean, email boolean,
           letter boolean, visit boolean, preferred_channel text, note text, interpreter_language text, bsl boolean,
           large_print boolean, other_adaptations text)
        WHERE c.organisation_id = $1 AND c.ref = s.ref`,
      [
        this.organisationId,
        JSON.stringify(
          given.map(({ ref, contactSafety: cs }) => ({
            ref,
            ...cs!.safeBy,
            preferred_channel: cs!.preferredChannel ?? null,
            note: cs!.note ?? null,
            interpreter_language: cs!.interpreterLanguage ?? null,
            bsl: cs!.bsl ?? false,
            large_print: cs!.largePrint ?? false,
            other_adaptations: cs!.otherAdaptations ?? null,
          })),
        ),
      ],
    );
  }

  /** Clients are shared between cases: upsert each distinct client of the batch by ref. */
  private async upsertClients(cases: ImportCase[]): Promise<Map<string, string>> {
    const clients = new Map<string, ImportClient>();
    for (const c of cases) clients.set(c.client.ref, c.client);
    const list = [...clients.values()];
    const { rows } = await this.client.query<{ id: string; ref: string; created: boolean }>(
      `INSERT INTO clients (organisation_id, ref, first_name, last_name, date_of_birth, postcode_district, email, phone, vulnerabilities, evidence_consent)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[], $9::text[], $10::boolean[])
         AS v(ref, first_name, last_name, date_of_birth, postcode_district, email, phone, vulnerabilities, evidence_consent)
       ON CONFLICT (organisation_id, ref) DO UPDATE SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
         date_of_birth = EXCLUDED.date_of_birth, postcode_district = EXCLUDED.postcode_district, email = EXCLUDED.email,
         phone = EXCLUDED.phone, vulnerabilities = EXCLUDED.vulnerabilities, evidence_consent = EXCLUDED.evidence_consent,
         updated_at = EXCLUDED.updated_at
       RETURNING id, ref, (xmax = 0) AS created`.replace(
        'SELECT $1, *',
        'SELECT $1, v.ref, v.first_name, v.last_name, v.date_of_birth, v.postcode_district, v.email, v.phone, v.vulnerabilities::text[], v.evidence_consent',
      ),
      [
        this.organisationId,
        list.map((c) => c.ref),
        list.map((c) => c.firstName ?? null),
        list.map((c) => c.lastName ?? null),
        list.map((c) => c.dateOfBirth ?? null),
        list.map((c) => c.postcodeDistrict ?? null),
        list.map((c) => c.email ?? null),
        list.map((c) => c.phone ?? null),
        list.map((c) => `{${(c.vulnerabilities ?? []).join(',')}}`),
        list.map((c) => c.evidenceConsent ?? false),
      ],
    );
    for (const r of rows) this.counts[r.created ? 'clientsCreated' : 'clientsUpdated']++;
    await this.setContactSafety(list);
    await this.setEquality(list);
    return new Map(rows.map((r) => [r.ref, r.id]));
  }

  /**
   * The file's legal aid details replace the case's. Without a UFN the case keeps the one it has; a
   * new record is numbered by finish() (numberLegalAid), after every batch, so a number the file
   * gives to a later case is never handed out first.
   */
  private async writeLegalAid(cases: ImportCase[], caseIds: Map<string, string>): Promise<void> {
    const records = cases
      .filter((c) => c.legalAid)
      .map((c) => ({ case_id: caseIds.get(c.ref)!, ...normaliseLegalAid(c.legalAid!) }));
    if (!records.length) return;
    const { rows } = await this.client.query<{ case_id: string; ufn: string | null; created: boolean }>(
      `INSERT INTO case_legal_aid (organisation_id, case_id, category_of_law, ufn, matter_type_1, matter_type_2,
         stage_reached, outcome_code, fee_code, exemption_criteria, access_point, procurement_area, client_postcode,
         disbursements_gbp, disbursements_vat_gbp, counsel_costs_gbp)
       SELECT $1, r.case_id, r."categoryOfLaw", r.ufn, r."matterType1", r."matterType2", r."stageReached", r."outcomeCode",
         r."feeCode", r."exemptionCriteria", r."accessPoint", r."procurementArea", r."clientPostcode",
         r."disbursementsGbp", r."disbursementsVatGbp", r."counselCostsGbp"
         FROM json_to_recordset($2::json) AS r(case_id uuid, "categoryOfLaw" text, ufn text, "matterType1" text,
           "matterType2" text, "stageReached" text, "outcomeCode" text, "feeCode" text, "exemptionCriteria" text, "accessPoint" text,
           "procurementArea" text, "clientPostcode" text,
           "disbursementsGbp" numeric, "disbursementsVatGbp" numeric, "counselCostsGbp" numeric)
       ON CONFLICT (organisation_id, case_id) DO UPDATE SET category_of_law = EXCLUDED.category_of_law,
         ufn = coalesce(EXCLUDED.ufn, case_legal_aid.ufn), matter_type_1 = EXCLUDED.matter_type_1,
         matter_type_2 = EXCLUDED.matter_type_2, stage_reached = EXCLUDED.stage_reached, outcome_code = EXCLUDED.outcome_code,
         fee_code = EXCLUDED.fee_code, exemption_criteria = EXCLUDED.exemption_criteria, access_point = EXCLUDED.access_point,
         procurement_area = EXCLUDED.procurement_area, client_postcode = EXCLUDED.client_postcode,
         -- amounts left out (a spreadsheet carries none) keep what is held, as the UFN does
         disbursements_gbp = coalesce(EXCLUDED.disbursements_gbp, case_legal_aid.disbursements_gbp),
         disbursements_vat_gbp = coalesce(EXCLUDED.disbursements_vat_gbp, case_legal_aid.disbursements_vat_gbp),
         counsel_costs_gbp = coalesce(EXCLUDED.counsel_costs_gbp, case_legal_aid.counsel_costs_gbp),
         version = case_legal_aid.version + 1, updated_at = EXCLUDED.updated_at
       RETURNING case_id, ufn, (xmax = 0) AS created`,
      [this.organisationId, JSON.stringify(records)],
    );
    // A held record without a UFN is an erased client's: it stays without one.
    for (const r of rows) if (!r.ufn && r.created) this.unnumbered.push(r.case_id);
  }

  /**
   * Before any case is written, held records that the file gives another UFN let go of theirs, so
   * numbers swapped or moved between cases of one file never meet the unique constraint halfway
   * (ImportService.ufnClashes has refused any number another case keeps). All in the import's
   * transaction: a refused or failed import leaves every number where it was.
   */
  async releaseMovedUfns(given: ReadonlyMap<string, { ref: string }>): Promise<void> {
    if (!given.size) return;
    await this.client.query(
      `UPDATE case_legal_aid l SET ufn = NULL
         FROM cases c, json_to_recordset($2::json) AS g(ref text, ufn text)
        WHERE l.organisation_id = $1 AND c.organisation_id = $1 AND c.id = l.case_id
          AND c.ref = g.ref AND l.ufn <> g.ufn`,
      [this.organisationId, JSON.stringify([...given].map(([ufn, { ref }]) => ({ ref, ufn })))],
    );
  }

  /** Gives each legal aid record written without a UFN the next free number of the day its case opened. */
  private async numberLegalAid(): Promise<void> {
    if (!this.unnumbered.length) return;
    const org = this.organisationId;
    const { rows } = await this.client.query<{ case_id: string; opened_on: string }>(
      `SELECT l.case_id, c.opened_on::text AS opened_on FROM case_legal_aid l
         JOIN cases c ON c.organisation_id = l.organisation_id AND c.id = l.case_id
        WHERE l.organisation_id = $1 AND l.case_id = ANY($2::uuid[]) AND l.ufn IS NULL
        ORDER BY c.opened_on, c.ref`,
      [org, this.unnumbered],
    );
    const byDay = new Map<string, string[]>();
    for (const r of rows) byDay.set(r.opened_on, [...(byDay.get(r.opened_on) ?? []), r.case_id]);
    const numbered: Array<{ case_id: string; ufn: string }> = [];
    for (const [openedOn, caseIds] of byDay) {
      const first = formatUfn(openedOn, 1);
      await this.client.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [ufnLockKey(org, first)]);
      const { rows: used } = await this.client.query<{ ufn: string }>(
        `SELECT ufn FROM case_legal_aid WHERE organisation_id = $1 AND ufn LIKE $2`,
        [org, `${first.slice(0, 7)}%`],
      );
      const taken = used.map((u) => u.ufn);
      for (const case_id of caseIds) {
        const ufn = nextUfn(openedOn, taken);
        taken.push(ufn);
        numbered.push({ case_id, ufn });
      }
    }
    await this.client.query(
      `UPDATE case_legal_aid l SET ufn = n.ufn FROM json_to_recordset($2::json) AS n(case_id uuid, ufn text)
        WHERE l.organisation_id = $1 AND l.case_id = n.case_id`,
      [org, JSON.stringify(numbered)],
    );
    this.unnumbered = [];
  }

  /** Equality answers given in the file replace the client's three; where absent what is held stays. */
  private async setEquality(clients: ImportClient[]): Promise<void> {
    const given = clients.filter((c) => c.equality);
    if (!given.length) return;
    await this.client.query(
      `UPDATE clients c SET equality_gender = e.gender, equality_ethnicity = e.ethnicity,
         equality_disability = e.disability, version = c.version + 1, updated_at = now()
         FROM json_to_recordset($2::json) AS e(ref text, gender text, ethnicity text, disability text)
        WHERE c.organisation_id = $1 AND c.ref = e.ref
          AND (c.equality_gender, c.equality_ethnicity, c.equality_disability) IS DISTINCT FROM (e.gender, e.ethnicity, e.disability)`,
      [
        this.organisationId,
        JSON.stringify(
          given.map(({ ref, equality }) => {
            const e = normaliseEquality(equality!);
            return { ref, gender: e.gender ?? null, ethnicity: e.ethnicity ?? null, disability: e.disability ?? null };
          }),
        ),
      ],
    );
  }
}
