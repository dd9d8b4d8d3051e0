/**
 * Checks a batch written with triggers off (session_replication_role = replica), where
 * PostgreSQL's per-row foreign-key triggers — which cost more than the rest of an import together,
 * as each takes a row lock and writes WAL — do not run. One set-based query per batch:
 * - every row written belongs to the batch's cases: per table, the rows found for the batch's
 *   (organisation, case ids) must number exactly the rows written (the batch's cases are new, or
 *   were deleted with their records first), which covers each (organisation_id, case_id) key;
 * - every other foreign key (adviser, client, office, partner, organisation) of those rows has its
 *   parent, read from the catalog, so a key added later is covered without a change here.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  columns: string[];
  parentColumns: string[];
}

export interface BatchCheck {
  /** Prepared once per connection under this name. */
  name: string;
  /** Parameters: $1 organisation id, $2 the batch's case ids. One row: n_<table> counts and `violated`. */
  sql: string;
}

export interface BatchCheckResult {
  counts: Record<string, number>;
  violated: string | null;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const CASE_KEY = ['organisation_id', 'case_id'];

/** May this session switch triggers off? (superuser, or GRANT SET ON PARAMETER session_replication_role) */
export async function canSkipTriggers(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ allowed: boolean }>(
    `SELECT has_parameter_privilege('session_replication_role', 'SET') AS allowed`,
  );
  return rows[0]?.allowed === true;
}

/** `cases` plus tables keyed by (organisation_id, case_id). */
export async function prepareBatchCheck(client: pg.ClientBase, caseTables: string[]): Promise<BatchCheck> {
  const tables = ['cases', ...caseTables];
  const { rows: keys } = await client.query<ForeignKey>(
    `SELECT c.conname AS name, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
            array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(num, i)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.i) AS columns,
            array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(num, i)
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.i) AS "parentColumns"
     FROM pg_constraint c
     WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[])
     ORDER BY 2, 1`,
    [tables],
  );
  const batchRows = (table: string) =>
    table === 'cases'
      ? 'ch.organisation_id = $1 AND ch.id = ANY($2::uuid[])'
      : 'ch.organisation_id = $1 AND ch.case_id = ANY($2::uuid[])';
  const counts = tables.map((t) => `(SELECT count(*)::int FROM ${t} ch WHERE ${batchRows(t)}) AS ${quote(`n_${t}`)}`);
  const branches = keys
    .filter((fk) => !(fk.parent === 'cases' && fk.columns.join() === CASE_KEY.join()))
    .map((fk) => {
      // MATCH SIMPLE, as the constraints are declared: a row with a null in the key is not checked.
      const present = fk.columns.map((c) => `ch.${quote(c)} IS NOT NULL`).join(' AND ');
      const joined = fk.columns.map((c, i) => `p.${quote(fk.parentColumns[i])} = ch.${quote(c)}`).join(' AND ');
      return `(SELECT ${literal(fk.name)}::text AS violated FROM ${fk.child} ch
        WHERE ${batchRows(fk.child)} AND ${present} AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE ${joined}) LIMIT 1)`;
    });
  const violated = branches.length
    ? `(SELECT violated FROM (${branches.join('\n      UNION ALL ')}) v LIMIT 1)`
    : 'NULL::text';
  const sql = `SELECT ${counts.join(',\n  ')},\n  ${violated} AS violated`;
  // Named by its text: a schema change (another foreign key) gives another statement.
  return { name: `import-batch-check-${createHash('sha256').update(sql).digest('hex').slice(0, 16)}`, sql };
}

export async function runBatchCheck(
  client: pg.ClientBase,
  check: BatchCheck,
  organisationId: string,
  caseIds: string[],
): Promise<BatchCheckResult> {
  const { rows } = await client.query<Record<string, number | string | null>>({
    name: check.name,
    text: check.sql,
    values: [organisationId, caseIds],
  });
  const { violated, ...counts } = rows[0];
  return {
    violated: (violated as string | null) ?? null,
    counts: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k.slice(2), Number(v)])),
  };
}
