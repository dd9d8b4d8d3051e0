/**
 * Measures that were stored and never reported (docs/measures.md): understanding, trust and
 * disclosure, personal development, retelling burden, outcome sustained and new problems at follow-up,
 * and each underlying problem's action, result and the relationship time before it surfaced.
 *   - cases.confidence_at_intake: the client's confidence asked at intake (the close-time "before"
 *     question stays for cases opened before it was asked);
 *   - case_facts gains the per-case columns these measures read (refresh_case_facts restated from
 *     migration 220's text); a relationship-time entry added to a case with underlying problems
 *     recomputes that case, since the time before each problem surfaced depends on the entry's date;
 *   - case_measure_rollups gains their columns, and its trigger function and rebuild are restated with
 *     every column (the text analytics/measure-rollups.sql.ts generates, written out: a migration is a
 *     snapshot).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { replaceOnce } from './1764100000200-avoided-appeal-reason.js';
import { REFRESH_CASE_FACTS_WITH_FIRST_CONTACT } from './1764100000220-first-contact.js';
import { COLUMNS, measureRollupFunctions, type RollupColumns } from './1764300100000-measure-rollups.js';

export const NEW_COLUMNS: RollupColumns = [
  ['full_disclosure_n', 'bigint', 'CASE WHEN f.disclosure IS NOT NULL THEN 1 ELSE 0 END'],
  [
    'full_disclosure_count',
    'bigint',
    "CASE WHEN f.disclosure IS NOT NULL THEN CASE WHEN f.disclosure = 'yes' THEN 1 ELSE 0 END ELSE 0 END",
  ],
  ['full_disclosure_scope', 'bigint', '1'],
  ['full_disclosure_unknown', 'bigint', 'CASE WHEN f.disclosure IS NULL THEN 1 ELSE 0 END'],
  [
    'confidence_improved_n',
    'bigint',
    'CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN 1 ELSE 0 END',
  ],
  [
    'confidence_improved_count',
    'bigint',
    'CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN CASE WHEN f.confidence_after > f.confidence_before THEN 1 ELSE 0 END ELSE 0 END',
  ],
  ['confidence_improved_scope', 'bigint', '1'],
  [
    'confidence_improved_unknown',
    'bigint',
    'CASE WHEN NOT (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN 1 ELSE 0 END',
  ],
  ['would_seek_advice_earlier_n', 'bigint', 'CASE WHEN f.would_seek_advice_earlier IS NOT NULL THEN 1 ELSE 0 END'],
  [
    'would_seek_advice_earlier_count',
    'bigint',
    'CASE WHEN f.would_seek_advice_earlier IS NOT NULL THEN CASE WHEN f.would_seek_advice_earlier THEN 1 ELSE 0 END ELSE 0 END',
  ],
  ['would_seek_advice_earlier_scope', 'bigint', '1'],
  ['would_seek_advice_earlier_unknown', 'bigint', 'CASE WHEN f.would_seek_advice_earlier IS NULL THEN 1 ELSE 0 END'],
  ['could_handle_similar_n', 'bigint', 'CASE WHEN f.could_handle_similar IS NOT NULL THEN 1 ELSE 0 END'],
  [
    'could_handle_similar_count',
    'bigint',
    'CASE WHEN f.could_handle_similar IS NOT NULL THEN CASE WHEN f.could_handle_similar THEN 1 ELSE 0 END ELSE 0 END',
  ],
  ['could_handle_similar_scope', 'bigint', '1'],
  ['could_handle_similar_unknown', 'bigint', 'CASE WHEN f.could_handle_similar IS NULL THEN 1 ELSE 0 END'],
  ['outcome_sustained_n', 'bigint', 'CASE WHEN f.outcome_sustained IS NOT NULL THEN 1 ELSE 0 END'],
  [
    'outcome_sustained_count',
    'bigint',
    'CASE WHEN f.outcome_sustained IS NOT NULL THEN CASE WHEN f.outcome_sustained THEN 1 ELSE 0 END ELSE 0 END',
  ],
  ['outcome_sustained_scope', 'bigint', '1'],
  ['outcome_sustained_unknown', 'bigint', 'CASE WHEN f.outcome_sustained IS NULL THEN 1 ELSE 0 END'],
  ['new_problem_at_follow_up_n', 'bigint', 'CASE WHEN f.followed_up THEN 1 ELSE 0 END'],
  [
    'new_problem_at_follow_up_count',
    'bigint',
    'CASE WHEN f.followed_up THEN CASE WHEN f.new_problem_at_follow_up THEN 1 ELSE 0 END ELSE 0 END',
  ],
  ['new_problem_at_follow_up_scope', 'bigint', '1'],
  ['new_problem_at_follow_up_unknown', 'bigint', 'CASE WHEN NOT f.followed_up THEN 1 ELSE 0 END'],
  ['understood_sum', 'bigint', 'CASE WHEN f.understood IS NOT NULL THEN f.understood ELSE 0 END'],
  ['understood_sumsq', 'bigint', 'CASE WHEN f.understood IS NOT NULL THEN (f.understood) * (f.understood) ELSE 0 END'],
  ['understood_n', 'bigint', 'CASE WHEN f.understood IS NOT NULL THEN 1 ELSE 0 END'],
  ['trust_sum', 'bigint', 'CASE WHEN f.trust IS NOT NULL THEN f.trust ELSE 0 END'],
  ['trust_sumsq', 'bigint', 'CASE WHEN f.trust IS NOT NULL THEN (f.trust) * (f.trust) ELSE 0 END'],
  ['trust_n', 'bigint', 'CASE WHEN f.trust IS NOT NULL THEN 1 ELSE 0 END'],
  [
    'confidence_change_sum',
    'bigint',
    'CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN (f.confidence_after - f.confidence_before) ELSE 0 END',
  ],
  [
    'confidence_change_sumsq',
    'bigint',
    'CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN ((f.confidence_after - f.confidence_before)) * ((f.confidence_after - f.confidence_before)) ELSE 0 END',
  ],
  [
    'confidence_change_n',
    'bigint',
    'CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN 1 ELSE 0 END',
  ],
  [
    'told_story_0',
    'bigint',
    'CASE WHEN f.times_told_story_before IS NOT NULL AND least(f.times_told_story_before, 3) = 0 THEN 1 ELSE 0 END',
  ],
  [
    'told_story_1',
    'bigint',
    'CASE WHEN f.times_told_story_before IS NOT NULL AND least(f.times_told_story_before, 3) = 1 THEN 1 ELSE 0 END',
  ],
  [
    'told_story_2',
    'bigint',
    'CASE WHEN f.times_told_story_before IS NOT NULL AND least(f.times_told_story_before, 3) = 2 THEN 1 ELSE 0 END',
  ],
  [
    'told_story_3',
    'bigint',
    'CASE WHEN f.times_told_story_before IS NOT NULL AND least(f.times_told_story_before, 3) = 3 THEN 1 ELSE 0 END',
  ],
  ['told_story_unknown', 'bigint', 'CASE WHEN NOT (f.times_told_story_before IS NOT NULL) THEN 1 ELSE 0 END'],
  ['problems_handled_in_house', 'bigint', 'f.problems_handled_in_house'],
  ['problems_referred_warm', 'bigint', 'f.problems_referred_warm'],
  ['problems_signposted', 'bigint', 'f.problems_signposted'],
  ['problems_client_declined', 'bigint', 'f.problems_client_declined'],
  ['problems_result_positive', 'bigint', 'f.problems_positive'],
  ['problems_result_partly_positive', 'bigint', 'f.problems_partly_positive'],
  ['problems_result_negative', 'bigint', 'f.problems_negative'],
  ['problems_result_withdrawn', 'bigint', 'f.problems_withdrawn'],
  ['problems_result_lost_contact', 'bigint', 'f.problems_lost_contact'],
  [
    'problems_result_unknown',
    'bigint',
    '(f.problems_count - f.problems_positive - f.problems_partly_positive - f.problems_negative - f.problems_withdrawn - f.problems_lost_contact)',
  ],
  ['problems_time_before', 'bigint', 'f.problems_relationship_minutes'],
  ['problems_time_before_sumsq', 'bigint', 'f.problems_relationship_minutes_sq'],
];

const FACT_COLUMNS: Array<[name: string, type: string]> = [
  ['confidence_before', 'smallint'],
  ['confidence_after', 'smallint'],
  ['would_seek_advice_earlier', 'boolean'],
  ['could_handle_similar', 'boolean'],
  ['times_told_story_before', 'smallint'],
  ['outcome_sustained', 'boolean'],
  ['new_problem_at_follow_up', 'boolean NOT NULL DEFAULT false'],
  ['problems_handled_in_house', 'integer NOT NULL DEFAULT 0'],
  ['problems_referred_warm', 'integer NOT NULL DEFAULT 0'],
  ['problems_signposted', 'integer NOT NULL DEFAULT 0'],
  ['problems_client_declined', 'integer NOT NULL DEFAULT 0'],
  ['problems_positive', 'integer NOT NULL DEFAULT 0'],
  ['problems_partly_positive', 'integer NOT NULL DEFAULT 0'],
  ['problems_negative', 'integer NOT NULL DEFAULT 0'],
  ['problems_withdrawn', 'integer NOT NULL DEFAULT 0'],
  ['problems_lost_contact', 'integer NOT NULL DEFAULT 0'],
  ['problems_relationship_minutes', 'integer NOT NULL DEFAULT 0'],
  ['problems_relationship_minutes_sq', 'bigint NOT NULL DEFAULT 0'],
];
const FACT_NAMES = FACT_COLUMNS.map(([name]) => name);

export const REFRESH_CASE_FACTS_WITH_MEASURES = [
  [
    'referrals_out, case_referrals_out, referrals_out_known, referrals_out_reached)',
    `referrals_out, case_referrals_out, referrals_out_known, referrals_out_reached,
          ${FACT_NAMES.join(', ')})`,
  ],
  [
    'coalesce(r.out_reached, 0) + coalesce(p.referred_reached, 0)',
    `coalesce(r.out_reached, 0) + coalesce(p.referred_reached, 0),
          coalesce(c.confidence_at_intake, o.confidence_before), o.confidence_after,
          o.would_seek_advice_earlier, o.could_handle_similar, c.times_told_story_before,
          fu.sustained, coalesce(fu.new_problem, false),
          coalesce(p.in_house, 0), coalesce(p.warm, 0), coalesce(p.signposted, 0), coalesce(p.declined, 0),
          coalesce(p.positive, 0), coalesce(p.partly_positive, 0), coalesce(p.negative, 0),
          coalesce(p.withdrawn, 0), coalesce(p.lost_contact, 0), coalesce(pm.minutes, 0), coalesce(pm.minutes_sq, 0)`,
  ],
  [
    "count(*) FILTER (WHERE up.action IN ('referred_warm', 'signposted') AND up.reached_support)::integer AS referred_reached",
    `count(*) FILTER (WHERE up.action IN ('referred_warm', 'signposted') AND up.reached_support)::integer AS referred_reached,
                 count(*) FILTER (WHERE up.action = 'handled_in_house')::integer AS in_house,
                 count(*) FILTER (WHERE up.action = 'referred_warm')::integer AS warm,
                 count(*) FILTER (WHERE up.action = 'signposted')::integer AS signposted,
                 count(*) FILTER (WHERE up.action = 'client_declined')::integer AS declined,
                 count(*) FILTER (WHERE up.result = 'positive')::integer AS positive,
                 count(*) FILTER (WHERE up.result = 'partly_positive')::integer AS partly_positive,
                 count(*) FILTER (WHERE up.result = 'negative')::integer AS negative,
                 count(*) FILTER (WHERE up.result = 'withdrawn')::integer AS withdrawn,
                 count(*) FILTER (WHERE up.result = 'lost_contact')::integer AS lost_contact`,
  ],
  [
    'count(*) > 0 AS any',
    `count(*) > 0 AS any,
                 (array_agg(fu.outcome_sustained ORDER BY fu."on" DESC, fu.id DESC)
                    FILTER (WHERE fu.outcome_sustained IS NOT NULL))[1] AS sustained,
                 bool_or(fu.recontact = 'new_problem') AS new_problem`,
  ],
  [
    'LEFT JOIN outcomes o ON',
    `LEFT JOIN LATERAL (
          SELECT sum(pb.m)::integer AS minutes, sum(pb.m * pb.m)::bigint AS minutes_sq
          FROM (SELECT coalesce(sum(te.minutes), 0)::bigint AS m
                FROM underlying_problems up
                LEFT JOIN time_entries te ON te.organisation_id = up.organisation_id AND te.case_id = up.case_id
                                         AND te.class = 'relationship' AND te."on" <= up.uncovered_on
                WHERE up.organisation_id = c.organisation_id AND up.case_id = c.id
                GROUP BY up.id) pb) pm ON true
        LEFT JOIN outcomes o ON`,
  ],
  [
    'referrals_out_known = EXCLUDED.referrals_out_known, referrals_out_reached = EXCLUDED.referrals_out_reached',
    `referrals_out_known = EXCLUDED.referrals_out_known, referrals_out_reached = EXCLUDED.referrals_out_reached,
          ${FACT_NAMES.map((name) => `${name} = EXCLUDED.${name}`).join(', ')}`,
  ],
].reduce((text, [from, to]) => replaceOnce(text, from, to), REFRESH_CASE_FACTS_WITH_FIRST_CONTACT);

export const ADD_TIME_ENTRY = (withProblems: boolean) => `
      CREATE OR REPLACE FUNCTION case_facts_add_time_entry() RETURNS trigger LANGUAGE plpgsql AS $$${
        withProblems ? `\n      DECLARE problems integer;` : ''
      }
      BEGIN
        UPDATE case_facts f SET
          total_minutes = f.total_minutes + NEW.minutes,
          relationship_minutes = f.relationship_minutes + CASE WHEN NEW.class = 'relationship' THEN NEW.minutes ELSE 0 END,
          lead_relationship_minutes = f.lead_relationship_minutes
            + CASE WHEN NEW.class = 'relationship' AND NEW.adviser_id = f.lead_adviser_id THEN NEW.minutes ELSE 0 END,
          first_relationship_on = CASE WHEN NEW.class = 'relationship' THEN least(f.first_relationship_on, NEW."on")
                                       ELSE f.first_relationship_on END
        WHERE f.organisation_id = NEW.organisation_id AND f.case_id = NEW.case_id${
          withProblems
            ? `
        RETURNING f.problems_count INTO problems;
        -- No facts yet (the case was written while they were deferred), or relationship time on a case with
        -- underlying problems (the time before each surfaced depends on its date): compute them whole.
        IF NOT FOUND OR (NEW.class = 'relationship' AND problems > 0) THEN
          PERFORM refresh_case_facts(ARRAY[NEW.case_id]);
        END IF;`
            : `;
        -- No facts yet (the case was written while they were deferred): compute them whole.
        IF NOT FOUND THEN PERFORM refresh_case_facts(ARRAY[NEW.case_id]); END IF;`
        }
        RETURN NULL;
      END $$`;

export class MoreMeasures1764400000000 implements MigrationInterface {
  name = 'MoreMeasures1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN confidence_at_intake smallint
      CONSTRAINT cases_confidence_at_intake_check CHECK (confidence_at_intake BETWEEN 1 AND 5)`);
    await q.query(
      `ALTER TABLE case_facts ${FACT_COLUMNS.map(([name, type]) => `ADD COLUMN ${name} ${type}`).join(', ')}`,
    );
    await q.query(
      `ALTER TABLE case_measure_rollups ${NEW_COLUMNS.map(([column, type]) => `ADD COLUMN ${column} ${type} NOT NULL DEFAULT 0`).join(', ')}`,
    );
    await q.query(
      `ALTER TABLE case_measure_rollups ${NEW_COLUMNS.map(([column]) => `ALTER COLUMN ${column} DROP DEFAULT`).join(', ')}`,
    );
    await q.query(REFRESH_CASE_FACTS_WITH_MEASURES);
    await q.query(ADD_TIME_ENTRY(true));
    const { apply, rebuild } = measureRollupFunctions([...COLUMNS, ...NEW_COLUMNS]);
    await q.query(apply);
    await q.query(rebuild);
    // Existing facts recomputed with the roll-up triggers stood aside, then the measure roll-ups rebuilt
    // (the other roll-ups count none of the new columns).
    await q.query(`SET LOCAL deepvalue.defer_facts = 'on'`);
    await q.query(`SELECT refresh_case_facts(array_agg(id)) FROM cases`);
    await q.query(`SET LOCAL deepvalue.defer_facts = 'off'`);
    await q.query(`SELECT rebuild_case_measure_rollups(id) FROM organisations`);
  }

  async down(q: QueryRunner): Promise<void> {
    const { apply, rebuild } = measureRollupFunctions(COLUMNS);
    await q.query(apply);
    await q.query(rebuild);
    await q.query(ADD_TIME_ENTRY(false));
    await q.query(REFRESH_CASE_FACTS_WITH_FIRST_CONTACT);
    await q.query(
      `ALTER TABLE case_measure_rollups ${NEW_COLUMNS.map(([column]) => `DROP COLUMN ${column}`).join(', ')}`,
    );
    await q.query(`ALTER TABLE case_facts ${FACT_NAMES.map((name) => `DROP COLUMN ${name}`).join(', ')}`);
    await q.query(`ALTER TABLE cases DROP COLUMN confidence_at_intake`);
  }
}
