/**
 * Funding an organisation received for a period (docs/decisions.md, "Funding per period"), so a pack can show value per £1
 * of funding. One row per grant or contract payment period; the service refuses a period that
 * overlaps another of the same organisation (a day's money is never counted twice).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganisationFunding1764600000000 implements MigrationInterface {
  name = 'OrganisationFunding1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation_funding (
        id uuid PRIMARY KEY DEFAULT uuidv7(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        period_from date NOT NULL CHECK (period_from >= '1990-01-01'),
        period_to date NOT NULL,
        amount_gbp numeric(14, 2) NOT NULL CHECK (amount_gbp > 0),
        funder text NOT NULL CHECK (length(funder) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        CHECK (period_to >= period_from),
        UNIQUE (organisation_id, id)
      )`);
    await q.query(
      `CREATE INDEX organisation_funding_period_idx ON organisation_funding (organisation_id, period_from)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organisation_funding`);
  }
}
