/**
 * Verifies the audit log's hash chains (migration 1764200000500 links each row as it is inserted):
 * walks each organisation's rows in chain order, recomputes every hash from the row's content and
 * names the first row where the chain breaks — a row altered after it was written, a row deleted,
 * a row inserted out of place, or rows cut off the end (the chain's head remembers the last).
 * The columns are read as PostgreSQL's text forms; the encoding and hashing are redone here.
 */
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

/** The chain of rows that belong to no organisation (e.g. a failed sign-in for an unknown email). */
export const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000';
const GENESIS = Buffer.alloc(32);
const BATCH = 5000;

interface ChainRow {
  chainSeq: string;
  id: string;
  organisationId: string | null;
  userId: string | null;
  at: string;
  action: string;
  entity: string | null;
  entityIds: string;
  ip: string | null;
  details: string | null;
  prevHash: Buffer;
  hash: Buffer;
}

export interface ChainBreak {
  /** The audit row where the chain first breaks (null when rows are missing from its end). */
  id: string | null;
  position: string;
  problem: string;
}

export interface ChainReport {
  /** NO_ORGANISATION for the rows without one. */
  organisationId: string;
  rows: number;
  /** The hash of the chain's last row, hex (when intact and not empty): copy it elsewhere to pin the chain. */
  lastHash?: string;
  broken?: ChainBreak;
}

const field = (value: string | null) => (value === null ? 'N' : `S${Buffer.byteLength(value, 'utf8')}:${value}`);

/** The row's content as the database's audit_log_content() encodes it. */
export function auditContent(row: Omit<ChainRow, 'prevHash' | 'hash'>): string {
  return [
    row.chainSeq,
    row.id,
    row.organisationId,
    row.userId,
    row.at,
    row.action,
    row.entity,
    row.entityIds,
    row.ip,
    row.details,
  ]
    .map(field)
    .join('');
}

export function auditHash(prevHash: Buffer, row: Omit<ChainRow, 'prevHash' | 'hash'>): Buffer {
  return createHash('sha256').update(prevHash).update(auditContent(row), 'utf8').digest();
}

const SELECT_CHAIN = `
  SELECT chain_seq::text AS "chainSeq", id::text AS "id", organisation_id::text AS "organisationId",
         user_id::text AS "userId", to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "at",
         action, entity, entity_ids::text AS "entityIds", ip, details::text AS "details",
         prev_hash AS "prevHash", hash
  FROM audit_log`;

@Injectable()
export class AuditChainService {
  constructor(private readonly dataSource: DataSource) {}

  /** Every chain in the log: each organisation's that has rows or a head, and the rows without one. */
  async chains(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT DISTINCT coalesce(organisation_id, $1::uuid)::text AS id FROM audit_log
       UNION SELECT organisation_id::text FROM audit_chain_heads ORDER BY 1`,
      [NO_ORGANISATION],
    );
    return rows.map((r) => r.id);
  }

  async verify(organisationId: string): Promise<ChainReport> {
    const none = organisationId === NO_ORGANISATION;
    const [head]: Array<{ seq: string; hash: Buffer }> = await this.dataSource.query(
      `SELECT seq::text AS seq, hash FROM audit_chain_heads WHERE organisation_id = $1`,
      [organisationId],
    );
    const scope = none ? 'organisation_id IS NULL' : 'organisation_id = $1';
    let expected = 1n;
    let prev: Buffer = GENESIS;
    let last: ChainRow | undefined;
    let rows = 0;
    const report = (broken: ChainBreak): ChainReport => ({ organisationId, rows, broken });
    for (;;) {
      const params: unknown[] = none ? [] : [organisationId];
      const after = last
        ? `AND (chain_seq, id) > ($${params.push(last.chainSeq)}::bigint, $${params.push(last.id)}::bigint)`
        : '';
      const batch: ChainRow[] = await this.dataSource.query(
        `${SELECT_CHAIN} WHERE ${scope} ${after} ORDER BY chain_seq, id LIMIT ${BATCH}`,
        params,
      );
      for (const row of batch) {
        rows += 1;
        const seq = BigInt(row.chainSeq);
        const at = { id: row.id, position: row.chainSeq };
        if (seq < expected)
          return report({ ...at, problem: `a second row at position ${row.chainSeq} (inserted out of place)` });
        if (seq > expected)
          return report({
            ...at,
            problem: `position ${expected}${seq - expected > 1n ? `–${seq - 1n}` : ''} is missing before it (deleted)`,
          });
        if (!row.prevHash.equals(prev))
          return report({ ...at, problem: 'its previous-row hash does not match the row before it' });
        if (!auditHash(row.prevHash, row).equals(row.hash))
          return report({ ...at, problem: 'its content does not match its hash (altered after it was written)' });
        prev = row.hash;
        expected += 1n;
        last = row;
      }
      if (batch.length < BATCH) break;
    }
    const lastSeq = last ? BigInt(last.chainSeq) : 0n;
    if (!head) {
      if (rows > 0) return report({ id: null, position: String(lastSeq), problem: 'the chain has no head record' });
      return { organisationId, rows };
    }
    if (BigInt(head.seq) !== lastSeq || !head.hash.equals(prev))
      return report({
        id: null,
        position: String(lastSeq + 1n),
        problem: `the chain ends at position ${lastSeq} but its head records ${head.seq} rows (rows deleted from the end)`,
      });
    return { organisationId, rows, ...(rows ? { lastHash: prev.toString('hex') } : {}) };
  }
}
