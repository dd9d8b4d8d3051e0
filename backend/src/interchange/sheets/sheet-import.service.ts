/**
 * Spreadsheet import (docs/spreadsheet-import.md): an uploaded CSV or XLSX file is looked at once (headers, first
 * rows, distinct values) to propose a mapping; with the manager's mapping it is read into
 * deepvalue.import.v1 cases (sheet-convert.ts, sheet-build.ts), checked by the ordinary validator
 * and written by the ordinary import — all or nothing, idempotent by case reference, audited. Every
 * problem is given back on the spreadsheet's own row and column.
 */
import { Injectable } from '@nestjs/common';
import {
  defaultSubcategories,
  labelOf,
  mappingParts,
  subcategoryLabel,
  type SavedSheetMapping,
  type SheetDryRun,
  type SheetInspection,
  type SheetMapping,
  type SheetPreviewCase,
  type SheetProblemDto,
} from '@deepvalue/shared';
import { stringify } from 'csv-stringify';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { AuditService, type Actor } from '../../audit/audit.service.js';
import { DomainError, invalid, notFound } from '../../common/domain-error.js';
import { AppConfigService } from '../../config/app-config.service.js';
import { LegalAidCodesService } from '../../legal-aid/legal-aid-codes.service.js';
import { ExportService } from '../export.service.js';
import type { ImportCase, ImportHeader } from '../import-format.js';
import type { ImportJob } from '@deepvalue/shared';
import { ImportJobsService } from '../import-jobs.service.js';
import { ImportReadError } from '../import-reader.js';
import { UPLOAD_PREFIX } from '../import-upload.middleware.js';
import {
  ImportService,
  MAX_LISTED_ERRORS,
  type ImportAudit,
  type ImportProgress,
  type ImportResult,
} from '../import.service.js';
import { validateCase, validateHeader, type ValidationContext } from '../validate.js';
import { SheetCaseBuilder } from './sheet-build.js';
import { readSheetCases, type SheetCase, type SheetProblem } from './sheet-convert.js';
import { checkMapping, inspectSheets, proposeMapping } from './sheet-mapping.js';
import { describe, ProblemTranslator, sortProblems, whereOf } from './sheet-problems.js';
import { readSheetRows, sheetFileKind, type SheetFileKind } from './sheet-reader.js';

const SHEET_UPLOAD = `${UPLOAD_PREFIX}sheet-`;
const PREVIEW_CASES = 10;

/** A spreadsheet read through a mapping: the import document's parts, or the problems. */
export interface PreparedSheet {
  header: ImportHeader;
  cases: ImportCase[];
  origins: SheetCase[];
  problems: SheetProblem[];
  rows: number;
  updated: Set<string>;
  timeEntriesRemoved: number;
  /** The UFNs the cases give, as checked (for the writer to free the numbers the sheet moves). */
  ufns: ValidationContext['ufns'];
}

