/**
 * The fee roll-ups of a Citus cluster that already held casework when migration 1764630000000 made
 * them. That migration's rebuild of every organisation cannot run on a distributed cluster before the
 * Citus-only 1764740000000 and 1764740000100 adapt fee_rows_for and rebuild_case_fee_rollups, so it
 * is skipped there and done here: the distribution step adapts the functions, then each
 * organisation's fee roll-ups are rebuilt from its facts (the same rows one server's rebuild makes).
 * On a cluster migrated fresh the rebuild finds what the triggers already keep. On single-node
 * PostgreSQL nothing happens (1764630000000 rebuilt there).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CitusFeeRollupsRebuild1764830000000 implements MigrationInterface {
  name = 'CitusFeeRollupsRebuild1764830000000';

  async up(q: QueryRunner): Promise<void> {
    const [{ citus }] = await q.query(`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') AS citus`);
    if (!citus) return;
    await q.query(`SELECT deepvalue_distribute()`);
    // One call per organisation from the coordinator: each rebuild goes to that organisation's shard.
    await q.query(`DO $$
      DECLARE org uuid;
      BEGIN
        FOR org IN SELECT id FROM organisations ORDER BY id LOOP
          PERFORM rebuild_case_fee_rollups(org);
        END LOOP;
      END $$`);
  }

  async down(): Promise<void> {
    // The rebuilt rows are what the triggers keep; nothing to undo.
  }
}
