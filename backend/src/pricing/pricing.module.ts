import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { PricingAggregatesRepository } from './pricing-aggregates.repository.js';
import { PricingService } from './pricing.service.js';
import { UnitCostsController } from './unit-costs.controller.js';
import { UnitCostsRepository } from './unit-costs.repository.js';
import { UnitCostsService } from './unit-costs.service.js';

@Module({
  imports: [AnalyticsModule],
  controllers: [UnitCostsController], // PricingReportController: see EvidenceModule
  providers: [UnitCostsRepository, UnitCostsService, PricingAggregatesRepository, PricingService],
  exports: [UnitCostsService, PricingService],
})
export class PricingModule {}
