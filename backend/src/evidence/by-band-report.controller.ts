import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ByBandReport } from '@deepvalue/shared';
import { CurrentUser, type RequestUser } from '../access/request-user.js';
import { Roles } from '../access/roles.decorator.js';
import { ReportScopeService } from '../analytics/report-scope.service.js';
import { ApiError } from '../common/api-document.js';
import { ByBandQueryDto } from './dto/by-band-query.dto.js';
import { EvidencePackService } from './evidence-pack.service.js';

/**
 * Commissioners' screen for the rates and means the evidence pack publishes by band (bounce-out, referral
 * completion, personal development, RQI, continuity, bounce-in, change in confidence): the pack's own
 * table, rounded by the same code. Managers read their own figures in full on the measures pages.
 */
@ApiTags('reports')
@ApiError(422, 'No organisation shares its figures with you yet, so there is nothing to show')
@Roles('commissioner')
@Controller('reports')
export class ByBandReportController {
  constructor(
    private readonly scope: ReportScopeService,
    private readonly packs: EvidencePackService,
  ) {}

  @Get('by-band')
  @ApiOperation({ summary: 'One measure by band of relationship time, as the evidence pack publishes it' })
  @ApiOkResponse({ description: 'The pack’s table for the measure: rounded counts, rates or means with intervals' })
  async byBand(@CurrentUser() user: RequestUser, @Query() query: ByBandQueryDto): Promise<ByBandReport> {
    const { measure, ...rest } = query;
    const { organisationIds, filters } = await this.scope.resolve(user, rest);
    return this.packs.byBandReport(organisationIds, { ...filters, consentOnly: true }, measure);
  }
}
