import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type RequestUser } from '../access/request-user.js';
import { Roles } from '../access/roles.decorator.js';
import { Audited } from '../audit/audited.decorator.js';
import { DrillDownService } from './drill-down.service.js';
import { BreakdownQueryDto, DrillDownQueryDto, TrendsQueryDto } from './dto/rate-report-query.dto.js';
import { MeasuresQueryDto, ReportFiltersDto } from './dto/report-query.dto.js';
import { FixedFeeService } from './fixed-fee.service.js';
import { MeasuresService } from './measures.service.js';
import { RateReportsService } from './rate-reports.service.js';
import { ReportScopeService } from './report-scope.service.js';
import type { BreakdownReport, DrillDownPage, FixedFeeReport, MeasuresSummary, TrendsReport } from '@deepvalue/shared';

@ApiTags('reports')
// Commissioners get time against outcome and evidence packs, which hide small numbers and
// non-consenting clients; these fuller reports are for the organisation's managers.
@Roles('manager')
@Controller('reports')
export class MeasureReportsController {
  constructor(
    private readonly scope: ReportScopeService,
    private readonly measures: MeasuresService,
    private readonly rates: RateReportsService,
    private readonly fixedFee: FixedFeeService,
    private readonly drillDown: DrillDownService,
  ) {}

  @Get('measures')
  @ApiOperation({ summary: 'Every measure over the filtered closed cases' })
  @ApiOkResponse({ description: 'Every measure over the filtered closed cases, with n and intervals' })
  async measuresSummary(@CurrentUser() user: RequestUser, @Query() query: MeasuresQueryDto): Promise<MeasuresSummary> {
    const { detail, ...rest } = query;
    const { organisationIds, filters } = await this.scope.resolve(user, rest);
    return this.measures.summary(organisationIds, filters, undefined, detail === 'true');
  }

  @Get('fixed-fee')
  @ApiOperation({ summary: 'Hours a fixed fee pays for against hours worked' })
  @ApiOkResponse({ description: 'Per category: hours a fixed fee pays for against the hours cases took' })
  async fixedFeeReport(@CurrentUser() user: RequestUser, @Query() query: ReportFiltersDto): Promise<FixedFeeReport> {
    const { organisationIds, filters } = await this.scope.resolve(user, query);
    return this.fixedFee.report(organisationIds, filters);
  }

  @Get('trends')
  @ApiOperation({ summary: 'A measure’s rate by month or quarter' })
  @ApiOkResponse({ description: 'A rate per closing month or quarter' })
  async trends(@CurrentUser() user: RequestUser, @Query() query: TrendsQueryDto): Promise<TrendsReport> {
    const { measure = 'positive_outcome', period = 'month', ...rest } = query;
    const { organisationIds, filters } = await this.scope.resolve(user, rest);
    return this.rates.trends(organisationIds, measure, period, filters);
  }

  @Get('breakdown')
  @ApiOperation({ summary: 'A measure’s rate by group' })
  @ApiOkResponse({ description: 'A rate per group, in a fixed order (never ranked)' })
  async breakdown(@CurrentUser() user: RequestUser, @Query() query: BreakdownQueryDto): Promise<BreakdownReport> {
    const { measure = 'positive_outcome', by, ...rest } = query;
    const { organisationIds, filters } = await this.scope.resolve(user, rest, { byAdviser: by === 'adviser' });
    return this.rates.breakdown(organisationIds, measure, by, filters);
  }

  @Get('drill-down')
  @ApiOperation({ summary: 'List the cases behind a figure' })
  @Roles('manager')
  @Audited('case')
  @ApiOkResponse({ description: 'The cases behind a figure (managers only)' })
  async drillDownCases(@CurrentUser() user: RequestUser, @Query() query: DrillDownQueryDto): Promise<DrillDownPage> {
    const { measure = 'positive_outcome', band, outcome = 'eligible', limit = 50, offset = 0, ...rest } = query;
    const { organisationIds, filters } = await this.scope.resolve(user, rest);
    return this.drillDown.cases(organisationIds, { measure, band, outcome }, filters, { limit, offset });
  }
}
