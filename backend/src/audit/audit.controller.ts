import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, CurrentUser, type RequestUser } from '../access/request-user.js';
import { Roles } from '../access/roles.decorator.js';
import { AuditService, type Actor, type AuditFilters } from './audit.service.js';
import { AuditFilterDto, AuditPageDto, AuditQueryDto, toAuditEntryDto } from './dto/audit-query.dto.js';

const filtersOf = ({ action, entity, user, entityId, client, from, to }: AuditFilterDto): AuditFilters => ({
  action,
  entity,
  userId: user,
  entityId,
  clientId: client,
  from,
  to,
});

@ApiTags('audit')
@Roles('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'Search the audit log' })
  @ApiOkResponse({ type: AuditPageDto })
  async list(
    @CurrentUser() user: RequestUser,
    @Query() query: AuditQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<AuditPageDto> {
    const page = { limit: query.limit ?? 50, offset: query.offset ?? 0 };
    const result = await this.audit.list(user.organisationId, filtersOf(query), page);
    const names = await this.audit.namesFor(user.organisationId, result.items, actor);
    return { items: result.items.map(toAuditEntryDto), names, total: result.total, ...page };
  }

  @Get('export')
  @ApiOperation({ summary: 'Download the audit log as CSV' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The filtered audit log as CSV' })
  async export(
    @CurrentUser() user: RequestUser,
    @Query() query: AuditFilterDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const csv = await this.audit.exportCsv(user.organisationId, filtersOf(query), actor);
    res.setHeader('Content-Disposition', `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`);
    return new StreamableFile(csv, { type: 'text/csv; charset=utf-8' });
  }
}
