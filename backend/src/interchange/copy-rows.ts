/** COPY … FROM STDIN in PostgreSQL's text format: the fast path for bulk imports. */
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export type CopyValue = string | number | boolean | null | undefined | readonly string[] | Record<string, unknown>;

function encode(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  let text: string;
  if (Array.isArray(value)) text = `{${value.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: string[],
  rows: CopyValue[][],
): Promise<void> {
  if (rows.length === 0) return;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  async function* lines() {
    let chunk = '';
    for (const row of rows) {
      chunk += `${row.map(encode).join('\t')}\n`;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(lines()), stream);
}
