/**
 * Audit rows are linked into their organisation's hash chain when the transaction commits, not when
 * they are written (docs/decisions.md, the write path). Linking takes the chain head's row lock (migration 1764200000500), so
 * every audited write of an organisation waits for the one before it to commit; linked mid-transaction,
 * the lock was held while the app sent its remaining statements and the COMMIT, which on a busy
 * server is most of a request. Now the app writes to `audit_pending`, and a deferred constraint
 * trigger moves each row into `audit_log` (where audit_log_link chains it, exactly as before) as the
 * transaction commits: the lock is held for the move and the commit only. The rows still commit or
 * roll back with the change they record; an autocommitted row is moved at the end of its statement.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditAtCommit1764300000200 implements MigrationInterface {
  name = 'AuditAtCommit1764300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_pending (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organisation_id uuid,
        user_id uuid,
        action text NOT NULL,
        entity text,
        entity_ids text[] NOT NULL DEFAULT '{}',
        ip text,
        details jsonb
      )`);
    await q.query(`
      CREATE FUNCTION audit_pending_move() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_log (organisation_id, user_id, action, entity, entity_ids, ip, details)
        VALUES (NEW.organisation_id, NEW.user_id, NEW.action, NEW.entity, NEW.entity_ids, NEW.ip, NEW.details);
        DELETE FROM audit_pending WHERE id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER audit_pending_move AFTER INSERT ON audit_pending
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_pending_move()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_pending`);
    await q.query(`DROP FUNCTION audit_pending_move()`);
  }
}
