/**
 * What is held about one client and what erasure would do to each kind of record, for the screens
 * where an admin answers a subject access request or erases a client. The kinds are the subject
 * access export's; their fate is read from the erasure's own lists, so the two cannot disagree.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ErasureFate, PrivacySummary } from '@deepvalue/shared';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { notFound } from '../common/domain-error.js';
import { ERASED_RECORDS, FREE_TEXT } from './erasure.service.js';
import { CASE_RECORDS } from './subject-access.service.js';

const fateOf = (table: string): ErasureFate =>
  (ERASED_RECORDS as readonly string[]).includes(table)
    ? 'deleted'
    : FREE_TEXT.some(([t]) => t === table)
      ? 'text_cleared'
      : 'kept_anonymous';

@Injectable()
export class PrivacySummaryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async summary(organisationId: string, clientId: string, by: Actor): Promise<PrivacySummary> {
    const [client]: Array<PrivacySummary['client']> = await this.dataSource.query(
      `SELECT id, ref, first_name AS "firstName", last_name AS "lastName", date_of_birth::text AS "dateOfBirth",
              postcode_district AS "postcodeDistrict", erased_at AS "erasedAt"
       FROM clients WHERE organisation_id = $1 AND id = $2`,
      [organisationId, clientId],
    );
    if (!client) throw notFound('Client');
    const cases: PrivacySummary['cases'] = await this.dataSource.query(
      `SELECT id, ref, opened_on::text AS "openedOn", closed_on::text AS "closedOn"
       FROM cases WHERE organisation_id = $1 AND client_id = $2 ORDER BY opened_on, id`,
      [organisationId, clientId],
    );
    const counts: Array<{ key: string; count: number }> = await this.dataSource.query(
      CASE_RECORDS.map(
        ([table, key]) =>
          `SELECT '${key}' AS key, count(*)::integer AS count FROM ${table}
           WHERE organisation_id = $1 AND case_id = ANY($2::uuid[])`,
      ).join(' UNION ALL '),
      [organisationId, cases.map((c) => c.id)],
    );
    const countOf = new Map(counts.map((c) => [c.key, c.count]));
    await this.audit.record({
      organisationId,
      ...by,
      action: 'read',
      entity: 'client',
      entityIds: [clientId],
      details: { operation: 'privacy_summary', caseIds: cases.map((c) => c.id) },
    });
    return {
      client: { ...client, erasedAt: client.erasedAt && new Date(client.erasedAt).toISOString() },
      cases,
      records: CASE_RECORDS.map(([table, key]) => ({ key, count: countOf.get(key) ?? 0, onErasure: fateOf(table) })),
    };
  }
}
