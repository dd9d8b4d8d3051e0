/**
 * On a Citus cluster already distributed, a migration that creates a tenant table with a key onto
 * organisations (a reference table) gets a Citus local table: Citus keeps it on the coordinator to
 * hold that key. deepvalue_distribute() counted it as placed and left it there, so a trigger on a
 * worker writing to it was refused ("cannot execute a distributed query from a query on a shard"):
 * case_pricing_rollups (migration 1764540000000) on a cluster distributed before it.
 *
 * Now only a distributed or reference table counts as placed; a Citus local table with a NOT NULL
 * organisation_id has its keys taken off with the others, is turned back into a plain table
 * (undistribute_table) and distributed with cases like any new table. On single-node PostgreSQL
 * nothing changes (the function returns at once without the citus extension).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { distributeWithRouting } from './1764440000100-citus-routed-facts.js';

const PLACED_BEFORE = "p.partmethod IN ('h', 'n')";
const PLACED = "(p.partmethod = 'h' OR p.repmodel = 't')";
const AFTER_KEYS_OFF = '  -- 2. Unique keys of tables to distribute must contain organisation_id.';
const BACK_TO_PLAIN = `  -- 1b. A Citus local table (made so by a key onto a reference table) goes back to a plain table;
  -- that makes a new relation, so the targets follow it by name.
  FOR r IN SELECT t.name FROM dv_targets t
           WHERE t.kind = 'distributed' AND NOT t.placed
             AND EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = t.name::regclass) LOOP
    PERFORM undistribute_table(r.name::regclass);
  END LOOP;
  UPDATE dv_targets SET rel = name::regclass WHERE NOT placed;

`;

export function distributeLaterTables(): string {
  const base = distributeWithRouting();
  if (base.split(PLACED_BEFORE).length !== 3 || !base.includes(AFTER_KEYS_OFF))
    throw new Error('deepvalue_distribute() is not the text this migration adapts');
  return base.replaceAll(PLACED_BEFORE, PLACED).replace(AFTER_KEYS_OFF, `${BACK_TO_PLAIN}${AFTER_KEYS_OFF}`);
}

export class CitusLaterTables1764640000000 implements MigrationInterface {
  name = 'CitusLaterTables1764640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(distributeLaterTables());
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(distributeWithRouting());
  }
}
