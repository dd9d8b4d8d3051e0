/** One-use, expiring links that let a client fill in the feedback form themselves, without signing in. */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FeedbackLinks1763900000400 implements MigrationInterface {
  name = 'FeedbackLinks1763900000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE feedback_links (
        token_hash text PRIMARY KEY,
        organisation_id uuid NOT NULL,
        case_id uuid NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX feedback_links_case_idx ON feedback_links (organisation_id, case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE feedback_links`);
  }
}
