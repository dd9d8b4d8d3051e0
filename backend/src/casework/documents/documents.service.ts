import { Injectable } from '@nestjs/common';
import type { DocumentSource } from '@deepvalue/shared';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../../audit/audit.service.js';
import { notFound, staleVersion } from '../../common/domain-error.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { CaseEntity } from '../cases/case.entity.js';
import { DOCUMENT_COLUMNS, DOCUMENT_FROM, type DocumentDto, type DocumentRow, toDocumentDto } from './document.dto.js';
import { documentType } from './document-type.js';

export interface NewDocument {
  fileName: string;
  content: Buffer;
  source: DocumentSource;
}

export interface DocumentContent {
  document: DocumentDto;
  content: Buffer;
}

@Injectable()
export class DocumentsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  /** 404 unless the case is the organisation's; called before an upload's body is read. */
  async assertCase(organisationId: string, caseId: string): Promise<void> {
    if (!(await this.uow.manager.existsBy(CaseEntity, { organisationId, id: caseId }))) throw notFound('Case');
  }

  async list(organisationId: string, caseId: string): Promise<DocumentDto[]> {
    await this.assertCase(organisationId, caseId);
    const rows: DocumentRow[] = await this.uow.manager.query(
      `SELECT ${DOCUMENT_COLUMNS} FROM ${DOCUMENT_FROM}
       WHERE d.organisation_id = $1 AND d.case_id = $2 ORDER BY d.created_at DESC, d.id`,
      [organisationId, caseId],
    );
    return rows.map(toDocumentDto);
  }

  /** Keeps a document on the case; its type is read from the content (422 when not allowed). */
  async add(
    organisationId: string,
    userId: string,
    caseId: string,
    input: NewDocument,
    manager: EntityManager = this.uow.manager,
  ): Promise<DocumentDto> {
    const contentType = await documentType(input.content);
    const sha256 = createHash('sha256').update(input.content).digest('hex');
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO case_documents (organisation_id, case_id, file_name, content_type, size_bytes, sha256, source,
         uploaded_by_id, content)
       SELECT organisation_id, id, $3, $4, $5, $6, $7, $8, $9 FROM cases WHERE organisation_id = $1 AND id = $2
       RETURNING id`,
      [
        organisationId,
        caseId,
        input.fileName,
        contentType,
        input.content.length,
        sha256,
        input.source,
        userId,
        input.content,
      ],
    );
    if (inserted.length === 0) throw notFound('Case');
    const id = inserted[0].id;
    return this.find(manager, organisationId, id);
  }

  /** The document and its bytes; the download is written to the audit log before anything is sent. */
  async download(organisationId: string, documentId: string, by: Actor): Promise<DocumentContent> {
    const m = this.uow.manager;
    const [row]: Array<DocumentRow & { content: Buffer }> = await m.query(
      `SELECT ${DOCUMENT_COLUMNS}, d.content FROM ${DOCUMENT_FROM} WHERE d.organisation_id = $1 AND d.id = $2`,
      [organisationId, documentId],
    );
    if (!row) throw notFound('Document');
    await this.audit.record({
      organisationId,
      ...by,
      action: 'read',
      entity: 'document',
      entityIds: [row.id],
      details: { operation: 'download', caseIds: [row.case_id], sizeBytes: row.size_bytes },
    });
    return { document: toDocumentDto(row), content: row.content };
  }

  /** Removes a document (refused with 409 when `version` is given and out of date). */
  async remove(organisationId: string, documentId: string, version?: number): Promise<void> {
    const m = this.uow.manager;
    // A DELETE through TypeORM's query() answers [rows, count].
    const [deleted]: [Array<{ id: string }>, number] = await m.query(
      `DELETE FROM case_documents WHERE organisation_id = $1 AND id = $2 AND ($3::int IS NULL OR version = $3)
       RETURNING id`,
      [organisationId, documentId, version ?? null],
    );
    if (deleted.length) return;
    const current = await this.find(m, organisationId, documentId).catch(() => undefined);
    if (!current) throw notFound('Document');
    throw staleVersion(current);
  }

  private async find(m: EntityManager, organisationId: string, id: string): Promise<DocumentDto> {
    const [row]: DocumentRow[] = await m.query(
      `SELECT ${DOCUMENT_COLUMNS} FROM ${DOCUMENT_FROM} WHERE d.organisation_id = $1 AND d.id = $2`,
      [organisationId, id],
    );
    if (!row) throw notFound('Document');
    return toDocumentDto(row);
  }
}
