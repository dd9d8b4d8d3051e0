/**
 * The per-case facts and the report roll-ups are kept current by row-level triggers instead of
 * statement-level triggers over transition tables (for write speed, docs/decisions.md; and because Citus cannot
 * plan a query over a transition table on a worker).
 *
 * - A time entry added applies its delta to its case's facts (one UPDATE of one row) instead of
 *   recomputing the case; a time entry changed in a way the facts read, or removed, and any other
 *   case record written, recomputes that case (refresh_case_facts for one id).
 * - The roll-up functions keep their statements (the same text, so the outcome-measure definitions
 *   still check them), reading the one row the trigger fired for — `(SELECT NEW.*)` in place of
 *   the transition table `new_rows`, `(SELECT OLD.*)` in place of `old_rows` — and fire only for a
 *   closed case whose facts changed. A later migration that restates them must apply toRowLevel().
 * - Triggers stand aside in their WHEN clause while `deepvalue.defer_facts` is on (bulk imports and
 *   erasure refresh the facts and rebuild the roll-ups once, set-based), so a deferred row costs no
 *   function call.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen: the tables whose rows feed the facts, as migration 1763900000002 listed them.
const CHILD_TABLES = [
  'time_entries',
  'feedback',
  'adviser_assessments',
  'underlying_problems',
  'outcomes',
  'outcome_benefits',
  'follow_ups',
  'referrals',
];
const ROLLUP_FUNCTIONS = ['case_rollups_apply', 'case_pattern_rollups_apply'];
const NOT_DEFERRED = `current_setting('deepvalue.defer_facts', true) IS DISTINCT FROM 'on'`;

/** A roll-up trigger function's statements over the transition tables, rewritten to read the trigger's row. */
export function toRowLevel(source: string): string {
  const rewritten = source
    .replaceAll('FROM new_rows f', 'FROM (SELECT NEW.*) f')
    .replaceAll('FROM old_rows f', 'FROM (SELECT OLD.*) f');
  if (/\b(new_rows|old_rows)\b/.test(rewritten))
    throw new Error('a roll-up function reads a transition table in an unexpected way');
  return rewritten;
}

function toStatementLevel(source: string): string {
  return source
    .replaceAll('FROM (SELECT NEW.*) f', 'FROM new_rows f')
    .replaceAll('FROM (SELECT OLD.*) f', 'FROM old_rows f');
}

async function restate(q: QueryRunner, rewrite: (source: string) => string): Promise<void> {
  for (const fn of ROLLUP_FUNCTIONS) {
    const [{ source }]: Array<{ source: string }> = await q.query(
      `SELECT prosrc AS source FROM pg_proc WHERE oid = $1::regprocedure`,
      [`${fn}()`],
    );
    await q.query(`CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $fn$${rewrite(source)}$fn$`);
  }
}

export class RowLevelFacts1764300000000 implements MigrationInterface {
  name = 'RowLevelFacts1764300000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of CHILD_TABLES)
      for (const op of ['ins', 'upd', 'del']) await q.query(`DROP TRIGGER ${table}_facts_${op} ON ${table}`);
    await q.query(`DROP TRIGGER cases_facts_ins ON cases`);
    await q.query(`DROP TRIGGER cases_facts_upd ON cases`);
    await q.query(`DROP TRIGGER clients_facts_upd ON clients`);
    for (const prefix of ['case_facts_rollup', 'case_facts_patterns'])
      for (const op of ['ins', 'upd', 'del']) await q.query(`DROP TRIGGER ${prefix}_${op} ON case_facts`);
    await q.query(`DROP FUNCTION case_facts_touch_children()`);
    await q.query(`DROP FUNCTION case_facts_touch_cases()`);
    await q.query(`DROP FUNCTION case_facts_touch_clients()`);

