import { Module } from '@nestjs/common';
import { AnalyticsRepository } from './analytics.repository.js';
import { ReportScopeService } from './report-scope.service.js';
import { ReportsController } from './reports.controller.js';
import { TimeVsOutcomeService } from './time-vs-outcome.service.js';

@Module({
  controllers: [ReportsController],
  providers: [AnalyticsRepository, ReportScopeService, TimeVsOutcomeService],
  exports: [AnalyticsRepository, ReportScopeService, TimeVsOutcomeService],
})
export class AnalyticsModule {}
