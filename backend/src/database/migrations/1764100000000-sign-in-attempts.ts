/**
 * Sign-in throttling by account and source together. One row per (email, source) —
 * and one per source with email '' for failures across accounts — counts attempts since the last
 * success and says when the next may be checked. The old per-failure rows are dropped: they were
 * read and written in separate statements, so parallel guesses slipped past the limit, and the
 * per-account lock let anyone lock anyone out.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SignInAttempts1764100000000 implements MigrationInterface {
  name = 'SignInAttempts1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sign_in_attempts (
        email text NOT NULL,
        source text NOT NULL,
        attempts integer NOT NULL,
        last_attempt_at timestamptz NOT NULL DEFAULT now(),
        next_allowed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (email, source)
      )`);
    await q.query(`CREATE INDEX sign_in_attempts_last_idx ON sign_in_attempts (last_attempt_at)`);
    await q.query(`DROP TABLE sign_in_failures`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sign_in_failures (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email text NOT NULL,
        ip text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sign_in_failures_email_idx ON sign_in_failures (email, at)`);
    await q.query(`CREATE INDEX sign_in_failures_ip_idx ON sign_in_failures (ip, at)`);
    await q.query(`DROP TABLE sign_in_attempts`);
  }
}
