/**
 * Erasure (UK GDPR art. 17) and retention. A client's personal data is removed — names, date of
 * birth, postcode, contact details and the free text typed about them — and their reference is
 * replaced by a random pseudonym. What the reports rest on stays: the anonymous case facts
 * (categories, dates, minutes, outcomes, vulnerability flags, consent), so report figures and past
 * evidence packs do not change. Case facts are not recomputed from the erased rows: erasure writes
 * with the facts update deferred, which is sound because no fact is computed from what it clears
 * or deletes (privacy.e2e.spec.ts recomputes the facts after an erasure and finds them unchanged).
 */
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { notFound } from '../common/domain-error.js';

export interface ErasedClient {
  id: string;
  ref: string;
  erasedAt: Date;
}

const pseudonym = () => `erased-${randomBytes(6).toString('hex')}`;

/**
 * Free-text columns of a case and its records, which may name the client or others. The client's
 * own columns are cleared in eraseRows, and the records of ERASED_RECORDS are deleted there.
 * erasure-free-text.e2e.spec.ts finds every text column of the schema and fails until a new one is
 * cleared here (or shown not to hold typed text).
 */
export const FREE_TEXT: Array<[table: string, column: string, caseKey: 'id' | 'case_id']> = [
  ['cases', 'subcategory', 'id'],
  ['time_entries', 'note', 'case_id'],
  ['feedback', 'comment', 'case_id'],
  ['underlying_problems', 'description', 'case_id'],
  ['referrals', 'note', 'case_id'],
  ['file_reviews', 'actions', 'case_id'],
];

/**
 * Records under the client's cases that erasure deletes, in an order their foreign keys allow:
 * - notes are free text through and through, and go with every earlier version;
 * - conflict checks searched the client's (or a party's) name and say why;
 * - parties are named people and organisations around the client, with their contact details and
 *   notes: none of it can stay without saying who the client was dealing with;
 * - key dates and tasks carry typed titles and notes ("Call Mrs X's landlord"); they go with their
 *   history of changes, which has no key to the key date so that removals stay on the case;
 * - documents and generated letters are about the client through and through.
 */
export const ERASED_RECORDS = [
  'case_note_revisions',
  'case_notes',
  'conflict_checks',
  'case_parties',
  'key_dates',
  'key_date_changes',
  'case_documents',
] as const;

@Injectable()
export class ErasureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async erase(organisationId: string, clientId: string, by: Actor, reason = 'request'): Promise<ErasedClient> {
    return this.dataSource.transaction(async (m) => {
      const [client]: Array<{ id: string; ref: string; erased_at: Date | null }> = await m.query(
        `SELECT id, ref, erased_at FROM clients WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
        [organisationId, clientId],
      );
      if (!client) throw notFound('Client');
      if (client.erased_at) return { id: client.id, ref: client.ref, erasedAt: client.erased_at };
      await m.query(`SET LOCAL deepvalue.defer_facts = 'on'`);
      const caseIds = await this.eraseRows(m, organisationId, clientId);
      await this.audit.record(
        {
          organisationId,
          ...by,
          action: 'erase',
          entity: 'client',
          entityIds: [clientId],
          details: { reason, caseIds },
        },
        m,
      );
      const [erased]: Array<{ id: string; ref: string; erased_at: Date }> = await m.query(
        `SELECT id, ref, erased_at FROM clients WHERE id = $1`,
        [clientId],
      );
      return { id: erased.id, ref: erased.ref, erasedAt: erased.erased_at };
    });
  }

  private async eraseRows(m: EntityManager, organisationId: string, clientId: string): Promise<string[]> {
    await m.query(
      `UPDATE clients SET first_name = NULL, last_name = NULL, date_of_birth = NULL, postcode_district = NULL,
         email = NULL, phone = NULL, safe_by_phone = NULL, safe_by_text = NULL, safe_by_voicemail = NULL,
         safe_by_email = NULL, safe_by_letter = NULL, safe_by_visit = NULL, preferred_channel = NULL,
         contact_note = NULL, interpreter_language = NULL, bsl = false, large_print = false, other_adaptations = NULL,
         equality_gender = NULL, equality_ethnicity = NULL, equality_disability = NULL,
         ref = $3, erased_at = now(), version = version + 1, updated_at = now()
       WHERE organisation_id = $1 AND id = $2`,
      [organisationId, clientId, pseudonym()],
    );
    const cases: Array<{ id: string }> = await m.query(
      `SELECT id FROM cases WHERE organisation_id = $1 AND client_id = $2 ORDER BY id`,
      [organisationId, clientId],
    );
    const caseIds = cases.map((c) => c.id);
    for (const id of caseIds) {
      await m.query(
        `UPDATE cases SET ref = $3, version = version + 1, updated_at = now() WHERE organisation_id = $1 AND id = $2`,
        [organisationId, id, pseudonym()],
      );
    }
    for (const [table, column, caseKey] of FREE_TEXT) {
      await m.query(
        `UPDATE ${table} SET ${column} = NULL, version = version + 1, updated_at = now()
         WHERE organisation_id = $1 AND ${caseKey} = ANY($2::uuid[]) AND ${column} IS NOT NULL`,
        [organisationId, caseIds],
      );
    }
    // The legal aid codes stay as anonymous facts; the UFN (a key to the LAA's record of the client)
    // and the full postcode go.
    await m.query(
      `UPDATE case_legal_aid SET ufn = NULL, client_postcode = NULL, version = version + 1, updated_at = now()
       WHERE organisation_id = $1 AND case_id = ANY($2::uuid[])`,
      [organisationId, caseIds],
    );
    for (const table of ERASED_RECORDS)
      await m.query(`DELETE FROM ${table} WHERE organisation_id = $1 AND case_id = ANY($2::uuid[])`, [
        organisationId,
        caseIds,
      ]);
    // Stored replies to retried requests may repeat the client's details.
    await m.query(
      `DELETE FROM idempotency_keys WHERE organisation_id = $1 AND response IS NOT NULL
         AND EXISTS (SELECT 1 FROM unnest($2::text[]) id WHERE position(id IN response::text) > 0)`,
      [organisationId, [clientId, ...caseIds]],
    );
    return caseIds;
  }
}
