import { Module } from '@nestjs/common';
import { ExportService } from './export.service.js';
import { ImportJobsService } from './import-jobs.service.js';
import { ImportUploadService } from './import-upload.service.js';
import { ImportService } from './import.service.js';
import { InterchangeController } from './interchange.controller.js';

/** The upload middleware (import-upload.middleware.ts) is installed in app.ts, ahead of the body parsers, which skip uploads. */
@Module({
  controllers: [InterchangeController],
  providers: [ImportService, ImportJobsService, ImportUploadService, ExportService],
  exports: [ImportService, ExportService],
})
export class InterchangeModule {}
