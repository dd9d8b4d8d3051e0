/**
 * The migrations write their enumerations out as literal lists (a migration is a snapshot: it must
 * build the same database whenever it runs). This test is what keeps those lists and the shared
 * enumerations the code validates with from drifting apart: every CHECK constraint that limits a
 * column to a list of values must hold exactly the values of its shared enumeration. A change to an
 * enumeration without a migration that changes the constraint fails here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  DOCUMENT_SOURCES,
  DOCUMENT_TYPES,
  FILE_REVIEW_OUTCOMES,
  SHIPPED_LETTER_KEYS,
  ACTIVITIES,
  APPEAL_NOT_PURSUED_REASONS,
  APPEAL_STATUSES,
  ARRIVAL_ROUTES,
  AUDIT_ACTIONS,
  BENEFIT_TYPES,
  CATEGORIES,
  CONFLICT_RESULTS,
  CONFLICT_SUBJECTS,
  CONTACT_CHANNELS,
  DISCLOSURES,
  FEEDBACK_SOURCES,
  FUNDING_STREAMS,
  EARLIEST_BIRTH_DATE,
  EARLIEST_CASE_DATE,
  KEY_DATE_CHANGES,
  KEY_DATE_KINDS,
  MAIL_KINDS,
  MAIL_STATUSES,
  MAX_AMOUNT_GBP,
  MAX_MINUTES,
  MAX_NOTE_LENGTH,
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
  ROLES,
  TIME_CLASSES,
  VULNERABILITIES,
} from '@deepvalue/shared';
import { createHarness, type Harness } from '../../test/harness.js';
import { dumpSchema } from './schema-dump.js';

/** table.column → the shared enumeration its CHECK constraint must list. */
const ENUM_COLUMNS: Record<string, readonly string[]> = {
  'users.role': ROLES,
  'clients.vulnerabilities': VULNERABILITIES,
  'clients.preferred_channel': CONTACT_CHANNELS,
  'cases.category': CATEGORIES,
  'subcategories.category': CATEGORIES,
  'cases.funding_stream': FUNDING_STREAMS,
  'cases.arrival_route': ARRIVAL_ROUTES,
  'time_entries.class': TIME_CLASSES,
  'time_entries.activity': ACTIVITIES,
  'time_entries.mode': MODES,
  'adviser_assessments.disclosure': DISCLOSURES,
  'feedback.source': FEEDBACK_SOURCES,
  'underlying_problems.action': PROBLEM_ACTIONS,
  'underlying_problems.category': CATEGORIES,
  'underlying_problems.result': OUTCOME_RESULTS,
  'referrals.direction': REFERRAL_DIRECTIONS,
  'referrals.kind': REFERRAL_KINDS,
  'outcomes.result': OUTCOME_RESULTS,
  'outcomes.appeal': APPEAL_STATUSES,
  'outcomes.appeal_not_pursued_reason': APPEAL_NOT_PURSUED_REASONS,
  'outcome_benefits.type': BENEFIT_TYPES,
  'follow_ups.recontact': RECONTACTS,
  'fee_rates.category': CATEGORIES,
  'case_notes.kind': NOTE_KINDS,
  'case_note_revisions.kind': NOTE_KINDS,
  'case_parties.role': PARTY_ROLES,
  'case_parties.opponent_type': OPPONENT_TYPES,
  'case_parties.kind': PARTY_KINDS,
  'conflict_checks.subject': CONFLICT_SUBJECTS,
  'conflict_checks.result': CONFLICT_RESULTS,
  'key_dates.kind': KEY_DATE_KINDS,
  'key_date_changes.kind': KEY_DATE_KINDS,
  'key_date_changes.change': KEY_DATE_CHANGES,
  'case_documents.content_type': DOCUMENT_TYPES,
  'case_documents.source': DOCUMENT_SOURCES,
  'letter_templates.key': SHIPPED_LETTER_KEYS,
  'file_reviews.outcome': FILE_REVIEW_OUTCOMES,
  'outbox_messages.kind': MAIL_KINDS,
  'outbox_messages.status': MAIL_STATUSES,
  'audit_log.action': AUDIT_ACTIONS,
};

/** Lists that are not a shared enumeration (they are named only here and in their migration). */
const OTHER_LISTS = new Set(['organisations.kind', 'import_jobs.status', 'password_tokens.purpose']);

