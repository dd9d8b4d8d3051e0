/**
 * Pricing from a roll-up (docs/architecture.md, How a figure travels), so the pricing report reads a few thousand pre-summed rows
 * instead of every closed case and its benefits:
 *   - case_pricing_rollups: per organisation × dimension value (case_measure_rollups' dimensions) ×
 *     closing month × consent × category × band of relationship time, the cases, their adviser and
 *     relationship minutes, avoided appeals and bounce-backs avoided, and per benefit type the cases
 *     recording it, its £ and the rows without an amount (a benefit recording the same avoided event
 *     as another on the case left out). Keyed by month: the days of months a period cuts, and the
 *     month of the bounce-back maturity cut-off, are read from the facts.
 * Kept current by a row-level trigger on case_facts like case_measure_rollups (old row out, new row
 * in, same transaction; open cases return at once); bulk imports defer it and rebuild once
 * (rebuild_case_pricing_rollups). The per-case text of each column is what
 * pricing/pricing-rollups.sql.ts generates from the definitions, written out here because a
 * migration is a snapshot; pricing/pricing-rollups.e2e.spec.ts checks the installed functions.
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

export const CASE_COLUMNS: RollupColumns = [
  ['cases', 'bigint', '1'],
  ['total_minutes', 'bigint', 'f.total_minutes'],
  ['relationship_minutes', 'bigint', 'f.relationship_minutes'],
  [
    'avoided_appeal',
    'bigint',
    "CASE WHEN (f.appeal = 'considered_not_pursued' AND f.accepted AND coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome') THEN 1 ELSE 0 END",
  ],
  ['bounce_back_avoided', 'bigint', 'CASE WHEN f.followed_up AND NOT f.same_problem_recontact_6m THEN 1 ELSE 0 END'],
];

const BENEFITS: Array<[type: string, counted: string]> = [
  ['eviction_avoided', "b.type = 'eviction_avoided'"],
  ['home_kept', "b.type = 'home_kept' AND NOT (f.benefit_types @> ARRAY['eviction_avoided']::text[])"],
  ['benefit_awarded', "b.type = 'benefit_awarded'"],
  ['benefit_reinstated', "b.type = 'benefit_reinstated'"],
  ['debt_written_off', "b.type = 'debt_written_off'"],
  ['debt_made_manageable', "b.type = 'debt_made_manageable'"],
  ['employment_kept', "b.type = 'employment_kept'"],
  ['immigration_status_secured', "b.type = 'immigration_status_secured'"],
  ['care_package_secured', "b.type = 'care_package_secured'"],
  ['other', "b.type = 'other'"],
];

export const BENEFIT_COLUMNS: RollupColumns = BENEFITS.flatMap(([type, counted]): RollupColumns => [
  [`benefit_${type}_cases`, 'bigint', `count(*) FILTER (WHERE ${counted})`],
  [`benefit_${type}_gbp`, 'numeric', `coalesce(sum(b.amount) FILTER (WHERE ${counted}), 0)`],
  [`benefit_${type}_without`, 'bigint', `count(*) FILTER (WHERE ${counted} AND b.amount IS NULL)`],
]);

const KEY = 'organisation_id, dim, dim_value, closed_month, evidence_consent, category, band';

/** The trigger function and the rebuild. */
export function pricingRollupFunctions(
  caseColumns: RollupColumns,
  benefitColumns: RollupColumns,
): { apply: string; rebuild: string } {
  const columns = [...caseColumns, ...benefitColumns];
  const names = columns.map(([column]) => column).join(', ');
  /** Each case `f` (with its sign `s`) once, its values worked out before it meets its dimensions. */
  const perCase = (
    source: string,
  ) => `SELECT f.s, f.organisation_id, f.closed_on, f.evidence_consent, f.category, f.band,
           f.office_id, f.lead_adviser_id, f.funding_stream, f.arrival_route, f.vulnerabilities,
           ${caseColumns.map(([column, , text]) => `${text} AS p_${column}`).join(',\n           ')},
           b.*
      FROM (${source}) f
     CROSS JOIN LATERAL (
       SELECT ${benefitColumns.map(([column, , text]) => `${text} AS p_${column}`).join(',\n              ')}
         FROM unnest(f.benefit_types, f.benefit_amounts_gbp) AS b(type, amount)) b
     WHERE f.closed_on IS NOT NULL`;
  const applyRows = (source: string, onConflict: boolean) => `INSERT INTO case_pricing_rollups AS r (${KEY}, ${names})
  SELECT f.organisation_id, d.dim, d.dim_value, date_trunc('month', f.closed_on)::date, f.evidence_consent, f.category,
         f.band,
         ${columns.map(([column, type]) => `coalesce(sum(f.s * f.p_${column}), 0)::${type} AS ${column}`).join(',\n         ')}
    FROM (${perCase(source)}) f
  ${DIMENSIONS}
   GROUP BY 1, 2, 3, 4, 5, 6, 7
   ORDER BY 1, 2, 3, 4, 5, 6, 7${
     onConflict
       ? `
  ON CONFLICT (${KEY}) DO UPDATE SET
    ${columns.map(([column]) => `${column} = r.${column} + EXCLUDED.${column}`).join(',\n    ')}`
       : ''
   }`;

  const OLD_ROW = `SELECT -1 AS s, (OLD).*`;
  const NEW_ROW = `SELECT 1 AS s, (NEW).*`;
  const apply = `CREATE OR REPLACE FUNCTION case_pricing_rollups_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  -- Bulk imports rebuild their organisation's roll-ups once, at the end of their transaction.
  IF current_setting('deepvalue.defer_facts', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.closed_on IS NULL THEN RETURN NULL; END IF;
    ${applyRows(NEW_ROW, true)};
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.closed_on IS NULL THEN RETURN NULL; END IF;
    ${applyRows(OLD_ROW, true)};
  ELSE
    IF (OLD.closed_on IS NULL AND NEW.closed_on IS NULL) OR OLD IS NOT DISTINCT FROM NEW THEN RETURN NULL; END IF;
    ${applyRows(`${OLD_ROW} UNION ALL ${NEW_ROW}`, true)};
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.closed_on IS NOT NULL THEN
    DELETE FROM case_pricing_rollups
     WHERE organisation_id = OLD.organisation_id AND closed_month = date_trunc('month', OLD.closed_on)::date
       AND cases = 0;
  END IF;
  RETURN NULL;
END $fn$`;

  const rebuild = `CREATE OR REPLACE FUNCTION rebuild_case_pricing_rollups(org uuid) RETURNS void LANGUAGE plpgsql
SET work_mem = '128MB' AS $fn$
BEGIN
  DELETE FROM case_pricing_rollups WHERE organisation_id = org;
  ${applyRows(`SELECT 1 AS s, c.* FROM case_facts c WHERE c.organisation_id = org`, false)};
END $fn$`;
  return { apply, rebuild };
}

