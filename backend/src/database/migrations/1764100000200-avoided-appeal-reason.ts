/**
 * Avoided appeal, defined as docs/measures.md says (Avoided appeals): an appeal considered and not pursued *because the
 * client understood and accepted the outcome*. The outcome gains the reason an appeal was not
 * pursued (APPEAL_NOT_PURSUED_REASONS), the per-case facts carry it, and the roll-ups count
 *   - avoided: considered and not pursued, accepted = yes, and no other reason given;
 *   - known (the denominator): an appeal status recorded, except a "considered and not pursued"
 *     with neither the client's acceptance nor a reason that rules it out (unknown, not "no").
 * refresh_case_facts is restated with the one new column (migrations are snapshots; the text is
 * derived from migration 600's), the roll-up functions are restated with the new counts and the
 * roll-ups rebuilt. The model index gains the column so the adjusted model stays index-only.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  REPORT_ROLLUP_COUNTED,
  REPORT_ROLLUP_FACTS,
  reportRollupFunctions,
  type CountedColumns,
} from './1763900000100-report-rollups.js';
import { patternRollupFunctions } from './1763900000500-pattern-rollups.js';
import { REFRESH_CASE_FACTS_WITH_AMOUNTS } from './1763900000600-benefit-amounts-in-facts.js';

// Frozen as they were when this migration was written (a later change to a list is a new migration;
// database/schema.e2e.spec.ts compares every such constraint with the shared enumerations).
const APPEAL_NOT_PURSUED_REASONS = [
  'accepted_outcome',
  'no_merit_advised',
  'client_could_not_face_it',
  'out_of_time',
  'other',
];

/** Replaces exactly one occurrence, so a restated function never silently misses an edit. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + from.length) >= 0) throw new Error(`expected one "${from}"`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

export const REFRESH_CASE_FACTS_WITH_APPEAL_REASON = [
  [
    'result, understood, accepted, appeal, benefit_types',
    'result, understood, accepted, appeal, appeal_not_pursued_reason, benefit_types',
  ],
  [
    'o.result, o.understood, o.accepted, o.appeal,',
    'o.result, o.understood, o.accepted, o.appeal, o.appeal_not_pursued_reason,',
  ],
  [
    'appeal = EXCLUDED.appeal,',
    'appeal = EXCLUDED.appeal, appeal_not_pursued_reason = EXCLUDED.appeal_not_pursued_reason,',
  ],
].reduce((text, [from, to]) => replaceOnce(text, from, to), REFRESH_CASE_FACTS_WITH_AMOUNTS);

const NOT_RULED_OUT = `coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'`;
const KNOWN = `appeal IS NOT NULL AND (appeal <> 'considered_not_pursued' OR accepted IS NOT NULL OR NOT ${NOT_RULED_OUT})`;
const AVOIDED = `appeal = 'considered_not_pursued' AND accepted AND ${NOT_RULED_OUT}`;

export const ROLLUP_COUNTED_WITH_APPEAL_REASON: CountedColumns = REPORT_ROLLUP_COUNTED.map(([column, condition]) => {
  if (column === 'n_negative_appeal_known') return [column, `result = 'negative' AND ${KNOWN}`];
  if (column === 'n_negative_avoided') return [column, `result = 'negative' AND ${AVOIDED}`];
  return [column, condition];
});
export const ROLLUP_FACTS_WITH_APPEAL_REASON = [...REPORT_ROLLUP_FACTS, 'appeal_not_pursued_reason'];

const REBUILDS = ['rebuild_case_rollups(uuid)', 'rebuild_case_pattern_rollups(uuid)'];
/** The adjusted model's covering index, less its closing parenthesis (each migration ends its column list). */
export const MODEL_INDEX = `CREATE INDEX case_facts_model_idx ON case_facts (organisation_id, closed_on)
  INCLUDE (relationship_minutes, category, vulnerability_count, funding_stream, result, accepted, appeal, problems_count, same_problem_recontact_6m`;

export async function restateRollups(q: QueryRunner, counted: CountedColumns, facts: string[]): Promise<void> {
  for (const sql of [...reportRollupFunctions(counted, facts), ...patternRollupFunctions(counted, facts)]) {
    await q.query(sql);
  }
  // CREATE OR REPLACE resets a function's settings: keep the rebuilds grouping in memory (migration 700).
  for (const fn of REBUILDS) await q.query(`ALTER FUNCTION ${fn} SET work_mem = '128MB'`);
  await q.query(`SELECT rebuild_case_rollups(id), rebuild_case_pattern_rollups(id) FROM organisations`);
}

export class AvoidedAppealReason1764100000200 implements MigrationInterface {
  name = 'AvoidedAppealReason1764100000200';

  async up(q: QueryRunner): Promise<void> {
    const reasons = APPEAL_NOT_PURSUED_REASONS.map((r) => `'${r}'`).join(', ');
    await q.query(`ALTER TABLE outcomes ADD COLUMN appeal_not_pursued_reason text
      CHECK (appeal_not_pursued_reason IN (${reasons}))
      CHECK (appeal_not_pursued_reason IS NULL OR appeal = 'considered_not_pursued')`);
    await q.query(`ALTER TABLE case_facts ADD COLUMN appeal_not_pursued_reason text`);
    await q.query(REFRESH_CASE_FACTS_WITH_APPEAL_REASON);
    await q.query(`DROP INDEX case_facts_model_idx`);
    await q.query(`${MODEL_INDEX}, appeal_not_pursued_reason)`);
    await restateRollups(q, ROLLUP_COUNTED_WITH_APPEAL_REASON, ROLLUP_FACTS_WITH_APPEAL_REASON);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(REFRESH_CASE_FACTS_WITH_AMOUNTS);
    await restateRollups(q, REPORT_ROLLUP_COUNTED, REPORT_ROLLUP_FACTS);
    await q.query(`DROP INDEX case_facts_model_idx`);
    await q.query(`${MODEL_INDEX})`);
    await q.query(`ALTER TABLE case_facts DROP COLUMN appeal_not_pursued_reason`);
    await q.query(`ALTER TABLE outcomes DROP COLUMN appeal_not_pursued_reason`);
  }
}
