/**
 * Contact safety: for each way of reaching a client, whether it is safe (true),
 * not safe (false) or not asked (null) — for a client at risk of domestic abuse a letter or a
 * voicemail can put them in danger —, the way they prefer, a note (e.g. "only after 3pm"), and the
 * adaptations they need: an interpreter (the language), BSL, large print, anything else.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

const CHANNELS = ['phone', 'text', 'voicemail', 'email', 'letter', 'visit'];

export class ContactSafety1764200000320 implements MigrationInterface {
  name = 'ContactSafety1764200000320';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE clients
        ${CHANNELS.map((c) => `ADD COLUMN safe_by_${c} boolean`).join(',\n        ')},
        ADD COLUMN preferred_channel text
          CHECK (preferred_channel IN ('phone', 'text', 'voicemail', 'email', 'letter', 'visit')),
        ADD COLUMN contact_note text CHECK (length(contact_note) <= 1000),
        ADD COLUMN interpreter_language text CHECK (length(interpreter_language) <= 100),
        ADD COLUMN bsl boolean NOT NULL DEFAULT false,
        ADD COLUMN large_print boolean NOT NULL DEFAULT false,
        ADD COLUMN other_adaptations text CHECK (length(other_adaptations) <= 500)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE clients
        ${CHANNELS.map((c) => `DROP COLUMN safe_by_${c}`).join(',\n        ')},
        DROP COLUMN preferred_channel, DROP COLUMN contact_note, DROP COLUMN interpreter_language,
        DROP COLUMN bsl, DROP COLUMN large_print, DROP COLUMN other_adaptations`);
  }
}