    // The facts a time entry feeds (refresh_case_facts' time_entries part), moved by one entry.
    await q.query(`
      CREATE FUNCTION case_facts_add_time_entry() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE case_facts f SET
          total_minutes = f.total_minutes + NEW.minutes,
          relationship_minutes = f.relationship_minutes + CASE WHEN NEW.class = 'relationship' THEN NEW.minutes ELSE 0 END,
          lead_relationship_minutes = f.lead_relationship_minutes
            + CASE WHEN NEW.class = 'relationship' AND NEW.adviser_id = f.lead_adviser_id THEN NEW.minutes ELSE 0 END,
          first_relationship_on = CASE WHEN NEW.class = 'relationship' THEN least(f.first_relationship_on, NEW."on")
                                       ELSE f.first_relationship_on END
        WHERE f.organisation_id = NEW.organisation_id AND f.case_id = NEW.case_id;
        -- No facts yet (the case was written while they were deferred): compute them whole.
        IF NOT FOUND THEN PERFORM refresh_case_facts(ARRAY[NEW.case_id]); END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION case_facts_touch_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM refresh_case_facts(ARRAY[NEW.case_id]);
        ELSIF TG_OP = 'DELETE' OR OLD.case_id = NEW.case_id THEN
          PERFORM refresh_case_facts(ARRAY[OLD.case_id]);
        ELSE
          PERFORM refresh_case_facts(ARRAY[OLD.case_id, NEW.case_id]);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION case_facts_touch_case_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_case_facts(ARRAY[NEW.id]);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION case_facts_touch_client_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_case_facts(ARRAY(
          SELECT c.id FROM cases c WHERE c.organisation_id = NEW.organisation_id AND c.client_id = NEW.id));
        RETURN NULL;
      END $$`);

    for (const table of CHILD_TABLES) {
      const insert = table === 'time_entries' ? 'case_facts_add_time_entry()' : 'case_facts_touch_row()';
      await q.query(`CREATE TRIGGER ${table}_facts_ins AFTER INSERT ON ${table}
        FOR EACH ROW WHEN (${NOT_DEFERRED}) EXECUTE FUNCTION ${insert}`);
      // A time entry's note or version changes nothing the facts read.
      const changed =
        table === 'time_entries'
          ? ` AND (OLD.case_id, OLD.adviser_id, OLD."on", OLD.minutes, OLD.class) IS DISTINCT FROM (NEW.case_id, NEW.adviser_id, NEW."on", NEW.minutes, NEW.class)`
          : '';
      await q.query(`CREATE TRIGGER ${table}_facts_upd AFTER UPDATE ON ${table}
        FOR EACH ROW WHEN (${NOT_DEFERRED}${changed}) EXECUTE FUNCTION case_facts_touch_row()`);
      await q.query(`CREATE TRIGGER ${table}_facts_del AFTER DELETE ON ${table}
        FOR EACH ROW WHEN (${NOT_DEFERRED}) EXECUTE FUNCTION case_facts_touch_row()`);
    }
    await q.query(`CREATE TRIGGER cases_facts_ins AFTER INSERT ON cases
      FOR EACH ROW WHEN (${NOT_DEFERRED}) EXECUTE FUNCTION case_facts_touch_case_row()`);
    await q.query(`CREATE TRIGGER cases_facts_upd AFTER UPDATE ON cases
      FOR EACH ROW WHEN (${NOT_DEFERRED}) EXECUTE FUNCTION case_facts_touch_case_row()`);
    await q.query(`CREATE TRIGGER clients_facts_upd AFTER UPDATE ON clients
      FOR EACH ROW WHEN (${NOT_DEFERRED}) EXECUTE FUNCTION case_facts_touch_client_row()`);

