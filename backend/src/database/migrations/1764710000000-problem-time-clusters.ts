/**
 * The summary's mean relationship time before a problem surfaced gets a cluster-robust interval, with the
 * case as the cluster (docs/measures.md, "Underlying problems"): case_measure_rollups gains the per-case
 * sums it needs, all from existing case_facts columns — whether the case has problems, S_c², n_c·S_c and
 * n_c² (S_c its problems' minutes, n_c its problems). Its trigger function and rebuild are restated with
 * every column, in the order analytics/measure-rollups.sql.ts generates them (written out: a migration
 * is a snapshot), and the roll-ups are rebuilt.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { measureRollupFunctions, type RollupColumns } from './1764300100000-measure-rollups.js';
import { allColumns as columnsBefore } from './1764510000000-retelling-item.js';

export const CLUSTER_COLUMNS: RollupColumns = [
  ['problems_time_before_cases', 'bigint', 'CASE WHEN f.problems_count > 0 THEN 1 ELSE 0 END'],
  [
    'problems_time_before_case_sumsq',
    'bigint',
    'f.problems_relationship_minutes::bigint * f.problems_relationship_minutes',
  ],
  ['problems_time_before_case_cross', 'bigint', 'f.problems_count::bigint * f.problems_relationship_minutes'],
  ['problems_time_before_case_countsq', 'bigint', 'f.problems_count::bigint * f.problems_count'],
];

export class ProblemTimeClusters1764710000000 implements MigrationInterface {
  name = 'ProblemTimeClusters1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE case_measure_rollups ${CLUSTER_COLUMNS.map(([column, type]) => `ADD COLUMN ${column} ${type} NOT NULL DEFAULT 0`).join(', ')}`,
    );
    await q.query(
      `ALTER TABLE case_measure_rollups ${CLUSTER_COLUMNS.map(([column]) => `ALTER COLUMN ${column} DROP DEFAULT`).join(', ')}`,
    );
    const { apply, rebuild } = measureRollupFunctions([...columnsBefore(), ...CLUSTER_COLUMNS]);
    await q.query(apply);
    await q.query(rebuild);
    // On a Citus cluster already distributed, the restated functions are adapted to it (keys, routing);
    // on one server this does nothing (docs/scaling.md).
    await q.query(`SELECT deepvalue_distribute()`);
    await q.query(`SELECT rebuild_case_measure_rollups(id) FROM organisations`);
  }

  async down(q: QueryRunner): Promise<void> {
    const { apply, rebuild } = measureRollupFunctions(columnsBefore());
    await q.query(apply);
    await q.query(rebuild);
    await q.query(`SELECT deepvalue_distribute()`);
    await q.query(
      `ALTER TABLE case_measure_rollups ${CLUSTER_COLUMNS.map(([column]) => `DROP COLUMN ${column}`).join(', ')}`,
    );
  }
}
