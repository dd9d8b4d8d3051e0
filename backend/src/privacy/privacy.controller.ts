import { Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, CurrentUser, type RequestUser } from '../access/request-user.js';
import { Roles } from '../access/roles.decorator.js';
import { AuditedByService } from '../audit/audited.decorator.js';
import type { Actor } from '../audit/audit.service.js';
import { ErasedClientDto, PrivacySummaryDto, toErasedClientDto } from './dto/privacy.dto.js';
import { PrivacySummaryService } from './privacy-summary.service.js';
import { ErasureService } from './erasure.service.js';
import { subjectAccessHtml } from './subject-access-html.js';
import { SubjectAccessService, type SubjectAccessReport } from './subject-access.service.js';

@ApiTags('privacy')
@Roles('manager', 'admin')
@AuditedByService()
@Controller('clients')
export class PrivacyController {
  constructor(
    private readonly subjectAccess: SubjectAccessService,
    private readonly erasure: ErasureService,
    private readonly privacySummary: PrivacySummaryService,
  ) {}

  @Get(':id/privacy')
  @ApiOperation({ summary: 'What is held about a client, and what erasure would remove or keep' })
  @ApiOkResponse({ type: PrivacySummaryDto })
  privacy(
    @CurrentUser() user: RequestUser,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<PrivacySummaryDto> {
    return this.privacySummary.summary(user.organisationId, id, actor);
  }

  @Get(':id/subject-access')
  @ApiOperation({ summary: 'Subject access export for a client, as JSON' })
  @ApiOkResponse({ description: 'Everything held about the client, as JSON' })
  async subjectAccessJson(
    @CurrentUser() user: RequestUser,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<SubjectAccessReport> {
    return this.subjectAccess.report(user.organisationId, id, actor, 'json');
  }

  @Get(':id/subject-access.html')
  @ApiOperation({ summary: 'Subject access export for a client, as a printable page' })
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'Everything held about the client, as a printable page' })
  async subjectAccessHtml(
    @CurrentUser() user: RequestUser,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<string> {
    return subjectAccessHtml(await this.subjectAccess.report(user.organisationId, id, actor, 'html'));
  }

  @Post(':id/erase')
  @ApiOperation({ summary: 'Erase a client’s personal data' })
  @HttpCode(200)
  @ApiOkResponse({ type: ErasedClientDto })
  async erase(
    @CurrentUser() user: RequestUser,
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ErasedClientDto> {
    return toErasedClientDto(await this.erasure.erase(user.organisationId, id, actor));
  }
}
