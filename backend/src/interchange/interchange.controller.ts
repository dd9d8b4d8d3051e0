import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiBody, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditService } from '../audit/audit.service.js';
import { AuditedByService } from '../audit/audited.decorator.js';
import fs from 'node:fs';
import { CurrentUser, type RequestUser } from '../access/request-user.js';
import { Roles } from '../access/roles.decorator.js';
import { DomainError } from '../common/domain-error.js';
import { ExportService } from './export.service.js';
import type { SheetTable } from './sheets/sheet-export.js';
import type { ImportJob } from '@deepvalue/shared';
import { ImportJobsService } from './import-jobs.service.js';
import type { UploadRequest } from './import-upload.middleware.js';
import { ImportUploadService } from './import-upload.service.js';

const EXPORT_FORMATS = [
  'json',
  'ndjson',
  'csv',
  'csv-time-entries',
  'csv-notes',
  'csv-key-dates',
  'csv-parties',
  'xlsx',
] as const;
const EXPORT_FILES: Record<(typeof EXPORT_FORMATS)[number], { type: string; name: string }> = {
  json: { type: 'application/json', name: 'casework.json' },
  ndjson: { type: 'application/x-ndjson', name: 'casework.ndjson' },
  csv: { type: 'text/csv; charset=utf-8', name: 'cases.csv' },
  'csv-time-entries': { type: 'text/csv; charset=utf-8', name: 'time-entries.csv' },
  'csv-notes': { type: 'text/csv; charset=utf-8', name: 'notes.csv' },
  'csv-key-dates': { type: 'text/csv; charset=utf-8', name: 'key-dates.csv' },
  'csv-parties': { type: 'text/csv; charset=utf-8', name: 'parties.csv' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name: 'casework.xlsx' },
};

@ApiTags('import and export')
@Roles('manager')
@Controller()
export class InterchangeController {
  constructor(
    private readonly jobs: ImportJobsService,
    private readonly uploads: ImportUploadService,
    private readonly exports: ExportService,
    private readonly audit: AuditService,
  ) {}

  @Post('imports')
  @ApiOperation({ summary: 'Import casework records' })
  @HttpCode(202)
  @AuditedByService() // the import logs itself when it ends, with what it wrote
  @ApiConsumes('application/json', 'application/x-ndjson')
  @ApiBody({ description: 'A deepvalue.import.v1 document (JSON, or NDJSON: a header line then one case per line)' })
  @ApiQuery({ name: 'wait', required: false, description: 'true: answer when the import has finished' })
  @ApiQuery({ name: 'fileName', required: false, description: 'The uploaded file’s name, for the audit log' })
  async startImport(
    @CurrentUser() user: RequestUser,
    @Req() req: UploadRequest,
    @Query('wait') wait?: string,
    @Query('fileName') fileName?: unknown,
  ): Promise<ImportJob> {
    if (fileName !== undefined && (typeof fileName !== 'string' || fileName.length > 255 || /\p{Cc}/u.test(fileName)))
      throw new DomainError('validation', 'fileName must be a file name of at most 255 characters', [
        { path: 'fileName', message: 'must be a file name of at most 255 characters' },
      ]);
    // Reached only once the guard has accepted the session and the role: only now is the body read.
    const file = await this.uploads.receive(req);
    let job: ImportJob;
    try {
      job = await this.jobs.start(user.organisationId, { userId: user.userId, ip: req.ip }, file, fileName);
    } catch (error) {
      fs.rmSync(file, { force: true });
      throw error;
    }
    return wait === 'true' ? this.jobs.waitFor(user.organisationId, job.id) : job;
  }

  @Get('imports/:id')
  @ApiOperation({ summary: 'Get an import’s progress and result' })
  findImport(@CurrentUser() user: RequestUser, @Param('id', ParseUUIDPipe) id: string): Promise<ImportJob> {
    return this.jobs.find(user.organisationId, id);
  }

  @Get('exports/casework')
  @ApiOperation({ summary: 'Export casework records' })
  @AuditedByService()
  @ApiQuery({
    name: 'format',
    required: false,
    enum: EXPORT_FORMATS,
    description:
      'json, ndjson: deepvalue.import.v1. csv: one row per case; csv-time-entries, csv-notes, csv-key-dates, csv-parties: one row per time entry, case note, key date or party; xlsx: all five, as sheets',
  })
  async exportCasework(
    @CurrentUser() user: RequestUser,
    @Req() req: Request,
    @Res() res: Response,
    @Query('format') format = 'json',
  ): Promise<void> {
    if (!(EXPORT_FORMATS as readonly string[]).includes(format))
      throw new DomainError('validation', `format must be one of ${EXPORT_FORMATS.join(', ')}`, [
        { path: 'format', message: `must be one of ${EXPORT_FORMATS.join(', ')}` },
      ]);
    // Logged before the first byte leaves: the streamed body never passes the audit interceptor.
    await this.audit.record({
      organisationId: user.organisationId,
      userId: user.userId,
      action: 'export',
      entity: 'casework',
      ip: req.ip,
      details: { format },
    });
    const file = EXPORT_FILES[format as (typeof EXPORT_FORMATS)[number]];
    res.setHeader('Content-Type', file.type);
    res.setHeader('Content-Disposition', `attachment; filename="${file.name}"`);
    const org = user.organisationId;
    if (format === 'json') await this.exports.writeJson(org, res);
    else if (format === 'ndjson') await this.exports.writeNdjson(org, res);
    else if (format === 'xlsx') await this.exports.writeXlsx(org, res);
    else await this.exports.writeCsv(org, format === 'csv' ? 'cases' : (format.slice(4) as SheetTable), res);
    res.end();
  }
}
