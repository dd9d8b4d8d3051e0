/**
 * Letter templates: each organisation's templates, with case fields written
 * `{{client.fullName}}` in the text. The three shipped templates carry a key (client care letter,
 * letter of authority, closing letter): an admin may reword them but not remove them. Their text is
 * not in this migration: it is copied from the code into an organisation's table the first time
 * its templates are read, so a new organisation gets them too. Value lists are written out.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LetterTemplates1764300300100 implements MigrationInterface {
  name = 'LetterTemplates1764300300100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE letter_templates (
        id uuid PRIMARY KEY DEFAULT uuidv7(),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        key text CHECK (key IN ('client_care', 'authority', 'closing')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        updated_by_id uuid,
        UNIQUE (organisation_id, id),
        UNIQUE (organisation_id, key),
        UNIQUE (organisation_id, name),
        FOREIGN KEY (organisation_id, updated_by_id) REFERENCES users(organisation_id, id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE letter_templates`);
  }
}
