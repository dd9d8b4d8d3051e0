/**
 * Case notes: attendance notes and file notes on a case, with every version kept. case_notes holds
 * the note as it now reads; case_note_revisions one row per version (the first written with the
 * note, one more on each edit), each with who wrote it and when, so the history is never lost.
 *
 * A note may be linked to a time entry of the same case (an attendance note and its time are one
 * action): the key (organisation_id, case_id, time_entry_id) refers to time_entries, so an entry
 * of another case or organisation is refused by the database; removing the entry unlinks the note.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen as they were when this migration was written (a later change to a list is a new migration;
// database/schema.e2e.spec.ts compares every such constraint with the shared enumerations).
const NOTE_KINDS = ['attendance', 'file'];
const MAX_NOTE_LENGTH = 20000;

const kinds = NOTE_KINDS.map((k) => `'${k}'`).join(', ');
const common = `
  id uuid PRIMARY KEY DEFAULT uuidv7(),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  organisation_id uuid NOT NULL,
  case_id uuid NOT NULL,
  FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE`;
const content = `
  kind text NOT NULL CHECK (kind IN (${kinds})),
  "on" date NOT NULL CHECK ("on" >= '1990-01-01'),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND ${MAX_NOTE_LENGTH}),
  time_entry_id uuid`;

export class CaseNotes1764100000400 implements MigrationInterface {
  name = 'CaseNotes1764100000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE time_entries ADD CONSTRAINT time_entries_case_key UNIQUE (organisation_id, case_id, id)`,
    );
    await q.query(`
      CREATE TABLE case_notes (${common},
        ${content},
        author_id uuid NOT NULL,
        edited_by_id uuid,
        UNIQUE (organisation_id, id),
        FOREIGN KEY (organisation_id, case_id, time_entry_id)
          REFERENCES time_entries(organisation_id, case_id, id) ON DELETE SET NULL (time_entry_id),
        FOREIGN KEY (organisation_id, author_id) REFERENCES users(organisation_id, id),
        FOREIGN KEY (organisation_id, edited_by_id) REFERENCES users(organisation_id, id)
      )`);
    await q.query(`CREATE INDEX case_notes_case_idx ON case_notes (organisation_id, case_id)`);
    await q.query(
      `CREATE INDEX case_notes_time_entry_idx ON case_notes (time_entry_id) WHERE time_entry_id IS NOT NULL`,
    );
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX case_notes_body_trgm_idx ON case_notes USING gin (body gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE case_note_revisions (${common},
        note_id uuid NOT NULL,
        revision integer NOT NULL CHECK (revision >= 1),
        ${content},
        written_by_id uuid NOT NULL,
        written_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (note_id, revision),
        FOREIGN KEY (organisation_id, note_id) REFERENCES case_notes(organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, written_by_id) REFERENCES users(organisation_id, id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_note_revisions`);
    await q.query(`DROP TABLE case_notes`);
    await q.query(`ALTER TABLE time_entries DROP CONSTRAINT time_entries_case_key`);
  }
}
