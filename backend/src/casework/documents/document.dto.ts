import { ApiProperty } from '@nestjs/swagger';
import type { CaseDocument } from '@deepvalue/shared';
import { DOCUMENT_SOURCES, DOCUMENT_TYPES, type DocumentSource, type DocumentType } from '@deepvalue/shared';

export class DocumentDto implements CaseDocument {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ maxLength: 255 }) fileName: string;
  @ApiProperty({ enum: DOCUMENT_TYPES, description: 'Read from the content when it was uploaded' })
  contentType: DocumentType;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex' }) sha256: string;
  @ApiProperty({ enum: DOCUMENT_SOURCES }) source: DocumentSource;
  @ApiProperty({ format: 'uuid' }) uploadedById: string;
  @ApiProperty() uploadedByName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() version: number;
}

/** A document's row without its content, as SQL returns it. */
export interface DocumentRow {
  id: string;
  case_id: string;
  file_name: string;
  content_type: DocumentType;
  size_bytes: number;
  sha256: string;
  source: DocumentSource;
  uploaded_by_id: string;
  uploaded_by_name: string | null;
  created_at: Date;
  version: number;
}

/** Every column but the content, with the uploader's name; `d` is case_documents. */
export const DOCUMENT_COLUMNS = `d.id, d.case_id, d.file_name, d.content_type, d.size_bytes, d.sha256, d.source,
  d.uploaded_by_id, u.name AS uploaded_by_name, d.created_at, d.version`;
export const DOCUMENT_FROM = `case_documents d
  LEFT JOIN users u ON u.organisation_id = d.organisation_id AND u.id = d.uploaded_by_id`;

export function toDocumentDto(r: DocumentRow): DocumentDto {
  return {
    id: r.id,
    caseId: r.case_id,
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    source: r.source,
    uploadedById: r.uploaded_by_id,
    uploadedByName: r.uploaded_by_name ?? '',
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}
