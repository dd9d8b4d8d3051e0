/**
 * The summary's relationship quality index gets its 95% interval (docs/measures.md, RQI): case_measure_rollups
 * gains Σ of each case's index squared (numeric: the index is a fraction, so the sum stays exact), beside
 * the Σ and n it already holds. Its trigger function and rebuild are restated with every column, in the
 * order analytics/measure-rollups.sql.ts generates them (written out: a migration is a snapshot), and the
 * roll-ups are rebuilt.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { measureRollupFunctions, type RollupColumns } from './1764300100000-measure-rollups.js';
import { allColumns } from './1764510000000-retelling-item.js';
import { CLUSTER_COLUMNS } from './1764710000000-problem-time-clusters.js';

const RQI = '(f.feedback_score_sum::numeric / nullif(f.feedback_items_n, 0) - 1) / 4 * 100';
export const RQI_COLUMNS: RollupColumns = [
  ['rqi_sumsq', 'numeric', `CASE WHEN f.feedback_items_n > 0 THEN (${RQI}) * (${RQI}) ELSE 0 END`],
];

export class RqiInterval1764760000000 implements MigrationInterface {
  name = 'RqiInterval1764760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_measure_rollups ADD COLUMN rqi_sumsq numeric NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE case_measure_rollups ALTER COLUMN rqi_sumsq DROP DEFAULT`);
    const { apply, rebuild } = measureRollupFunctions([...allColumns(), ...CLUSTER_COLUMNS, ...RQI_COLUMNS], {
      sumCasesFirst: true,
    });
    await q.query(apply);
    await q.query(rebuild);
    // On a Citus cluster already distributed, the restated functions are adapted to it; on one server this
    // does nothing (docs/scaling.md).
    await q.query(`SELECT deepvalue_distribute()`);
    await q.query(`SELECT rebuild_case_measure_rollups(id) FROM organisations`);
  }

  async down(q: QueryRunner): Promise<void> {
    const { apply, rebuild } = measureRollupFunctions([...allColumns(), ...CLUSTER_COLUMNS], { sumCasesFirst: true });
    await q.query(apply);
    await q.query(rebuild);
    await q.query(`SELECT deepvalue_distribute()`);
    await q.query(`ALTER TABLE case_measure_rollups DROP COLUMN rqi_sumsq`);
  }
}
