import { Module } from '@nestjs/common';
import { AnalyticsRepository } from './analytics.repository.js';
import { DrillDownService } from './drill-down.service.js';
import { FeeRatesController } from './fee-rates.controller.js';
import { FeeRatesRepository } from './fee-rates.repository.js';
import { FeeRatesService } from './fee-rates.service.js';
import { FixedFeeRepository } from './fixed-fee.repository.js';
import { FixedFeeRollupsRepository } from './fixed-fee-rollups.repository.js';
import { FixedFeeService } from './fixed-fee.service.js';
import { MeasureReportsController } from './measure-reports.controller.js';
import { MeasureCellsRepository } from './measure-cells.repository.js';
import { MeasureDetailsService } from './measure-details.service.js';
import { MeasuresRepository } from './measures.repository.js';
import { MeasuresService } from './measures.service.js';
import { RateReportsService } from './rate-reports.service.js';
import { RelationshipChainService } from './relationship-chain.service.js';
import { ReportScopeService } from './report-scope.service.js';
import { ReportsController } from './reports.controller.js';
import { TimeVsOutcomeService } from './time-vs-outcome.service.js';

@Module({
  controllers: [ReportsController, MeasureReportsController, FeeRatesController],
  providers: [
    AnalyticsRepository,
    // The pack's cells: a commissioner's time-vs-outcome screen publishes the pack's own figures.
    MeasureCellsRepository,
    ReportScopeService,
    TimeVsOutcomeService,
    RelationshipChainService,
    MeasuresRepository,
    MeasuresService,
    MeasureDetailsService,
    RateReportsService,
    DrillDownService,
    FeeRatesRepository,
    FeeRatesService,
    FixedFeeRepository,
    FixedFeeRollupsRepository,
    FixedFeeService,
  ],
  exports: [
    AnalyticsRepository,
    MeasureCellsRepository,
    ReportScopeService,
    TimeVsOutcomeService,
    RelationshipChainService,
    MeasuresService,
    RateReportsService,
    FeeRatesService,
    FixedFeeRollupsRepository,
    FixedFeeService,
  ],
})
export class AnalyticsModule {}
