import { Body, Controller, Get, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, CurrentUser, type RequestUser } from '../access/request-user.js';
import { CASEWORK_ROLES, Roles } from '../access/roles.decorator.js';
import type { Actor } from '../audit/audit.service.js';
import { AuditedByService } from '../audit/audited.decorator.js';
import { UuidParam } from '../casework/uuid-param.js';
import { ContractReportCheckDto } from './contract-report.dto.js';
import { ContractReportService } from './contract-report.service.js';
import { LegalAidCodesDto } from './legal-aid-codes.dto.js';
import { LegalAidCodesService } from './legal-aid-codes.service.js';
import { ClientEqualityDto, EqualityInputDto, LegalAidDto, LegalAidInputDto, MonthQuery } from './legal-aid.dto.js';
import { LegalAidService } from './legal-aid.service.js';

@ApiTags('legal aid')
@Roles(...CASEWORK_ROLES)
@Controller()
export class LegalAidController {
  constructor(
    private readonly lists: LegalAidCodesService,
    private readonly legalAid: LegalAidService,
    private readonly reports: ContractReportService,
  ) {}

  @Get('legal-aid-codes')
  @ApiOperation({ summary: 'The legal aid code lists in force, with their sources' })
  @ApiOkResponse({ type: LegalAidCodesDto })
  codes(): LegalAidCodesDto {
    return this.lists.codes;
  }

  @Get('cases/:id/legal-aid')
  @ApiOperation({ summary: "A case's legal aid details (404 when it has none)" })
  @ApiOkResponse({ type: LegalAidDto })
  get(@CurrentUser() user: RequestUser, @UuidParam() caseId: string): Promise<LegalAidDto> {
    return this.legalAid.get(user.organisationId, caseId);
  }

  @Put('cases/:id/legal-aid')
  @ApiOperation({
    summary:
      "Record or replace a case's legal aid details, checked against the code lists (422 names the field and the code)",
  })
  @ApiOkResponse({ type: LegalAidDto })
  put(
    @CurrentUser() user: RequestUser,
    @UuidParam() caseId: string,
    @Body() body: LegalAidInputDto,
  ): Promise<LegalAidDto> {
    return this.legalAid.put(user.organisationId, caseId, body);
  }

  @Put('clients/:id/equality')
  @ApiOperation({ summary: "Replace the client's equality monitoring answers (each may be declined)" })
  @ApiOkResponse({ type: ClientEqualityDto })
  putEquality(
    @CurrentUser() user: RequestUser,
    @UuidParam() clientId: string,
    @Body() body: EqualityInputDto,
  ): Promise<ClientEqualityDto> {
    return this.legalAid.putEquality(user.organisationId, clientId, body);
  }

  @Get('contract-reports')
  @Roles('manager', 'admin')
  @AuditedByService() // the service logs the cases the report covers
  @ApiOperation({ summary: "Check a month's contract report: what it holds and the problems to fix first" })
  @ApiOkResponse({ type: ContractReportCheckDto })
  async check(
    @CurrentUser() user: RequestUser,
    @CurrentActor() actor: Actor,
    @Query() query: MonthQuery,
  ): Promise<ContractReportCheckDto> {
    const { csv: _csv, ...report } = await this.reports.build(user.organisationId, query.month, actor, 'check');
    return report;
  }

  @Get('exports/contract-report')
  @Roles('manager', 'admin')
  @AuditedByService() // the service logs the cases the file covers
  @ApiOperation({ summary: "A month's contract report in the LAA bulk-load CSV layout (cases with problems left out)" })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file', schema: { type: 'string' } })
  async export(
    @CurrentUser() user: RequestUser,
    @CurrentActor() actor: Actor,
    @Query() query: MonthQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const report = await this.reports.build(user.organisationId, query.month, actor, 'export');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="contract-report-${query.month}.csv"`);
    return report.csv;
  }
}
