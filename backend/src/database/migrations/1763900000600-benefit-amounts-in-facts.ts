/**
 * Each case's recorded benefit amounts in its facts, beside benefit_types: benefit_amounts_gbp[i] is
 * the £ summed over the case's outcome-benefit rows of type benefit_types[i] (NULL when none of them
 * has an amount). Pricing then reads the per-case facts alone instead of joining and regrouping the
 * outcome-benefit rows (the slowest query of an evidence pack at a million cases).
 * refresh_case_facts is restated whole with the one new column (migrations are snapshots); the
 * existing facts are filled in once, with the roll-up triggers stood aside (no count changes).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REFRESH_CASE_FACTS } from './1763900000002-case-facts.js';

/** The function as this migration restates it (a later migration that replaces it restores it on the way down). */
export const REFRESH_CASE_FACTS_WITH_AMOUNTS = `
      CREATE OR REPLACE FUNCTION refresh_case_facts(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO case_facts AS f (
          case_id, organisation_id, office_id, lead_adviser_id, category, funding_stream, arrival_route,
          vulnerabilities, vulnerability_count, evidence_consent, opened_on, closed_on,
          prior_organisations_contacted, total_minutes, relationship_minutes, lead_relationship_minutes,
          first_relationship_on, feedback_score_sum, feedback_items_n, trust, disclosure, problems_count,
          result, understood, accepted, appeal, benefit_types, benefit_amounts_gbp, same_problem_recontact_6m, followed_up,
          referrals_out, case_referrals_out, referrals_out_known, referrals_out_reached)
        SELECT c.id, c.organisation_id, c.office_id, c.lead_adviser_id, c.category, c.funding_stream, c.arrival_route,
          cl.vulnerabilities, cardinality(cl.vulnerabilities), cl.evidence_consent, c.opened_on, c.closed_on,
          c.prior_organisations_contacted,
          coalesce(t.total, 0), coalesce(t.rel, 0), coalesce(t.lead_rel, 0), t.first_rel,
          coalesce(fb.score_sum, 0), coalesce(fb.items_n, 0), a.trust, a.disclosure, coalesce(p.n, 0),
          o.result, o.understood, o.accepted, o.appeal, coalesce(b.types, '{}'), coalesce(b.amounts, '{}'),
          coalesce(fu.same_problem, false), coalesce(fu.any, false),
          coalesce(r.out_n, 0) + coalesce(p.referred_n, 0),
          coalesce(r.out_n, 0),
          coalesce(r.out_known, 0) + coalesce(p.referred_known, 0),
          coalesce(r.out_reached, 0) + coalesce(p.referred_reached, 0)
        FROM unnest(ids) AS k(id)
        JOIN cases c ON c.id = k.id
        JOIN clients cl ON cl.organisation_id = c.organisation_id AND cl.id = c.client_id
        LEFT JOIN LATERAL (
          SELECT sum(te.minutes) AS total,
                 sum(te.minutes) FILTER (WHERE te.class = 'relationship') AS rel,
                 sum(te.minutes) FILTER (WHERE te.class = 'relationship' AND te.adviser_id = c.lead_adviser_id) AS lead_rel,
                 min(te."on") FILTER (WHERE te.class = 'relationship') AS first_rel
          FROM time_entries te WHERE te.organisation_id = c.organisation_id AND te.case_id = c.id) t ON true
        LEFT JOIN LATERAL (
          SELECT sum(e.value::numeric)::integer AS score_sum, count(*)::integer AS items_n
          FROM feedback f2, jsonb_each(f2.items) e
          WHERE f2.organisation_id = c.organisation_id AND f2.case_id = c.id) fb ON true
        LEFT JOIN adviser_assessments a ON a.organisation_id = c.organisation_id AND a.case_id = c.id
        LEFT JOIN LATERAL (
          SELECT count(*)::integer AS n,
                 count(*) FILTER (WHERE up.action IN ('referred_warm', 'signposted'))::integer AS referred_n,
                 count(*) FILTER (WHERE up.action IN ('referred_warm', 'signposted') AND up.reached_support IS NOT NULL)::integer AS referred_known,
                 count(*) FILTER (WHERE up.action IN ('referred_warm', 'signposted') AND up.reached_support)::integer AS referred_reached
          FROM underlying_problems up WHERE up.organisation_id = c.organisation_id AND up.case_id = c.id) p ON true
        LEFT JOIN outcomes o ON o.organisation_id = c.organisation_id AND o.case_id = c.id
        LEFT JOIN LATERAL (
          SELECT array_agg(bt.type ORDER BY bt.type) AS types, array_agg(bt.amount ORDER BY bt.type) AS amounts
          FROM (SELECT ob.type, sum(ob.amount_gbp) AS amount
                FROM outcome_benefits ob WHERE ob.organisation_id = c.organisation_id AND ob.case_id = c.id
                GROUP BY ob.type) bt) b ON true
        LEFT JOIN LATERAL (
          SELECT bool_or(fu.recontact = 'same_problem' AND c.closed_on IS NOT NULL
                         AND fu."on" >= c.closed_on AND fu."on" <= c.closed_on + interval '6 months') AS same_problem,
                 true AS any
          FROM follow_ups fu WHERE fu.organisation_id = c.organisation_id AND fu.case_id = c.id) fu ON true
        LEFT JOIN LATERAL (
          SELECT count(*)::integer AS out_n,
                 count(*) FILTER (WHERE rf.reached_support IS NOT NULL)::integer AS out_known,
                 count(*) FILTER (WHERE rf.reached_support)::integer AS out_reached
          FROM referrals rf WHERE rf.organisation_id = c.organisation_id AND rf.case_id = c.id AND rf.direction = 'out') r ON true
        ON CONFLICT (case_id) DO UPDATE SET
          office_id = EXCLUDED.office_id, lead_adviser_id = EXCLUDED.lead_adviser_id, category = EXCLUDED.category,
          funding_stream = EXCLUDED.funding_stream, arrival_route = EXCLUDED.arrival_route,
          vulnerabilities = EXCLUDED.vulnerabilities, vulnerability_count = EXCLUDED.vulnerability_count,
          evidence_consent = EXCLUDED.evidence_consent, opened_on = EXCLUDED.opened_on, closed_on = EXCLUDED.closed_on,
          prior_organisations_contacted = EXCLUDED.prior_organisations_contacted,
          total_minutes = EXCLUDED.total_minutes, relationship_minutes = EXCLUDED.relationship_minutes,
          lead_relationship_minutes = EXCLUDED.lead_relationship_minutes, first_relationship_on = EXCLUDED.first_relationship_on,
          feedback_score_sum = EXCLUDED.feedback_score_sum, feedback_items_n = EXCLUDED.feedback_items_n,
          trust = EXCLUDED.trust, disclosure = EXCLUDED.disclosure, problems_count = EXCLUDED.problems_count,
          result = EXCLUDED.result, understood = EXCLUDED.understood, accepted = EXCLUDED.accepted, appeal = EXCLUDED.appeal,
          benefit_types = EXCLUDED.benefit_types, benefit_amounts_gbp = EXCLUDED.benefit_amounts_gbp, same_problem_recontact_6m = EXCLUDED.same_problem_recontact_6m,
          followed_up = EXCLUDED.followed_up, referrals_out = EXCLUDED.referrals_out,
          case_referrals_out = EXCLUDED.case_referrals_out,
          referrals_out_known = EXCLUDED.referrals_out_known, referrals_out_reached = EXCLUDED.referrals_out_reached
      $$`;

export class BenefitAmountsInFacts1763900000600 implements MigrationInterface {
  name = 'BenefitAmountsInFacts1763900000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_facts ADD COLUMN benefit_amounts_gbp numeric[] NOT NULL DEFAULT '{}'`);
    await q.query(REFRESH_CASE_FACTS_WITH_AMOUNTS);
    await q.query(`SET LOCAL deepvalue.defer_facts = 'on'`);
    await q.query(`
      UPDATE case_facts f SET benefit_amounts_gbp = b.amounts
        FROM (SELECT organisation_id, case_id, array_agg(amount ORDER BY type) AS amounts
                FROM (SELECT organisation_id, case_id, type, sum(amount_gbp) AS amount
                        FROM outcome_benefits GROUP BY 1, 2, 3) t
               GROUP BY 1, 2) b
       WHERE f.organisation_id = b.organisation_id AND f.case_id = b.case_id`);
    await q.query(`SET LOCAL deepvalue.defer_facts = 'off'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(REFRESH_CASE_FACTS.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
    await q.query(`ALTER TABLE case_facts DROP COLUMN benefit_amounts_gbp`);
  }
}
