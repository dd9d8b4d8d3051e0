/**
 * Imports a deepvalue.import.v1 file all-or-nothing: a first streaming pass validates every case
 * and collects every error with its location; only a clean document is written, in one
 * transaction, by a second streaming pass. Memory stays flat: one batch of cases at a time.
 */
import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service.js';
import type { FieldError } from '../common/domain-error.js';
import { addShippedTemplates } from '../casework/letters/shipped-templates.js';
import { LegalAidCodesService } from '../legal-aid/legal-aid-codes.service.js';
import { subcategoriesOf } from '../casework/subcategories/subcategories.sql.js';
import { defaultSubcategories, type Subcategory } from '@deepvalue/shared';
import type { ImportCase, ImportHeader } from './import-format.js';
import { isObject } from './field-checks.js';
import { checkUtf8, detectFormat, ImportReadError, readCases, readHeader, type CaseItem } from './import-reader.js';
import { ImportWriter, type WriteCounts } from './import-writer.js';
import { createValidationContext, validateCase, validateHeader, type ValidationContext } from './validate.js';

const BATCH_CASES = 2000;
/** Errors listed in full; beyond this only the count is kept (the document is refused either way). */
export const MAX_LISTED_ERRORS = 1000;

export type ImportTarget = { organisationId: string } | { organisationRef?: string; createOrganisation: true };

export interface ImportProgress {
  phase: 'validating' | 'writing';
  cases: number;
  bytesRead: number;
  bytesTotal: number;
}

/** Who imports, for the audit row; `details` (the job, the file name) start its details. */
export interface ImportAudit {
  by: Actor;
  details: { jobId?: string; fileName?: string; [more: string]: unknown };
}

export type ImportResult =
  | {
      ok: true;
      organisationId: string;
      counts: WriteCounts;
      /** Milliseconds per phase: the validating pass, then the writer's (each COPY, facts, each roll-up). */
      phases: Record<string, number>;
    }
  | { ok: false; errors: FieldError[]; errorCount: number };