@Injectable()
export class SheetImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly exports: ExportService,
    private readonly imports: ImportService,
    private readonly jobs: ImportJobsService,
    private readonly audit: AuditService,
    private readonly config: AppConfigService,
    private readonly legalAid: LegalAidCodesService,
  ) {}

  /** Keeps an uploaded file (spooled by ImportUploadService) for the mapping steps; returns what is in it. */
  async inspect(organisationId: string, spooled: string, fileName: string | null): Promise<SheetInspection> {
    const uploadId = randomUUID();
    let kind: SheetFileKind;
    try {
      kind = await sheetFileKind(spooled);
    } catch (error) {
      fs.rmSync(spooled, { force: true });
      throw readError(error);
    }
    const file = this.uploadPath(organisationId, uploadId, kind);
    fs.renameSync(spooled, file);
    try {
      const sheets = await inspectSheets(file, kind);
      if (!sheets.length || !sheets[0].headers.some(Boolean))
        throw new DomainError('validation', 'The file has no rows', [
          { path: 'file', message: 'has no rows: the first row must hold the column names' },
        ]);
      return { uploadId, fileName, kind, sheets, proposal: proposeMapping(sheets, kind) };
    } catch (error) {
      fs.rmSync(file, { force: true });
      throw readError(error);
    }
  }

  /** Everything the import would check, nothing written; the preview shows cases already held merged with the sheet, so the look is audited. */
  async dryRun(organisationId: string, by: Actor, uploadId: string, rawMapping: unknown): Promise<SheetDryRun> {
    const { file, kind } = this.upload(organisationId, uploadId);
    const mapping = mappingOrThrow(rawMapping);
    const prepared = await this.prepare(organisationId, file, kind, mapping);
    await this.recordLook(organisationId, by, uploadId, 'dry-run', prepared);
    return this.report(prepared, kind);
  }

  /** The rows with problems, as they are in the file, each with its problems in a last column. */
  async rejectedRows(
    organisationId: string,
    by: Actor,
    uploadId: string,
    rawMapping: unknown,
  ): Promise<NodeJS.ReadableStream> {
    const { file, kind } = this.upload(organisationId, uploadId);
    const mapping = mappingOrThrow(rawMapping);
    const prepared = await this.prepare(organisationId, file, kind, mapping);
    await this.recordLook(organisationId, by, uploadId, 'rejected-rows', prepared);
    return rejectedCsv(file, kind, prepared.problems);
  }

  private recordLook(organisationId: string, by: Actor, uploadId: string, step: string, prepared: PreparedSheet) {
    return this.audit.record({
      organisationId,
      ...by,
      action: 'read',
      entity: 'sheet_import',
      details: { uploadId, step, cases: prepared.cases.length, casesAlreadyHeld: prepared.updated.size },
    });
  }

  /** Imports the upload as a job (progress and result at GET /imports/:id); the upload is removed when it ends. */
  async startImport(
    organisationId: string,
    by: { userId: string; ip?: string | null },
    uploadId: string,
    rawMapping: unknown,
    fileName?: string,
  ): Promise<ImportJob> {
    const { file, kind } = this.upload(organisationId, uploadId);
    const mapping = mappingOrThrow(rawMapping);
    return this.jobs.start(organisationId, by, file, fileName, (onProgress, audit) =>
      this.importSheet(organisationId, file, kind, mapping, onProgress, audit),
    );
  }

  /** The whole import: read the sheet, refuse it with every problem, or write it through ImportService. */
  async importSheet(
    organisationId: string,
    file: string,
    kind: SheetFileKind,
    mapping: SheetMapping,
    onProgress: (p: ImportProgress) => void = () => {},
    audit?: ImportAudit,
    dryRun = false,
  ): Promise<ImportResult & { dryRun?: SheetDryRun }> {
    const bytesTotal = fs.statSync(file).size;
    let prepared: PreparedSheet;
    try {
      prepared = await this.prepare(organisationId, file, kind, mapping, (rows, bytesRead) =>
        onProgress({ phase: 'validating', cases: rows, bytesRead: bytesRead / 2, bytesTotal }),
      );
    } catch (error) {
      if (error instanceof ImportReadError) return refused([{ path: '', message: error.message }]);
      throw error;
    }
    const withSheet = new Set(prepared.problems.map((p) => p.sheet)).size > 1 || mappingParts(mapping).length > 1;
    const toErrors = (problems: SheetProblem[]) =>
      problems.map((p) => ({ path: whereOf(p, withSheet), message: p.message }));
    if (prepared.problems.length || dryRun) {
      if (prepared.problems.length && audit)
        await this.recordRefused(organisationId, audit, prepared.problems.length).catch(() => undefined);
      const report = this.report(prepared, kind);
      return { ...refused(toErrors(prepared.problems)), ...(dryRun ? { dryRun: report } : {}) };
    }
    // Every case was checked while the sheet was read (prepare): written without a second check.
    return this.imports.importChecked(
      prepared.cases,
      prepared.header,
      prepared.ufns,
      { organisationId },
      (p) =>
        onProgress({ ...p, bytesRead: bytesTotal / 2 + (p.bytesRead / p.bytesTotal) * (bytesTotal / 2), bytesTotal }),
      audit && { ...audit, details: { ...audit.details, source: kind, rows: prepared.rows } },
    );
  }

  /** Reads the sheet through the mapping, merges it with the cases already held, and validates every case. */
  async prepare(
    organisationId: string,
    file: string,
    kind: SheetFileKind,
    mapping: SheetMapping,
    onProgress?: (rows: number, bytesRead: number) => void,
  ): Promise<PreparedSheet> {
    const read = await readSheetCases(file, kind, mapping, onProgress);
    const directory = await this.exports.header(organisationId);
    // The header carries the organisation's own list when it has one; the shipped list stands in otherwise.
    const subcategories = directory.subcategories ?? defaultSubcategories();
    const builder = new SheetCaseBuilder(directory, mapping, this.legalAid.codes, subcategories);
    const existing = new Map(
      (await this.exports.casesByRef(organisationId, [...read.cases.keys()])).map((c) => [c.ref, c]),
    );
    const origins = [...read.cases.values()];
    let timeEntriesRemoved = 0;
    const cases = origins.map((sheetCase) => {
      const built = builder.build(sheetCase, existing.get(sheetCase.ref), read.hasTimeEntries);
      timeEntriesRemoved += built.entriesRemoved;
      return built.value;
    });
    const header = builder.header();
    const translator = new ProblemTranslator(mapping, origins);
    const problems = [...read.problems];
    for (const e of validateHeader(header))
      problems.push({ sheet: '', row: 0, column: null, message: `${e.path}: ${e.message}` });
    const context = this.imports.validationContext(header, subcategories);
    // A value refused while reading leaves its field empty; what follows from that (a time entry's
    // kind unknown because its mode was refused) is not a second problem.
    const refusedRows = new Set(read.problems.map((p) => `${p.sheet}\u0000${p.row}`));
    cases.forEach((c, i) => {
      for (const e of validateCase(c, i, context)) {
        const problem = translator.translate(e);
        if (problem.column === null && refusedRows.has(`${problem.sheet}\u0000${problem.row}`)) continue;
        problems.push(problem);
      }
    });
    if (!problems.length)
      for (const e of await this.imports.ufnClashes({ id: organisationId }, context))
        problems.push(translator.translate(e));
    return {
      header,
      cases,
      origins,
      problems: collapse(sortProblems(problems)),
      rows: read.rows,
      updated: new Set(existing.keys()),
      timeEntriesRemoved,
      ufns: context.ufns,
    };
  }

  private report(prepared: PreparedSheet, kind: SheetFileKind): SheetDryRun {
    const withSheet =
      kind === 'xlsx' &&
      new Set(
        prepared.origins
          .flatMap((o) => [...o.entries, ...o.notes, ...o.keyDates, ...o.parties].map((e) => e.sheet))
          .concat(prepared.origins.map((o) => o.sheet)),
      ).size > 1;
    const problems: SheetProblemDto[] = prepared.problems
      .slice(0, MAX_LISTED_ERRORS)
      .map((p) => ({ ...p, text: describe(p, withSheet) }));
    const advisers = new Map(prepared.header.advisers.map((a) => [a.ref, a.name]));
    return {
      ok: prepared.problems.length === 0,
      rows: prepared.rows,
      cases: prepared.cases.length,
      newCases: prepared.cases.length - prepared.updated.size,
      updatedCases: prepared.updated.size,
      timeEntries: prepared.cases.reduce((n, c) => n + (c.timeEntries?.length ?? 0), 0),
      timeEntriesRemoved: prepared.timeEntriesRemoved,
      notes: prepared.cases.reduce((n, c) => n + (c.notes?.length ?? 0), 0),
      keyDates: prepared.cases.reduce((n, c) => n + (c.keyDates?.length ?? 0), 0),
      parties: prepared.cases.reduce((n, c) => n + (c.parties?.length ?? 0), 0),
      problems,
      problemCount: prepared.problems.length,
      preview: prepared.cases
        .slice(0, PREVIEW_CASES)
        .map((c, i) => previewOf(c, prepared.origins[i].row, prepared.updated.has(c.ref), advisers)),
    };
  }

  async mappings(organisationId: string): Promise<SavedSheetMapping[]> {
    const rows: Array<{ name: string; mapping: SheetMapping; updated_at: Date }> = await this.dataSource.query(
      `SELECT name, mapping, updated_at FROM sheet_mappings WHERE organisation_id = $1 ORDER BY name`,
      [organisationId],
    );
    return rows.map((r) => ({ name: r.name, mapping: r.mapping, updatedAt: r.updated_at.toISOString() }));
  }

  async saveMapping(
    organisationId: string,
    userId: string,
    name: string,
    rawMapping: unknown,
  ): Promise<SavedSheetMapping> {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 100 || /\p{Cc}/u.test(trimmed))
      throw invalid([{ path: 'name', message: 'must be a name of 1 to 100 characters' }]);
    const mapping = mappingOrThrow(rawMapping);
    const [row]: Array<{ updated_at: Date }> = await this.dataSource.query(
      `INSERT INTO sheet_mappings (organisation_id, name, mapping, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (organisation_id, name) DO UPDATE SET mapping = EXCLUDED.mapping, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
       RETURNING updated_at`,
      [organisationId, trimmed, mapping, userId],
    );
    return { name: trimmed, mapping, updatedAt: row.updated_at.toISOString() };
  }

  private uploadPath(organisationId: string, uploadId: string, kind: SheetFileKind): string {
    return path.join(this.config.get().importSpoolDir, `${SHEET_UPLOAD}${organisationId}-${uploadId}.${kind}`);
  }

  /** Only the organisation that uploaded a file can reach it: its id is part of the file's name. */
  private upload(organisationId: string, uploadId: string): { file: string; kind: SheetFileKind } {
    for (const kind of ['csv', 'xlsx'] as const) {
      const file = this.uploadPath(organisationId, uploadId, kind);
      if (fs.existsSync(file)) return { file, kind };
    }
    throw notFound('Uploaded spreadsheet (it is kept for a day, and removed once imported)');
  }

  private recordRefused(organisationId: string, audit: ImportAudit, errorCount: number) {
    return this.audit.record({
      organisationId,
      ...audit.by,
      action: 'import',
      entity: 'import',
      details: { ...audit.details, status: 'failed', errorCount },
    });
  }
}

