import { Module } from '@nestjs/common';
import { ErasureService } from './erasure.service.js';
import { PrivacyController } from './privacy.controller.js';
import { PrivacySummaryService } from './privacy-summary.service.js';
import { RetentionService } from './retention.service.js';
import { SubjectAccessService } from './subject-access.service.js';

@Module({
  controllers: [PrivacyController],
  providers: [SubjectAccessService, ErasureService, RetentionService, PrivacySummaryService],
  exports: [ErasureService, RetentionService],
})
export class PrivacyModule {}
