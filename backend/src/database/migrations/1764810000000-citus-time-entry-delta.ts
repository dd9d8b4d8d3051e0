/**
 * A corrected or removed time entry moves its case's facts by the difference on a Citus cluster
 * too (migration 1764730000100 on one server). case_facts_touch_row() chooses that path with
 * `TG_TABLE_NAME = 'time_entries'`, but on a cluster the trigger fires on a worker's shard, whose
 * name is `time_entries_<shard id>`, and OLD and NEW are rows of the shard's own type, which
 * case_facts_time_entry_delta(time_entries, time_entries) does not take: every correction
 * recomputed the whole case (the same facts, more work; facts-maintenance.e2e found it). On a
 * cluster the step now accepts a shard's name and passes the rows as time_entries (by column
 * name), and plans the difference afresh each call so its organisation is a value Citus routes on.
 * Derived from the current text on every migration run, so a later migration restating the
 * function is followed. On single-node PostgreSQL nothing changes (deepvalue_distribute() returns
 * at once there).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { distributeWithFeeRebuild } from './1764740000100-citus-fee-rebuild.js';

const MARKER = '  -- Nothing left to place:';
const ON_ONE_SERVER = "TG_TABLE_NAME = ''time_entries''";
const ON_A_SHARD = "TG_TABLE_NAME ~ ''^time_entries(_[0-9]+)?$''";
const DELTA_CALL = "case_facts_time_entry_delta(OLD, CASE WHEN TG_OP = ''UPDATE'' THEN NEW END)";
const AS_TIME_ENTRY = (row: string) => `jsonb_populate_record(NULL::time_entries, to_jsonb(${row}))`;
const DELTA_CALL_ON_A_SHARD = `case_facts_time_entry_delta(${AS_TIME_ENTRY('OLD')}, CASE WHEN TG_OP = ''UPDATE'' THEN ${AS_TIME_ENTRY('NEW')} END)`;

const DELTA_ON_SHARDS = `  -- case_facts_touch_row() takes a time entry's difference on a shard too.
  SELECT p.prosrc INTO def FROM pg_proc p WHERE p.oid = to_regprocedure('public.case_facts_touch_row()');
  IF position('${ON_ONE_SERVER}' IN coalesce(def, '')) > 0 AND position('${DELTA_CALL}' IN def) > 0 THEN
    def := replace(replace(def, '${ON_ONE_SERVER}', '${ON_A_SHARD}'), '${DELTA_CALL}', '${DELTA_CALL_ON_A_SHARD}');
    EXECUTE format('CREATE OR REPLACE FUNCTION public.case_facts_touch_row() RETURNS trigger LANGUAGE plpgsql AS %L', def);
    ALTER FUNCTION public.case_facts_touch_row() SET plan_cache_mode = force_custom_plan;
  END IF;
  IF to_regprocedure('public.case_facts_time_entry_delta(time_entries, time_entries)') IS NOT NULL THEN
    ALTER FUNCTION public.case_facts_time_entry_delta(time_entries, time_entries) SET plan_cache_mode = force_custom_plan;
  END IF;
`;

export function distributeWithTimeEntryDelta(): string {
  const base = distributeWithFeeRebuild();
  if (base.split(MARKER).length !== 2) throw new Error('deepvalue_distribute() is not the text this migration adapts');
  return base.replace(MARKER, () => `${DELTA_ON_SHARDS}${MARKER}`);
}

export class CitusTimeEntryDelta1764810000000 implements MigrationInterface {
  name = 'CitusTimeEntryDelta1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(distributeWithTimeEntryDelta());
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(distributeWithFeeRebuild());
  }
}