/** constraint → what PostgreSQL prints for it when it holds the shared limit (shared/src/limits.ts). */
const LIMIT_CONSTRAINTS: Record<string, string> = {
  time_entries_minutes_check: `CHECK (((minutes >= 1) AND (minutes <= ${MAX_MINUTES})))`,
  time_entries_note_check: `CHECK ((length(note) <= ${MAX_SHORT_TEXT_LENGTH}))`,
  referrals_note_check: `CHECK ((length(note) <= ${MAX_SHORT_TEXT_LENGTH}))`,
  key_dates_note_check: `CHECK ((length(note) <= ${MAX_SHORT_TEXT_LENGTH}))`,
  case_notes_body_check: `CHECK (((length(body) >= 1) AND (length(body) <= ${MAX_NOTE_LENGTH})))`,
  cases_opened_on_check: `CHECK ((opened_on >= '${EARLIEST_CASE_DATE}'::date))`,
  time_entries_on_check: `CHECK (("on" >= '${EARLIEST_CASE_DATE}'::date))`,
  clients_date_of_birth_check: `CHECK ((date_of_birth >= '${EARLIEST_BIRTH_DATE}'::date))`,
  outcome_benefits_amount_gbp_check: `CHECK (((amount_gbp >= (0)::numeric) AND (amount_gbp < (${MAX_AMOUNT_GBP})::numeric)))`,
};

interface ListConstraint {
  table: string;
  column: string;
  values: string[];
}

describe('the schema’s value lists', () => {
  let h: Harness;
  let lists: ListConstraint[];

  beforeAll(async () => {
    h = await createHarness();
    const rows: Array<{ table: string; column: string | null; def: string }> = await h.dataSource.query(`
      SELECT c.conrelid::regclass::text AS table,
             (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.conrelid AND a.attnum = c.conkey[1]) AS column,
             pg_get_constraintdef(c.oid) AS def
        FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
       WHERE c.contype = 'c' AND n.nspname = 'public' AND cardinality(c.conkey) = 1
       ORDER BY 1, 2`);
    // PostgreSQL prints `col IN ('a', 'b')` as `(col = ANY (ARRAY['a'::text, 'b'::text]))` and
    // `col <@ ARRAY['a', 'b']` with the same array; a list is an array of two or more text literals.
    lists = rows.flatMap(({ table, column, def }) => {
      const array = /ARRAY\[((?:'[^']*'::text(?:, )?){2,})\]/.exec(def);
      if (!array || !column) return [];
      return [{ table, column, values: [...array[1].matchAll(/'([^']*)'::text/g)].map((m) => m[1]) }];
    });
  });
  afterAll(() => h.close());

  it('finds the constraints it checks (the parser reads what PostgreSQL prints)', () => {
    const found = new Set(lists.map((l) => `${l.table}.${l.column}`));
    for (const name of Object.keys(ENUM_COLUMNS)) expect(found).toContain(name);
  });

  it('lists exactly the values of each shared enumeration, in any order', () => {
    for (const { table, column, values } of lists) {
      const name = `${table}.${column}`;
      if (OTHER_LISTS.has(name)) continue;
      const expected = ENUM_COLUMNS[name];
      expect({ name, known: expected !== undefined }).toEqual({ name, known: true });
      expect({ name, values: [...values].sort() }).toEqual({ name, values: [...expected].sort() });
    }
  });

  it('holds the limits the API, the importer and the forms validate with (shared/src/limits.ts)', async () => {
    const rows: Array<{ name: string; def: string }> = await h.dataSource.query(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = ANY($1)`,
      [Object.keys(LIMIT_CONSTRAINTS)],
    );
    const found = Object.fromEntries(rows.map((r) => [r.name, r.def]));
    expect(found).toEqual(LIMIT_CONSTRAINTS);
  });

  it('is the schema written in schema.sql (regenerate it with `npm run schema:update -w backend`)', async () => {
    const file = new URL('./schema.sql', import.meta.url);
    const built = await dumpSchema(h.dataSource);
    if (process.env.DEEPVALUE_WRITE_SCHEMA === '1') writeFileSync(file, built);
    expect(built).toEqual(readFileSync(file, 'utf8'));
  });
});
