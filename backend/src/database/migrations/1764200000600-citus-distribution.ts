/**
 * The Citus distribution step (docs/scaling.md). `deepvalue_distribute()` does nothing unless the
 * database has the `citus` extension; runMigrations calls it after every migration run, so a
 * table added by a later migration is distributed the next time migrations run. On a cluster it:
 *
 * - makes organisations and organisation_shares reference tables (a copy on every node);
 * - distributes every table with a NOT NULL organisation_id by it, co-located with cases;
 * - leaves the rest (migrations, sign-in throttling, the audit log and its chain heads, import
 *   jobs — organisation_id may be NULL there) as coordinator tables;
 * - because Citus needs every unique constraint of a distributed table to contain the distribution
 *   column, rewrites a primary key or unique constraint without organisation_id as
 *   (organisation_id, …), and a foreign key onto such a key as (organisation_id, …) too
 *   (Citus refuses ON DELETE SET NULL on such a key, so those — created_by and the like, onto
 *   users, which the app never deletes — become NO ACTION); a foreign key that cannot hold on a
 *   cluster (from a coordinator or reference table to a distributed one) is dropped, with a NOTICE;
 * - keeps the tables' triggers (citus.enable_unsafe_triggers).
 *
 * Citus refuses to distribute a table that other tables reference, so foreign keys are dropped
 * first and put back last, all in this migration run's transaction.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

const LOCAL_TABLES = [
  'migrations',
  'sign_in_attempts',
  'sign_in_failures',
  'audit_log',
  'audit_chain_heads',
  'import_jobs',
];
const REFERENCE_TABLES = ['organisations', 'organisation_shares'];

export const DISTRIBUTE_FUNCTION = `
CREATE OR REPLACE FUNCTION deepvalue_distribute() RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  local_tables text[] := ARRAY['${LOCAL_TABLES.join("','")}'];
  reference_tables text[] := ARRAY['${REFERENCE_TABLES.join("','")}'];
  r record;
  fk record;
  cols text;
  def text;
  anchor text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN RETURN; END IF;

  -- 0. The facts and roll-up triggers run on the workers' shards. Citus cannot plan the parameters
  -- of a LANGUAGE sql function there, so the void SQL functions they call (refresh_case_facts,
  -- rebuild_case_rollups, ...) become PL/pgSQL with the same statements and settings, and
  -- case_facts' ON CONFLICT names its new key. Done on every run: a later migration may redefine them.
  FOR r IN
    SELECT p.oid, p.proname, pg_get_function_arguments(p.oid) AS args, p.prosrc, p.proconfig
    FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
    WHERE p.pronamespace = 'public'::regnamespace AND l.lanname = 'sql' AND p.prorettype = 'void'::regtype
  LOOP
    EXECUTE format('CREATE OR REPLACE FUNCTION public.%I(%s) RETURNS void LANGUAGE plpgsql AS %L', r.proname, r.args,
      'BEGIN ' || regexp_replace(replace(r.prosrc, 'ON CONFLICT (case_id)', 'ON CONFLICT (organisation_id, case_id)'),
                                 ';?\\s*$', '') || '; END');
    FOR def IN SELECT unnest(r.proconfig) LOOP
      EXECUTE format('ALTER FUNCTION public.%I(%s) SET %I = %L', r.proname, r.args, split_part(def, '=', 1),
                     substring(def FROM position('=' IN def) + 1));
    END LOOP;
  END LOOP;
  -- Nothing left to place: every table already is distributed, a reference table or deliberately local.
  IF NOT EXISTS (
    SELECT 1 FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
      AND NOT EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = c.oid AND p.partmethod IN ('h', 'n'))
      AND NOT c.relname = ANY(local_tables)
      AND (c.relname = ANY(reference_tables) OR EXISTS (
        SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organisation_id' AND a.attnotnull))
  ) THEN RETURN; END IF;

  PERFORM set_config('citus.enable_unsafe_triggers', 'on', true);
  PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);

  CREATE TEMP TABLE dv_targets ON COMMIT DROP AS
    SELECT c.oid AS rel, c.relname AS name,
           CASE WHEN c.relname = ANY(reference_tables) THEN 'reference' ELSE 'distributed' END AS kind,
           EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = c.oid AND p.partmethod IN ('h', 'n')) AS placed
    FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND NOT c.relname = ANY(local_tables)
      AND (c.relname = ANY(reference_tables) OR EXISTS (
        SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organisation_id' AND a.attnotnull));

  -- 1. Take off every foreign key touching a table still to be placed (kept by name: placing a
  -- coordinator table that references a reference table replaces it by a new relation).
  CREATE TEMP TABLE dv_fks ON COMMIT DROP AS
    SELECT con.conname, con.conrelid::regclass::text AS src, con.confrelid::regclass::text AS dst,
           pg_get_constraintdef(con.oid) AS def,
           ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i) AS cols,
           ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i) AS ref_cols
    FROM pg_constraint con
    WHERE con.contype = 'f' AND con.connamespace = 'public'::regnamespace
      AND (con.conrelid IN (SELECT rel FROM dv_targets WHERE NOT placed)
        OR con.confrelid IN (SELECT rel FROM dv_targets WHERE NOT placed));
  FOR fk IN SELECT * FROM dv_fks LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.src, fk.conname);
  END LOOP;

  -- 2. Unique keys of tables to distribute must contain organisation_id.
  FOR r IN
    SELECT con.conname, con.conrelid, con.contype, t.name
    FROM pg_constraint con JOIN dv_targets t ON t.rel = con.conrelid
    WHERE t.kind = 'distributed' AND NOT t.placed AND con.contype IN ('p', 'u')
      AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = con.conrelid AND a.attnum = ANY(con.conkey)
                        AND a.attname = 'organisation_id')
  LOOP
    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.i) INTO cols
    FROM unnest((SELECT conkey FROM pg_constraint WHERE conname = r.conname AND conrelid = r.conrelid)) WITH ORDINALITY k(attnum, i)
    JOIN pg_attribute a ON a.attrelid = r.conrelid AND a.attnum = k.attnum;
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.conrelid::regclass, r.conname);
    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = r.conrelid AND contype IN ('p', 'u')
                 AND pg_get_constraintdef(oid) IN (format('UNIQUE (organisation_id, %s)', cols), format('PRIMARY KEY (organisation_id, %s)', cols)))
       AND r.contype = 'u' THEN
      CONTINUE;
    END IF;
    IF r.contype = 'p' AND EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = r.conrelid AND contype = 'u'
                                     AND pg_get_constraintdef(oid) = format('UNIQUE (organisation_id, %s)', cols)) THEN
      -- UNIQUE (organisation_id, id) already there: it becomes the primary key.
      SELECT conname INTO def FROM pg_constraint WHERE conrelid = r.conrelid AND contype = 'u'
        AND pg_get_constraintdef(oid) = format('UNIQUE (organisation_id, %s)', cols);
      EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.conrelid::regclass, def);
    END IF;
    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s (organisation_id, %s)', r.conrelid::regclass, r.conname,
                   CASE r.contype WHEN 'p' THEN 'PRIMARY KEY' ELSE 'UNIQUE' END, cols);
  END LOOP;

  -- 3. Place the tables: reference tables, then cases, then the rest co-located with cases.
  FOR r IN SELECT * FROM dv_targets WHERE kind = 'reference' AND NOT placed LOOP
    PERFORM create_reference_table(r.rel);
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'cases'::regclass AND partmethod = 'h') THEN
    anchor := 'cases';
  ELSE
    PERFORM create_distributed_table('cases', 'organisation_id');
    anchor := 'cases';
  END IF;
  FOR r IN SELECT * FROM dv_targets WHERE kind = 'distributed' AND NOT placed AND name <> 'cases' ORDER BY name LOOP
    PERFORM create_distributed_table(r.rel, 'organisation_id', colocate_with => anchor);
  END LOOP;

  -- 4. Put the foreign keys back, composite where the key they referenced now is. Citus refuses
  -- ON DELETE SET NULL on a key holding the distribution column: such keys become NO ACTION.
  FOR fk IN SELECT * FROM dv_fks LOOP
    def := fk.def;
    IF EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = fk.dst::regclass AND partmethod = 'h') THEN
      IF NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = fk.src::regclass AND partmethod = 'h') THEN
        RAISE NOTICE 'deepvalue_distribute: % on % dropped (a coordinator or reference table cannot reference a distributed one)',
          fk.conname, fk.src;
        CONTINUE;
      END IF;
      IF NOT 'organisation_id' = ANY(fk.cols) THEN
        fk.cols := array_prepend('organisation_id'::text, fk.cols);
        fk.ref_cols := array_prepend('organisation_id'::text, fk.ref_cols);
      END IF;
      IF def LIKE '%ON DELETE SET%' THEN
        RAISE NOTICE 'deepvalue_distribute: % on % is NO ACTION on delete (was %)', fk.conname, fk.src, substring(def FROM 'ON DELETE SET [A-Z]+');
      END IF;
      SELECT format('FOREIGN KEY (%s) REFERENCES %s(%s)', string_agg(quote_ident(c), ', '), fk.dst,
                    (SELECT string_agg(quote_ident(rc), ', ') FROM unnest(fk.ref_cols) rc))
        INTO def FROM unnest(fk.cols) c;
      IF fk.def LIKE '%ON DELETE CASCADE%' THEN def := def || ' ON DELETE CASCADE'; END IF;
    END IF;
    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', fk.src, fk.conname, def);
  END LOOP;
END $fn$`;

export class CitusDistribution1764200000600 implements MigrationInterface {
  name = 'CitusDistribution1764200000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(DISTRIBUTE_FUNCTION);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION deepvalue_distribute()`);
  }
}
