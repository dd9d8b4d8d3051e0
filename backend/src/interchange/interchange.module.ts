import { Module } from '@nestjs/common';
import { LegalAidModule } from '../legal-aid/legal-aid.module.js';
import { ExportService } from './export.service.js';
import { ImportJobsService } from './import-jobs.service.js';
import { ImportUploadService } from './import-upload.service.js';
import { ImportService } from './import.service.js';
import { InterchangeController } from './interchange.controller.js';
import { SheetImportController } from './sheets/sheet-import.controller.js';
import { SheetImportService } from './sheets/sheet-import.service.js';

/**
 * The upload middleware (import-upload.middleware.ts) is installed in app.ts, ahead of the body
 * parsers, which skip uploads. The spreadsheet routes come first: `GET /imports/:id` would
 * otherwise take `/imports/spreadsheet-mappings`.
 */
@Module({
  imports: [LegalAidModule],
  controllers: [SheetImportController, InterchangeController],
  providers: [ImportService, ImportJobsService, ImportUploadService, ExportService, SheetImportService],
  exports: [ImportService, ExportService, SheetImportService],
})
export class InterchangeModule {}