@Injectable()
export class ImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly legalAid: LegalAidCodesService,
  ) {}

  /**
   * A context for validating cases against the header and the legal aid code lists in force;
   * `subcategories`: the organisation's list (subcategoriesOf); the shipped list for a new one.
   */
  validationContext(header: unknown, subcategories?: readonly Subcategory[]): ValidationContext {
    return createValidationContext(header, this.legalAid.codes, undefined, subcategories);
  }

  /** The list of the organisation an import writes to, retired entries too; the shipped list for a new one. */
  private async subcategoriesOf(target: ImportTarget, header: unknown): Promise<Subcategory[]> {
    const byId = 'organisationId' in target;
    const given = isObject(header) && isObject(header.organisation) ? header.organisation.ref : undefined;
    const [organisation]: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM organisations WHERE ${byId ? 'id' : 'ref'} = $1`,
      [byId ? target.organisationId : String(target.organisationRef ?? given ?? '')],
    );
    return organisation
      ? subcategoriesOf((sql, params) => this.dataSource.query(sql, params), organisation.id)
      : defaultSubcategories();
  }

  /**
   * UFNs the file gives that another case of the organisation will still hold after the import (the
   * database would refuse them halfway through the write); `organisation` is its id, or the ref an
   * import creates it by. A holder that the file gives another UFN lets go of its own (the writer
   * releases it before writing), so swapped or moved numbers are no clash.
   */
  async ufnClashes(organisation: { id: string } | { ref: string }, context: ValidationContext): Promise<FieldError[]> {
    if (!context.ufns.size) return [];
    const rows: Array<{ ufn: string; ref: string }> = await this.dataSource.query(
      `SELECT l.ufn, c.ref FROM case_legal_aid l
         JOIN cases c ON c.organisation_id = l.organisation_id AND c.id = l.case_id
        WHERE l.organisation_id = (SELECT id FROM organisations WHERE ${'id' in organisation ? 'id = $1::uuid' : 'ref = $1'})
          AND l.ufn = ANY($2::text[])`,
      ['id' in organisation ? organisation.id : organisation.ref, [...context.ufns.keys()]],
    );
    const renumbered = new Set([...context.ufns.values()].map((g) => g.ref));
    return rows.flatMap(({ ufn, ref }) => {
      const given = context.ufns.get(ufn)!;
      return given.ref === ref || renumbered.has(ref)
        ? []
        : [
            {
              path: `cases[${given.index}].legalAid.ufn`,
              message: `"${ufn}" is already the Unique File Number of case ${ref}`,
            },
          ];
    });
  }

  /**
   * With `audit`, the import is logged in the organisation: a written import in the same
   * transaction (with what it wrote), a refused or failed one afterwards (with its error count).
   */
  async importFile(
    file: string,
    target: ImportTarget,
    onProgress: (p: ImportProgress) => void = () => {},
    audit?: ImportAudit,
  ): Promise<ImportResult> {
    const refused = (errorCount: number) =>
      audit && 'organisationId' in target
        ? this.record(target.organisationId, audit, { status: 'failed', errorCount })
        : undefined;
    let result: ImportResult;
    try {
      result = await this.validateAndWrite(file, target, onProgress, audit);
    } catch (error) {
      await refused(1)?.catch(() => undefined);
      throw error;
    }
    if (!result.ok) await refused(result.errorCount);
    return result;
  }

  /**
   * Writes cases whose header and every case the caller has just checked with this service's
   * validation context, `validateCase` and `ufnClashes` (the spreadsheet import checks each case as
   * it builds it): the same write as importFile, straight from memory, without a document to read
   * and check a second time. Progress counts cases (`bytesRead` of `bytesTotal` are cases here).
   */
  async importChecked(
    cases: readonly ImportCase[],
    header: ImportHeader,
    ufns: ValidationContext['ufns'],
    target: ImportTarget,
    onProgress: (p: ImportProgress) => void = () => {},
    audit?: ImportAudit,
  ): Promise<ImportResult> {
    try {
      return await this.write(inMemory(cases), header, ufns, target, cases.length, onProgress, audit);
    } catch (error) {
      if (audit && 'organisationId' in target)
        await this.record(target.organisationId, audit, { status: 'failed', errorCount: 1 }).catch(() => undefined);
      throw error;
    }
  }

  private async validateAndWrite(
    file: string,
    target: ImportTarget,
    onProgress: (p: ImportProgress) => void,
    audit: ImportAudit | undefined,
  ): Promise<ImportResult> {
    const { size: bytesTotal } = await import('node:fs').then((fs) => fs.promises.stat(file));
    const errors: FieldError[] = [];
    let errorCount = 0;
    const note = (found: FieldError[]) => {
      errorCount += found.length;
      for (const e of found) if (errors.length < MAX_LISTED_ERRORS) errors.push(e);
    };

    let header: ImportHeader;
    let context: ValidationContext;
    const validating = performance.now();
    const format = await detectFormat(file);
    try {
      await checkUtf8(file);
      const raw = await readHeader(file, format);
      note(validateHeader(raw));
      context = this.validationContext(raw, await this.subcategoriesOf(target, raw));
      header = raw as ImportHeader;
      let cases = 0;
      for await (const item of readCases(file, format)) {
        note(validateCase(item.value, item.index, context));
        if (++cases % 5000 === 0) onProgress({ phase: 'validating', cases, bytesRead: item.bytesRead, bytesTotal });
      }
      if (errorCount === 0) {
        const organisation =
          'organisationId' in target
            ? { id: target.organisationId }
            : { ref: target.organisationRef ?? (raw as ImportHeader).organisation.ref };
        note(await this.ufnClashes(organisation, context));
      }
    } catch (error) {
      if (error instanceof ImportReadError) return { ok: false, errors: [error.error], errorCount: 1 };
      throw error;
    }
    if (errorCount > 0) return { ok: false, errors, errorCount };
    const validated = performance.now() - validating;
    const result = await this.write(
      readCases(file, format),
      header,
      context.ufns,
      target,
      bytesTotal,
      onProgress,
      audit,
    );
    if (result.ok) result.phases = { validate: validated, ...result.phases };
    return result;
  }

  private async write(
    source: AsyncIterable<CaseItem>,
    header: ImportHeader,
    ufns: ValidationContext['ufns'],
    target: ImportTarget,
    bytesTotal: number,
    onProgress: (p: ImportProgress) => void,
    audit: ImportAudit | undefined,
  ): Promise<ImportResult> {
    const writeStarted = performance.now();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const client = (runner as unknown as { databaseConnection: pg.PoolClient }).databaseConnection;
    try {
      await ImportWriter.begin(client);
      const organisationId = await this.organisationFor(client, header, target);
      const writer = new ImportWriter(client, organisationId);
      await writer.writeHeader(header);
      await writer.releaseMovedUfns(ufns);
      // The next batch is read and parsed while the database writes the last one (at most two in memory).
      let writing: Promise<void> = Promise.resolve();
      const send = async (cases: ImportCase[], bytesRead: number) => {
        await writing;
        writing = writer
          .writeCases(cases)
          .then(() => onProgress({ phase: 'writing', cases: writer.counts.cases, bytesRead, bytesTotal }));
        writing.catch(() => undefined); // rethrown by the next `await writing`
      };
      let batch: ImportCase[] = [];
      for await (const item of source) {
        batch.push(item.value as ImportCase);
        if (batch.length === BATCH_CASES) {
          await send(batch, item.bytesRead);
          batch = [];
        }
      }
      await writing;
      await writer.writeCases(batch);
      await writer.finish();
      if (audit) await this.record(organisationId, audit, written(writer.counts), runner.manager);
      await client.query('COMMIT');
      onProgress({ phase: 'writing', cases: writer.counts.cases, bytesRead: bytesTotal, bytesTotal });
      return {
        ok: true,
        organisationId,
        counts: writer.counts,
        phases: { ...writer.phases, write: performance.now() - writeStarted },
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async organisationFor(client: pg.ClientBase, header: ImportHeader, target: ImportTarget): Promise<string> {
    if ('organisationId' in target) return target.organisationId;
    const ref = target.organisationRef ?? header.organisation.ref;
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO organisations (ref, name) VALUES ($1, $2)
       ON CONFLICT (ref) DO UPDATE SET updated_at = EXCLUDED.updated_at RETURNING id`,
      [ref, header.organisation.name],
    );
    await addShippedTemplates(client, rows[0].id);
    return rows[0].id;
  }

  private record(organisationId: string, audit: ImportAudit, outcome: object, manager?: EntityManager) {
    return this.audit.record(
      {
        organisationId,
        ...audit.by,
        action: 'import',
        entity: 'import',
        details: { ...audit.details, ...outcome },
      },
      manager,
    );
  }
}

/** What a written import did, for its audit row. */
function written(counts: WriteCounts) {
  return {
    status: 'succeeded',
    cases: { created: counts.cases - counts.replacedCases, replaced: counts.replacedCases },
    timeEntries: counts.timeEntries,
    added: { notes: counts.notesAdded, keyDates: counts.keyDatesAdded, parties: counts.partiesAdded },
    clients: { created: counts.clientsCreated, updated: counts.clientsUpdated },
    advisers: {
      existingUsers: counts.existingUsers,
      recordsCreated: counts.adviserRecordsCreated,
      recordsUpdated: counts.adviserRecordsUpdated,
    },
  };
}

/** Cases already in memory as the writer reads a file's: progress counts cases. */
async function* inMemory(cases: readonly ImportCase[]): AsyncGenerator<CaseItem> {
  for (let index = 0; index < cases.length; index++) yield { index, value: cases[index], bytesRead: index + 1 };
}
