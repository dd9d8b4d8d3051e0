import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RelationshipChainReport, TimeVsOutcomeReport } from '@deepvalue/shared';
import { CurrentUser, type RequestUser } from '../access/request-user.js';
import { Roles } from '../access/roles.decorator.js';
import { ReportFiltersDto, TimeVsOutcomeQueryDto } from './dto/report-query.dto.js';
import { RelationshipChainService } from './relationship-chain.service.js';
import { TimeVsOutcomeService } from './time-vs-outcome.service.js';

@ApiTags('reports')
@Roles('manager', 'commissioner')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly timeVsOutcome: TimeVsOutcomeService,
    private readonly chain: RelationshipChainService,
  ) {}

  @Get('time-vs-outcome')
  @ApiOperation({ summary: 'Outcome rates by relationship time' })
  @ApiOkResponse({ description: 'Outcome rates by band of relationship time, with the adjusted odds ratio' })
  async timeVsOutcomeReport(
    @CurrentUser() user: RequestUser,
    @Query() query: TimeVsOutcomeQueryDto,
  ): Promise<TimeVsOutcomeReport> {
    return this.timeVsOutcome.reportFor(user, query);
  }

  @Get('chain')
  @ApiOperation({ summary: 'The relationship chain: each link adjusted for case mix, and the mediation estimate' })
  @ApiOkResponse({
    description:
      'Relationship time → trust and disclosure → problems uncovered and understanding → acceptance → appeals, ' +
      'each link with its estimate, 95% interval and n; and the share of the time–acceptance link through understanding',
  })
  async relationshipChain(
    @CurrentUser() user: RequestUser,
    @Query() query: ReportFiltersDto,
  ): Promise<RelationshipChainReport> {
    return this.chain.reportFor(user, query);
  }
}
