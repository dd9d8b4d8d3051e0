/**
 * The summary's shares of underlying problems (by what was done, by their own result) get a cluster-robust
 * interval, with the case as the cluster (docs/measures.md, "Underlying problems";
 * analytics/statistics/cluster-share-interval.ts): case_measure_rollups gains, from existing case_facts
 * columns, per action S_c² and n_c·S_c (S_c the case's problems with that action, n_c its problems), and per
 * result the same over the case's problems with a result recorded (k_c), with whether the case has any and
 * k_c². Its trigger function and rebuild are restated with every column, in the order
 * analytics/measure-rollups.sql.ts generates them (written out: a migration is a snapshot), and the
 * roll-ups are rebuilt.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { measureRollupFunctions, type RollupColumns } from './1764300100000-measure-rollups.js';
import { allColumns } from './1764510000000-retelling-item.js';
import { CLUSTER_COLUMNS } from './1764710000000-problem-time-clusters.js';
import { RQI_COLUMNS } from './1764760000000-rqi-interval.js';

const ACTIONS = ['handled_in_house', 'referred_warm', 'signposted', 'client_declined'];
const RESULTS = ['positive', 'partly_positive', 'negative', 'withdrawn', 'lost_contact'];
const KNOWN = `(${RESULTS.map((r) => `f.problems_${r}`).join(' + ')})`;

export const SHARE_CLUSTER_COLUMNS: RollupColumns = [
  ...ACTIONS.flatMap((a): RollupColumns => [
    [`problems_${a}_case_sumsq`, 'bigint', `f.problems_${a}::bigint * f.problems_${a}`],
    [`problems_${a}_case_cross`, 'bigint', `f.problems_count::bigint * f.problems_${a}`],
  ]),
  ['problems_result_known_cases', 'bigint', `CASE WHEN ${KNOWN} > 0 THEN 1 ELSE 0 END`],
  ['problems_result_known_countsq', 'bigint', `${KNOWN}::bigint * ${KNOWN}`],
  ...RESULTS.flatMap((r): RollupColumns => [
    [`problems_result_${r}_case_sumsq`, 'bigint', `f.problems_${r}::bigint * f.problems_${r}`],
    [`problems_result_${r}_case_cross`, 'bigint', `${KNOWN}::bigint * f.problems_${r}`],
  ]),
];

const before = (): RollupColumns => [...allColumns(), ...CLUSTER_COLUMNS, ...RQI_COLUMNS];

export class ProblemShareClusters1764860000000 implements MigrationInterface {
  name = 'ProblemShareClusters1764860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE case_measure_rollups ${SHARE_CLUSTER_COLUMNS.map(([column, type]) => `ADD COLUMN ${column} ${type} NOT NULL DEFAULT 0`).join(', ')}`,
    );
    await q.query(
      `ALTER TABLE case_measure_rollups ${SHARE_CLUSTER_COLUMNS.map(([column]) => `ALTER COLUMN ${column} DROP DEFAULT`).join(', ')}`,
    );
    const { apply, rebuild } = measureRollupFunctions([...before(), ...SHARE_CLUSTER_COLUMNS], { sumCasesFirst: true });
    await q.query(apply);
    await q.query(rebuild);
    // On a Citus cluster already distributed, the restated functions are adapted to it; on one server this
    // does nothing (docs/scaling.md).
    await q.query(`SELECT deepvalue_distribute()`);
    await q.query(`SELECT rebuild_case_measure_rollups(id) FROM organisations`);
  }

  async down(q: QueryRunner): Promise<void> {
    const { apply, rebuild } = measureRollupFunctions(before(), { sumCasesFirst: true });
    await q.query(apply);
    await q.query(rebuild);
    await q.query(`SELECT deepvalue_distribute()`);
    await q.query(
      `ALTER TABLE case_measure_rollups ${SHARE_CLUSTER_COLUMNS.map(([column]) => `DROP COLUMN ${column}`).join(', ')}`,
    );
  }
}
