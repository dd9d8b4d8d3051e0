/**
 * Platform tables: sessions, the append-only audit log, idempotency keys, commissioner shares and
 * import jobs. The audit log refuses UPDATE, DELETE and TRUNCATE in the database itself.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlatformSchema1763900000001 implements MigrationInterface {
  name = 'PlatformSchema1763900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sessions (
        id text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        second_factor_pending boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ip text,
        user_agent text
      )`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organisation_id uuid,
        user_id uuid,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        action text NOT NULL CHECK (action IN ('read', 'create', 'update', 'delete', 'export', 'sign_in', 'failed_sign_in', 'sign_out', 'erase', 'import', 'share', 'admin')),
        entity text,
        entity_ids text[] NOT NULL DEFAULT '{}',
        ip text,
        details jsonb
      )`);
    await q.query(`CREATE INDEX audit_log_org_idx ON audit_log (organisation_id, at DESC)`);
    await q.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        method text NOT NULL,
        path text NOT NULL,
        request_hash text NOT NULL,
        status_code integer,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, key)
      )`);
    await q.query(`
      CREATE TABLE organisation_shares (
        provider_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        commissioner_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        CHECK (provider_id <> commissioner_id),
        PRIMARY KEY (provider_id, commissioner_id)
      )`);
    await q.query(`CREATE INDEX organisation_shares_commissioner_idx ON organisation_shares (commissioner_id)`);
    await q.query(`
      CREATE TABLE import_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid REFERENCES organisations(id) ON DELETE CASCADE,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        cases_read integer NOT NULL DEFAULT 0,
        cases_total integer,
        errors jsonb NOT NULL DEFAULT '[]',
        summary jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_jobs`);
    await q.query(`DROP TABLE organisation_shares`);
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_is_append_only()`);
    await q.query(`DROP TABLE sessions`);
  }
}
