/**
 * Legal aid (docs/legal-aid-codes.md): a legally aided case's Unique File Number, category of law,
 * matter type, stage reached, outcome, exemption, access point, procurement area and the client's
 * full postcode as the LAA asks for it; and on the client the three equality monitoring answers
 * (null: not asked; the list's "declined" code: the client chose not to say).
 * The codes are checked against the shipped code lists by the app, not here: the lists are data an
 * organisation may update without a migration, so the columns only bound their length.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LegalAid1764420000000 implements MigrationInterface {
  name = 'LegalAid1764420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_legal_aid (
        id uuid PRIMARY KEY DEFAULT uuidv7(),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        organisation_id uuid NOT NULL,
        case_id uuid NOT NULL,
        category_of_law text NOT NULL CHECK (category_of_law ~ '^[a-z_]{1,50}$'),
        ufn text CHECK (ufn ~ '^[0-9]{6}/[0-9]{3}$'),
        matter_type_1 text CHECK (length(matter_type_1) <= 10),
        matter_type_2 text CHECK (length(matter_type_2) <= 10),
        stage_reached text CHECK (length(stage_reached) <= 10),
        outcome_code text CHECK (length(outcome_code) <= 10),
        exemption_criteria text CHECK (length(exemption_criteria) <= 10),
        access_point text CHECK (length(access_point) <= 10),
        procurement_area text CHECK (length(procurement_area) <= 10),
        client_postcode text CHECK (length(client_postcode) <= 10),
        UNIQUE (organisation_id, id),
        UNIQUE (organisation_id, case_id),
        UNIQUE (organisation_id, ufn),
        FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      ALTER TABLE clients
        ADD COLUMN equality_gender text CHECK (length(equality_gender) <= 10),
        ADD COLUMN equality_ethnicity text CHECK (length(equality_ethnicity) <= 10),
        ADD COLUMN equality_disability text CHECK (length(equality_disability) <= 10)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE clients DROP COLUMN equality_gender, DROP COLUMN equality_ethnicity,
      DROP COLUMN equality_disability`);
    await q.query(`DROP TABLE case_legal_aid`);
  }
}