export function mappingOrThrow(raw: unknown): SheetMapping {
  const { mapping, errors } = checkMapping(raw);
  if (!mapping)
    throw invalid(errors.map((e) => ({ path: e.path ? `mapping.${e.path}` : 'mapping', message: e.message })));
  return mapping;
}

function refused(errors: Array<{ path: string; message: string }>, errorCount = errors.length): ImportResult {
  return { ok: false, errors: errors.slice(0, MAX_LISTED_ERRORS), errorCount };
}

function readError(error: unknown): unknown {
  if (error instanceof ImportReadError)
    return new DomainError('validation', error.message, [{ path: 'file', message: error.message }]);
  return error;
}

/** The same problem on many rows with no column of its own (a field nobody mapped) is said once. */
function collapse(problems: SheetProblem[]): SheetProblem[] {
  const out: SheetProblem[] = [];
  const grouped = new Map<string, { first: SheetProblem; rows: number[] }>();
  for (const p of problems) {
    if (p.column !== null || p.row === 0) {
      out.push(p);
      continue;
    }
    const g = grouped.get(p.message);
    if (g) g.rows.push(p.row);
    else {
      const entry = { first: { ...p }, rows: [p.row] };
      grouped.set(p.message, entry);
      out.push(entry.first);
    }
  }
  for (const { first, rows } of grouped.values())
    if (rows.length > 1)
      first.message = `${first.message} (and on ${rows.length - 1} more row${rows.length > 2 ? 's' : ''})`;
  return out;
}

