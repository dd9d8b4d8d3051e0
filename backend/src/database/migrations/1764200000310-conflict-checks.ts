/**
 * Conflict checks. Before acting for a client, and when adding a party, the adviser searches the
 * organisation's clients and parties by name (typo-tolerant, either order: pg_trgm similarity,
 * which compares the sets of three-letter pieces of each word, so "Smith John" matches "John
 * Smyth"), date of birth and postcode district, and records what they decided.
 *
 * Indexes for that search (target p95 ≤ 50 ms over 1,000,000 clients and 1,000,000 parties):
 * a trigram GIN index on each name as the search normalises it (lower-case, first name then last
 * name), and a b-tree on (organisation, date of birth) so an exact date finds its people directly.
 * A postcode district only ranks results (a district holds thousands of people), so it has none.
 *
 * conflict_checks keeps what was searched, what the search found (ids, scores and the fields that
 * matched — never names, so a match's name is always read as it is now, and an erased client's
 * name cannot survive in another case's check), the decision, its reason, who and when.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConflictChecks1764200000310 implements MigrationInterface {
  name = 'ConflictChecks1764200000310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE INDEX clients_search_name_trgm_idx ON clients
        USING gin ((lower(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))) gin_trgm_ops)`);
    await q.query(
      `CREATE INDEX clients_birth_idx ON clients (organisation_id, date_of_birth) WHERE date_of_birth IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX case_parties_search_name_trgm_idx ON case_parties USING gin (lower(name) gin_trgm_ops)`,
    );
    await q.query(
      `CREATE INDEX case_parties_birth_idx ON case_parties (organisation_id, date_of_birth) WHERE date_of_birth IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE conflict_checks (
        id uuid PRIMARY KEY DEFAULT uuidv7(),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        organisation_id uuid NOT NULL,
        case_id uuid NOT NULL,
        subject text NOT NULL CHECK (subject IN ('client', 'party')),
        party_id uuid,
        searched_name text NOT NULL CHECK (length(searched_name) BETWEEN 1 AND 200),
        searched_date_of_birth date,
        searched_postcode_district text CHECK (searched_postcode_district ~ '^[A-Z]{1,2}[0-9][A-Z0-9]?$'),
        matches jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(matches) = 'array'),
        result text NOT NULL CHECK (result IN ('no_conflict', 'conflict_can_proceed', 'cannot_act')),
        reason text CHECK (length(reason) <= 2000),
        checked_by_id uuid NOT NULL,
        UNIQUE (organisation_id, id),
        FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, party_id) REFERENCES case_parties(organisation_id, id) ON DELETE SET NULL (party_id),
        FOREIGN KEY (organisation_id, checked_by_id) REFERENCES users(organisation_id, id),
        CONSTRAINT conflict_checks_reason_given CHECK (result = 'no_conflict' OR length(trim(reason)) > 0)
      )`);
    await q.query(`CREATE INDEX conflict_checks_case_idx ON conflict_checks (organisation_id, case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE conflict_checks`);
    await q.query(`DROP INDEX case_parties_birth_idx`);
    await q.query(`DROP INDEX case_parties_search_name_trgm_idx`);
    await q.query(`DROP INDEX clients_birth_idx`);
    await q.query(`DROP INDEX clients_search_name_trgm_idx`);
  }
}
