/**
 * The client's own view of the retelling burden (docs/measures.md, "Retelling burden"): the feedback item
 * "I didn't have to repeat my story" reported on its own.
 *   - case_facts gains, per case, how many times the item was answered across its feedback forms and the
 *     sum of the scores (refresh_case_facts restated from migration 1764400000000's text);
 *   - case_measure_rollups gains the sums behind its mean (numeric: a case's value is the mean of its
 *     answers), and its trigger function and rebuild are restated with every column, in the order
 *     analytics/measure-rollups.sql.ts generates them (written out: a migration is a snapshot).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { replaceOnce } from './1764100000200-avoided-appeal-reason.js';
import { COLUMNS, measureRollupFunctions, type RollupColumns } from './1764300100000-measure-rollups.js';
import { NEW_COLUMNS, REFRESH_CASE_FACTS_WITH_MEASURES } from './1764400000000-more-measures.js';

const ITEM = 'did_not_repeat_story';
const VALUE = '(f.retelling_item_sum::numeric / nullif(f.retelling_item_n, 0))';
const APPLIES = 'f.retelling_item_n > 0';
const ITEM_COLUMNS: RollupColumns = [
  ['did_not_repeat_story_sum', 'numeric', `CASE WHEN ${APPLIES} THEN ${VALUE} ELSE 0 END`],
  ['did_not_repeat_story_sumsq', 'numeric', `CASE WHEN ${APPLIES} THEN (${VALUE}) * (${VALUE}) ELSE 0 END`],
  ['did_not_repeat_story_n', 'bigint', `CASE WHEN ${APPLIES} THEN 1 ELSE 0 END`],
];

/** Every roll-up column, the new ones after the other means' (where the generator puts them). */
export function allColumns(): RollupColumns {
  const before = [...COLUMNS, ...NEW_COLUMNS];
  const at = before.findIndex(([column]) => column === 'confidence_change_n') + 1;
  if (at === 0) throw new Error('no confidence_change_n roll-up column');
  return [...before.slice(0, at), ...ITEM_COLUMNS, ...before.slice(at)];
}

const FACT_COLUMNS = ['retelling_item_n', 'retelling_item_sum'];

const REFRESH_CASE_FACTS_WITH_RETELLING_ITEM = [
  [
    'problems_relationship_minutes, problems_relationship_minutes_sq)',
    `problems_relationship_minutes, problems_relationship_minutes_sq, ${FACT_COLUMNS.join(', ')})`,
  ],
  [
    'coalesce(pm.minutes, 0), coalesce(pm.minutes_sq, 0)',
    'coalesce(pm.minutes, 0), coalesce(pm.minutes_sq, 0), coalesce(fb.retelling_n, 0), coalesce(fb.retelling_sum, 0)',
  ],
  [
    'SELECT sum(e.value::numeric)::integer AS score_sum, count(*)::integer AS items_n',
    `SELECT sum(e.value::numeric)::integer AS score_sum, count(*)::integer AS items_n,
                 count(*) FILTER (WHERE e.key = '${ITEM}')::integer AS retelling_n,
                 sum(e.value::numeric) FILTER (WHERE e.key = '${ITEM}')::integer AS retelling_sum`,
  ],
  [
    'problems_relationship_minutes_sq = EXCLUDED.problems_relationship_minutes_sq',
    `problems_relationship_minutes_sq = EXCLUDED.problems_relationship_minutes_sq,
          ${FACT_COLUMNS.map((name) => `${name} = EXCLUDED.${name}`).join(', ')}`,
  ],
].reduce((text, [from, to]) => replaceOnce(text, from, to), REFRESH_CASE_FACTS_WITH_MEASURES);

export class RetellingItem1764510000000 implements MigrationInterface {
  name = 'RetellingItem1764510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE case_facts ${FACT_COLUMNS.map((name) => `ADD COLUMN ${name} integer NOT NULL DEFAULT 0`).join(', ')}`,
    );
    await q.query(
      `ALTER TABLE case_measure_rollups ${ITEM_COLUMNS.map(([column, type]) => `ADD COLUMN ${column} ${type} NOT NULL DEFAULT 0`).join(', ')}`,
    );
    await q.query(
      `ALTER TABLE case_measure_rollups ${ITEM_COLUMNS.map(([column]) => `ALTER COLUMN ${column} DROP DEFAULT`).join(', ')}`,
    );
    await q.query(REFRESH_CASE_FACTS_WITH_RETELLING_ITEM);
    const { apply, rebuild } = measureRollupFunctions(allColumns());
    await q.query(apply);
    await q.query(rebuild);
    // On a Citus cluster already distributed, the restated functions are adapted to it (keys,
    // routing) before they run below; on one server this does nothing (docs/scaling.md).
    await q.query(`SELECT deepvalue_distribute()`);
    // Existing facts recomputed with the roll-up triggers stood aside, then the measure roll-ups rebuilt.
    await q.query(`SET LOCAL deepvalue.defer_facts = 'on'`);
    await q.query(`SELECT refresh_case_facts(array_agg(id)) FROM cases`);
    await q.query(`SET LOCAL deepvalue.defer_facts = 'off'`);
    await q.query(`SELECT rebuild_case_measure_rollups(id) FROM organisations`);
  }

  async down(q: QueryRunner): Promise<void> {
    const { apply, rebuild } = measureRollupFunctions([...COLUMNS, ...NEW_COLUMNS]);
    await q.query(apply);
    await q.query(rebuild);
    await q.query(REFRESH_CASE_FACTS_WITH_MEASURES);
    await q.query(
      `ALTER TABLE case_measure_rollups ${ITEM_COLUMNS.map(([column]) => `DROP COLUMN ${column}`).join(', ')}`,
    );
    await q.query(`ALTER TABLE case_facts ${FACT_COLUMNS.map((name) => `DROP COLUMN ${name}`).join(', ')}`);
  }
}
