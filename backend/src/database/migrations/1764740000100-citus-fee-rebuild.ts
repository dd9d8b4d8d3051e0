/**
 * Rebuilding an organisation's fee roll-ups on a Citus cluster (after an import, or saving a fee
 * table). rebuild_case_fee_rollups(org) meets that organisation's case_facts with
 * `(SELECT * FROM fee_rows_for(org))`; Citus sends the whole INSERT … SELECT to the organisation's
 * shard, where fee_rows_for would have to query fee_rates again from inside the shard's query, which
 * Citus refuses ("cannot execute a distributed query from a query on a shard"): the sheet import
 * failed. On a cluster the function reads the fee rows into a value first and meets the facts with
 * that value (jsonb_to_recordset, the same rows and columns), planned afresh each call. Derived on
 * every migration run from the current text, so a later migration restating it is followed. On
 * single-node PostgreSQL nothing changes (deepvalue_distribute() returns at once there).
 *
 * Also: the database passes SET LOCAL on to the workers (citus.propagate_set_commands = local), so
 * a bulk import's deepvalue.defer_facts reaches the triggers that run there.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { distributeWithFeeDefaults } from './1764740000000-citus-fee-defaults-reference.js';

const MARKER = '  -- Nothing left to place:';
const FEE_ROWS_CALL = '(SELECT * FROM fee_rows_for(org))';
const REBUILD_WITH_VALUE = `  -- rebuild_case_fee_rollups(org) with the fee rows read first.
  SELECT p.prosrc, pg_get_function_arguments(p.oid), p.proconfig INTO def, anchor, r_config FROM pg_proc p
   WHERE p.oid = to_regprocedure('public.rebuild_case_fee_rollups(uuid, boolean)');
  IF position('${FEE_ROWS_CALL}' IN coalesce(def, '')) > 0 THEN
    SELECT regexp_replace(pg_get_function_result('public.fee_rows_for(uuid)'::regprocedure), '^TABLE', '') INTO cols;
    def := replace(def, '${FEE_ROWS_CALL}', format('(SELECT * FROM jsonb_to_recordset(fee_rows) AS x%s)', cols));
    def := regexp_replace(def, '^\\s*BEGIN',
      'DECLARE fee_rows jsonb := (SELECT coalesce(jsonb_agg(x), ''[]'') FROM fee_rows_for(org) x);' || chr(10) || 'BEGIN');
    EXECUTE format('CREATE OR REPLACE FUNCTION public.rebuild_case_fee_rollups(%s) RETURNS void LANGUAGE plpgsql AS %L',
                   anchor, def);
    FOR cols IN SELECT unnest(r_config) LOOP
      EXECUTE format('ALTER FUNCTION public.rebuild_case_fee_rollups(uuid, boolean) SET %I = %L', split_part(cols, '=', 1),
                     substring(cols FROM position('=' IN cols) + 1));
    END LOOP;
    ALTER FUNCTION public.rebuild_case_fee_rollups(uuid, boolean) SET plan_cache_mode = force_custom_plan;
  END IF;
`;
// The import's SET LOCAL deepvalue.defer_facts (and a rebuild's session_replication_role) reach the
// workers, where the triggers fire, only if Citus passes SET LOCAL on; without it every imported row
// ran its facts and roll-up triggers on the workers, only to be rebuilt at the end.
const PROPAGATE_SET_LOCAL = `  EXECUTE format('ALTER DATABASE %I SET citus.propagate_set_commands = local', current_database());
`;
const DECLARE_AFTER = '  anchor text;\n';

export function distributeWithFeeRebuild(): string {
  const base = distributeWithFeeDefaults();
  if (base.split(MARKER).length !== 2 || base.split(DECLARE_AFTER).length !== 2)
    throw new Error('deepvalue_distribute() is not the text this migration adapts');
  return base
    .replace(DECLARE_AFTER, () => `${DECLARE_AFTER}  r_config text[];\n`)
    .replace(MARKER, () => `${REBUILD_WITH_VALUE}${PROPAGATE_SET_LOCAL}${MARKER}`);
}

export class CitusFeeRebuild1764740000100 implements MigrationInterface {
  name = 'CitusFeeRebuild1764740000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(distributeWithFeeRebuild());
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(distributeWithFeeDefaults());
  }
}
