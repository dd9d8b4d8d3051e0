/**
 * The evidence pack's cells from a roll-up (the pack at 1,000,000 cases, docs/benchmarks.md): case_pricing_rollups is
 * already keyed by the pack's cells (organisation × dimension value × closing month × consent × category ×
 * band), so it gains, per cell, the sums the pack publishes besides the cases: the negative results, each
 * outcome measure's n and count, each by-band rate's n, count and unknown, and each by-band mean's n and
 * Σ (numeric, exact in any order). The pack, the commissioner's by-band and time-against-outcome screens
 * then read a few thousand rows instead of every closed case (evidence/evidence.repository.ts; bounce-back
 * is cut at its maturity month on reading, as pricing's bounce-backs avoided are). The trigger function
 * and rebuild are restated with every column, in the order analytics/pack-cells.sql.ts and
 * pricing/pricing-rollups.sql.ts generate them (written out: a migration is a snapshot), and the
 * roll-ups are rebuilt.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { RollupColumns } from './1764300100000-measure-rollups.js';
import { BENEFIT_COLUMNS, CASE_COLUMNS, pricingRollupFunctions } from './1764540000000-pricing-rollups.js';

const PACK_COLUMNS: RollupColumns = [
  ['pack_negative', 'bigint', "CASE WHEN f.result = 'negative' THEN 1 ELSE 0 END"],
  [
    'pack_positiveoutcome_n',
    'bigint',
    "CASE WHEN (f.result IN ('positive', 'partly_positive', 'negative')) THEN 1 ELSE 0 END",
  ],
  [
    'pack_positiveoutcome_count',
    'bigint',
    "CASE WHEN (f.result IN ('positive', 'partly_positive', 'negative')) AND (f.result IN ('positive', 'partly_positive')) THEN 1 ELSE 0 END",
  ],
  ['pack_accepted_n', 'bigint', 'CASE WHEN (f.accepted IS NOT NULL) THEN 1 ELSE 0 END'],
  ['pack_accepted_count', 'bigint', 'CASE WHEN (f.accepted IS NOT NULL) AND (f.accepted) THEN 1 ELSE 0 END'],
  [
    'pack_avoidedappeal_n',
    'bigint',
    "CASE WHEN (f.result = 'negative' AND (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))) THEN 1 ELSE 0 END",
  ],
  [
    'pack_avoidedappeal_count',
    'bigint',
    "CASE WHEN (f.result = 'negative' AND (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))) AND ((f.appeal = 'considered_not_pursued' AND f.accepted AND coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END",
  ],
  ['pack_problemuncovered_n', 'bigint', 'CASE WHEN (true) THEN 1 ELSE 0 END'],
  ['pack_problemuncovered_count', 'bigint', 'CASE WHEN (true) AND (f.problems_count > 0) THEN 1 ELSE 0 END'],
  ['pack_bounceback_n', 'bigint', 'CASE WHEN (f.followed_up) THEN 1 ELSE 0 END'],
  ['pack_bounceback_count', 'bigint', 'CASE WHEN (f.followed_up) AND (f.same_problem_recontact_6m) THEN 1 ELSE 0 END'],
  [
    'pack_bounceout_n',
    'bigint',
    'CASE WHEN ((f.result IS NOT NULL OR f.case_referrals_out > 0)) THEN coalesce(1, 0) ELSE 0 END',
  ],
  [
    'pack_bounceout_count',
    'bigint',
    "CASE WHEN ((f.result IS NOT NULL OR f.case_referrals_out > 0)) THEN coalesce(CASE WHEN (f.result IN ('withdrawn', 'lost_contact') OR f.case_referrals_out > 0) THEN 1 ELSE 0 END, 0) ELSE 0 END",
  ],
  [
    'pack_bounceout_unknown',
    'bigint',
    'coalesce(CASE WHEN f.result IS NULL AND NOT f.case_referrals_out > 0 THEN 1 ELSE 0 END, 0)',
  ],
  [
    'pack_referralcompletion_n',
    'bigint',
    'CASE WHEN (f.referrals_out_known > 0) THEN coalesce(f.referrals_out_known, 0) ELSE 0 END',
  ],
  [
    'pack_referralcompletion_count',
    'bigint',
    'CASE WHEN (f.referrals_out_known > 0) THEN coalesce(f.referrals_out_reached, 0) ELSE 0 END',
  ],
  ['pack_referralcompletion_unknown', 'bigint', 'coalesce((f.referrals_out - f.referrals_out_known), 0)'],
  [
    'pack_confidenceimproved_n',
    'bigint',
    'CASE WHEN (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END',
  ],
  [
    'pack_confidenceimproved_count',
    'bigint',
    'CASE WHEN (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN coalesce(CASE WHEN f.confidence_after > f.confidence_before THEN 1 ELSE 0 END, 0) ELSE 0 END',
  ],
  [
    'pack_confidenceimproved_unknown',
    'bigint',
    'coalesce(CASE WHEN NOT (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN 1 ELSE 0 END, 0)',
  ],
  [
    'pack_wouldseekadviceearlier_n',
    'bigint',
    'CASE WHEN (f.would_seek_advice_earlier IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END',
  ],
  [
    'pack_wouldseekadviceearlier_count',
    'bigint',
    'CASE WHEN (f.would_seek_advice_earlier IS NOT NULL) THEN coalesce(CASE WHEN f.would_seek_advice_earlier THEN 1 ELSE 0 END, 0) ELSE 0 END',
  ],
  [
    'pack_wouldseekadviceearlier_unknown',
    'bigint',
    'coalesce(CASE WHEN f.would_seek_advice_earlier IS NULL THEN 1 ELSE 0 END, 0)',
  ],
  [
    'pack_couldhandlesimilar_n',
    'bigint',
    'CASE WHEN (f.could_handle_similar IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END',
  ],
  [
    'pack_couldhandlesimilar_count',
    'bigint',
    'CASE WHEN (f.could_handle_similar IS NOT NULL) THEN coalesce(CASE WHEN f.could_handle_similar THEN 1 ELSE 0 END, 0) ELSE 0 END',
  ],
  [
    'pack_couldhandlesimilar_unknown',
    'bigint',
    'coalesce(CASE WHEN f.could_handle_similar IS NULL THEN 1 ELSE 0 END, 0)',
  ],
  ['pack_fulldisclosure_n', 'bigint', 'CASE WHEN (f.disclosure IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END'],
  [
    'pack_fulldisclosure_count',
    'bigint',
    "CASE WHEN (f.disclosure IS NOT NULL) THEN coalesce(CASE WHEN f.disclosure = 'yes' THEN 1 ELSE 0 END, 0) ELSE 0 END",
  ],
  ['pack_fulldisclosure_unknown', 'bigint', 'coalesce(CASE WHEN f.disclosure IS NULL THEN 1 ELSE 0 END, 0)'],
  ['pack_outcomesustained_n', 'bigint', 'CASE WHEN (f.outcome_sustained IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END'],
  [
    'pack_outcomesustained_count',
    'bigint',
    'CASE WHEN (f.outcome_sustained IS NOT NULL) THEN coalesce(CASE WHEN f.outcome_sustained THEN 1 ELSE 0 END, 0) ELSE 0 END',
  ],
  ['pack_outcomesustained_unknown', 'bigint', 'coalesce(CASE WHEN f.outcome_sustained IS NULL THEN 1 ELSE 0 END, 0)'],
  ['pack_newproblematfollowup_n', 'bigint', 'CASE WHEN (f.followed_up) THEN coalesce(1, 0) ELSE 0 END'],
  [
    'pack_newproblematfollowup_count',
    'bigint',
    'CASE WHEN (f.followed_up) THEN coalesce(CASE WHEN f.new_problem_at_follow_up THEN 1 ELSE 0 END, 0) ELSE 0 END',
  ],
  ['pack_newproblematfollowup_unknown', 'bigint', 'coalesce(CASE WHEN NOT f.followed_up THEN 1 ELSE 0 END, 0)'],
  ['pack_rqi_n', 'bigint', 'CASE WHEN (f.feedback_items_n > 0) THEN 1 ELSE 0 END'],
  [
    'pack_rqi_sum',
    'numeric',
    'CASE WHEN (f.feedback_items_n > 0) THEN coalesce(((f.feedback_score_sum::numeric / nullif(f.feedback_items_n, 0) - 1) / 4 * 100)::numeric, 0) ELSE 0 END',
  ],
  ['pack_continuity_n', 'bigint', 'CASE WHEN (f.relationship_minutes > 0) THEN 1 ELSE 0 END'],
  [
    'pack_continuity_sum',
    'numeric',
    'CASE WHEN (f.relationship_minutes > 0) THEN coalesce((f.lead_relationship_minutes::numeric / nullif(f.relationship_minutes, 0))::numeric, 0) ELSE 0 END',
  ],
  ['pack_bouncein_n', 'bigint', 'CASE WHEN (f.prior_organisations_contacted IS NOT NULL) THEN 1 ELSE 0 END'],
  [
    'pack_bouncein_sum',
    'numeric',
    'CASE WHEN (f.prior_organisations_contacted IS NOT NULL) THEN coalesce((least(f.prior_organisations_contacted, 3))::numeric, 0) ELSE 0 END',
  ],
  [
    'pack_confidencechange_n',
    'bigint',
    'CASE WHEN (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN 1 ELSE 0 END',
  ],
  [
    'pack_confidencechange_sum',
    'numeric',
    'CASE WHEN (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN coalesce(((f.confidence_after - f.confidence_before))::numeric, 0) ELSE 0 END',
  ],
  ['pack_understood_n', 'bigint', 'CASE WHEN (f.understood IS NOT NULL) THEN 1 ELSE 0 END'],
  [
    'pack_understood_sum',
    'numeric',
    'CASE WHEN (f.understood IS NOT NULL) THEN coalesce((f.understood)::numeric, 0) ELSE 0 END',
  ],
  ['pack_trust_n', 'bigint', 'CASE WHEN (f.trust IS NOT NULL) THEN 1 ELSE 0 END'],
  ['pack_trust_sum', 'numeric', 'CASE WHEN (f.trust IS NOT NULL) THEN coalesce((f.trust)::numeric, 0) ELSE 0 END'],
  ['pack_didnotrepeatstory_n', 'bigint', 'CASE WHEN (f.retelling_item_n > 0) THEN 1 ELSE 0 END'],
  [
    'pack_didnotrepeatstory_sum',
    'numeric',
    'CASE WHEN (f.retelling_item_n > 0) THEN coalesce(((f.retelling_item_sum::numeric / nullif(f.retelling_item_n, 0)))::numeric, 0) ELSE 0 END',
  ],
];

export class PackCellsRollup1764800000000 implements MigrationInterface {
  name = 'PackCellsRollup1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_pricing_rollups
      ${PACK_COLUMNS.map(([column, type]) => `ADD COLUMN ${column} ${type} NOT NULL DEFAULT 0`).join(',\n      ')}`);
    await q.query(`ALTER TABLE case_pricing_rollups
      ${PACK_COLUMNS.map(([column]) => `ALTER COLUMN ${column} DROP DEFAULT`).join(',\n      ')}`);
    const { apply, rebuild } = pricingRollupFunctions([...CASE_COLUMNS, ...PACK_COLUMNS], BENEFIT_COLUMNS);
    await q.query(apply);
    await q.query(rebuild);
    // On a Citus cluster already distributed, the restated functions are adapted to it; on one server this
    // does nothing (docs/scaling.md).
    await q.query(`SELECT deepvalue_distribute()`);
    await q.query(`SELECT rebuild_case_pricing_rollups(id) FROM organisations`);
  }

  async down(q: QueryRunner): Promise<void> {
    const { apply, rebuild } = pricingRollupFunctions(CASE_COLUMNS, BENEFIT_COLUMNS);
    await q.query(apply);
    await q.query(rebuild);
    await q.query(`SELECT deepvalue_distribute()`);
    await q.query(`ALTER TABLE case_pricing_rollups
      ${PACK_COLUMNS.map(([column]) => `DROP COLUMN ${column}`).join(',\n      ')}`);
  }
}