function previewOf(c: ImportCase, row: number, updated: boolean, advisers: Map<string, string>): SheetPreviewCase {
  const name = [c.client?.firstName, c.client?.lastName].filter(Boolean).join(' ');
  return {
    ref: c.ref,
    row,
    status: updated ? 'updated' : 'new',
    client: name || c.client?.ref || '',
    category: c.category ? labelOf(c.category) : '',
    subcategory: c.subcategory ? subcategoryLabel(c.subcategory) : null,
    openedOn: c.openedOn ?? null,
    closedOn: c.closedOn ?? null,
    leadAdviser: advisers.get(c.leadAdviserRef) ?? c.leadAdviserRef ?? '',
    fundingStream: c.fundingStream ? labelOf(c.fundingStream) : '',
    outcome: c.outcome?.result ? labelOf(c.outcome.result) : null,
    timeEntries: (c.timeEntries ?? []).slice(0, 5).map((t) => ({
      on: t.on,
      adviser: advisers.get(t.adviserRef) ?? t.adviserRef,
      minutes: t.minutes,
      class: t.class ? labelOf(t.class) : '',
      activity: t.activity ? labelOf(t.activity) : '',
      mode: t.mode ? labelOf(t.mode) : '',
    })),
    timeEntryCount: c.timeEntries?.length ?? 0,
  };
}

/** The file's rows that have problems, with their problems, as CSV (a workbook's sheets one after another). */
async function rejectedCsv(
  file: string,
  kind: SheetFileKind,
  problems: SheetProblem[],
): Promise<NodeJS.ReadableStream> {
  const byRow = new Map<string, string[]>();
  const general: string[] = [];
  for (const p of problems) {
    if (p.row === 0) {
      general.push(describe(p, true));
      continue;
    }
    const key = `${p.sheet}\u0000${p.row}`;
    const text = p.column !== null ? `column '${p.column}': ${p.message}` : p.message;
    byRow.set(key, [...(byRow.get(key) ?? []), text]);
  }
  const out = stringify({ bom: true });
  void (async () => {
    const headers = new Map<string, number>();
    for await (const { sheet, row, cells } of readSheetRows(file, kind)) {
      if (!headers.has(sheet)) {
        headers.set(sheet, row);
        out.write([...(kind === 'xlsx' ? ['Sheet'] : []), 'Row', ...cells, 'Problems']);
        continue;
      }
      const found = byRow.get(`${sheet}\u0000${row}`);
      if (found) out.write([...(kind === 'xlsx' ? [sheet] : []), String(row), ...cells, found.join('; ')]);
    }
    for (const text of general) out.write([...(kind === 'xlsx' ? [''] : []), '', text]);
    out.end();
  })().catch((error: Error) => out.destroy(error));
  return out;
}
