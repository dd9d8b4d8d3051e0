/**
 * Per-case facts for the reports (docs/measures.md): one row per case holding everything the measures
 * need, so reports never aggregate the raw time-entry table. The facts are kept current by
 * statement-level triggers in the same transaction as every write, so a report is never stale.
 * Bulk imports set `deepvalue.defer_facts = on` for their transaction and call
 * refresh_case_facts once for all the cases they wrote (still inside the transaction).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

const CHILD_TABLES = [
  'time_entries',
  'feedback',
  'adviser_assessments',
  'underlying_problems',
  'referrals',
  'outcomes',
  'outcome_benefits',
  'follow_ups',
];

/** The function as this migration creates it (a later migration that replaces it restores it on the way down). */
export const REFRESH_CASE_FACTS = `
      CREATE FUNCTION refresh_case_facts(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO case_facts AS f (
          case_id, organisation_id, office_id, lead_adviser_id, category, funding_stream, arrival_route,
          vulnerabilities, vulnerability_count, evidence_consent, opened_on, closed_on,
          prior_organisations_contacted, total_minutes, relationship_minutes, lead_relationship_minutes,
          first_relationship_on, feedback_score_sum, feedback_items_n, trust, disclosure, problems_count,
          result, understood, accepted, appeal, benefit_types, same_problem_recontact_6m, followed_up,
          referrals_out, case_referrals_out, referrals_out_known, referrals_out_reached)
        SELECT c.id, c.organisation_id, c.office_id, c.lead_adviser_id, c.category, c.funding_stream, c.arrival_route,
          cl.vulnerabilities, cardinality(cl.vulnerabilities), cl.evidence_consent, c.opened_on, c.closed_on,
          c.prior_organisations_contacted,
          coalesce(t.total, 0), coalesce(t.rel, 0), coalesce(t.lead_rel, 0), t.first_rel,
          coalesce(fb.score_sum, 0), coalesce(fb.items_n, 0), a.trust, a.disclosure, coalesce(p.n, 0),
          o.result, o.understood, o.accepted, o.appeal, coalesce(b.types, '{}'),
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
          SELECT array_agg(DISTINCT ob.type ORDER BY ob.type) AS types
          FROM outcome_benefits ob WHERE ob.organisation_id = c.organisation_id AND ob.case_id = c.id) b ON true
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
          benefit_types = EXCLUDED.benefit_types, same_problem_recontact_6m = EXCLUDED.same_problem_recontact_6m,
          followed_up = EXCLUDED.followed_up, referrals_out = EXCLUDED.referrals_out,
          case_referrals_out = EXCLUDED.case_referrals_out,
          referrals_out_known = EXCLUDED.referrals_out_known, referrals_out_reached = EXCLUDED.referrals_out_reached
      $$`;

export class CaseFacts1763900000002 implements MigrationInterface {
  name = 'CaseFacts1763900000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_facts (
        case_id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        office_id uuid,
        lead_adviser_id uuid NOT NULL,
        category text NOT NULL,
        funding_stream text NOT NULL,
        arrival_route text NOT NULL,
        vulnerabilities text[] NOT NULL,
        vulnerability_count smallint NOT NULL,
        evidence_consent boolean NOT NULL,
        opened_on date NOT NULL,
        closed_on date,
        prior_organisations_contacted smallint,
        total_minutes integer NOT NULL,
        relationship_minutes integer NOT NULL,
        lead_relationship_minutes integer NOT NULL,
        first_relationship_on date,
        feedback_score_sum integer NOT NULL,
        feedback_items_n integer NOT NULL,
        trust smallint,
        disclosure text,
        problems_count integer NOT NULL,
        result text,
        understood smallint,
        accepted boolean,
        appeal text,
        benefit_types text[] NOT NULL,
        same_problem_recontact_6m boolean NOT NULL,
        followed_up boolean NOT NULL,
        referrals_out integer NOT NULL,
        -- Referrals of the case itself (the presenting matter passed on: bounce-out), not of underlying problems.
        case_referrals_out integer NOT NULL,
        referrals_out_known integer NOT NULL,
        referrals_out_reached integer NOT NULL,
        band smallint NOT NULL GENERATED ALWAYS AS (
          CASE WHEN relationship_minutes < 60 THEN 0 WHEN relationship_minutes < 120 THEN 1
               WHEN relationship_minutes < 240 THEN 2 WHEN relationship_minutes < 480 THEN 3 ELSE 4 END) STORED,
        FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX case_facts_org_closed_idx ON case_facts (organisation_id, closed_on)`);

    await q.query(REFRESH_CASE_FACTS);

    // Which cases a statement touched, per kind of table; facts are refreshed once per statement.
    const deferred = `IF current_setting('deepvalue.defer_facts', true) = 'on' THEN RETURN NULL; END IF;`;
    await q.query(`
      CREATE FUNCTION case_facts_touch_children() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${deferred}
        IF TG_OP = 'INSERT' THEN
          PERFORM refresh_case_facts(ARRAY(SELECT DISTINCT case_id FROM new_rows));
        ELSIF TG_OP = 'UPDATE' THEN
          PERFORM refresh_case_facts(ARRAY(SELECT case_id FROM new_rows UNION SELECT case_id FROM old_rows));
        ELSE
          PERFORM refresh_case_facts(ARRAY(SELECT DISTINCT case_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION case_facts_touch_cases() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${deferred}
        PERFORM refresh_case_facts(ARRAY(SELECT id FROM new_rows));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION case_facts_touch_clients() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${deferred}
        PERFORM refresh_case_facts(ARRAY(
          SELECT c.id FROM cases c JOIN new_rows n ON c.organisation_id = n.organisation_id AND c.client_id = n.id));
        RETURN NULL;
      END $$`);

    for (const table of CHILD_TABLES) {
      await q.query(`CREATE TRIGGER ${table}_facts_ins AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION case_facts_touch_children()`);
      await q.query(`CREATE TRIGGER ${table}_facts_upd AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION case_facts_touch_children()`);
      await q.query(`CREATE TRIGGER ${table}_facts_del AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION case_facts_touch_children()`);
    }
    await q.query(`CREATE TRIGGER cases_facts_ins AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION case_facts_touch_cases()`);
    await q.query(`CREATE TRIGGER cases_facts_upd AFTER UPDATE ON cases REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION case_facts_touch_cases()`);
    await q.query(`CREATE TRIGGER clients_facts_upd AFTER UPDATE ON clients REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION case_facts_touch_clients()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER clients_facts_upd ON clients`);
    await q.query(`DROP TRIGGER cases_facts_upd ON cases`);
    await q.query(`DROP TRIGGER cases_facts_ins ON cases`);
    for (const table of CHILD_TABLES) {
      for (const op of ['ins', 'upd', 'del']) await q.query(`DROP TRIGGER ${table}_facts_${op} ON ${table}`);
    }
    await q.query(`DROP FUNCTION case_facts_touch_clients()`);
    await q.query(`DROP FUNCTION case_facts_touch_cases()`);
    await q.query(`DROP FUNCTION case_facts_touch_children()`);
    await q.query(`DROP FUNCTION refresh_case_facts(uuid[])`);
    await q.query(`DROP TABLE case_facts`);
  }
}
