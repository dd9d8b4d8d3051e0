/**
 * Fixed fee against need from roll-ups (docs/architecture.md, How a figure travels), so the report reads a few thousand pre-summed rows
 * instead of every closed case:
 *   - fee_default_rates: the default fee rows, as their one definition (fee-defaults.ts) gave them;
 *     fee_rows_for(org) gives the rows in force for an organisation (its latest saved version, or these);
 *   - case_fee_rollups: per organisation × dimension value (case_measure_rollups' dimensions) × closing
 *     month × category × applying fee row (its effective_from; -infinity for none) × whole hours of
 *     recorded time, the cases, their minutes and their counts within / beyond the fee line and past
 *     the escape threshold, each case classified when written against the fee table in force;
 *   - case_fee_minute_rollups: per organisation × dimension value × category × minutes × closing month,
 *     how many cases took that many minutes: the quartiles read the exact minutes of the hours they fall in.
 * Kept current by a row-level trigger on case_facts (old row out, new row in, same transaction; open
 * cases return at once); bulk imports defer it and rebuild once (rebuild_case_fee_rollups). Saving a
 * fee table rebuilds the organisation's case_fee_rollups in the saving transaction
 * (rebuild_case_fee_rollups(org, false): the minute counts do not depend on fees). The per-case text of
 * each column is what analytics/fee-rollups.sql.ts generates from the definitions, written out here
 * because a migration is a snapshot; analytics/fee-rollups.e2e.spec.ts checks the installed functions
 * and the default rows.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { RollupColumns } from './1764300100000-measure-rollups.js';

// case_measure_rollups' dimensions as migration 1764300100000 wrote them, copied here because a
// migration is a snapshot: a later change to that constant must not change this one.
const DIMENSIONS = `CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)`;

// The default fee rows as analytics/fee-defaults.ts gave them when this migration was written
// (category, effective from, fixed fee, escape threshold); fee-rollups.e2e.spec.ts checks the table
// still equals fee-defaults.ts, so a change there needs a migration of its own.
const DEFAULT_FEE_ROWS: Array<[string, string, number, number | null]> = [
  ['housing', '2013-04-01', 157, 471],
  ['housing', '2025-12-22', 223, 669],
  ['debt', '2013-04-01', 180, 540],
  ['debt', '2025-12-22', 256, 768],
  ['welfare_benefits', '2014-01-01', 208, null],
  ['welfare_benefits', '2025-05-01', 208, 624],
];

const WITHIN = 'f.total_minutes * fee.hourly_rate_gbp <= fee.fixed_fee_gbp * 60';
const BEYOND = 'f.total_minutes * fee.hourly_rate_gbp > fee.fixed_fee_gbp * 60';
const ESCAPE_KNOWN = 'fee.hourly_rate_gbp IS NOT NULL AND fee.escape_threshold_gbp IS NOT NULL';
const ESCAPED = 'f.total_minutes * fee.hourly_rate_gbp > fee.escape_threshold_gbp * 60';
const ELIGIBLE = "f.result IN ('positive', 'partly_positive', 'negative')";
const SUCCESS = "f.result IN ('positive', 'partly_positive')";
const oneIf = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;

const COLUMNS: RollupColumns = [
  ['cases', 'bigint', '1'],
  ['minutes', 'bigint', 'f.total_minutes'],
  ['within_cases', 'bigint', oneIf(WITHIN)],
  ['within_n', 'bigint', oneIf(`${WITHIN} AND ${ELIGIBLE}`)],
  ['within_positive', 'bigint', oneIf(`${WITHIN} AND ${SUCCESS}`)],
  ['beyond_cases', 'bigint', oneIf(BEYOND)],
  ['beyond_n', 'bigint', oneIf(`${BEYOND} AND ${ELIGIBLE}`)],
  ['beyond_positive', 'bigint', oneIf(`${BEYOND} AND ${SUCCESS}`)],
  ['escape_n', 'bigint', oneIf(ESCAPE_KNOWN)],
  ['escape_count', 'bigint', oneIf(`${ESCAPE_KNOWN} AND ${ESCAPED}`)],
];

const KEY = 'organisation_id, dim, dim_value, closed_month, category, fee_from, hour';
const MINUTE_KEY = 'organisation_id, dim, dim_value, category, total_minutes, closed_month';

/**
 * Each closed case of `source` (rows of case_facts with a sign `s`) once, with its applying fee row's
 * start (`fee_from`) and its columns as `p_<column>`; `fees` is the fee_rows_for call to meet it with.
 */
