import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TimeVsOutcomeReport } from '@deepvalue/shared';
import { CurrentUser, type RequestUser } from '../access/request-user.js';
import { Roles } from '../access/roles.decorator.js';
import { TimeVsOutcomeQueryDto } from './dto/report-query.dto.js';
import { ReportScopeService } from './report-scope.service.js';
import { TimeVsOutcomeService } from './time-vs-outcome.service.js';

@ApiTags('reports')
@Roles('manager', 'commissioner')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly scope: ReportScopeService,
    private readonly timeVsOutcome: TimeVsOutcomeService,
  ) {}

  @Get('time-vs-outcome')
  @ApiOperation({ summary: 'Outcome rates by relationship time' })
  @ApiOkResponse({ description: 'Outcome rates by band of relationship time, with the adjusted odds ratio' })
  async timeVsOutcomeReport(
    @CurrentUser() user: RequestUser,
    @Query() query: TimeVsOutcomeQueryDto,
  ): Promise<TimeVsOutcomeReport> {
    const { measure = 'positive_outcome', organisation, ...filters } = query;
    this.scope.assertAdviserLevelAllowed(user, filters.adviser !== undefined);
    const organisationIds = await this.scope.organisationIds(user, organisation);
    const { consentOnly, suppressBelow } = await this.scope.privacyFor(user, organisationIds);
    return this.timeVsOutcome.report(organisationIds, measure, { ...filters, consentOnly }, { suppressBelow });
  }
}
