import { Module } from '@nestjs/common';
import { ContractReportService } from './contract-report.service.js';
import { LegalAidCodesService } from './legal-aid-codes.service.js';
import { LegalAidController } from './legal-aid.controller.js';
import { LegalAidService } from './legal-aid.service.js';

/** Legal aid: the code lists, a case's LAA details, the client's equality monitoring, the monthly contract report. */
@Module({
  controllers: [LegalAidController],
  providers: [LegalAidCodesService, LegalAidService, ContractReportService],
  exports: [LegalAidCodesService, ContractReportService],
})
export class LegalAidModule {}
