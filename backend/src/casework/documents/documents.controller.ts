import { Controller, Delete, Get, HttpCode, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, CurrentUser, type RequestUser } from '../../access/request-user.js';
import { CASEWORK_ROLES, Roles } from '../../access/roles.decorator.js';
import { AuditedByService } from '../../audit/audited.decorator.js';
import type { Actor } from '../../audit/audit.service.js';
import { AppConfigService } from '../../config/app-config.service.js';
import type { UploadRequest } from '../../interchange/import-upload.middleware.js';
import { DeleteQuery } from '../delete-query.js';
import { UuidParam } from '../uuid-param.js';
import { DocumentDto } from './document.dto.js';
import { documentFileName, readDocumentBody } from './document-upload.js';
import { DocumentsService } from './documents.service.js';

@ApiTags('documents')
@Roles(...CASEWORK_ROLES)
@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly config: AppConfigService,
  ) {}

  @Get('cases/:id/documents')
  @ApiOperation({ summary: "List a case's documents (without their content)" })
  @ApiOkResponse({ type: [DocumentDto] })
  list(@CurrentUser() user: RequestUser, @UuidParam() caseId: string): Promise<DocumentDto[]> {
    return this.documents.list(user.organisationId, caseId);
  }

  @Post('cases/:id/documents')
  @ApiOperation({
    summary: 'Upload a document to a case: PDF, image or Word, its type read from the content (DOCUMENT_MAX_MB)',
  })
  @ApiConsumes('application/octet-stream')
  @ApiBody({ description: "The file's bytes as the request body" })
  @ApiQuery({ name: 'fileName', required: true, description: 'The file’s name, e.g. tenancy-agreement.pdf' })
  @ApiCreatedResponse({ type: DocumentDto })
  async upload(
    @CurrentUser() user: RequestUser,
    @UuidParam() caseId: string,
    @Req() req: UploadRequest,
    @Query('fileName') fileName?: unknown,
  ): Promise<DocumentDto> {
    const name = documentFileName(fileName);
    // Reached only once the guard has accepted the session and role; the case is checked before the body is read.
    await this.documents.assertCase(user.organisationId, caseId);
    const content = await readDocumentBody(req, this.config.get().documentMaxBytes);
    return this.documents.add(user.organisationId, user.userId, caseId, { fileName: name, content, source: 'upload' });
  }

  @Get('documents/:id/content')
  @ApiOperation({ summary: 'Download a document (each download is in the audit log)' })
  @AuditedByService()
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: "The document's bytes, as an attachment" })
  async download(
    @CurrentUser() user: RequestUser,
    @UuidParam() id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { document, content } = await this.documents.download(user.organisationId, id, actor);
    res.setHeader('Content-Disposition', attachment(document.fileName));
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(content, { type: document.contentType, length: content.length });
  }

  @Delete('documents/:id')
  @ApiOperation({ summary: 'Remove a document from its case' })
  @HttpCode(204)
  remove(@CurrentUser() user: RequestUser, @UuidParam() id: string, @Query() query: DeleteQuery): Promise<void> {
    return this.documents.remove(user.organisationId, id, query.version);
  }
}

/** An attachment header that carries any name: an ASCII fallback, and the name itself (RFC 6266/8187). */
export function attachment(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
