/**
 * Roll-ups of closed cases for the time-against-outcome report: one row per organisation ×
 * dimension value × closing day × band of relationship time, holding the counts every outcome
 * measure needs. A report with no filter or any one filter reads a few thousand roll-up rows
 * instead of scanning a million case facts. Each closed case contributes to the 'all' row and to
 * one row per dimension (category, office, adviser, funding stream, arrival route, and each of its
 * vulnerability flags).
 * Kept current by a statement-level trigger on case_facts (same transaction as every write):
 * old contributions are subtracted and new ones added, in key order to avoid deadlocks.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each count column and the closed cases it counts. */
export type CountedColumns = Array<[column: string, condition: string]>;

/** The counts as this migration defines them (a later migration that redefines them restores these on the way down). */
export const REPORT_ROLLUP_COUNTED: CountedColumns = [
  ['n_closed', 'true'],
  ['n_with_result', `result IN ('positive', 'partly_positive', 'negative')`],
  ['n_positive', `result IN ('positive', 'partly_positive')`],
  ['n_accept_asked', 'accepted IS NOT NULL'],
  ['n_accepted', 'accepted'],
  ['n_negative_appeal_known', `result = 'negative' AND appeal IS NOT NULL`],
  ['n_negative_avoided', `result = 'negative' AND appeal = 'considered_not_pursued'`],
  ['n_uncovered', 'problems_count > 0'],
  ['n_bounce_back', 'same_problem_recontact_6m'],
];
/** The case_facts columns the counts above read. */
export const REPORT_ROLLUP_FACTS = ['result', 'accepted', 'appeal', 'problems_count', 'same_problem_recontact_6m'];

/**
 * The trigger function and the rebuild function of case_rollups for the given counts (reading the
 * given fact columns), as CREATE OR REPLACE statements.
 */
export function reportRollupFunctions(counted: CountedColumns, facts: string[]): string[] {
  const COUNTS = counted
    .map(([column, condition]) => `count(*) FILTER (WHERE ${condition})::integer AS ${column}`)
    .join(',\n  ');
  const COUNT_COLUMNS = counted.map(([column]) => column);

  /** One row per (case, dimension value) for the closed cases in a transition table. */
  const contributions = (source: string) => `
  SELECT organisation_id, d.dim, d.dim_value, closed_on, band, ${facts.join(', ')}
  FROM ${source} f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
  ) AS d(dim, dim_value)
  WHERE f.closed_on IS NOT NULL`;

  const applyDelta = (source: string, sign: '+' | '-') => `
  INSERT INTO case_rollups AS r (organisation_id, dim, dim_value, closed_on, band, ${COUNT_COLUMNS.join(', ')})
  SELECT organisation_id, dim, dim_value, closed_on, band, ${COUNT_COLUMNS.map((c) => `${sign}${c}`).join(', ')}
  FROM (SELECT organisation_id, dim, dim_value, closed_on, band, ${COUNTS}
        FROM (${contributions(source)}) c
        GROUP BY organisation_id, dim, dim_value, closed_on, band) g
  ORDER BY organisation_id, dim, dim_value, closed_on, band
  ON CONFLICT (organisation_id, dim, dim_value, closed_on, band) DO UPDATE SET
    ${COUNT_COLUMNS.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(',\n    ')}`;

  return [
    `
      CREATE OR REPLACE FUNCTION case_rollups_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Bulk imports rebuild their organisation's roll-ups once, at the end of their transaction.
        IF current_setting('deepvalue.defer_facts', true) = 'on' THEN RETURN NULL; END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          ${applyDelta('old_rows', '-')};
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          ${applyDelta('new_rows', '+')};
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          DELETE FROM case_rollups r
          USING (SELECT DISTINCT organisation_id, dim, dim_value, closed_on, band FROM (${contributions('old_rows')}) c) k
          WHERE r.organisation_id = k.organisation_id AND r.dim = k.dim AND r.dim_value = k.dim_value
            AND r.closed_on = k.closed_on AND r.band = k.band AND r.n_closed = 0;
        END IF;
        RETURN NULL;
      END $$`,
    `
      CREATE OR REPLACE FUNCTION rebuild_case_rollups(org uuid) RETURNS void LANGUAGE sql AS $$
        DELETE FROM case_rollups WHERE organisation_id = org;
        INSERT INTO case_rollups (organisation_id, dim, dim_value, closed_on, band, ${COUNT_COLUMNS.join(', ')})
        SELECT organisation_id, dim, dim_value, closed_on, band, ${COUNTS}
        FROM (${contributions('case_facts').replace('WHERE f.closed_on IS NOT NULL', 'WHERE f.closed_on IS NOT NULL AND f.organisation_id = org')}) c
        GROUP BY organisation_id, dim, dim_value, closed_on, band;
      $$`,
  ];
}

const COUNT_COLUMNS = REPORT_ROLLUP_COUNTED.map(([column]) => column);

export class ReportRollups1763900000100 implements MigrationInterface {
  name = 'ReportRollups1763900000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_rollups (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        dim text NOT NULL,
        dim_value text NOT NULL,
        closed_on date NOT NULL,
        band smallint NOT NULL,
        ${COUNT_COLUMNS.map((c) => `${c} integer NOT NULL`).join(',\n        ')},
        PRIMARY KEY (organisation_id, dim, dim_value, closed_on, band)
      )`);
    for (const sql of reportRollupFunctions(REPORT_ROLLUP_COUNTED, REPORT_ROLLUP_FACTS)) await q.query(sql);
    await q.query(`CREATE TRIGGER case_facts_rollup_ins AFTER INSERT ON case_facts REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION case_rollups_apply()`);
    await q.query(`CREATE TRIGGER case_facts_rollup_upd AFTER UPDATE ON case_facts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION case_rollups_apply()`);
    await q.query(`CREATE TRIGGER case_facts_rollup_del AFTER DELETE ON case_facts REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION case_rollups_apply()`);
    // Covers the adjusted-model query (grouped by covariate pattern) with an index-only scan.
    await q.query(`CREATE INDEX case_facts_model_idx ON case_facts (organisation_id, closed_on)
      INCLUDE (relationship_minutes, category, vulnerability_count, funding_stream, result, accepted, appeal, problems_count, same_problem_recontact_6m)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX case_facts_model_idx`);
    for (const op of ['ins', 'upd', 'del']) await q.query(`DROP TRIGGER case_facts_rollup_${op} ON case_facts`);
    await q.query(`DROP FUNCTION rebuild_case_rollups(uuid)`);
    await q.query(`DROP FUNCTION case_rollups_apply()`);
    await q.query(`DROP TABLE case_rollups`);
  }
}
