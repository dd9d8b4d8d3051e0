/**
 * Roll-ups for the measures summary (docs/architecture.md, roll-ups), so "All measures" reads a few thousand pre-summed
 * rows instead of every closed case:
 *   - case_measure_rollups: per organisation × dimension value × closing day, every sum the summary's
 *     figures are read from (each rate's n, count, scope and unknown; the sums and counts behind each
 *     mean; the bounce-in groups). Keyed by day like case_rollups, so any period and the bounce-back
 *     maturity cut-off are exact.
 *   - case_value_rollups: per organisation × dimension value × closing month, how many cases took each
 *     relationship time and each first-contact latency, for the medians (months that a period only
 *     partly covers are read from the facts).
 * The dimensions are case_rollups' (every case in 'all', its category, office — '' for none — lead
 * adviser, funding stream, arrival route and each vulnerability flag), and 'none' for a case with no
 * vulnerability flag, so a breakdown by vulnerability reads its 'No vulnerability flag' group too.
 * Kept current by a row-level trigger on case_facts (each changed row's old values subtracted and new
 * values added, in the same transaction), which needs no transition tables; bulk imports defer it and
 * rebuild once (rebuild_case_measure_rollups). The per-case text of each column is what
 * analytics/measure-rollups.sql.ts generates from the measure definitions, written out here because a
 * migration is a snapshot; analytics/measure-rollups.e2e.spec.ts checks the installed functions.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export type RollupColumns = Array<[column: string, type: string, perCase: string]>;

export const COLUMNS: RollupColumns = [
  ['n_closed', 'bigint', 'CASE WHEN true THEN 1 ELSE 0 END'],
  [
    'positive_outcome_n',
    'bigint',
    "CASE WHEN f.result IN ('positive', 'partly_positive', 'negative') THEN 1 ELSE 0 END",
  ],
  [
    'positive_outcome_count',
    'bigint',
    "CASE WHEN f.result IN ('positive', 'partly_positive', 'negative') THEN CASE WHEN f.result IN ('positive', 'partly_positive') THEN 1 ELSE 0 END ELSE 0 END",
  ],
  ['positive_outcome_scope', 'bigint', '1'],
  ['positive_outcome_unknown', 'bigint', 'CASE WHEN f.result IS NULL THEN 1 ELSE 0 END'],
  ['accepted_n', 'bigint', 'CASE WHEN f.accepted IS NOT NULL THEN 1 ELSE 0 END'],
  [
    'accepted_count',
    'bigint',
    'CASE WHEN f.accepted IS NOT NULL THEN CASE WHEN f.accepted THEN 1 ELSE 0 END ELSE 0 END',
  ],
  ['accepted_scope', 'bigint', '1'],
  ['accepted_unknown', 'bigint', 'CASE WHEN f.accepted IS NULL THEN 1 ELSE 0 END'],
  [
    'avoided_appeal_n',
    'bigint',
    "CASE WHEN f.result = 'negative' AND (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END",
  ],
  [
    'avoided_appeal_count',
    'bigint',
    "CASE WHEN f.result = 'negative' AND (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN CASE WHEN (f.appeal = 'considered_not_pursued' AND f.accepted AND coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome') THEN 1 ELSE 0 END ELSE 0 END",
  ],
  ['avoided_appeal_scope', 'bigint', "CASE WHEN f.result = 'negative' THEN 1 ELSE 0 END"],
  [
    'avoided_appeal_unknown',
    'bigint',
    "CASE WHEN f.result = 'negative' AND NOT (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END",
  ],
  ['problem_uncovered_n', 'bigint', 'CASE WHEN true THEN 1 ELSE 0 END'],
  [
    'problem_uncovered_count',
    'bigint',
    'CASE WHEN true THEN CASE WHEN f.problems_count > 0 THEN 1 ELSE 0 END ELSE 0 END',
  ],
  ['problem_uncovered_scope', 'bigint', '1'],
  ['problem_uncovered_unknown', 'bigint', 'CASE WHEN false THEN 1 ELSE 0 END'],
  ['bounce_back_n', 'bigint', 'CASE WHEN f.followed_up THEN 1 ELSE 0 END'],
  [
    'bounce_back_count',
    'bigint',
    'CASE WHEN f.followed_up THEN CASE WHEN f.same_problem_recontact_6m THEN 1 ELSE 0 END ELSE 0 END',
  ],
  ['bounce_back_scope', 'bigint', '1'],
  ['bounce_back_unknown', 'bigint', 'CASE WHEN NOT f.followed_up THEN 1 ELSE 0 END'],
  [
    'avoided_appeal_overall_n',
    'bigint',
    "CASE WHEN (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END",
  ],
  [
    'avoided_appeal_overall_count',
    'bigint',
    "CASE WHEN (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN CASE WHEN (f.appeal = 'considered_not_pursued' AND f.accepted AND coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome') THEN 1 ELSE 0 END ELSE 0 END",
  ],
  ['avoided_appeal_overall_scope', 'bigint', '1'],
  [
    'avoided_appeal_overall_unknown',
    'bigint',
    "CASE WHEN NOT (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END",
  ],
  ['bounce_out_n', 'bigint', 'CASE WHEN (f.result IS NOT NULL OR f.case_referrals_out > 0) THEN 1 ELSE 0 END'],
  [
    'bounce_out_count',
    'bigint',
    "CASE WHEN (f.result IS NOT NULL OR f.case_referrals_out > 0) THEN CASE WHEN (f.result IN ('withdrawn', 'lost_contact') OR f.case_referrals_out > 0) THEN 1 ELSE 0 END ELSE 0 END",
  ],
  ['bounce_out_scope', 'bigint', '1'],
  ['bounce_out_unknown', 'bigint', 'CASE WHEN f.result IS NULL AND NOT f.case_referrals_out > 0 THEN 1 ELSE 0 END'],
  ['referral_completion_n', 'bigint', 'CASE WHEN f.referrals_out_known > 0 THEN f.referrals_out_known ELSE 0 END'],
  [
    'referral_completion_count',
    'bigint',
    'CASE WHEN f.referrals_out_known > 0 THEN f.referrals_out_reached ELSE 0 END',
  ],
  ['referral_completion_scope', 'bigint', 'f.referrals_out'],
  ['referral_completion_unknown', 'bigint', '(f.referrals_out - f.referrals_out_known)'],
  ['relationship_minutes', 'bigint', 'f.relationship_minutes'],
  [
    'relationship_share_sum',
    'numeric',
    'CASE WHEN f.total_minutes > 0 THEN f.relationship_minutes::numeric / nullif(f.total_minutes, 0) ELSE 0 END',
  ],
  ['relationship_share_n', 'bigint', 'CASE WHEN f.total_minutes > 0 THEN 1 ELSE 0 END'],
  [
    'continuity_sum',
    'numeric',
    'CASE WHEN f.relationship_minutes > 0 THEN f.lead_relationship_minutes::numeric / nullif(f.relationship_minutes, 0) ELSE 0 END',
  ],
  ['continuity_n', 'bigint', 'CASE WHEN f.relationship_minutes > 0 THEN 1 ELSE 0 END'],
  ['first_contact_n', 'bigint', 'CASE WHEN f.first_relationship_on IS NOT NULL THEN 1 ELSE 0 END'],
  [
    'seen_within_2',
    'bigint',
    'CASE WHEN f.first_relationship_on IS NOT NULL AND ((greatest(f.first_relationship_on - f.first_contact_on, 0) / 7) * 5 + (((((extract(isodow FROM f.first_contact_on)::int - 1) + greatest(f.first_relationship_on - f.first_contact_on, 0) % 7) + 1) / 7) * 5 + least((((extract(isodow FROM f.first_contact_on)::int - 1) + greatest(f.first_relationship_on - f.first_contact_on, 0) % 7) + 1) % 7, 5)) - (((((extract(isodow FROM f.first_contact_on)::int - 1)) + 1) / 7) * 5 + least((((extract(isodow FROM f.first_contact_on)::int - 1)) + 1) % 7, 5))) <= 2 THEN 1 ELSE 0 END',
  ],
  [
    'seen_within_10',
    'bigint',
    'CASE WHEN f.first_relationship_on IS NOT NULL AND ((greatest(f.first_relationship_on - f.first_contact_on, 0) / 7) * 5 + (((((extract(isodow FROM f.first_contact_on)::int - 1) + greatest(f.first_relationship_on - f.first_contact_on, 0) % 7) + 1) / 7) * 5 + least((((extract(isodow FROM f.first_contact_on)::int - 1) + greatest(f.first_relationship_on - f.first_contact_on, 0) % 7) + 1) % 7, 5)) - (((((extract(isodow FROM f.first_contact_on)::int - 1)) + 1) / 7) * 5 + least((((extract(isodow FROM f.first_contact_on)::int - 1)) + 1) % 7, 5))) <= 10 THEN 1 ELSE 0 END',
  ],
  [
    'rqi_sum',
    'numeric',
    'CASE WHEN f.feedback_items_n > 0 THEN (f.feedback_score_sum::numeric / nullif(f.feedback_items_n, 0) - 1) / 4 * 100 ELSE 0 END',
  ],
  ['rqi_n', 'bigint', 'CASE WHEN f.feedback_items_n > 0 THEN 1 ELSE 0 END'],
  ['rqi_items', 'bigint', 'CASE WHEN f.feedback_items_n > 0 THEN f.feedback_items_n ELSE 0 END'],
  ['problems', 'bigint', 'f.problems_count'],
  [
    'bounce_in_0',
    'bigint',
    'CASE WHEN f.prior_organisations_contacted IS NOT NULL AND least(f.prior_organisations_contacted, 3) = 0 THEN 1 ELSE 0 END',
  ],
  [
    'bounce_in_1',
    'bigint',
    'CASE WHEN f.prior_organisations_contacted IS NOT NULL AND least(f.prior_organisations_contacted, 3) = 1 THEN 1 ELSE 0 END',
  ],
  [
    'bounce_in_2',
    'bigint',
    'CASE WHEN f.prior_organisations_contacted IS NOT NULL AND least(f.prior_organisations_contacted, 3) = 2 THEN 1 ELSE 0 END',
  ],
  [
    'bounce_in_3',
    'bigint',
    'CASE WHEN f.prior_organisations_contacted IS NOT NULL AND least(f.prior_organisations_contacted, 3) = 3 THEN 1 ELSE 0 END',
  ],
  ['bounce_in_unknown', 'bigint', 'CASE WHEN NOT (f.prior_organisations_contacted IS NOT NULL) THEN 1 ELSE 0 END'],
];

const VALUES = `('relationship_time', (f.relationship_minutes)::integer, true),
           ('first_contact_latency', ((f.first_relationship_on - f.first_contact_on))::integer, f.first_relationship_on IS NOT NULL)`;

const DIMENSIONS = `CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)`;

/**
 * The trigger function and the rebuild, counting `columns` (a later migration adds columns). With
 * `sumCasesFirst` the rebuild sums the cases sharing a closing day and every dimension value first,
 * so each case's values are worked out once rather than once for each of its dimension rows
 * (migration 1764730000200); the trigger function, one or two rows at a time, is the same.
 */
