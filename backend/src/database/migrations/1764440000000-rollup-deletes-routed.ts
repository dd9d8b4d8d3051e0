/**
 * The roll-up triggers' clean-up DELETEs (`DELETE FROM case_rollups r USING (…) k WHERE
 * r.organisation_id = k.organisation_id …`) also name the trigger row's organisation as a value:
 * `r.organisation_id = OLD.organisation_id`. On one PostgreSQL this changes nothing (k is made from
 * OLD). On Citus (docs/scaling.md) it is what lets the statement run: with the organisation known, Citus
 * sends the whole DELETE to that organisation's shard; without it, it tries to push the USING
 * subquery down to every shard and refuses ("cannot push down this subquery: VALUES is not
 * supported within a UNION"), so closing a case failed on a cluster.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { toRowLevel } from './1764300000000-row-level-facts.js';

const FUNCTIONS = ['case_rollups_apply', 'case_pattern_rollups_apply'];
const UNROUTED = 'WHERE r.organisation_id = k.organisation_id';
const ROUTED = 'WHERE r.organisation_id = OLD.organisation_id AND r.organisation_id = k.organisation_id';

async function restate(q: QueryRunner, from: string, to: string): Promise<void> {
  for (const fn of FUNCTIONS) {
    const [{ source }]: Array<{ source: string }> = await q.query(
      `SELECT prosrc AS source FROM pg_proc WHERE oid = $1::regprocedure`,
      [`${fn}()`],
    );
    if (!source.includes(from)) throw new Error(`${fn} has no "${from}" to rewrite`);
    const rewritten = toRowLevel(source.replaceAll(from, to));
    await q.query(`CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $fn$${rewritten}$fn$`);
  }
}

export class RollupDeletesRouted1764440000000 implements MigrationInterface {
  name = 'RollupDeletesRouted1764440000000';

  async up(q: QueryRunner): Promise<void> {
    await restate(q, UNROUTED, ROUTED);
  }

  async down(q: QueryRunner): Promise<void> {
    await restate(q, ROUTED, UNROUTED);
  }
}
