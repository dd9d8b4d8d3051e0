/**
 * Erasure leaves no free text behind. The columns are found in the schema, not listed here: every
 * text-like column of every table that holds a client's records (clients, and every table whose
 * foreign keys lead to clients or cases) gets a marker, the client is erased, and the marker must
 * survive nowhere — not in any table of the database (audit log included) and not in the case API,
 * the subject access report or the casework export. A free-text column added later fails this test
 * until erasure handles it (or it is listed below with a reason).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { makeCasework } from '../casework/testing/casework-fixture.js';

/**
 * Columns that cannot hold what someone typed. `refused`: a CHECK constraint allows only a fixed
 * set or format of values — the test proves the database refuses the marker. The others say why.
 */
const EXCLUDED: Record<string, { refused: true } | { reason: string }> = {
  'clients.postcode_district': { refused: true }, // an outward code (^[A-Z]{1,2}[0-9][A-Z0-9]?$), cleared anyway
  'clients.vulnerabilities': { refused: true },
  'clients.preferred_channel': { refused: true },
  'cases.category': { refused: true },
  'cases.funding_stream': { refused: true },
  'cases.arrival_route': { refused: true },
  'time_entries.class': { refused: true },
  'time_entries.activity': { refused: true },
  'time_entries.mode': { refused: true },
  'feedback.source': { refused: true },
  'adviser_assessments.disclosure': { refused: true },
  'underlying_problems.category': { refused: true },
  'underlying_problems.action': { refused: true },
  'underlying_problems.result': { refused: true },
  'referrals.direction': { refused: true },
  'referrals.kind': { refused: true },
  'outcomes.result': { refused: true },
  'outcomes.appeal': { refused: true },
  'outcomes.appeal_not_pursued_reason': { refused: true },
  'outcome_benefits.type': { refused: true },
  'follow_ups.recontact': { refused: true },
  'case_notes.kind': { refused: true },
  'case_note_revisions.kind': { refused: true },
  'case_parties.role': { refused: true },
  'case_parties.opponent_type': { refused: true },
  'case_parties.kind': { refused: true },
  'case_parties.postcode_district': { refused: true },
  'conflict_checks.subject': { refused: true },
  'conflict_checks.searched_postcode_district': { refused: true },
  'conflict_checks.matches': { refused: true }, // a JSON array of ids, scores and field names (CHECK jsonb_typeof)
  'conflict_checks.result': { refused: true },
  'key_dates.kind': { refused: true },
  'key_date_changes.kind': { refused: true },
  'key_date_changes.change': { refused: true },
  'case_documents.content_type': { refused: true },
  'case_documents.sha256': { refused: true }, // 64 hex digits (CHECK)
  'case_documents.source': { refused: true },
  'file_reviews.outcome': { refused: true },
  // Legal aid codes: the app checks each against the code lists; the columns hold at most 10
  // characters (the category a lower-case key), so no typed text fits. UFN and postcode are cleared too.
  'case_legal_aid.category_of_law': { refused: true },
  'case_legal_aid.ufn': { refused: true },
  'case_legal_aid.matter_type_1': { refused: true },
  'case_legal_aid.matter_type_2': { refused: true },
  'case_legal_aid.stage_reached': { refused: true },
  'case_legal_aid.outcome_code': { refused: true },
  'case_legal_aid.fee_code': { refused: true },
  'case_legal_aid.exemption_criteria': { refused: true },
  'case_legal_aid.access_point': { refused: true },
  'case_legal_aid.procurement_area': { refused: true },
  'case_legal_aid.client_postcode': { refused: true },
  'clients.equality_gender': { refused: true },
  'clients.equality_ethnicity': { refused: true },
  'clients.equality_disability': { refused: true },
  'feedback.items': {
    reason:
      'scores 1–5 (CHECK feedback_scores_valid) keyed by the organisation’s feedback item keys, which the API and imports check; report facts rest on them',
  },
  'feedback_links.token_hash': { reason: 'a SHA-256 of a random token, never typed by anyone' },
  // case_facts is computed by the database from the enumerated case columns above; nobody types into it.
  'case_facts.category': { reason: 'derived from cases.category' },
  'case_facts.funding_stream': { reason: 'derived from cases.funding_stream' },
  'case_facts.arrival_route': { reason: 'derived from cases.arrival_route' },
  'case_facts.vulnerabilities': { reason: 'derived from clients.vulnerabilities' },
  'case_facts.disclosure': { reason: 'derived from adviser_assessments.disclosure' },
  'case_facts.result': { reason: 'derived from outcomes.result' },
  'case_facts.appeal': { reason: 'derived from outcomes.appeal' },
  'case_facts.benefit_types': { reason: 'derived from outcome_benefits.type' },
};

interface Column {
  table: string;
  column: string;
  type: string;
}

