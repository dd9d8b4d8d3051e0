/**
 * The outbox: every email Deep Value sends (invitations, password resets,
 * key-date reminders), with where it got to. Without an SMTP server messages are held here for an
 * admin to read. A key-date reminder goes to an adviser at most once a day (the partial unique
 * index), however many processes run the reminders. Value lists written out.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1764430000000 implements MigrationInterface {
  name = 'Outbox1764430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_messages (
        id uuid PRIMARY KEY DEFAULT uuidv7(),
        created_at timestamptz NOT NULL DEFAULT now(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('invitation', 'password_reset', 'key_date_reminder')),
        to_user_id uuid NOT NULL,
        to_address text NOT NULL CHECK (length(to_address) BETWEEN 3 AND 320),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        status text NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'held')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text CHECK (length(last_error) <= 2000),
        claimed_at timestamptz,
        sent_at timestamptz,
        reminder_on date,
        UNIQUE (organisation_id, id),
        FOREIGN KEY (organisation_id, to_user_id) REFERENCES users(organisation_id, id),
        CHECK ((kind = 'key_date_reminder') = (reminder_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX outbox_messages_org_idx ON outbox_messages (organisation_id, id DESC)`);
    await q.query(
      `CREATE UNIQUE INDEX outbox_messages_reminder_idx ON outbox_messages (organisation_id, to_user_id, reminder_on)
       WHERE kind = 'key_date_reminder'`,
    );
    await q.query(
      `CREATE INDEX outbox_messages_pending_idx ON outbox_messages (status) WHERE status IN ('queued', 'sending', 'failed')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox_messages`);
  }
}
