/**
 * The append-only audit log: who did what to which record, when and from where. The table refuses
 * UPDATE, DELETE and TRUNCATE in the database (migration 1763900000001), so rows written here
 * cannot be altered by the app afterwards.
 */
import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
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
  /** Entries about this client or any of their cases. */
  clientId?: string;
  /** Inclusive dates, YYYY-MM-DD. */
  from?: string;
  to?: string;
}

/** Entries naming any of the ids in $N: as the record, or as the client or case a record belongs to. */
const ABOUT = (p: string) =>
  `(a.entity_ids && ${p}::text[] OR (a.details -> 'clientIds') ?| ${p}::text[] OR (a.details -> 'caseIds') ?| ${p}::text[])`;

const SELECT_ROWS = `
  SELECT a.id::text AS "id", a.at AS "at", a.user_id AS "userId", u.name AS "userName", u.email AS "userEmail",
         a.action AS "action", a.entity AS "entity", a.entity_ids AS "entityIds", a.ip AS "ip", a.details AS "details"
  FROM audit_log a LEFT JOIN users u ON u.id = a.user_id`;

const atCommit = new AsyncLocalStorage<AuditEntry[]>();

/**
 * Runs `work` with the audit rows of AuditInterceptor collected instead of written, for a caller
 * that writes them in the statement before its COMMIT (`insertAuditRowsSql`): the idempotent POST,
 * which saves a round trip inside its transaction. The rows still commit with the change or not at all.
 */
export async function collectAuditRows<T>(work: () => Promise<T>): Promise<{ value: T; rows: AuditEntry[] }> {
  const rows: AuditEntry[] = [];
  const value = await atCommit.run(rows, work);
  return { value, rows };
}

/** Where AuditInterceptor puts its row inside collectAuditRows; undefined elsewhere. */
export const auditRowsCollector = (): AuditEntry[] | undefined => atCommit.getStore();

/** The collected rows, given as a jsonb literal (an array of AuditEntry), into audit_pending (as record does). */
export const insertAuditRowsSql = (rowsLiteral: string): string =>
  `INSERT INTO audit_pending (organisation_id, user_id, action, entity, entity_ids, ip, details)
   SELECT a."organisationId", a."userId", a.action, a.entity, coalesce(a."entityIds", '{}'), a.ip, a.details
     FROM jsonb_to_recordset(${rowsLiteral}::jsonb)
       AS a("organisationId" uuid, "userId" uuid, action text, entity text, "entityIds" text[], ip text, details jsonb)`;

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

  /**
   * Who the clients and cases named by these rows are, for the log's reader. Showing a client's
   * name is a read of client data, so it is itself logged.
   */
  async namesFor(organisationId: string, rows: AuditRow[], by: Actor): Promise<Record<string, string>> {
    const clientIds = new Set<string>();
    const caseIds = new Set<string>();
    for (const row of rows) {
      if (row.entity === 'client') row.entityIds.forEach((id) => clientIds.add(id));
      if (row.entity === 'case') row.entityIds.forEach((id) => caseIds.add(id));
      idsIn(row.details?.clientIds).forEach((id) => clientIds.add(id));
      idsIn(row.details?.caseIds).forEach((id) => caseIds.add(id));
    }
    const uuids = (ids: Set<string>) => [...ids].filter((id) => UUID.test(id));
    const found: Array<{ id: string; clientId: string; name: string }> = await this.dataSource.query(
      `SELECT cl.id::text AS id, cl.id::text AS "clientId", ${CLIENT_NAME} AS name
         FROM clients cl WHERE cl.organisation_id = $1 AND cl.id = ANY($2::uuid[])
       UNION ALL
       SELECT c.id::text, cl.id::text, ${CLIENT_NAME} || ' · ' || c.ref
         FROM cases c JOIN clients cl ON cl.organisation_id = c.organisation_id AND cl.id = c.client_id
        WHERE c.organisation_id = $1 AND c.id = ANY($3::uuid[])`,
      [organisationId, uuids(clientIds), uuids(caseIds)],
    );
    if (found.length > 0)
      await this.record({
        organisationId,
        ...by,
        action: 'read',
        entity: 'client',
        entityIds: [...new Set(found.map((f) => f.clientId))],
        details: { operation: 'audit_log_names' },
      });
    return Object.fromEntries(found.map((f) => [f.id, f.name]));
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
       WHERE a.organisation_id = $1 AND ${ABOUT('$2')}
       ORDER BY a.id`,
      [organisationId, ids],
    );
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A client's name, or their reference once erased (or never named). */
const CLIENT_NAME = `coalesce(nullif(concat_ws(' ', cl.first_name, cl.last_name), ''), cl.ref)`;
const idsIn = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

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
  if (filters.clientId)
    add(
      (p) =>
        ABOUT(`(SELECT ${p}::text || coalesce(array_agg(c.id::text), '{}') FROM cases c
                WHERE c.organisation_id = $1 AND c.client_id = ${p}::uuid)`),
      filters.clientId,
    );
  if (filters.from) add((p) => `a.at >= ${p}::date`, filters.from);
  if (filters.to) add((p) => `a.at < ${p}::date + 1`, filters.to);
  return { where: clauses.join(' AND '), params };
}

/** Who is acting, for services that write their own audit entries. */
export interface Actor {
  userId: string | null;
  ip?: string | null;
}
