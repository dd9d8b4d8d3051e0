/**
 * Evidence packs are built on request and never stored: the preview returns the suppressed tables
 * as JSON for the web page, and download streams one format built from the same inputs. Because the
 * files are reproducible, downloading the XLSX and later the PDF for the same query gives files that
 * belong to one pack (same manifest hashes). Every download is audited as an export.
 */
import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import type { EvidencePackPreview } from '@deepvalue/shared';
import { ApiOperation, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiError } from '../common/api-document.js';
import { CurrentActor, CurrentUser, type RequestUser } from '../access/request-user.js';
import { Roles } from '../access/roles.decorator.js';
import type { Actor } from '../audit/audit.service.js';
import { EvidencePackDownloadDto, EvidencePackQueryDto, toPackRequest } from './dto/evidence-pack.dto.js';
import { EvidenceDownloadsService } from './evidence-downloads.service.js';

@ApiTags('evidence-packs')
@ApiError(422, 'No organisation shares its figures with you yet, so there is no pack')
@Roles('manager', 'commissioner')
@Controller('evidence-packs')
export class EvidencePacksController {
  constructor(private readonly packs: EvidenceDownloadsService) {}

  @Get('preview')
  @ApiOperation({ summary: 'Preview an evidence pack' })
  @ApiOkResponse({ description: 'The pack’s tables (small numbers suppressed), headlines and method, as JSON' })
  async preview(
    @CurrentUser() user: RequestUser,
    @CurrentActor() actor: Actor,
    @Query() query: EvidencePackQueryDto,
  ): Promise<EvidencePackPreview> {
    return this.packs.preview(user, actor, query.organisation, toPackRequest(query));
  }

  @Get('download')
  @ApiOperation({ summary: 'Download an evidence pack' })
  @ApiProduces(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
    'application/zip',
    'application/json',
  )
  @ApiOkResponse({ description: 'One file of the pack, or a zip of its files' })
  async download(
    @CurrentUser() user: RequestUser,
    @CurrentActor() actor: Actor,
    @Query() query: EvidencePackDownloadDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.packs.download(user, actor, query.organisation, toPackRequest(query), query.format);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    response.setHeader('X-Inputs-SHA256', file.inputsSha256);
    return new StreamableFile(file.bytes);
  }
}
