/**
 * An unsent set-password email is `withdrawn` when its link stops working (a newer link is made
 * for the person, or the link is used): it is never sent, and its dead link is blanked, so nobody
 * passes on a link that no longer works.
 * Value lists written out.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxWithdrawn1764520000100 implements MigrationInterface {
  name = 'OutboxWithdrawn1764520000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_status_check`);
    await q.query(`ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_status_check
      CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'held', 'withdrawn'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE outbox_messages SET status = 'held' WHERE status = 'withdrawn'`);
    await q.query(`ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_status_check`);
    await q.query(`ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_status_check
      CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'held'))`);
  }
}