export function feeCaseRows(source: string, columns: RollupColumns, fees: string): string {
  return `SELECT f.s, f.organisation_id, f.closed_on, f.category, f.total_minutes, f.office_id, f.lead_adviser_id,
           f.funding_stream, f.arrival_route, f.vulnerabilities, coalesce(fee.effective_from, '-infinity') AS fee_from,
           ${columns.map(([column, , text]) => `${text} AS p_${column}`).join(',\n           ')}
      FROM (${source}) f
      LEFT JOIN ${fees} fee ON fee.category = f.category AND f.opened_on >= fee.effective_from
                           AND (fee.effective_until IS NULL OR f.opened_on < fee.effective_until)
     WHERE f.closed_on IS NOT NULL`;
}

/** The trigger function and the rebuild. */
export function feeRollupFunctions(columns: RollupColumns): { apply: string; rebuild: string } {
  const names = columns.map(([column]) => column).join(', ');
  const lines = (
    source: string,
    fees: string,
    onConflict: boolean,
  ) => `INSERT INTO case_fee_rollups AS r (${KEY}, ${names})
  SELECT f.organisation_id, d.dim, d.dim_value, date_trunc('month', f.closed_on)::date, f.category, f.fee_from,
         f.total_minutes / 60,
         ${columns.map(([column, type]) => `coalesce(sum(f.s * f.p_${column}), 0)::${type} AS ${column}`).join(',\n         ')}
    FROM (${feeCaseRows(source, columns, fees)}) f
  ${DIMENSIONS}
   GROUP BY 1, 2, 3, 4, 5, 6, 7
   ORDER BY 1, 2, 3, 4, 5, 6, 7${
     onConflict
       ? `
  ON CONFLICT (${KEY}) DO UPDATE SET
    ${columns.map(([column]) => `${column} = r.${column} + EXCLUDED.${column}`).join(',\n    ')}`
       : ''
   }`;
  const minutes = (source: string, onConflict: boolean) => `INSERT INTO case_fee_minute_rollups AS r (${MINUTE_KEY}, n)
  SELECT f.organisation_id, d.dim, d.dim_value, f.category, f.total_minutes, date_trunc('month', f.closed_on)::date,
         sum(f.s)::integer
    FROM (${source}) f
  ${DIMENSIONS}
   WHERE f.closed_on IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6
   ORDER BY 1, 2, 3, 4, 5, 6${onConflict ? `\n  ON CONFLICT (${MINUTE_KEY}) DO UPDATE SET n = r.n + EXCLUDED.n` : ''}`;

  const OLD_ROW = `SELECT -1 AS s, (OLD).*`;
  const NEW_ROW = `SELECT 1 AS s, (NEW).*`;
  const LATERAL_FEES = 'LATERAL fee_rows_for(f.organisation_id)';
  const both = (source: string) => `${lines(source, LATERAL_FEES, true)};
    ${minutes(source, true)}`;
  const apply = `CREATE OR REPLACE FUNCTION case_fee_rollups_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  -- Bulk imports rebuild their organisation's roll-ups once, at the end of their transaction.
  IF current_setting('deepvalue.defer_facts', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.closed_on IS NULL THEN RETURN NULL; END IF;
    ${both(NEW_ROW)};
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.closed_on IS NULL THEN RETURN NULL; END IF;
    ${both(OLD_ROW)};
  ELSE
    IF (OLD.closed_on IS NULL AND NEW.closed_on IS NULL) OR OLD IS NOT DISTINCT FROM NEW THEN RETURN NULL; END IF;
    ${both(`${OLD_ROW} UNION ALL ${NEW_ROW}`)};
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.closed_on IS NOT NULL THEN
    DELETE FROM case_fee_rollups
     WHERE organisation_id = OLD.organisation_id AND closed_month = date_trunc('month', OLD.closed_on)::date
       AND cases = 0;
    DELETE FROM case_fee_minute_rollups
     WHERE organisation_id = OLD.organisation_id AND closed_month = date_trunc('month', OLD.closed_on)::date
       AND n = 0;
  END IF;
  RETURN NULL;
END $fn$`;

  const ALL = `SELECT 1 AS s, c.* FROM case_facts c WHERE c.organisation_id = org`;
  const rebuild = `CREATE OR REPLACE FUNCTION rebuild_case_fee_rollups(org uuid, with_minutes boolean DEFAULT true)
RETURNS void LANGUAGE plpgsql SET work_mem = '128MB' AS $fn$
BEGIN
  DELETE FROM case_fee_rollups WHERE organisation_id = org;
  ${lines(ALL, '(SELECT * FROM fee_rows_for(org))', false)};
  IF with_minutes THEN
    DELETE FROM case_fee_minute_rollups WHERE organisation_id = org;
    ${minutes(ALL, false)};
  END IF;
END $fn$`;
  return { apply, rebuild };
}

