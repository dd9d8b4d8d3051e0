import { Module } from '@nestjs/common';
import { ExportService } from './export.service.js';
import { ImportJobsService } from './import-jobs.service.js';
import { ImportService } from './import.service.js';
import { InterchangeController } from './interchange.controller.js';

/** The upload middleware (import-upload.middleware.ts) is installed in app.ts, ahead of the body parsers. */
@Module({
  controllers: [InterchangeController],
  providers: [ImportService, ImportJobsService, ExportService],
  exports: [ImportService, ExportService],
})
export class InterchangeModule {}
