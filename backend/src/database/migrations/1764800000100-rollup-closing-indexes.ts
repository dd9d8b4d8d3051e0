/**
 * The roll-up triggers' clean-up on the write path (docs/benchmarks.md): after moving a closed case's old values out
 * and new values in, each roll-up trigger deletes its organisation's rows of the case's closing day or
 * month whose count fell to 0. No index led with (organisation, closing day or month): the primary keys
 * lead with the dimension, so at 1,000,000 cases these deletes read the whole table (case_value_rollups,
 * case_fee_minute_rollups: 1.2–1.3 s each) or skipped through the key once per dimension value (~1,300–
 * 1,600 index searches, 100–140 ms each), about 3 s per change to a closed case's facts under load. One
 * index each on (organisation_id, closing day or month) lets them read that day's or month's rows only.
 * The indexed columns are key columns a roll-up row never changes, so the triggers' updates of the
 * counts stay HOT-eligible.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

const INDEXES: Array<[table: string, column: string]> = [
  ['case_measure_rollups', 'closed_on'],
  ['case_value_rollups', 'closed_month'],
  ['case_pricing_rollups', 'closed_month'],
  ['case_fee_rollups', 'closed_month'],
  ['case_fee_minute_rollups', 'closed_month'],
];

export class RollupClosingIndexes1764800000100 implements MigrationInterface {
  name = 'RollupClosingIndexes1764800000100';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, column] of INDEXES)
      await q.query(`CREATE INDEX ${table}_closing_idx ON ${table} (organisation_id, ${column})`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of INDEXES) await q.query(`DROP INDEX ${table}_closing_idx`);
  }
}