export function measureRollupFunctions(
  columns: RollupColumns,
  { sumCasesFirst = false } = {},
): { apply: string; rebuild: string } {
  const names = columns.map(([column]) => column).join(', ');
  const sums = columns
    .map(([column, type, perCase]) => `coalesce(sum(f.s * (${perCase})), 0)::${type} AS ${column}`)
    .join(',\n         ');

  /** The cases of `source` summed by closing day and every dimension value: one row for many cases. */
  const casesSummed = (
    source: string,
  ) => `SELECT f.organisation_id, f.closed_on, f.category, f.office_id, f.lead_adviser_id,
           f.funding_stream, f.arrival_route, f.vulnerabilities,
           ${sums}
      FROM (${source}) f
     WHERE f.closed_on IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;

  /** Rows `f` (each with a sign `s`: +1 counted in, −1 counted out) summed into both roll-up tables. */
  function applyRows(source: string, onConflict: boolean): string[] {
    const measures = `INSERT INTO case_measure_rollups AS r (organisation_id, dim, dim_value, closed_on, ${names})
  SELECT f.organisation_id, d.dim, d.dim_value, f.closed_on,
         ${
           sumCasesFirst && !onConflict
             ? columns.map(([column, type]) => `sum(f.${column})::${type} AS ${column}`).join(',\n         ')
             : sums
         }
    FROM (${sumCasesFirst && !onConflict ? casesSummed(source) : source}) f
  ${DIMENSIONS}
   WHERE f.closed_on IS NOT NULL
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4${
     onConflict
       ? `
  ON CONFLICT (organisation_id, dim, dim_value, closed_on) DO UPDATE SET
    ${columns.map(([column]) => `${column} = r.${column} + EXCLUDED.${column}`).join(',\n    ')}`
       : ''
   }`;
    const values = `INSERT INTO case_value_rollups AS r (organisation_id, dim, dim_value, measure, closed_month, value, n)
  SELECT f.organisation_id, d.dim, d.dim_value, m.measure, date_trunc('month', f.closed_on)::date, m.value, sum(f.s)::integer
    FROM (${source}) f
  ${DIMENSIONS}
   CROSS JOIN LATERAL (VALUES ${VALUES}) AS m(measure, value, applies)
   WHERE f.closed_on IS NOT NULL AND m.applies
   GROUP BY 1, 2, 3, 4, 5, 6
   ORDER BY 1, 2, 3, 4, 5, 6${
     onConflict
       ? `
  ON CONFLICT (organisation_id, dim, dim_value, measure, closed_month, value) DO UPDATE SET n = r.n + EXCLUDED.n`
       : ''
   }`;
    return [measures, values];
  }

  const OLD_ROW = `SELECT -1 AS s, (OLD).*`;
  const NEW_ROW = `SELECT 1 AS s, (NEW).*`;

  const apply = `CREATE OR REPLACE FUNCTION case_measure_rollups_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  -- Bulk imports rebuild their organisation's roll-ups once, at the end of their transaction.
  IF current_setting('deepvalue.defer_facts', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.closed_on IS NULL THEN RETURN NULL; END IF;
    ${applyRows(NEW_ROW, true).join(';\n    ')};
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.closed_on IS NULL THEN RETURN NULL; END IF;
    ${applyRows(OLD_ROW, true).join(';\n    ')};
  ELSE
    IF (OLD.closed_on IS NULL AND NEW.closed_on IS NULL) OR OLD IS NOT DISTINCT FROM NEW THEN RETURN NULL; END IF;
    ${applyRows(`${OLD_ROW} UNION ALL ${NEW_ROW}`, true).join(';\n    ')};
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.closed_on IS NOT NULL THEN
    DELETE FROM case_measure_rollups
     WHERE organisation_id = OLD.organisation_id AND closed_on = OLD.closed_on AND n_closed = 0;
    DELETE FROM case_value_rollups
     WHERE organisation_id = OLD.organisation_id AND closed_month = date_trunc('month', OLD.closed_on)::date AND n = 0;
  END IF;
  RETURN NULL;
END $fn$`;

  const rebuild = `CREATE OR REPLACE FUNCTION rebuild_case_measure_rollups(org uuid) RETURNS void LANGUAGE plpgsql
SET work_mem = '128MB' AS $fn$
BEGIN
  DELETE FROM case_measure_rollups WHERE organisation_id = org;
  DELETE FROM case_value_rollups WHERE organisation_id = org;
  ${applyRows(`SELECT 1 AS s, c.* FROM case_facts c WHERE c.organisation_id = org`, false).join(';\n  ')};
END $fn$`;
  return { apply, rebuild };
}

export class MeasureRollups1764300100000 implements MigrationInterface {
  name = 'MeasureRollups1764300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE case_measure_rollups (
      organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      dim text NOT NULL,
      dim_value text NOT NULL,
      closed_on date NOT NULL,
      ${COLUMNS.map(([column, type]) => `${column} ${type} NOT NULL`).join(',\n      ')},
      PRIMARY KEY (organisation_id, dim, dim_value, closed_on))`);
    await q.query(`CREATE TABLE case_value_rollups (
      organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      dim text NOT NULL,
      dim_value text NOT NULL,
      measure text NOT NULL,
      closed_month date NOT NULL,
      value integer NOT NULL,
      n integer NOT NULL,
      PRIMARY KEY (organisation_id, dim, dim_value, measure, closed_month, value))`);
    const { apply, rebuild } = measureRollupFunctions(COLUMNS);
    await q.query(apply);
    await q.query(rebuild);
    await q.query(`CREATE TRIGGER case_facts_measures_row AFTER INSERT OR UPDATE OR DELETE ON case_facts
      FOR EACH ROW EXECUTE FUNCTION case_measure_rollups_apply()`);
    await q.query(`SELECT rebuild_case_measure_rollups(id) FROM organisations`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER case_facts_measures_row ON case_facts`);
    await q.query(`DROP FUNCTION case_measure_rollups_apply()`);
    await q.query(`DROP FUNCTION rebuild_case_measure_rollups(uuid)`);
    await q.query(`DROP TABLE case_value_rollups`);
    await q.query(`DROP TABLE case_measure_rollups`);
  }
}
