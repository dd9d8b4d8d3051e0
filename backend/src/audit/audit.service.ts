/**
 * The append-only audit log: who did what to which record, when and from where. The table refuses
 * UPDATE, DELETE and TRUNCATE in the database (migration 1763900000001), so rows written here
 * cannot be altered by the app afterwards.
 */
import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditAction } from '@deepvalue/shared';
import { auditCsv } from './audit-csv.js';
import type { AuditRow } from './audit-row.js';

export interface AuditEntry {
  organisationId: string | null;
  userId: string | null;
  action: AuditAction;
  entity?: string | null;
  entityIds?: string[];
  ip?: string | null;
  details?: Record<string, unknown> | null;
}

export interface AuditFilters {
  action?: AuditAction;
  entity?: string;
  userId?: string;
  entityId?: string;
  /** Inclusive dates, YYYY-MM-DD. */
  from?: string;
  to?: string;
}

const SELECT_ROWS = `
  SELECT a.id::text AS "id", a.at AS "at", a.user_id AS "userId", u.name AS "userName", u.email AS "userEmail",
         a.action AS "action", a.entity AS "entity", a.entity_ids AS "entityIds", a.ip AS "ip", a.details AS "details"
  FROM audit_log a LEFT JOIN users u ON u.id = a.user_id`;

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes one entry. Pass the transaction's manager to commit it with the change it records. It
   * reaches audit_log, linked into the chain, as the transaction commits (migration 1764300000200).
   */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource).query(
      `INSERT INTO audit_pending (organisation_id, user_id, action, entity, entity_ids, ip, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.organisationId,
        entry.userId,
        entry.action,
        entry.entity ?? null,
        entry.entityIds ?? [],
        entry.ip ?? null,
        entry.details ? JSON.stringify(entry.details) : null,
      ],
    );
  }

  async list(
    organisationId: string,
    filters: AuditFilters,
    page: { limit: number; offset: number },
  ): Promise<{ items: AuditRow[]; total: number }> {
    const { where, params } = whereClause(organisationId, filters);
    const items: AuditRow[] = await this.dataSource.query(
      `${SELECT_ROWS} WHERE ${where} ORDER BY a.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    );
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(
      `SELECT count(*)::integer AS total FROM audit_log a WHERE ${where}`,
      params,
    );
    return { items, total };
  }

  /** Every matching row, newest first, fetched in batches so an export of any size streams. */
  async *rows(organisationId: string, filters: AuditFilters, batchSize = 2000): AsyncGenerator<AuditRow> {
    const { where, params } = whereClause(organisationId, filters);
    let before: string | undefined;
    for (;;) {
      const batch: AuditRow[] = await this.dataSource.query(
        `${SELECT_ROWS} WHERE ${where} AND ($${params.length + 1}::bigint IS NULL OR a.id < $${params.length + 1}::bigint)
         ORDER BY a.id DESC LIMIT $${params.length + 2}`,
        [...params, before ?? null, batchSize],
      );
      yield* batch;
      if (batch.length < batchSize) return;
      before = batch[batch.length - 1].id;
    }
  }

  /** The filtered log as CSV; the export itself is logged first. */
  async exportCsv(organisationId: string, filters: AuditFilters, by: Actor): Promise<Readable> {
    await this.record({
      organisationId,
      ...by,
      action: 'export',
      entity: 'audit_log',
      details: { filters: { ...filters } },
    });
    return auditCsv(this.rows(organisationId, filters));
  }

  /** Entries about any of the given records (subject access). */
  async aboutRecords(organisationId: string, ids: string[]): Promise<AuditRow[]> {
    return this.dataSource.query(
      `${SELECT_ROWS}
       WHERE a.organisation_id = $1
         AND (a.entity_ids && $2::text[] OR (a.details -> 'clientIds') ?| $2::text[] OR (a.details -> 'caseIds') ?| $2::text[])
       ORDER BY a.id`,
      [organisationId, ids],
    );
  }
}

function whereClause(organisationId: string, filters: AuditFilters): { where: string; params: unknown[] } {
  const params: unknown[] = [organisationId];
  const clauses = ['a.organisation_id = $1'];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(sql(`$${params.length}`));
  };
  if (filters.action) add((p) => `a.action = ${p}`, filters.action);
  if (filters.entity) add((p) => `a.entity = ${p}`, filters.entity);
  if (filters.userId) add((p) => `a.user_id = ${p}::uuid`, filters.userId);
  if (filters.entityId) add((p) => `a.entity_ids @> ARRAY[${p}::text]`, filters.entityId);
  if (filters.from) add((p) => `a.at >= ${p}::date`, filters.from);
  if (filters.to) add((p) => `a.at < ${p}::date + 1`, filters.to);
  return { where: clauses.join(' AND '), params };
}

/** Who is acting, for services that write their own audit entries. */
export interface Actor {
  userId: string | null;
  ip?: string | null;
}
