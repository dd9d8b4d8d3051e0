/**
 * Claiming an Idempotency-Key in one round trip (docs/decisions.md, the write path): `idempotency_claim` returns the stored
 * response of a committed request with the key (no lock needed: a committed response is final);
 * otherwise tries the key's transaction-scoped advisory lock and, holding it, looks again with a
 * new snapshot (the holder may have committed in between). No row back: another request holds
 * the key. The key's row itself is written once, with its response, when the request commits.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyClaim1764300000100 implements MigrationInterface {
  name = 'IdempotencyClaim1764300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION idempotency_claim(org uuid, idempotency_key text, lifetime_hours integer)
      RETURNS TABLE (claimed boolean, method text, path text, request_hash text, status_code integer, response jsonb)
      LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        RETURN QUERY SELECT false, k.method, k.path, k.request_hash, k.status_code, k.response FROM idempotency_keys k
          WHERE k.organisation_id = org AND k.key = idempotency_key AND k.status_code IS NOT NULL
            AND k.created_at >= now() - make_interval(hours => lifetime_hours);
        IF FOUND THEN RETURN; END IF;
        IF NOT pg_try_advisory_xact_lock(hashtext(org::text), hashtext(idempotency_key)) THEN RETURN; END IF;
        RETURN QUERY SELECT false, k.method, k.path, k.request_hash, k.status_code, k.response FROM idempotency_keys k
          WHERE k.organisation_id = org AND k.key = idempotency_key AND k.status_code IS NOT NULL
            AND k.created_at >= now() - make_interval(hours => lifetime_hours);
        IF FOUND THEN RETURN; END IF;
        RETURN QUERY SELECT true, NULL::text, NULL::text, NULL::text, NULL::integer, NULL::jsonb;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION idempotency_claim(uuid, text, integer)`);
  }
}
