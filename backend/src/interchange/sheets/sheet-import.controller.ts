import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { SavedSheetMapping, SheetDryRun, SheetInspection } from '@deepvalue/shared';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { CurrentUser, type RequestUser } from '../../access/request-user.js';
import { Roles } from '../../access/roles.decorator.js';
import { AuditedByService } from '../../audit/audited.decorator.js';
import { DomainError } from '../../common/domain-error.js';
import type { ImportJob } from '@deepvalue/shared';
import type { UploadRequest } from '../import-upload.middleware.js';
import { ImportUploadService } from '../import-upload.service.js';
import { ImportJobsService } from '../import-jobs.service.js';
import { SheetMappingBody } from './sheet-import.dto.js';
import { SheetImportService } from './sheet-import.service.js';

@ApiTags('import and export')
@Roles('manager')
@Controller('imports')
export class SheetImportController {
  constructor(
    private readonly sheets: SheetImportService,
    private readonly uploads: ImportUploadService,
    private readonly jobs: ImportJobsService,
  ) {}

  @Post('spreadsheets')
  @ApiOperation({ summary: 'Upload a spreadsheet (CSV or XLSX) to import: its columns and a proposed mapping' })
  @ApiConsumes('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiBody({ description: 'The CSV or XLSX file as the request body' })
  @ApiQuery({ name: 'fileName', required: false, description: 'The file’s name, for the page and the audit log' })
  @AuditedByService() // nothing is imported yet; the import logs itself
  async upload(
    @CurrentUser() user: RequestUser,
    @Req() req: UploadRequest,
    @Query('fileName') fileName?: unknown,
  ): Promise<SheetInspection> {
    const name = checkedFileName(fileName);
    // Reached only once the guard has accepted the session and the role: only now is the body read.
    const file = await this.uploads.receive(req, { binary: true });
    return this.sheets.inspect(user.organisationId, file, name ?? null);
  }

  @Post('spreadsheets/:id/dry-run')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check an uploaded spreadsheet with a mapping: every problem, and a preview' })
  @AuditedByService()
  dryRun(
    @CurrentUser() user: RequestUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SheetMappingBody,
  ): Promise<SheetDryRun> {
    return this.sheets.dryRun(user.organisationId, { userId: user.userId }, id, body.mapping);
  }

  @Post('spreadsheets/:id/rejected-rows')
  @HttpCode(200)
  @ApiOperation({ summary: 'The rows of an uploaded spreadsheet that have problems, as CSV' })
  @ApiProduces('text/csv')
  @AuditedByService()
  async rejectedRows(
    @CurrentUser() user: RequestUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SheetMappingBody,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const csv = await this.sheets.rejectedRows(user.organisationId, { userId: user.userId }, id, body.mapping);
    res.setHeader('Content-Disposition', 'attachment; filename="rejected-rows.csv"');
    return new StreamableFile(csv as Readable, { type: 'text/csv; charset=utf-8' });
  }

  @Post('spreadsheets/:id/import')
  @HttpCode(202)
  @ApiOperation({ summary: 'Import an uploaded spreadsheet with a mapping, all or nothing' })
  @ApiQuery({ name: 'wait', required: false, description: 'true: answer when the import has finished' })
  @AuditedByService() // the import logs itself when it ends, with what it wrote
  async import(
    @CurrentUser() user: RequestUser,
    @Req() req: UploadRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SheetMappingBody,
    @Query('wait') wait?: string,
    @Query('fileName') fileName?: unknown,
  ): Promise<ImportJob> {
    const job = await this.sheets.startImport(
      user.organisationId,
      { userId: user.userId, ip: req.ip },
      id,
      body.mapping,
      checkedFileName(fileName),
    );
    return wait === 'true' ? this.jobs.waitFor(user.organisationId, job.id) : job;
  }

  @Get('spreadsheet-mappings')
  @ApiOperation({ summary: 'Spreadsheet mappings saved for reuse' })
  mappings(@CurrentUser() user: RequestUser): Promise<SavedSheetMapping[]> {
    return this.sheets.mappings(user.organisationId);
  }

  @Put('spreadsheet-mappings/:name')
  @ApiOperation({ summary: 'Save a spreadsheet mapping under a name, for next month' })
  saveMapping(
    @CurrentUser() user: RequestUser,
    @Param('name') name: string,
    @Body() body: SheetMappingBody,
  ): Promise<SavedSheetMapping> {
    return this.sheets.saveMapping(user.organisationId, user.userId, name, body.mapping);
  }
}

function checkedFileName(fileName: unknown): string | undefined {
  if (fileName === undefined) return undefined;
  if (typeof fileName !== 'string' || fileName.length > 255 || /\p{Cc}/u.test(fileName))
    throw new DomainError('validation', 'fileName must be a file name of at most 255 characters', [
      { path: 'fileName', message: 'must be a file name of at most 255 characters' },
    ]);
  return fileName;
}
