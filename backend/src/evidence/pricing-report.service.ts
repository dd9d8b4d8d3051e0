import { Injectable } from '@nestjs/common';
import type { PricingReport } from '@deepvalue/shared';
import type { RequestUser } from '../access/request-user.js';
import { ReportScopeService } from '../analytics/report-scope.service.js';
import { EvidencePackService } from './evidence-pack.service.js';
import type { PricingQueryDto } from '../pricing/dto/pricing-query.dto.js';
import { PricingService } from '../pricing/pricing.service.js';

/**
 * The pricing report a signed-in user asked for. Here in evidence/, not pricing/: a commissioner's
 * figures are the evidence pack's published pricing (rounded counts), so it needs the pack service;
 * a manager's are their own, in full. Pricing itself never imports from evidence.
 */
@Injectable()
export class PricingReportService {
  constructor(
    private readonly scope: ReportScopeService,
    private readonly pricing: PricingService,
    private readonly packs: EvidencePackService,
  ) {}

  async reportFor(user: RequestUser, query: PricingQueryDto): Promise<PricingReport> {
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
