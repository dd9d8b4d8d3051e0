/**
 * The fee roll-ups (migration 1764630000000) on a Citus cluster. Their trigger fires on a worker's
 * shard of case_facts and reads the fee rows in force through fee_rows_for(org):
 * - fee_default_rates has no organisation, so the distribution step left it on the coordinator,
 *   out of the worker's reach: it becomes a reference table (a copy on every node), like organisations;
 * - fee_rows_for is a SQL function over fee_rates, and Citus cannot plan a SQL function's parameter
 *   ("parameterized queries for SQL functions referencing distributed tables are not supported"):
 *   every write closing a case failed. It becomes PL/pgSQL with the same query, planned afresh each
 *   call so the organisation is a value Citus routes on (as refresh_case_facts_of, 1764440000100).
 * On single-node PostgreSQL nothing changes (deepvalue_distribute() returns at once without the
 * citus extension).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { distributeLaterTables } from './1764640000000-citus-later-tables.js';

const REFERENCE_BEFORE = "reference_tables text[] := ARRAY['organisations','organisation_shares'];";
const REFERENCE_NOW = "reference_tables text[] := ARRAY['organisations','organisation_shares','fee_default_rates'];";

const MARKER = '  -- Nothing left to place:';
const FEE_ROWS_AS_PLPGSQL = `  -- fee_rows_for(org) as PL/pgSQL with the same query (redone when a migration restates it in SQL).
  IF EXISTS (SELECT 1 FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
             WHERE p.oid = to_regprocedure('public.fee_rows_for(uuid)') AND l.lanname = 'sql') THEN
    SELECT p.prosrc, pg_get_function_result(p.oid) INTO def, cols FROM pg_proc p
     WHERE p.oid = 'public.fee_rows_for(uuid)'::regprocedure;
    EXECUTE format('CREATE OR REPLACE FUNCTION public.fee_rows_for(org uuid) RETURNS %s LANGUAGE plpgsql STABLE '
                   'SET plan_cache_mode = force_custom_plan AS %L', cols,
                   '#variable_conflict use_column' || chr(10) || 'BEGIN RETURN QUERY ' ||
                   regexp_replace(def, ';?\\s*$', '') || '; END');
  END IF;
`;

export function distributeWithFeeDefaults(): string {
  const base = distributeLaterTables();
  if (base.split(REFERENCE_BEFORE).length !== 2 || base.split(MARKER).length !== 2)
    throw new Error('deepvalue_distribute() is not the text this migration adapts');
  return base.replace(REFERENCE_BEFORE, REFERENCE_NOW).replace(MARKER, () => `${FEE_ROWS_AS_PLPGSQL}${MARKER}`);
}

export class CitusFeeDefaultsReference1764740000000 implements MigrationInterface {
  name = 'CitusFeeDefaultsReference1764740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(distributeWithFeeDefaults());
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(distributeLaterTables());
  }
}
