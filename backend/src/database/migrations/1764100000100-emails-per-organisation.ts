/**
 * Emails are unique within an organisation, not across them: a person may hold an account in two
 * organisations, and inviting an email that another organisation uses is an ordinary invite (the
 * answer must not reveal who uses which email elsewhere). Sign-in picks the account whose password
 * matches (access/auth.service.ts).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EmailsPerOrganisation1764100000100 implements MigrationInterface {
  name = 'EmailsPerOrganisation1764100000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX users_email_key`);
    await q.query(`CREATE UNIQUE INDEX users_organisation_email_key ON users (organisation_id, email)`);
    await q.query(`CREATE INDEX users_email_idx ON users (email)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX users_email_idx`);
    await q.query(`DROP INDEX users_organisation_email_key`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
  }
}
