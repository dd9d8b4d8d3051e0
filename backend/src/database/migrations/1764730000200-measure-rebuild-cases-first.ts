/**
 * The measure roll-ups' rebuild (run by every import, 61 s of a 100,000-case import's 234 s at load
 * ~12) worked out each case's values once for each of its dimension rows (8 or more): the cases
 * sharing a closing day and every dimension value are now summed first, then spread over the
 * dimensions. Same rows (measure-rollups.e2e compares the rebuild with the row trigger's tables).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { measureRollupFunctions } from './1764300100000-measure-rollups.js';
import { allColumns as columnsBefore } from './1764510000000-retelling-item.js';
import { CLUSTER_COLUMNS } from './1764710000000-problem-time-clusters.js';

const rebuild = (sumCasesFirst: boolean) =>
  measureRollupFunctions([...columnsBefore(), ...CLUSTER_COLUMNS], { sumCasesFirst }).rebuild;

export class MeasureRebuildCasesFirst1764730000200 implements MigrationInterface {
  name = 'MeasureRebuildCasesFirst1764730000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(rebuild(true));
    // On a Citus cluster already distributed, the restated function is adapted to it (docs/scaling.md).
    await q.query(`SELECT deepvalue_distribute()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(rebuild(false));
    await q.query(`SELECT deepvalue_distribute()`);
  }
}
