import { Module } from '@nestjs/common';
import { ErasureService } from './erasure.service.js';
import { PrivacyController } from './privacy.controller.js';
import { RetentionService } from './retention.service.js';
import { SubjectAccessService } from './subject-access.service.js';

@Module({
  controllers: [PrivacyController],
  providers: [SubjectAccessService, ErasureService, RetentionService],
  exports: [ErasureService, RetentionService],
})
export class PrivacyModule {}