    await restate(q, toRowLevel);
    // Only closed cases are counted: an open case's facts (every session recorded on it) move no roll-up.
    for (const [prefix, fn] of [
      ['case_facts_rollup', 'case_rollups_apply()'],
      ['case_facts_patterns', 'case_pattern_rollups_apply()'],
    ]) {
      await q.query(`CREATE TRIGGER ${prefix}_ins AFTER INSERT ON case_facts
        FOR EACH ROW WHEN (${NOT_DEFERRED} AND NEW.closed_on IS NOT NULL) EXECUTE FUNCTION ${fn}`);
      await q.query(`CREATE TRIGGER ${prefix}_upd AFTER UPDATE ON case_facts
        FOR EACH ROW WHEN (${NOT_DEFERRED} AND (OLD.closed_on IS NOT NULL OR NEW.closed_on IS NOT NULL)
                           AND OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION ${fn}`);
      await q.query(`CREATE TRIGGER ${prefix}_del AFTER DELETE ON case_facts
        FOR EACH ROW WHEN (${NOT_DEFERRED} AND OLD.closed_on IS NOT NULL) EXECUTE FUNCTION ${fn}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const prefix of ['case_facts_rollup', 'case_facts_patterns'])
      for (const op of ['ins', 'upd', 'del']) await q.query(`DROP TRIGGER ${prefix}_${op} ON case_facts`);
    await restate(q, toStatementLevel);
    for (const [prefix, fn] of [
      ['case_facts_rollup', 'case_rollups_apply()'],
      ['case_facts_patterns', 'case_pattern_rollups_apply()'],
    ]) {
      await q.query(`CREATE TRIGGER ${prefix}_ins AFTER INSERT ON case_facts REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`);
      await q.query(`CREATE TRIGGER ${prefix}_upd AFTER UPDATE ON case_facts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`);
      await q.query(`CREATE TRIGGER ${prefix}_del AFTER DELETE ON case_facts REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`);
    }
    for (const table of CHILD_TABLES)
      for (const op of ['ins', 'upd', 'del']) await q.query(`DROP TRIGGER ${table}_facts_${op} ON ${table}`);
    await q.query(`DROP TRIGGER cases_facts_ins ON cases`);
    await q.query(`DROP TRIGGER cases_facts_upd ON cases`);
    await q.query(`DROP TRIGGER clients_facts_upd ON clients`);
    await q.query(`DROP FUNCTION case_facts_add_time_entry()`);
    await q.query(`DROP FUNCTION case_facts_touch_row()`);
    await q.query(`DROP FUNCTION case_facts_touch_case_row()`);
    await q.query(`DROP FUNCTION case_facts_touch_client_row()`);

    // As migration 1763900000002 made them.
    const deferred = `IF current_setting('deepvalue.defer_facts', true) = 'on' THEN RETURN NULL; END IF;`;
    await q.query(`
      CREATE FUNCTION case_facts_touch_children() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${deferred}
        IF TG_OP = 'INSERT' THEN
          PERFORM refresh_case_facts(ARRAY(SELECT DISTINCT case_id FROM new_rows));
        ELSIF TG_OP = 'UPDATE' THEN
          PERFORM refresh_case_facts(ARRAY(SELECT case_id FROM new_rows UNION SELECT case_id FROM old_rows));
        ELSE
          PERFORM refresh_case_facts(ARRAY(SELECT DISTINCT case_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION case_facts_touch_cases() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${deferred}
        PERFORM refresh_case_facts(ARRAY(SELECT id FROM new_rows));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION case_facts_touch_clients() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${deferred}
        PERFORM refresh_case_facts(ARRAY(
          SELECT c.id FROM cases c JOIN new_rows n ON c.organisation_id = n.organisation_id AND c.client_id = n.id));
        RETURN NULL;
      END $$`);
    for (const table of CHILD_TABLES) {
      await q.query(`CREATE TRIGGER ${table}_facts_ins AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION case_facts_touch_children()`);
      await q.query(`CREATE TRIGGER ${table}_facts_upd AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION case_facts_touch_children()`);
      await q.query(`CREATE TRIGGER ${table}_facts_del AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION case_facts_touch_children()`);
    }
    await q.query(`CREATE TRIGGER cases_facts_ins AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION case_facts_touch_cases()`);
    await q.query(`CREATE TRIGGER cases_facts_upd AFTER UPDATE ON cases REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION case_facts_touch_cases()`);
    await q.query(`CREATE TRIGGER clients_facts_upd AFTER UPDATE ON clients REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION case_facts_touch_clients()`);
  }
}
