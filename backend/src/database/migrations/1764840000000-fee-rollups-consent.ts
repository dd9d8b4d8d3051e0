/**
 * The fee roll-ups split by consent, and a clean-up that reads only the rows a change emptied (the
 * evidence pack at 1,000,000 cases, docs/benchmarks.md):
 *   - case_fee_rollups and case_fee_minute_rollups gain evidence_consent in their keys, as
 *     case_pricing_rollups and case_pattern_rollups have it, so the pack (consenting clients only)
 *     reads its fee lines and median hours from them instead of two passes over every closed case;
 *     reports for every client sum both halves;
 *   - the trigger's clean-up deleted every row of the organisation's closing month whose count was 0,
 *     reading ~20,000–50,000 rows a month at 1M through the (organisation, closed_month) index; it now
 *     deletes only at the keys the old row counted in (the only rows a change can empty).
 * The functions are restated whole (a migration is a snapshot; the per-case text of each column is what
 * analytics/fee-rollups.sql.ts generates, checked by analytics/fee-rollups.e2e.spec.ts), adapted to a
 * Citus cluster by deepvalue_distribute() as before, and the tables rebuilt.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { RollupColumns } from './1764300100000-measure-rollups.js';
import { feeRollupFunctions as feeRollupFunctionsBefore } from './1764630000000-fee-rollups.js';

// case_measure_rollups' dimensions as migration 1764300100000 wrote them (a snapshot).
const DIMENSIONS = `CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)`;

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

const KEY = 'organisation_id, dim, dim_value, closed_month, evidence_consent, category, fee_from, hour';
const MINUTE_KEY = 'organisation_id, dim, dim_value, category, total_minutes, closed_month, evidence_consent';
const KEY_BEFORE = 'organisation_id, dim, dim_value, closed_month, category, fee_from, hour';
const MINUTE_KEY_BEFORE = 'organisation_id, dim, dim_value, category, total_minutes, closed_month';

/**
 * Each closed case of `source` (rows of case_facts with a sign `s`) once, with its applying fee row's
 * start (`fee_from`) and its columns as `p_<column>`; `fees` is the fee_rows_for call to meet it with.
 */
export function feeCaseRows(source: string, columns: RollupColumns, fees: string): string {
  return `SELECT f.s, f.organisation_id, f.closed_on, f.evidence_consent, f.category, f.total_minutes, f.office_id,
           f.lead_adviser_id, f.funding_stream, f.arrival_route, f.vulnerabilities,
           coalesce(fee.effective_from, '-infinity') AS fee_from,
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
  SELECT f.organisation_id, d.dim, d.dim_value, date_trunc('month', f.closed_on)::date, f.evidence_consent, f.category,
         f.fee_from, f.total_minutes / 60,
         ${columns.map(([column, type]) => `coalesce(sum(f.s * f.p_${column}), 0)::${type} AS ${column}`).join(',\n         ')}
    FROM (${feeCaseRows(source, columns, fees)}) f
  ${DIMENSIONS}
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
   ORDER BY 1, 2, 3, 4, 5, 6, 7, 8${
     onConflict
       ? `
  ON CONFLICT (${KEY}) DO UPDATE SET
    ${columns.map(([column]) => `${column} = r.${column} + EXCLUDED.${column}`).join(',\n    ')}`
       : ''
   }`;
  const minutes = (source: string, onConflict: boolean) => `INSERT INTO case_fee_minute_rollups AS r (${MINUTE_KEY}, n)
  SELECT f.organisation_id, d.dim, d.dim_value, f.category, f.total_minutes, date_trunc('month', f.closed_on)::date,
         f.evidence_consent, sum(f.s)::integer
    FROM (${source}) f
  ${DIMENSIONS}
   WHERE f.closed_on IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6, 7
   ORDER BY 1, 2, 3, 4, 5, 6, 7${onConflict ? `\n  ON CONFLICT (${MINUTE_KEY}) DO UPDATE SET n = r.n + EXCLUDED.n` : ''}`;

  const OLD_ROW = `SELECT -1 AS s, (OLD).*`;
  const NEW_ROW = `SELECT 1 AS s, (NEW).*`;
  const LATERAL_FEES = 'LATERAL fee_rows_for(f.organisation_id)';
  const both = (source: string) => `${lines(source, LATERAL_FEES, true)};
    ${minutes(source, true)}`;
  // Only a row the old values counted in can have fallen to 0: delete at those keys (any fee row). The
  // organisation is named as a value so Citus sends the statement to its shard (migration 1764440000000).
  const cleanUp = `DELETE FROM case_fee_rollups r USING (SELECT (OLD).*) f
    ${DIMENSIONS}
     WHERE r.organisation_id = OLD.organisation_id AND r.dim = d.dim AND r.dim_value = d.dim_value
       AND r.closed_month = date_trunc('month', OLD.closed_on)::date AND r.evidence_consent = OLD.evidence_consent
       AND r.category = OLD.category AND r.hour = OLD.total_minutes / 60 AND r.cases = 0;
    DELETE FROM case_fee_minute_rollups r USING (SELECT (OLD).*) f
    ${DIMENSIONS}
     WHERE r.organisation_id = OLD.organisation_id AND r.dim = d.dim AND r.dim_value = d.dim_value
       AND r.category = OLD.category AND r.total_minutes = OLD.total_minutes
       AND r.closed_month = date_trunc('month', OLD.closed_on)::date AND r.evidence_consent = OLD.evidence_consent
       AND r.n = 0`;
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
    ${cleanUp};
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

/** Every organisation's fee roll-ups rebuilt, one call each from the coordinator on Citus (as 1764830000000). */
const REBUILD_ALL = `DO $$
  DECLARE org uuid;
  BEGIN
    FOR org IN SELECT id FROM organisations ORDER BY id LOOP
      PERFORM rebuild_case_fee_rollups(org);
    END LOOP;
  END $$`;

/** Both tables emptied and their keys set (rebuilt after). */
async function rekey(q: QueryRunner, key: string, minuteKey: string, consent: 'add' | 'drop'): Promise<void> {
  await q.query(`TRUNCATE case_fee_rollups, case_fee_minute_rollups`);
  for (const [table, columns] of [
    ['case_fee_rollups', key],
    ['case_fee_minute_rollups', minuteKey],
  ]) {
    await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey`);
    await q.query(
      consent === 'add'
        ? `ALTER TABLE ${table} ADD COLUMN evidence_consent boolean NOT NULL`
        : `ALTER TABLE ${table} DROP COLUMN evidence_consent`,
    );
    await q.query(`ALTER TABLE ${table} ADD PRIMARY KEY (${columns})`);
  }
}

export class FeeRollupsConsent1764840000000 implements MigrationInterface {
  name = 'FeeRollupsConsent1764840000000';

  async up(q: QueryRunner): Promise<void> {
    await rekey(q, KEY, MINUTE_KEY, 'add');
    const { apply, rebuild } = feeRollupFunctions(COLUMNS);
    await q.query(apply);
    await q.query(rebuild);
    // On a Citus cluster already distributed, the restated rebuild is adapted to it; on one server this
    // does nothing (docs/scaling.md).
    await q.query(`SELECT deepvalue_distribute()`);
    await q.query(REBUILD_ALL);
  }

  async down(q: QueryRunner): Promise<void> {
    await rekey(q, KEY_BEFORE, MINUTE_KEY_BEFORE, 'drop');
    const { apply, rebuild } = feeRollupFunctionsBefore(COLUMNS);
    await q.query(apply);
    await q.query(rebuild);
    await q.query(`SELECT deepvalue_distribute()`);
    await q.query(REBUILD_ALL);
  }
}
