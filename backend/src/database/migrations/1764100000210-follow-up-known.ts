/**
 * Unknown is not negative: bounce-back is taken among the cases with a follow-up recorded (a case
 * nobody followed up is not "no bounce-back"), so the roll-ups count those cases (n_followed_up).
 *
 * case_facts.followed_up was true for every case: its lateral aggregate always returns one row, and
 * `true AS any` did not look at it. refresh_case_facts is restated with `count(*) > 0` (the text is
 * derived from migration 200's), every case's flag is set from its follow-ups (roll-up triggers stood
 * aside), the roll-up functions are restated with the new count and rebuilt, and the model index
 * gains the column so the adjusted bounce-back model stays index-only.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  MODEL_INDEX,
  REFRESH_CASE_FACTS_WITH_APPEAL_REASON,
  ROLLUP_COUNTED_WITH_APPEAL_REASON,
  ROLLUP_FACTS_WITH_APPEAL_REASON,
  replaceOnce,
  restateRollups,
} from './1764100000200-avoided-appeal-reason.js';

export const REFRESH_CASE_FACTS_WITH_FOLLOW_UP_KNOWN = replaceOnce(
  REFRESH_CASE_FACTS_WITH_APPEAL_REASON,
  'true AS any',
  'count(*) > 0 AS any',
);

export const ROLLUP_COUNTED_WITH_FOLLOW_UP = ROLLUP_COUNTED_WITH_APPEAL_REASON.concat([
  ['n_followed_up', 'followed_up'],
]);
export const ROLLUP_FACTS_WITH_FOLLOW_UP = [...ROLLUP_FACTS_WITH_APPEAL_REASON, 'followed_up'];

async function setFollowedUp(q: QueryRunner, value: string): Promise<void> {
  await q.query(`SET LOCAL deepvalue.defer_facts = 'on'`);
  await q.query(`UPDATE case_facts f SET followed_up = ${value} WHERE f.followed_up IS DISTINCT FROM ${value}`);
  await q.query(`SET LOCAL deepvalue.defer_facts = 'off'`);
}

export class FollowUpKnown1764100000210 implements MigrationInterface {
  name = 'FollowUpKnown1764100000210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(REFRESH_CASE_FACTS_WITH_FOLLOW_UP_KNOWN);
    await setFollowedUp(
      q,
      `EXISTS (SELECT 1 FROM follow_ups fu WHERE fu.organisation_id = f.organisation_id AND fu.case_id = f.case_id)`,
    );
    for (const table of ['case_rollups', 'case_pattern_rollups']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN n_followed_up integer NOT NULL DEFAULT 0`);
      await q.query(`ALTER TABLE ${table} ALTER COLUMN n_followed_up DROP DEFAULT`);
    }
    await q.query(`DROP INDEX case_facts_model_idx`);
    await q.query(`${MODEL_INDEX}, appeal_not_pursued_reason, followed_up)`);
    await restateRollups(q, ROLLUP_COUNTED_WITH_FOLLOW_UP, ROLLUP_FACTS_WITH_FOLLOW_UP);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(REFRESH_CASE_FACTS_WITH_APPEAL_REASON);
    await setFollowedUp(q, 'true');
    for (const table of ['case_rollups', 'case_pattern_rollups']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN n_followed_up`);
    }
    await restateRollups(q, ROLLUP_COUNTED_WITH_APPEAL_REASON, ROLLUP_FACTS_WITH_APPEAL_REASON);
    await q.query(`DROP INDEX case_facts_model_idx`);
    await q.query(`${MODEL_INDEX}, appeal_not_pursued_reason)`);
  }
}
