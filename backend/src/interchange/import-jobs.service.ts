/**
 * Import jobs: an uploaded file is imported in the background and its progress, errors and summary
 * are kept in import_jobs, so the web page and scripts can follow a long import.
 */
import { Injectable, Logger } from '@nestjs/common';
import fs from 'node:fs';
import { DataSource } from 'typeorm';
import { notFound } from '../common/domain-error.js';
import { ImportService, type ImportResult } from './import.service.js';

export interface ImportJob {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  casesRead: number;
  progress: number;
  errors: Array<{ path: string; message: string }>;
  errorCount: number;
  summary: Record<string, unknown> | null;
  createdAt: string;
  finishedAt: string | null;
}

interface JobRow {
  id: string;
  status: ImportJob['status'];
  cases_read: number;
  cases_total: number | null;
  errors: ImportJob['errors'];
  summary: (Record<string, unknown> & { errorCount?: number; progress?: number }) | null;
  created_at: Date;
  finished_at: Date | null;
}

@Injectable()
export class ImportJobsService {
  private readonly logger = new Logger(ImportJobsService.name);
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly imports: ImportService,
  ) {}

  /** Starts importing `file` (which the job then owns and deletes) into the organisation. */
  async start(organisationId: string, userId: string, file: string): Promise<ImportJob> {
    const [row]: JobRow[] = await this.dataSource.query(
      `INSERT INTO import_jobs (organisation_id, user_id, status) VALUES ($1, $2, 'running') RETURNING *`,
      [organisationId, userId],
    );
    const work = this.run(row.id, organisationId, file).finally(() => {
      this.running.delete(row.id);
      fs.rmSync(file, { force: true });
    });
    this.running.set(row.id, work);
    return toJob(row);
  }

  async waitFor(organisationId: string, id: string): Promise<ImportJob> {
    await this.running.get(id);
    return this.find(organisationId, id);
  }

  async find(organisationId: string, id: string): Promise<ImportJob> {
    const [row]: JobRow[] = await this.dataSource.query(
      `SELECT * FROM import_jobs WHERE organisation_id = $1 AND id = $2`,
      [organisationId, id],
    );
    if (!row) throw notFound('Import');
    return toJob(row);
  }

  private async run(id: string, organisationId: string, file: string): Promise<void> {
    let lastUpdate = 0;
    let result: ImportResult;
    try {
      result = await this.imports.importFile(file, { organisationId }, (p) => {
        if (Date.now() - lastUpdate < 1000) return;
        lastUpdate = Date.now();
        const progress = p.bytesTotal
          ? (p.phase === 'validating' ? 0.5 : 1) * (p.bytesRead / p.bytesTotal) + (p.phase === 'writing' ? 0 : 0)
          : 0;
        void this.dataSource
          .query(
            `UPDATE import_jobs SET cases_read = $2, summary = jsonb_build_object('phase', $3::text, 'progress', $4::float8) WHERE id = $1 AND status = 'running'`,
            [id, p.cases, p.phase, p.phase === 'writing' ? 0.5 + progress / 2 : progress],
          )
          .catch(() => undefined);
      });
    } catch (error) {
      this.logger.error(`import ${id} failed: ${(error as Error).message}`);
      result = {
        ok: false,
        errors: [{ path: '', message: 'The import could not be completed; nothing was written. Try again.' }],
        errorCount: 1,
      };
    }
    if (result.ok) {
      await this.dataSource.query(
        `UPDATE import_jobs SET status = 'succeeded', cases_read = $2, summary = $3, finished_at = now() WHERE id = $1`,
        [id, result.counts.cases, { ...result.counts, progress: 1 }],
      );
    } else {
      await this.dataSource.query(
        `UPDATE import_jobs SET status = 'failed', errors = $2, summary = $3, finished_at = now() WHERE id = $1`,
        [id, JSON.stringify(result.errors), { errorCount: result.errorCount, progress: 1 }],
      );
    }
  }
}

function toJob(row: JobRow): ImportJob {
  return {
    id: row.id,
    status: row.status,
    casesRead: row.cases_read,
    progress: Number(row.summary?.progress ?? 0),
    errors: row.errors,
    errorCount: Number(row.summary?.errorCount ?? row.errors.length),
    summary: row.summary,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}
