/**
 * Supervision: a manager's file review of a case — when, by whom, the outcome and
 * the actions agreed. Rows belong to the case (composite key, cascade). Value lists written out.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FileReviews1764300300200 implements MigrationInterface {
  name = 'FileReviews1764300300200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE file_reviews (
        id uuid PRIMARY KEY DEFAULT uuidv7(),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        organisation_id uuid NOT NULL,
        case_id uuid NOT NULL,
        reviewed_on date NOT NULL CHECK (reviewed_on >= '1990-01-01'),
        reviewer_id uuid NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('satisfactory', 'actions_needed', 'unsatisfactory')),
        actions text CHECK (length(actions) <= 2000),
        UNIQUE (organisation_id, id),
        FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, reviewer_id) REFERENCES users(organisation_id, id)
      )`);
    await q.query(`CREATE INDEX file_reviews_case_idx ON file_reviews (organisation_id, case_id, reviewed_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE file_reviews`);
  }
}
