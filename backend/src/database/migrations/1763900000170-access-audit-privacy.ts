/**
 * Access, audit and privacy: two-factor state on users, failed sign-ins (the lockout counter is in
 * the database so it holds across processes), one-time set-password tokens, and an index to find
 * audit entries about a record (subject access).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccessAuditPrivacy1763900000170 implements MigrationInterface {
  name = 'AccessAuditPrivacy1763900000170';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN totp_enabled boolean NOT NULL DEFAULT false,
        ADD COLUMN totp_pending_secret text,
        ADD COLUMN totp_last_step bigint,
        ADD CONSTRAINT users_totp_enabled_has_secret CHECK (NOT totp_enabled OR totp_secret IS NOT NULL)`);
    await q.query(`
      CREATE TABLE sign_in_failures (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email text NOT NULL,
        ip text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sign_in_failures_email_idx ON sign_in_failures (email, at)`);
    await q.query(`CREATE INDEX sign_in_failures_ip_idx ON sign_in_failures (ip, at)`);
    await q.query(`
      CREATE TABLE password_tokens (
        id text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('invite', 'reset')),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX password_tokens_user_idx ON password_tokens (user_id)`);
    await q.query(`CREATE INDEX audit_log_entity_ids_idx ON audit_log USING gin (entity_ids)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_log_entity_ids_idx`);
    await q.query(`DROP TABLE password_tokens`);
    await q.query(`DROP TABLE sign_in_failures`);
    await q.query(`
      ALTER TABLE users DROP CONSTRAINT users_totp_enabled_has_secret,
        DROP COLUMN totp_last_step, DROP COLUMN totp_pending_secret, DROP COLUMN totp_enabled`);
  }
}
