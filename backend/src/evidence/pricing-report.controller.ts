import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { PricingReport } from '@deepvalue/shared';
import { CurrentUser, type RequestUser } from '../access/request-user.js';
import { Roles } from '../access/roles.decorator.js';
import { PricingQueryDto } from '../pricing/dto/pricing-query.dto.js';
import { PricingReportService } from './pricing-report.service.js';

/** GET /api/reports/pricing (see PricingReportService for why it lives in evidence/). */
@ApiTags('reports')
@Roles('manager', 'commissioner')
@Controller('reports')
export class PricingReportController {
  constructor(private readonly pricingReports: PricingReportService) {}

  @Get('pricing')
  @ApiOperation({ summary: 'Deep value in pounds, priced with the unit costs' })
  @ApiOkResponse({
    description:
      'Deep value in £ overall, per category and per band of relationship time, with the low/central/high range',
  })
  async pricingReport(@CurrentUser() user: RequestUser, @Query() query: PricingQueryDto): Promise<PricingReport> {
    return this.pricingReports.reportFor(user, query);
  }
}
