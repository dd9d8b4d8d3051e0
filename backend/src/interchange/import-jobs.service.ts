/**
 * Import jobs: an uploaded file is imported in the background and its progress, errors and summary
 * are kept in import_jobs, so the web page and scripts can follow a long import.
 *
 * The process running a job holds a PostgreSQL advisory lock on its id for as long as it runs. If
 * that process dies (a crash, kill -9, the server restarting), the lock goes with its connection, and
 * the next look at the job finds it abandoned and marks it failed — nothing was written, since the
 * import is one transaction. This works across several app instances sharing a database.
 */
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { ImportJob } from '@deepvalue/shared';
import { DataSource } from 'typeorm';
import { notFound } from '../common/domain-error.js';
import { AppConfigService } from '../config/app-config.service.js';
import { ImportService, type ImportAudit, type ImportProgress, type ImportResult } from './import.service.js';
import { removeStaleUploads } from './import-upload.middleware.js';

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

const JOB_LOCK = `hashtext('import_job'), hashtext($1)`;

/** What a job runs; by default, importing its file as deepvalue.import.v1. */
export type ImportWork = (onProgress: (p: ImportProgress) => void, audit: ImportAudit) => Promise<ImportResult>;

export const INTERRUPTED =
  'The import was interrupted before it finished (the server stopped); nothing was written. Upload the file again.';

@Injectable()
export class ImportJobsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportJobsService.name);
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly imports: ImportService,
    private readonly config: AppConfigService,
  ) {}

  /** Uploads left behind by a process that died while spooling or importing them. */
  onApplicationBootstrap(): void {
    removeStaleUploads(this.config.get().importSpoolDir);
  }

  /**
   * Starts importing `file` (which the job then owns and deletes) into the organisation; `work`
   * replaces the import itself (a spreadsheet is converted before it is imported).
   */
  async start(
    organisationId: string,
    by: { userId: string; ip?: string | null },
    file: string,
    fileName?: string,
    work?: ImportWork,
  ): Promise<ImportJob> {
    const id = randomUUID();
    // Held on its own connection until the job ends: while it is held, the job is alive.
    const holder = this.dataSource.createQueryRunner();
    await holder.connect();
    await holder.query(`SELECT pg_advisory_lock(${JOB_LOCK})`, [id]);
    const [row]: JobRow[] = await this.dataSource.query(
      `INSERT INTO import_jobs (id, organisation_id, user_id, status) VALUES ($1, $2, $3, 'running') RETURNING *`,
      [id, organisationId, by.userId],
    );
    const audit: ImportAudit = { by, details: { jobId: id, ...(fileName ? { fileName } : {}) } };
    const importing: ImportWork =
      work ?? ((onProgress, a) => this.imports.importFile(file, { organisationId }, onProgress, a));
    const running = this.run(row.id, importing, audit).finally(async () => {
      this.running.delete(row.id);
      fs.rmSync(file, { force: true });
      await holder.query(`SELECT pg_advisory_unlock(${JOB_LOCK})`, [id]).catch(() => undefined);
      await holder.release();
    });
    this.running.set(row.id, running);
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
    if (row.status === 'running' && !this.running.has(row.id) && (await this.abandoned(row.id))) {
      const [failed]: JobRow[] = await this.dataSource.query(
        `WITH failed AS (
           UPDATE import_jobs SET status = 'failed', errors = $2, summary = $3, finished_at = now()
            WHERE id = $1 AND status = 'running' RETURNING *)
         SELECT * FROM failed`,
        [row.id, JSON.stringify([{ path: '', message: INTERRUPTED }]), { errorCount: 1, progress: 1 }],
      );
      if (failed) return toJob(failed);
    }
    return toJob(row);
  }

  /** No process holds the job's lock: whoever ran it has gone. */
  private async abandoned(id: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [{ free }]: Array<{ free: boolean }> = await m.query(
        `SELECT pg_try_advisory_xact_lock(${JOB_LOCK}) AS free`,
        [id],
      );
      return free;
    });
  }

  private async run(id: string, work: ImportWork, audit: ImportAudit): Promise<void> {
    let lastUpdate = 0;
    let result: ImportResult;
    try {
      result = await work((p) => {
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
      }, audit);
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
