/**
 * A new time entry adds its minutes to the case's facts (one UPDATE of one row) instead of
 * recomputing the whole case whenever relationship time lands on a case with underlying problems.
 * The time before each problem surfaced (problems_relationship_minutes and its square) counts only
 * relationship time on or before the problem's `uncovered_on`, so an entry dated after every
 * problem surfaced leaves it unchanged; only an entry dated on or before some problem's date (e.g.
 * a session recorded late) still recomputes the case. Same figures, fewer statements.
 * The routed Citus form is re-derived from this text (`refresh_case_facts(ARRAY[NEW.` is kept).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ADD_TIME_ENTRY } from './1764400000000-more-measures.js';

const ADD_TIME_ENTRY_DELTA = `
      CREATE OR REPLACE FUNCTION case_facts_add_time_entry() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE problems integer;
      BEGIN
        UPDATE case_facts f SET
          total_minutes = f.total_minutes + NEW.minutes,
          relationship_minutes = f.relationship_minutes + CASE WHEN NEW.class = 'relationship' THEN NEW.minutes ELSE 0 END,
          lead_relationship_minutes = f.lead_relationship_minutes
            + CASE WHEN NEW.class = 'relationship' AND NEW.adviser_id = f.lead_adviser_id THEN NEW.minutes ELSE 0 END,
          first_relationship_on = CASE WHEN NEW.class = 'relationship' THEN least(f.first_relationship_on, NEW."on")
                                       ELSE f.first_relationship_on END
        WHERE f.organisation_id = NEW.organisation_id AND f.case_id = NEW.case_id
        RETURNING f.problems_count INTO problems;
        -- No facts yet (the case was written while they were deferred), or relationship time dated on or
        -- before the day an underlying problem surfaced (it counts in that problem's time before): compute
        -- them whole. Time dated after every problem surfaced changes none of the problems' figures.
        IF NOT FOUND OR (NEW.class = 'relationship' AND problems > 0 AND EXISTS (
            SELECT 1 FROM underlying_problems up
             WHERE up.organisation_id = NEW.organisation_id AND up.case_id = NEW.case_id
               AND up.uncovered_on >= NEW."on")) THEN
          PERFORM refresh_case_facts(ARRAY[NEW.case_id]);
        END IF;
        RETURN NULL;
      END $$`;

export class TimeEntryDelta1764620000000 implements MigrationInterface {
  name = 'TimeEntryDelta1764620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(ADD_TIME_ENTRY_DELTA);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(ADD_TIME_ENTRY(true));
  }
}