describe('erasure clears every free-text column of the client’s records', () => {
  let h: Harness;
  let orgId: string;
  let manager: TestUser;

  beforeAll(async () => {
    h = await createHarness();
    orgId = (await h.makeOrganisation()).id;
    manager = await h.makeUser(orgId, 'manager');
  });
  afterAll(() => h.close());

  /** Tables whose rows belong to a client: clients, and every table whose foreign keys lead there. */
  const clientTables = async (): Promise<string[]> => {
    const rows: Array<{ name: string }> = await h.dataSource.query(`
      WITH RECURSIVE t(rel) AS (
        SELECT 'clients'::regclass
        UNION
        SELECT c.conrelid FROM pg_constraint c JOIN t ON c.confrelid = t.rel WHERE c.contype = 'f' AND c.conrelid <> t.rel
      )
      SELECT rel::regclass::text AS name FROM t ORDER BY 1`);
    return rows.map((r) => r.name);
  };

  /** Every column of those tables that can hold text: text, varchar, char, arrays of them, json. */
  const textColumns = async (tables: string[]): Promise<Column[]> =>
    h.dataSource.query(
      `SELECT table_name AS "table", column_name AS "column", data_type AS "type"
       FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = ANY($1)
         AND (data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
              OR (data_type = 'ARRAY' AND udt_name IN ('_text', '_varchar', '_bpchar')))
         AND is_generated = 'NEVER'
       ORDER BY 1, 2`,
      [tables],
    );

  /** The rows of `table` that belong to the client. */
  const ownRows = (table: string) =>
    table === 'clients'
      ? `id = $2::uuid AND $3::uuid[] IS NOT NULL`
      : table === 'cases'
        ? `client_id = $2::uuid AND $3::uuid[] IS NOT NULL`
        : `$2::uuid IS NOT NULL AND case_id = ANY($3::uuid[])`;

  const write = (c: Column, value: string, clientId: string, caseIds: string[]) => {
    const literal = c.type === 'ARRAY' ? `ARRAY[$1::text]` : c.type.startsWith('json') ? `to_jsonb($1::text)` : `$1`;
    return h.dataSource.query(
      `UPDATE ${c.table} SET "${c.column}" = ${literal} WHERE ${ownRows(c.table)} RETURNING 1`,
      [value, clientId, caseIds],
    );
  };

  it('finds no marker anywhere after erasure', async () => {
    const data = await makeCasework(h.dataSource, orgId);
    await h.dataSource.query(
      `INSERT INTO feedback_links (token_hash, organisation_id, case_id, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')`,
      [randomBytes(32).toString('hex'), orgId, data.caseId],
    );
    const caseIds = [data.caseId];
    const tables = await clientTables();
    expect(tables).toEqual(expect.arrayContaining(['clients', 'cases', 'time_entries', 'feedback', 'referrals']));
    const columns = await textColumns(tables);

    const stale = Object.keys(EXCLUDED).filter((key) => !columns.some((c) => `${c.table}.${c.column}` === key));
    expect(stale).toEqual([]); // an exclusion for a column that no longer exists

    const marker = `MK${randomBytes(4).toString('hex')}`;
    const written: Record<string, string> = {};
    for (const [i, c] of columns.entries()) {
      const key = `${c.table}.${c.column}`;
      const value = `${marker}-${i}-`; // delimited: '-1-' is not inside '-12-'
      const excluded = EXCLUDED[key];
      if (excluded && 'refused' in excluded) {
        await expect(write(c, value, data.clientId, caseIds)).rejects.toThrow(/check constraint/);
        continue;
      }
      if (excluded) continue;
      const rows = await write(c, value, data.clientId, caseIds);
      expect([key, rows.length]).not.toEqual([key, 0]); // the fixture has a row to write into
      written[value] = key;
    }
    expect(Object.values(written)).toEqual(
      expect.arrayContaining([
        'cases.subcategory',
        'clients.first_name',
        'clients.contact_note',
        'clients.interpreter_language',
        'clients.other_adaptations',
        'time_entries.note',
        'referrals.note',
        'case_notes.body',
        'case_note_revisions.body',
        'case_parties.name',
        'case_parties.pass_phrase',
        'case_parties.note',
        'conflict_checks.searched_name',
        'conflict_checks.reason',
        'key_dates.title',
        'key_dates.note',
        'key_date_changes.title',
        'key_date_changes.previous_title',
        'case_documents.file_name',
        'file_reviews.actions',
      ]),
    );
    // The API path too, so any copy it makes (audit details, stored replies) is checked as well.
    await h
      .as(manager)
      .post(`/api/cases/${data.caseId}/time-entries`)
      .send({
        on: '2025-01-06',
        minutes: 30,
        class: 'relationship',
        activity: 'advice_session',
        mode: 'phone',
        note: `${marker}-api-`,
      })
      .expect(201);
    written[`${marker}-api-`] = 'time_entries.note (via the API)';

    await h.as(manager).post(`/api/clients/${data.clientId}/erase`).expect(200);

    const survivors = (text: string) =>
      Object.entries(written)
        .filter(([value]) => text.includes(value))
        .map(([, key]) => key);
    const all: Array<{ table: string }> = await h.dataSource.query(
      `SELECT table_name AS "table" FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const found: string[] = [];
    for (const { table } of all) {
      const rows: Array<{ row: string }> = await h.dataSource.query(
        `SELECT t::text AS row FROM "${table}" t WHERE strpos(t::text, $1) > 0`,
        [marker],
      );
      for (const { row } of rows)
        found.push(...(survivors(row).length ? survivors(row) : ['marker']).map((key) => `${key} in ${table}`));
    }
    expect(found).toEqual([]);

    const kase = await h.as(manager).get(`/api/cases/${data.caseId}`).expect(200);
    expect(survivors(JSON.stringify(kase.body))).toEqual([]);
    const sar = await h.as(manager).get(`/api/clients/${data.clientId}/subject-access`).expect(200);
    expect(survivors(JSON.stringify(sar.body))).toEqual([]);
    const sarHtml = await h.as(manager).get(`/api/clients/${data.clientId}/subject-access.html`).expect(200);
    expect(survivors(sarHtml.text)).toEqual([]);
    const exported = await h.as(manager).get(`/api/exports/casework?format=ndjson`).expect(200);
    const [{ ref }] = await h.dataSource.query(`SELECT ref FROM cases WHERE id = $1`, [data.caseId]);
    expect(exported.text).toContain(ref); // the erased case is in the export
    expect(survivors(exported.text)).toEqual([]);
  });
});
