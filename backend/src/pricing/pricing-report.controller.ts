import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type RequestUser } from '../access/request-user.js';
import { Roles } from '../access/roles.decorator.js';
import { ReportScopeService } from '../analytics/report-scope.service.js';
import { EvidencePackService } from '../evidence/evidence-pack.service.js';
import { PricingQueryDto } from './dto/pricing-query.dto.js';
import type { PricingReport } from '@deepvalue/shared';
import { PricingService } from './pricing.service.js';

/**
 * Registered by EvidenceModule: a commissioner's figures are the evidence pack's published pricing
 * (rounded counts), so the route needs the pack service; a manager's are their own, in full.
 */
@ApiTags('reports')
@Roles('manager', 'commissioner')
@Controller('reports')
export class PricingReportController {
  constructor(
    private readonly scope: ReportScopeService,
    private readonly pricing: PricingService,
    private readonly packs: EvidencePackService,
  ) {}

  @Get('pricing')
  @ApiOperation({ summary: 'Deep value in pounds, priced with the unit costs' })
  @ApiOkResponse({
    description:
      'Deep value in £ overall, per category and per band of relationship time, with the low/central/high range',
  })
  async pricingReport(@CurrentUser() user: RequestUser, @Query() query: PricingQueryDto): Promise<PricingReport> {
    const { unitCostVersion, ...rest } = query;
    const { organisationIds, filters } = await this.scope.resolve(user, rest);
    if (user.role === 'commissioner') {
      const scope = {
        organisationIds,
        pricingOrganisationId: user.organisationId,
        commissionerId: user.organisationId,
      };
      return this.packs.pricingReport(scope, filters, unitCostVersion);
    }
    return this.pricing.report(organisationIds, user.organisationId, filters, unitCostVersion);
  }
}
