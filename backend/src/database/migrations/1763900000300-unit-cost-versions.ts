/**
 * The unit-cost table behind pricing deep value (docs/pricing.md), per organisation and versioned: every
 * change inserts the whole table (rows, benefit mapping, sensitivity adjustments, hourly cost of
 * adviser time) as the next version, so an evidence pack names the version it used and can be
 * re-created from it. Version 1 is the sourced defaults, written the first time the table is read.
 * Old versions are never changed: a trigger refuses UPDATE (deleting the organisation still removes them).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UnitCostVersions1763900000300 implements MigrationInterface {
  name = 'UnitCostVersions1763900000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE unit_cost_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        rows jsonb NOT NULL CHECK (jsonb_typeof(rows) = 'array'),
        mapping jsonb NOT NULL CHECK (jsonb_typeof(mapping) = 'array'),
        sensitivity jsonb NOT NULL CHECK (jsonb_typeof(sensitivity) = 'object'),
        hourly_cost_gbp numeric(10, 2) CHECK (hourly_cost_gbp > 0 AND hourly_cost_gbp < 100000),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, version),
        UNIQUE (organisation_id, id)
      )`);
    await q.query(`
      CREATE FUNCTION unit_cost_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'unit_cost_versions rows are never changed: save a new version instead';
      END $$`);
    await q.query(`CREATE TRIGGER unit_cost_versions_no_update BEFORE UPDATE ON unit_cost_versions
      FOR EACH ROW EXECUTE FUNCTION unit_cost_versions_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER unit_cost_versions_no_update ON unit_cost_versions`);
    await q.query(`DROP FUNCTION unit_cost_versions_immutable()`);
    await q.query(`DROP TABLE unit_cost_versions`);
  }
}
