/**
 * The dated fee table behind "fixed fee against need" (docs/measures.md), per organisation. Each save
 * writes the whole table again as a new `version` (rows are never updated or deleted), so the
 * table a report used can be read back later and an old evidence pack reproduced. An organisation
 * with no rows uses the sourced defaults in backend/src/pricing/unit-cost-defaults.ts.
 * No amount can be zero: a missing hourly rate or escape threshold is NULL ("enter your local
 * figure"), never 0.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen as they were when this migration was written (a later change to a list is a new migration;
// database/schema.e2e.spec.ts compares every such constraint with the shared enumerations).
const CATEGORIES = ['housing', 'welfare_benefits', 'debt', 'employment', 'immigration', 'community_care'];

const money = (column: string, nullable: boolean) =>
  `${column} numeric(10, 2)${nullable ? '' : ' NOT NULL'} CHECK (${column} > 0 AND ${column} < 1000000)`;

export class FeeRates1763900000200 implements MigrationInterface {
  name = 'FeeRates1763900000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fee_rates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        category text NOT NULL CHECK (category IN (${CATEGORIES.map((c) => `'${c}'`).join(', ')})),
        effective_from date NOT NULL CHECK (effective_from >= '1990-01-01'),
        ${money('fixed_fee_gbp', false)},
        ${money('escape_threshold_gbp', true)},
        ${money('hourly_rate_gbp', true)},
        source text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, id),
        UNIQUE (organisation_id, version, category, effective_from)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fee_rates`);
  }
}