export class PricingRollups1764540000000 implements MigrationInterface {
  name = 'PricingRollups1764540000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE case_pricing_rollups (
      organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      dim text NOT NULL,
      dim_value text NOT NULL,
      closed_month date NOT NULL,
      evidence_consent boolean NOT NULL,
      category text NOT NULL,
      band smallint NOT NULL,
      ${[...CASE_COLUMNS, ...BENEFIT_COLUMNS].map(([column, type]) => `${column} ${type} NOT NULL`).join(',\n      ')},
      PRIMARY KEY (${KEY}))`);
    const { apply, rebuild } = pricingRollupFunctions(CASE_COLUMNS, BENEFIT_COLUMNS);
    await q.query(apply);
    await q.query(rebuild);
    await q.query(`CREATE TRIGGER case_facts_pricing_row AFTER INSERT OR UPDATE OR DELETE ON case_facts
      FOR EACH ROW EXECUTE FUNCTION case_pricing_rollups_apply()`);
    await q.query(`SELECT rebuild_case_pricing_rollups(id) FROM organisations`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER case_facts_pricing_row ON case_facts`);
    await q.query(`DROP FUNCTION case_pricing_rollups_apply()`);
    await q.query(`DROP FUNCTION rebuild_case_pricing_rollups(uuid)`);
    await q.query(`DROP TABLE case_pricing_rollups`);
  }
}
