/**
 * Letter templates were copied into an organisation the first time its templates were read (a read
 * that wrote). They are now added where an organisation is created; this gives the provider
 * organisations made before that the shipped templates they lack. On a new database there are no
 * organisations yet, so the text it copies (from the code) never depends on when it runs.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addShippedTemplates } from '../../casework/letters/shipped-templates.js';

export class ShippedLetterTemplates1764520000000 implements MigrationInterface {
  name = 'ShippedLetterTemplates1764520000000';

  async up(q: QueryRunner): Promise<void> {
    const organisations: Array<{ id: string }> = await q.query(
      `SELECT id FROM organisations WHERE kind = 'provider' ORDER BY id`,
    );
    for (const { id } of organisations) await addShippedTemplates(q, id);
  }

  async down(): Promise<void> {
    // The templates stay: an admin may have reworded them since.
  }
}
