/**
 * Key dates and tasks on a case: limitation dates, hearings, deadlines and tasks for an adviser,
 * each with a due date and a done state. key_date_changes keeps one row per change (added, changed,
 * done, reopened, removed) with what the date said and who changed it, and is not tied to the key
 * date's row, so a removed limitation date is still shown on the case. Both belong to the case
 * (composite key, cascade). Value lists are written out: a migration is a snapshot.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

const common = `
  id uuid PRIMARY KEY DEFAULT uuidv7(),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  organisation_id uuid NOT NULL,
  case_id uuid NOT NULL,
  FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE`;
const content = `
  kind text NOT NULL CHECK (kind IN ('limitation', 'hearing', 'deadline', 'task')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  due_on date NOT NULL CHECK (due_on >= '1990-01-01'),
  assignee_id uuid,
  done_on date`;

export class KeyDates1764200000200 implements MigrationInterface {
  name = 'KeyDates1764200000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE key_dates (${common},
        ${content},
        note text CHECK (length(note) <= 2000),
        created_by_id uuid NOT NULL,
        UNIQUE (organisation_id, id),
        FOREIGN KEY (organisation_id, assignee_id) REFERENCES users(organisation_id, id),
        FOREIGN KEY (organisation_id, created_by_id) REFERENCES users(organisation_id, id)
      )`);
    await q.query(`CREATE INDEX key_dates_case_idx ON key_dates (organisation_id, case_id)`);
    // My cases and the overdue view read open dates by due date.
    await q.query(`CREATE INDEX key_dates_open_idx ON key_dates (organisation_id, due_on) WHERE done_on IS NULL`);
    await q.query(`
      CREATE TABLE key_date_changes (${common},
        key_date_id uuid NOT NULL,
        change text NOT NULL CHECK (change IN ('added', 'changed', 'done', 'reopened', 'removed')),
        ${content},
        previous_title text,
        previous_due_on date,
        changed_by_id uuid NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (organisation_id, assignee_id) REFERENCES users(organisation_id, id),
        FOREIGN KEY (organisation_id, changed_by_id) REFERENCES users(organisation_id, id)
      )`);
    await q.query(`CREATE INDEX key_date_changes_case_idx ON key_date_changes (organisation_id, case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE key_date_changes`);
    await q.query(`DROP TABLE key_dates`);
  }
}
