import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { PricingReportController } from './pricing-report.controller.js';
import { PricingReportService } from './pricing-report.service.js';
import { PricingModule } from '../pricing/pricing.module.js';
import { ByBandReportController } from './by-band-report.controller.js';
import { DistributionRepository } from './distribution.repository.js';
import { EvidenceDownloadsService } from './evidence-downloads.service.js';
import { EvidencePackService } from './evidence-pack.service.js';
import { EvidenceRepository } from './evidence.repository.js';
import { EvidencePacksController } from './evidence-packs.controller.js';

@Module({
  imports: [AnalyticsModule, PricingModule],
  // The pricing report is here because a commissioner's figures are the pack's published pricing.
  controllers: [EvidencePacksController, PricingReportController, ByBandReportController],
  providers: [
    EvidencePackService,
    EvidenceRepository,
    EvidenceDownloadsService,
    PricingReportService,
    DistributionRepository,
  ],
  exports: [EvidencePackService],
})
export class EvidenceModule {}
