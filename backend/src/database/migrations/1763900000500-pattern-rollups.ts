/**
 * Roll-ups of closed cases by covariate pattern for the adjusted model (docs/measures.md): one row per
 * organisation × dimension value × evidence consent × the model's covariates (relationship minutes
 * floored at 15, category, vulnerability count, funding stream), holding the same outcome counts as
 * case_rollups. Each closed case counts in the 'all' row and in one row per office, arrival route
 * and vulnerability flag it has (category and funding stream are covariates already; a single
 * adviser's cases are few, and read from the facts by index). The model over all closed cases reads
 * tens of thousands of rows instead of grouping a million case facts; a period is served as the
 * roll-up minus the facts outside it, or from the facts inside it, whichever is fewer
 * (AnalyticsRepository.modelPatterns).
 * Kept current by a statement-level trigger on case_facts in the same transaction as every write:
 * the net change of a statement is applied once, so updates that leave a case's pattern and outcome
 * alone (most time entries) touch nothing.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REPORT_ROLLUP_COUNTED, REPORT_ROLLUP_FACTS, type CountedColumns } from './1763900000100-report-rollups.js';

const KEYS = [
  'organisation_id',
  'dim',
  'dim_value',
  'evidence_consent',
  'category',
  'funding_stream',
  'vulnerability_count',
  'minutes',
];

/** Each count column and the closed cases it counts, as in case_rollups (as this migration defines them). */
export const PATTERN_ROLLUP_COUNTED: CountedColumns = REPORT_ROLLUP_COUNTED;
const COLUMNS = PATTERN_ROLLUP_COUNTED.map(([column]) => column);

/**
 * The trigger function and the rebuild function of case_pattern_rollups for the given counts
 * (reading the given fact columns), as CREATE OR REPLACE statements.
 */
export function patternRollupFunctions(counted: CountedColumns, facts: string[]): string[] {
  const columns = counted.map(([column]) => column);

  /** The closed cases of a table of facts, once per dimension value, with their covariate pattern and a sign (+1 added, −1 taken away). */
  const signed = (source: string, sign: 1 | -1) => `
  SELECT f.organisation_id, d.dim, d.dim_value, f.evidence_consent, f.category, f.funding_stream,
         f.vulnerability_count, greatest(f.relationship_minutes, 15) AS minutes, ${sign} AS s,
         ${facts.map((c) => `f.${c}`).join(', ')}
  FROM ${source} f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('office', coalesce(f.office_id::text, '')), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
  ) AS d(dim, dim_value)
  WHERE f.closed_on IS NOT NULL`;

  /** Signed counts per pattern of the given contributions. */
  const grouped = (contributions: string) => `
  SELECT ${KEYS.join(', ')},
         ${counted.map(([column, condition]) => `coalesce(sum(s) FILTER (WHERE ${condition}), 0)::integer AS ${column}`).join(',\n         ')}
  FROM (${contributions}) c
  GROUP BY ${KEYS.join(', ')}`;

  const applyNet = (contributions: string) => `
  INSERT INTO case_pattern_rollups AS r (${KEYS.join(', ')}, ${columns.join(', ')})
  SELECT * FROM (${grouped(contributions)}) g
  WHERE (${columns.join(', ')}) <> (${columns.map(() => '0').join(', ')})
  ORDER BY ${KEYS.join(', ')}
  ON CONFLICT (${KEYS.join(', ')}) DO UPDATE SET
    ${columns.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(',\n    ')}`;

  const removeEmpty = `
  DELETE FROM case_pattern_rollups r
  USING (SELECT DISTINCT ${KEYS.join(', ')} FROM (${signed('old_rows', -1)}) c) k
  WHERE ${KEYS.map((key) => `r.${key} = k.${key}`).join(' AND ')} AND r.n_closed = 0`;

  return [
    `
      CREATE OR REPLACE FUNCTION case_pattern_rollups_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Bulk imports rebuild their organisation's roll-ups once, at the end of their transaction.
        IF current_setting('deepvalue.defer_facts', true) = 'on' THEN RETURN NULL; END IF;
        IF TG_OP = 'INSERT' THEN
          ${applyNet(signed('new_rows', 1))};
        ELSIF TG_OP = 'UPDATE' THEN
          ${applyNet(`${signed('new_rows', 1)} UNION ALL ${signed('old_rows', -1)}`)};
          ${removeEmpty};
        ELSE
          ${applyNet(signed('old_rows', -1))};
          ${removeEmpty};
        END IF;
        RETURN NULL;
      END $$`,
    `
      CREATE OR REPLACE FUNCTION rebuild_case_pattern_rollups(org uuid) RETURNS void LANGUAGE sql AS $$
        DELETE FROM case_pattern_rollups WHERE organisation_id = org;
        INSERT INTO case_pattern_rollups (${KEYS.join(', ')}, ${columns.join(', ')})
        ${grouped(`${signed('case_facts', 1)} AND f.organisation_id = org`)}
        -- In key order, so each dimension value's rows lie together on disk (the model reads one value's rows).
        ORDER BY ${KEYS.join(', ')};
      $$`,
  ];
}

export class PatternRollups1763900000500 implements MigrationInterface {
  name = 'PatternRollups1763900000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_pattern_rollups (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        dim text NOT NULL,
        dim_value text NOT NULL,
        evidence_consent boolean NOT NULL,
        category text NOT NULL,
        funding_stream text NOT NULL,
        vulnerability_count smallint NOT NULL,
        minutes integer NOT NULL,
        ${COLUMNS.map((c) => `${c} integer NOT NULL`).join(',\n        ')},
        PRIMARY KEY (${KEYS.join(', ')})
      )`);
    for (const sql of patternRollupFunctions(PATTERN_ROLLUP_COUNTED, REPORT_ROLLUP_FACTS)) await q.query(sql);
    for (const [op, event, tables] of [
      ['ins', 'INSERT', 'NEW TABLE AS new_rows'],
      ['upd', 'UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['del', 'DELETE', 'OLD TABLE AS old_rows'],
    ]) {
      await q.query(`CREATE TRIGGER case_facts_patterns_${op} AFTER ${event} ON case_facts REFERENCING ${tables}
        FOR EACH STATEMENT EXECUTE FUNCTION case_pattern_rollups_apply()`);
    }
    await q.query(`SELECT rebuild_case_pattern_rollups(id) FROM organisations`);
    // One adviser's cases (supervision reports, the model with an adviser filter) by index.
    await q.query(
      `CREATE INDEX case_facts_org_adviser_idx ON case_facts (organisation_id, lead_adviser_id, closed_on)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX case_facts_org_adviser_idx`);
    for (const op of ['ins', 'upd', 'del']) await q.query(`DROP TRIGGER case_facts_patterns_${op} ON case_facts`);
    await q.query(`DROP FUNCTION rebuild_case_pattern_rollups(uuid)`);
    await q.query(`DROP FUNCTION case_pattern_rollups_apply()`);
    await q.query(`DROP TABLE case_pattern_rollups`);
  }
}
