/**
 * First-contact latency measured from the client's first contact with the organisation, not from the
 * day the case was opened (which is often the first interview itself, so latency was always 0).
 * cases.first_contact_on is optional (null: the day the case was opened) and never after opening;
 * case_facts.first_contact_on holds the day the measure counts from (coalesced), so
 * refresh_case_facts is restated with it (derived from migration 210's text) and existing facts
 * filled in with the roll-up triggers stood aside (no roll-up count reads it).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { replaceOnce } from './1764100000200-avoided-appeal-reason.js';
import { REFRESH_CASE_FACTS_WITH_FOLLOW_UP_KNOWN } from './1764100000210-follow-up-known.js';

export const REFRESH_CASE_FACTS_WITH_FIRST_CONTACT = [
  ['evidence_consent, opened_on, closed_on,', 'evidence_consent, opened_on, first_contact_on, closed_on,'],
  ['c.opened_on, c.closed_on,', 'c.opened_on, coalesce(c.first_contact_on, c.opened_on), c.closed_on,'],
  ['opened_on = EXCLUDED.opened_on,', 'opened_on = EXCLUDED.opened_on, first_contact_on = EXCLUDED.first_contact_on,'],
].reduce((text, [from, to]) => replaceOnce(text, from, to), REFRESH_CASE_FACTS_WITH_FOLLOW_UP_KNOWN);

export class FirstContact1764100000220 implements MigrationInterface {
  name = 'FirstContact1764100000220';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN first_contact_on date
      CONSTRAINT cases_first_contact_check CHECK (first_contact_on >= '1990-01-01' AND first_contact_on <= opened_on)`);
    await q.query(`ALTER TABLE case_facts ADD COLUMN first_contact_on date`);
    await q.query(REFRESH_CASE_FACTS_WITH_FIRST_CONTACT);
    await q.query(`SET LOCAL deepvalue.defer_facts = 'on'`);
    await q.query(`UPDATE case_facts SET first_contact_on = opened_on`);
    await q.query(`SET LOCAL deepvalue.defer_facts = 'off'`);
    await q.query(`ALTER TABLE case_facts ALTER COLUMN first_contact_on SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(REFRESH_CASE_FACTS_WITH_FOLLOW_UP_KNOWN);
    await q.query(`ALTER TABLE case_facts DROP COLUMN first_contact_on`);
    await q.query(`ALTER TABLE cases DROP COLUMN first_contact_on`);
  }
}
