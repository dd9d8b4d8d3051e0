/**
 * On a Citus cluster the facts triggers fire on a worker, inside the shard's task, and Citus lets a
 * trigger there run only statements that go to ONE shard on that worker (remote tasks from a
 * trigger are refused: "cannot execute a distributed query from a query on a shard"). The
 * facts refresh, `INSERT INTO case_facts … SELECT … FROM unnest(ids) JOIN cases c ON c.id = k.id
 * LEFT JOIN LATERAL (… WHERE te.organisation_id = c.organisation_id …)`, names no organisation
 * as a value, so Citus plans it on every shard and the write fails (docs/scaling.md).
 *
 * `deepvalue_route_facts()`, called by `deepvalue_distribute()` on every migration run and only
 * when the citus extension is there, derives from the current `refresh_case_facts(uuid[])` a
 * `refresh_case_facts_of(org, ids)` whose every table is filtered by `organisation_id = org` (the
 * same rows: each was joined on organisation_id to the case already), points the facts triggers
 * at it with their row's organisation, and plans these functions afresh each call (a generic plan
 * would hide the organisation from Citus again). Derived on every run, so a later migration that
 * redefines refresh_case_facts is followed. On single-node PostgreSQL nothing changes.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DISTRIBUTE_FUNCTION } from './1764200000600-citus-distribution.js';

const ROUTE_FUNCTION = `
CREATE OR REPLACE FUNCTION deepvalue_route_facts() RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  src text;
  config text[];
  def text;
  r record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN RETURN; END IF;
  SELECT p.prosrc, p.proconfig INTO src, config FROM pg_proc p WHERE p.oid = 'refresh_case_facts(uuid[])'::regprocedure;
  IF position('JOIN cases c ON c.id = k.id' IN src) = 0 THEN
    RAISE EXCEPTION 'deepvalue_route_facts: refresh_case_facts no longer joins cases as "JOIN cases c ON c.id = k.id"';
  END IF;
  src := replace(src, 'JOIN cases c ON c.id = k.id', 'JOIN cases c ON c.organisation_id = org AND c.id = k.id');
  -- x.organisation_id = y.organisation_id, with both x and y filtered to org, is x.organisation_id = org.
  src := regexp_replace(src, '\\m([a-z][a-z0-9_]*)\\.organisation_id = [a-z][a-z0-9_]*\\.organisation_id', '\\1.organisation_id = org', 'g');
  EXECUTE format('CREATE OR REPLACE FUNCTION public.refresh_case_facts_of(org uuid, ids uuid[]) RETURNS void LANGUAGE plpgsql AS %L', src);
  FOR def IN SELECT unnest(config) LOOP
    EXECUTE format('ALTER FUNCTION public.refresh_case_facts_of(uuid, uuid[]) SET %I = %L', split_part(def, '=', 1),
                   substring(def FROM position('=' IN def) + 1));
  END LOOP;
  ALTER FUNCTION public.refresh_case_facts_of(uuid, uuid[]) SET plan_cache_mode = force_custom_plan;

  FOR r IN
    SELECT p.oid, p.proname, p.prosrc FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
    WHERE p.pronamespace = 'public'::regnamespace AND l.lanname = 'plpgsql' AND p.prorettype = 'trigger'::regtype
  LOOP
    src := r.prosrc;
    src := replace(src, 'refresh_case_facts(ARRAY[NEW.', 'refresh_case_facts_of(NEW.organisation_id, ARRAY[NEW.');
    src := replace(src, 'refresh_case_facts(ARRAY[OLD.', 'refresh_case_facts_of(OLD.organisation_id, ARRAY[OLD.');
    src := replace(src, 'refresh_case_facts(ARRAY(', 'refresh_case_facts_of(NEW.organisation_id, ARRAY(');
    IF src ~ 'refresh_case_facts\\(' THEN
      RAISE EXCEPTION 'deepvalue_route_facts: % calls refresh_case_facts in a form it cannot route', r.proname;
    END IF;
    IF src <> r.prosrc THEN
      EXECUTE format('CREATE OR REPLACE FUNCTION public.%I() RETURNS trigger LANGUAGE plpgsql AS %L', r.proname, src);
    END IF;
    EXECUTE format('ALTER FUNCTION public.%I() SET plan_cache_mode = force_custom_plan', r.proname);
  END LOOP;
END $fn$`;

const MARKER = '  -- Nothing left to place:';

export function distributeWithRouting(): string {
  if (!DISTRIBUTE_FUNCTION.includes(MARKER))
    throw new Error('deepvalue_distribute() has no place for the routing step');
  return DISTRIBUTE_FUNCTION.replace(MARKER, `  PERFORM deepvalue_route_facts();\n${MARKER}`);
}

export class CitusRoutedFacts1764440000100 implements MigrationInterface {
  name = 'CitusRoutedFacts1764440000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(ROUTE_FUNCTION);
    await q.query(distributeWithRouting());
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(DISTRIBUTE_FUNCTION);
    await q.query(`DROP FUNCTION deepvalue_route_facts()`);
    await q.query(`DROP FUNCTION IF EXISTS refresh_case_facts_of(uuid, uuid[])`);
  }
}
