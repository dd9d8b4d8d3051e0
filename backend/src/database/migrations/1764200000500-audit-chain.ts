/**
 * The audit log proves itself: every row carries its place in its organisation's chain
 * (`chain_seq`, 1, 2, 3…), the previous row's hash and its own hash, sha256(prev_hash || content).
 * Rows without an organisation (e.g. a failed sign-in for an unknown email) form one more chain
 * under the nil uuid. A BEFORE INSERT trigger links each row, whoever inserts it; it locks the
 * chain's head row (`audit_chain_heads`) until the transaction ends, so concurrent writers queue
 * per organisation instead of forking the chain. The trigger runs as the owner (SECURITY
 * DEFINER): the app's own role needs no rights on the heads. Existing rows are chained here in id
 * order. `npm run deepvalue -- audit verify` recomputes the chains (audit/audit-chain.ts holds the
 * same content encoding in TypeScript).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditChain1764200000500 implements MigrationInterface {
  name = 'AuditChain1764200000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_log ADD COLUMN chain_seq bigint, ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea`);
    await q.query(`
      CREATE TABLE audit_chain_heads (
        organisation_id uuid PRIMARY KEY,
        seq bigint NOT NULL,
        hash bytea NOT NULL
      )`);
    // One field: 'N' for NULL, else 'S', its length in UTF-8 bytes, ':' and the text — unambiguous.
    await q.query(`
      CREATE FUNCTION audit_log_field(value text) RETURNS text LANGUAGE sql IMMUTABLE
      AS $$ SELECT CASE WHEN value IS NULL THEN 'N' ELSE 'S' || octet_length(convert_to(value, 'UTF8')) || ':' || value END $$`);
    await q.query(`
      CREATE FUNCTION audit_log_content(a audit_log) RETURNS text LANGUAGE sql STABLE
      SET search_path = pg_catalog, public
      AS $$ SELECT audit_log_field(a.chain_seq::text) || audit_log_field(a.id::text)
        || audit_log_field(a.organisation_id::text) || audit_log_field(a.user_id::text)
        || audit_log_field(to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
        || audit_log_field(a.action) || audit_log_field(a.entity) || audit_log_field(a.entity_ids::text)
        || audit_log_field(a.ip) || audit_log_field(a.details::text) $$`);
    await q.query(`
      CREATE FUNCTION audit_log_link() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
      DECLARE
        chain uuid := coalesce(NEW.organisation_id, '00000000-0000-0000-0000-000000000000');
        head audit_chain_heads%ROWTYPE;
      BEGIN
        SELECT * INTO head FROM audit_chain_heads WHERE organisation_id = chain FOR UPDATE;
        IF NOT FOUND THEN
          INSERT INTO audit_chain_heads (organisation_id, seq, hash)
          VALUES (chain, 0, '\\x0000000000000000000000000000000000000000000000000000000000000000')
          ON CONFLICT DO NOTHING;
          SELECT * INTO head FROM audit_chain_heads WHERE organisation_id = chain FOR UPDATE;
        END IF;
        NEW.chain_seq := head.seq + 1;
        NEW.prev_hash := head.hash;
        NEW.hash := sha256(NEW.prev_hash || convert_to(audit_log_content(NEW), 'UTF8'));
        UPDATE audit_chain_heads SET seq = NEW.chain_seq, hash = NEW.hash WHERE organisation_id = chain;
        RETURN NEW;
      END $$`);

    // Chain the rows already written, oldest first.
    await q.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await q.query(`
      DO $$
      DECLARE
        r audit_log;
        chain uuid;
        current_chain uuid;
        seq bigint;
        prev bytea;
      BEGIN
        FOR r IN SELECT * FROM audit_log
                 ORDER BY coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'), id LOOP
          chain := coalesce(r.organisation_id, '00000000-0000-0000-0000-000000000000');
          IF current_chain IS DISTINCT FROM chain THEN
            IF current_chain IS NOT NULL THEN
              INSERT INTO audit_chain_heads VALUES (current_chain, seq, prev);
            END IF;
            current_chain := chain;
            seq := 0;
            prev := '\\x0000000000000000000000000000000000000000000000000000000000000000';
          END IF;
          seq := seq + 1;
          r.chain_seq := seq;
          r.prev_hash := prev;
          r.hash := sha256(prev || convert_to(audit_log_content(r), 'UTF8'));
          UPDATE audit_log SET chain_seq = r.chain_seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
          prev := r.hash;
        END LOOP;
        IF current_chain IS NOT NULL THEN
          INSERT INTO audit_chain_heads VALUES (current_chain, seq, prev);
        END IF;
      END $$`);
    await q.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    await q.query(`
      ALTER TABLE audit_log ALTER COLUMN chain_seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL,
        ALTER COLUMN hash SET NOT NULL`);
    await q.query(`CREATE INDEX audit_log_chain_idx ON audit_log (organisation_id, chain_seq)`);
    await q.query(`
      CREATE TRIGGER audit_log_link BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_link()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_log_link ON audit_log`);
    await q.query(`DROP FUNCTION audit_log_link()`);
    await q.query(`DROP INDEX audit_log_chain_idx`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN chain_seq, DROP COLUMN prev_hash, DROP COLUMN hash`);
    await q.query(`DROP FUNCTION audit_log_content(audit_log)`);
    await q.query(`DROP FUNCTION audit_log_field(text)`);
    await q.query(`DROP TABLE audit_chain_heads`);
  }
}
