/**
 * Documents on a case: the file's bytes are kept in PostgreSQL as bytea beside
 * what is known of it, so the embedded default needs no directory or object store, a document
 * goes with its row (case deletion cascades, erasure deletes), and a backup of the database is a
 * backup of the documents (docs/decisions.md). Stored EXTERNAL: out of line and not compressed
 * again — PDFs, images and Word files are compressed already. The type is the one read from the
 * content at upload. Value lists are written out (a migration is a snapshot).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseDocuments1764300300000 implements MigrationInterface {
  name = 'CaseDocuments1764300300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_documents (
        id uuid PRIMARY KEY DEFAULT uuidv7(),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        organisation_id uuid NOT NULL,
        case_id uuid NOT NULL,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/gif',
          'image/webp', 'image/tiff', 'image/heic',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/msword',
          'application/vnd.oasis.opendocument.text', 'application/rtf')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        source text NOT NULL CHECK (source IN ('upload', 'letter')),
        uploaded_by_id uuid NOT NULL,
        content bytea NOT NULL,
        UNIQUE (organisation_id, id),
        FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, uploaded_by_id) REFERENCES users(organisation_id, id),
        CONSTRAINT case_documents_size_matches CHECK (octet_length(content) = size_bytes)
      )`);
    await q.query(`ALTER TABLE case_documents ALTER COLUMN content SET STORAGE EXTERNAL`);
    await q.query(`CREATE INDEX case_documents_case_idx ON case_documents (organisation_id, case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_documents`);
  }
}
