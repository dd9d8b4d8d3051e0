/**
 * Subject access (UK GDPR art. 15): everything held about one client — the client row, each case
 * with every record under it, and the audit entries about any of them. Rows are read whole
 * (`to_jsonb`), so a column added later is included without a change here.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuditRow } from '../audit/audit-row.js';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { notFound } from '../common/domain-error.js';

type Row = Record<string, unknown>;

/** Tables under a case, and the key each appears under in the report. */
export const CASE_RECORDS = [
  ['time_entries', 'timeEntries'],
  ['feedback', 'feedback'],
  ['adviser_assessments', 'assessments'],
  ['underlying_problems', 'problems'],
  ['referrals', 'referrals'],
  ['outcomes', 'outcomes'],
  ['outcome_benefits', 'outcomeBenefits'],
  ['follow_ups', 'followUps'],
  ['case_notes', 'notes'],
  ['case_note_revisions', 'noteRevisions'],
  ['case_parties', 'parties'],
  ['conflict_checks', 'conflictChecks'],
  ['key_dates', 'keyDates'],
  ['key_date_changes', 'keyDateChanges'],
  ['case_documents', 'documents'],
  ['file_reviews', 'fileReviews'],
  ['case_legal_aid', 'legalAid'],
] as const;

/** Columns left out of the report: a document's bytes are listed by name, type, size and SHA-256, and given on request. */
const OMITTED: Partial<Record<(typeof CASE_RECORDS)[number][0], string[]>> = { case_documents: ['content'] };

export interface SubjectAccessReport {
  generatedAt: string;
  organisation: { name: string };
  client: Row;
  cases: Array<Row & Record<(typeof CASE_RECORDS)[number][1], Row[]>>;
  auditEntries: Array<Omit<AuditRow, 'at'> & { at: string }>;
}

@Injectable()
export class SubjectAccessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async report(
    organisationId: string,
    clientId: string,
    by: Actor,
    format: 'json' | 'html',
  ): Promise<SubjectAccessReport> {
    const [client] = await this.rows(
      `SELECT to_jsonb(t) AS row FROM clients t WHERE organisation_id = $1 AND id = $2`,
      [organisationId, clientId],
    );
    if (!client) throw notFound('Client');
    const [{ name }]: Array<{ name: string }> = await this.dataSource.query(
      `SELECT name FROM organisations WHERE id = $1`,
      [organisationId],
    );
    const cases = await this.rows(
      `SELECT to_jsonb(t) AS row FROM cases t WHERE organisation_id = $1 AND client_id = $2 ORDER BY opened_on, id`,
      [organisationId, clientId],
    );
    const caseIds = cases.map((c) => String(c.id));
    const recordIds: string[] = [clientId, ...caseIds];
    const byCase = new Map(cases.map((c) => [String(c.id), { ...c } as Row & Record<string, Row[]>]));
    for (const [table, key] of CASE_RECORDS) {
      for (const entry of byCase.values()) entry[key] = [];
      const rows = await this.rows(
        `SELECT to_jsonb(t) - $3::text[] AS row FROM ${table} t WHERE organisation_id = $1 AND case_id = ANY($2::uuid[])
         ORDER BY created_at, id`,
        [organisationId, caseIds, OMITTED[table] ?? []],
      );
      for (const row of rows) {
        byCase.get(String(row.caseId))?.[key].push(row);
        recordIds.push(String(row.id));
      }
    }

    // Written before the report is returned: a subject access export is itself a disclosure.
    await this.audit.record({
      organisationId,
      ...by,
      action: 'export',
      entity: 'client',
      entityIds: [clientId],
      details: { operation: 'subject_access', format, caseIds },
    });
    const auditEntries = await this.audit.aboutRecords(organisationId, recordIds);
    return {
      generatedAt: new Date().toISOString(),
      organisation: { name },
      client,
      cases: [...byCase.values()] as SubjectAccessReport['cases'],
      auditEntries: auditEntries.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
    };
  }

  private async rows(sql: string, params: unknown[]): Promise<Row[]> {
    const result: Array<{ row: Row }> = await this.dataSource.query(sql, params);
    return result.map((r) => camelKeys(r.row));
  }
}

function camelKeys(row: Row): Row {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), value]),
  );
}