/** The fee rows in force for an organisation: its latest saved version, or the defaults (no hourly rate). */
const FEE_ROWS_FOR = `CREATE OR REPLACE FUNCTION fee_rows_for(org uuid)
RETURNS TABLE (category text, effective_from date, effective_until date, fixed_fee_gbp numeric,
               escape_threshold_gbp numeric, hourly_rate_gbp numeric)
LANGUAGE sql STABLE AS $fn$
  SELECT r.category, r.effective_from,
         lead(r.effective_from) OVER (PARTITION BY r.category ORDER BY r.effective_from),
         r.fixed_fee_gbp, r.escape_threshold_gbp, r.hourly_rate_gbp
    FROM fee_rates r
   WHERE r.organisation_id = org
     AND r.version = (SELECT max(l.version) FROM fee_rates l WHERE l.organisation_id = org)
  UNION ALL
  SELECT d.category, d.effective_from,
         lead(d.effective_from) OVER (PARTITION BY d.category ORDER BY d.effective_from),
         d.fixed_fee_gbp, d.escape_threshold_gbp, NULL::numeric
    FROM fee_default_rates d
   WHERE NOT EXISTS (SELECT 1 FROM fee_rates l WHERE l.organisation_id = org)
$fn$`;

export class FeeRollups1764630000000 implements MigrationInterface {
  name = 'FeeRollups1764630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE fee_default_rates (
      category text NOT NULL,
      effective_from date NOT NULL,
      fixed_fee_gbp numeric(10, 2) NOT NULL,
      escape_threshold_gbp numeric(10, 2),
      PRIMARY KEY (category, effective_from))`);
    await q.query(
      `INSERT INTO fee_default_rates SELECT * FROM unnest($1::text[], $2::date[], $3::numeric[], $4::numeric[])`,
      [
        DEFAULT_FEE_ROWS.map((r) => r[0]),
        DEFAULT_FEE_ROWS.map((r) => r[1]),
        DEFAULT_FEE_ROWS.map((r) => r[2]),
        DEFAULT_FEE_ROWS.map((r) => r[3]),
      ],
    );
    await q.query(`CREATE TABLE case_fee_rollups (
      organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      dim text NOT NULL,
      dim_value text NOT NULL,
      closed_month date NOT NULL,
      category text NOT NULL,
      fee_from date NOT NULL,
      hour integer NOT NULL,
      ${COLUMNS.map(([column, type]) => `${column} ${type} NOT NULL`).join(',\n      ')},
      PRIMARY KEY (${KEY}))`);
    await q.query(`CREATE TABLE case_fee_minute_rollups (
      organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      dim text NOT NULL,
      dim_value text NOT NULL,
      category text NOT NULL,
      total_minutes integer NOT NULL,
      closed_month date NOT NULL,
      n integer NOT NULL,
      PRIMARY KEY (${MINUTE_KEY}))`);
    await q.query(FEE_ROWS_FOR);
    const { apply, rebuild } = feeRollupFunctions(COLUMNS);
    await q.query(apply);
    await q.query(rebuild);
    await q.query(`CREATE TRIGGER case_facts_fee_row AFTER INSERT OR UPDATE OR DELETE ON case_facts
      FOR EACH ROW EXECUTE FUNCTION case_fee_rollups_apply()`);
    // On a Citus cluster already distributed this rebuild cannot run yet (fee_rows_for is SQL until the
    // Citus-only 1764740000000 makes it PL/pgSQL: "parameterized queries for SQL functions referencing
    // distributed tables are not supported"); migration 1764830000000 rebuilds there instead.
    const [{ citus }] = await q.query(`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') AS citus`);
    if (!citus) await q.query(`SELECT rebuild_case_fee_rollups(id) FROM organisations`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER case_facts_fee_row ON case_facts`);
    await q.query(`DROP FUNCTION case_fee_rollups_apply()`);
    await q.query(`DROP FUNCTION rebuild_case_fee_rollups(uuid, boolean)`);
    await q.query(`DROP FUNCTION fee_rows_for(uuid)`);
    await q.query(`DROP TABLE case_fee_minute_rollups`);
    await q.query(`DROP TABLE case_fee_rollups`);
    await q.query(`DROP TABLE fee_default_rates`);
  }
}
