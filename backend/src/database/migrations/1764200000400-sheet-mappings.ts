/**
 * Spreadsheet import mappings an organisation saves to reuse next month: which column is which
 * field, how its values read, and defaults (shared/src/spreadsheet.ts). Named per organisation.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SheetMappings1764200000400 implements MigrationInterface {
  name = 'SheetMappings1764200000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sheet_mappings (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        mapping jsonb NOT NULL,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, name)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sheet_mappings`);
  }
}
