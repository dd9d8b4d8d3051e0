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
import type {
  AdviserRef,
  BreakdownReport,
  DrillDownPage,
  FixedFeeReport,
  MeasuresSummary,
  TrendsReport,
} from '@deepvalue/shared';

@ApiTags('reports')
// Commissioners get time against outcome and evidence packs, which hide small numbers and
// non-consenting clients; these fuller reports are for the organisation's managers.
@Roles('manager')
@Controller('reports')
export class MeasureReportsController {
  constructor(
    private readonly measures: MeasuresService,
    private readonly rates: RateReportsService,
    private readonly fixedFee: FixedFeeService,
    private readonly drillDown: DrillDownService,
  ) {}

  @Get('measures')
  @ApiOperation({ summary: 'Every measure over the filtered closed cases' })
  @ApiOkResponse({ description: 'Every measure over the filtered closed cases, with n and intervals' })
  async measuresSummary(@CurrentUser() user: RequestUser, @Query() query: MeasuresQueryDto): Promise<MeasuresSummary> {
    return this.measures.summaryFor(user, query);
  }

  @Get('fixed-fee')
  @ApiOperation({ summary: 'Hours a fixed fee pays for against hours worked' })
  @ApiOkResponse({ description: 'Per category: hours a fixed fee pays for against the hours cases took' })
  async fixedFeeReport(@CurrentUser() user: RequestUser, @Query() query: ReportFiltersDto): Promise<FixedFeeReport> {
    return this.fixedFee.reportFor(user, query);
  }

  @Get('trends')
  @ApiOperation({ summary: 'A measure’s rate by month or quarter' })
  @ApiOkResponse({ description: 'A rate per closing month or quarter' })
  async trends(@CurrentUser() user: RequestUser, @Query() query: TrendsQueryDto): Promise<TrendsReport> {
    return this.rates.trendsFor(user, query);
  }

  @Get('breakdown')
  @ApiOperation({ summary: 'A measure’s rate by group' })
  @ApiOkResponse({ description: 'A rate per group, in a fixed order (never ranked)' })
  async breakdown(@CurrentUser() user: RequestUser, @Query() query: BreakdownQueryDto): Promise<BreakdownReport> {
    return this.rates.breakdownFor(user, query);
  }

  @Get('advisers')
  @ApiOperation({ summary: 'The lead advisers of your closed cases, for the adviser filter' })
  @ApiOkResponse({ description: 'Every lead adviser of a closed case (deactivated ones too), in name order' })
  async advisers(@CurrentUser() user: RequestUser): Promise<AdviserRef[]> {
    return this.rates.advisersFor(user);
  }

  @Get('drill-down')
  @ApiOperation({ summary: 'List the cases behind a figure' })
  @Roles('manager')
  @Audited('case')
  @ApiOkResponse({ description: 'The cases behind a figure (managers only)' })
  async drillDownCases(@CurrentUser() user: RequestUser, @Query() query: DrillDownQueryDto): Promise<DrillDownPage> {
    return this.drillDown.casesFor(user, query);
  }
}
