/**
 * A time entry corrected or removed moves its case's facts by the difference (one UPDATE of one
 * row) instead of recomputing the whole case, as a new entry already does (1764620000000). The
 * whole case is still recomputed when the difference is not enough to know the result:
 * - the entry was the case's first relationship session (or on its day) and is removed, or moved
 *   later, or stops being relationship time: the next first day must be looked up;
 * - relationship time on or before the day an underlying problem surfaced is removed or added
 *   (it counts in that problem's time before it surfaced);
 * - the entry moves to another case, or the case has no facts yet.
 * case_facts_touch_row() stays the function of every child table's triggers and asks
 * case_facts_time_entry_delta() first for time entries, so no trigger is replaced (the routed
 * Citus form of case_facts_touch_row is re-derived from its text, which keeps
 * `refresh_case_facts(ARRAY[NEW.` and `refresh_case_facts(ARRAY[OLD.`).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

const TOUCH_ROW = (timeEntryDelta: boolean) => `
      CREATE OR REPLACE FUNCTION case_facts_touch_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN${
        timeEntryDelta
          ? `
        -- Nested, not one condition: OLD is another table's row for the other tables.
        IF TG_TABLE_NAME = 'time_entries' AND TG_OP <> 'INSERT' THEN
          IF TG_OP = 'DELETE' OR OLD.case_id = NEW.case_id THEN
            IF case_facts_time_entry_delta(OLD, CASE WHEN TG_OP = 'UPDATE' THEN NEW END) THEN
              RETURN NULL;
            END IF;
          END IF;
        END IF;`
          : ''
      }
        IF TG_OP = 'INSERT' THEN
          PERFORM refresh_case_facts(ARRAY[NEW.case_id]);
        ELSIF TG_OP = 'DELETE' OR OLD.case_id = NEW.case_id THEN
          PERFORM refresh_case_facts(ARRAY[OLD.case_id]);
        ELSE
          PERFORM refresh_case_facts(ARRAY[OLD.case_id, NEW.case_id]);
        END IF;
        RETURN NULL;
      END $$`;

/** `o`: the entry as it was; `n`: as it is now, on the same case (NULL: removed). True when applied. */
const TIME_ENTRY_DELTA = `
      CREATE FUNCTION case_facts_time_entry_delta(o time_entries, n time_entries) RETURNS boolean LANGUAGE plpgsql AS $$
      DECLARE f case_facts;
      BEGIN
        SELECT * INTO f FROM case_facts WHERE organisation_id = o.organisation_id AND case_id = o.case_id FOR UPDATE;
        IF NOT FOUND THEN RETURN false; END IF;
        -- The first relationship day may move later: only a full count finds the next one.
        IF o.class = 'relationship' AND coalesce(o."on" <= f.first_relationship_on, true)
           AND NOT coalesce(n.class = 'relationship' AND n."on" <= o."on", false) THEN
          RETURN false;
        END IF;
        IF f.problems_count > 0 AND EXISTS (
            SELECT 1 FROM underlying_problems up
             WHERE up.organisation_id = o.organisation_id AND up.case_id = o.case_id
               AND ((o.class = 'relationship' AND up.uncovered_on >= o."on")
                 OR (n.class = 'relationship' AND up.uncovered_on >= n."on"))) THEN
          RETURN false;
        END IF;
        UPDATE case_facts SET
          total_minutes = total_minutes - o.minutes + coalesce(n.minutes, 0),
          relationship_minutes = relationship_minutes
            - CASE WHEN o.class = 'relationship' THEN o.minutes ELSE 0 END
            + CASE WHEN n.class = 'relationship' THEN n.minutes ELSE 0 END,
          lead_relationship_minutes = lead_relationship_minutes
            - CASE WHEN o.class = 'relationship' AND o.adviser_id = f.lead_adviser_id THEN o.minutes ELSE 0 END
            + CASE WHEN n.class = 'relationship' AND n.adviser_id = f.lead_adviser_id THEN n.minutes ELSE 0 END,
          first_relationship_on = CASE WHEN n.class = 'relationship' THEN least(first_relationship_on, n."on")
                                       ELSE first_relationship_on END
        WHERE organisation_id = o.organisation_id AND case_id = o.case_id;
        RETURN true;
      END $$`;

export class TimeEntryEditDelta1764730000100 implements MigrationInterface {
  name = 'TimeEntryEditDelta1764730000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(TIME_ENTRY_DELTA);
    await q.query(TOUCH_ROW(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(TOUCH_ROW(false));
    await q.query(`DROP FUNCTION case_facts_time_entry_delta(time_entries, time_entries)`);
  }
}
