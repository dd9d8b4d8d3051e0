/**
 * Parties: people and organisations involved in a case other than the client — the opponent
 * (landlord, council, DWP, employer…), a third party acting for the client (who proves who they
 * are with a pass phrase), an interpreter. Rows belong to the case (composite key, cascade), so
 * erasure and subject access find them like any other case record. Value lists are written out
 * (a migration is a snapshot); schema.e2e.spec.ts checks them against the shared enumerations.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseParties1764200000300 implements MigrationInterface {
  name = 'CaseParties1764200000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_parties (
        id uuid PRIMARY KEY DEFAULT uuidv7(),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        organisation_id uuid NOT NULL,
        case_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('opponent', 'third_party', 'interpreter', 'other')),
        opponent_type text CHECK (opponent_type IN ('landlord', 'council', 'dwp', 'hmrc', 'home_office', 'employer', 'creditor', 'other')),
        kind text NOT NULL CHECK (kind IN ('person', 'organisation')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        date_of_birth date CHECK (date_of_birth >= '1900-01-01'),
        postcode_district text CHECK (postcode_district ~ '^[A-Z]{1,2}[0-9][A-Z0-9]?$'),
        contact text CHECK (length(contact) <= 500),
        reference text CHECK (length(reference) <= 100),
        relationship text CHECK (length(relationship) <= 100),
        pass_phrase text CHECK (length(pass_phrase) <= 200),
        language text CHECK (length(language) <= 100),
        note text CHECK (length(note) <= 2000),
        UNIQUE (organisation_id, id),
        FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT case_parties_opponent_type_role CHECK (opponent_type IS NULL OR role = 'opponent'),
        CONSTRAINT case_parties_pass_phrase_role CHECK (pass_phrase IS NULL OR role = 'third_party'),
        CONSTRAINT case_parties_birth_person CHECK (date_of_birth IS NULL OR kind = 'person')
      )`);
    await q.query(`CREATE INDEX case_parties_case_idx ON case_parties (organisation_id, case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_parties`);
  }
}
