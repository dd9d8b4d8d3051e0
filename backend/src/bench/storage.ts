/** Rows and on-disk size (table + indexes + TOAST) of every table: the basis of docs/scaling.md's projection. */
import type { DataSource } from 'typeorm';
import type { TableSize } from './results.js';

export async function measureStorage(dataSource: DataSource): Promise<TableSize[]> {
  const rows: Array<{ table: string; rows: string; bytes: string }> = await dataSource.query(
    `SELECT c.relname AS table, c.reltuples::bigint AS rows, pg_total_relation_size(c.oid) AS bytes
     FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
     ORDER BY pg_total_relation_size(c.oid) DESC`,
  );
  return rows.map((r) => ({
    table: r.table,
    rows: Math.max(0, Number(r.rows)),
    megabytes: Math.round((Number(r.bytes) / (1024 * 1024)) * 10) / 10,
  }));
}
