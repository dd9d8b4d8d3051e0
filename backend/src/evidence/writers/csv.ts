/**
 * CSV: one tidy file per table (one row per observation, snake_case headers). Numbers are written as
 * plain numbers (rates as proportions 0–1), suppression marks as text, empty for "not applicable".
 * A table that is not published holds only its note. UTF-8 with a byte-order mark so Excel reads £ and –.
 */
import { stringify } from 'csv-stringify/sync';
import type { PackTable } from '@deepvalue/shared';

export function tableCsv(table: PackTable): Buffer {
  const header = table.columns.map((c) => c.key);
  const records: string[][] = table.note
    ? [[table.note, ...header.slice(1).map(() => '')]]
    : table.rows.map((row) => table.columns.map((c) => (row[c.key] === null ? '' : String(row[c.key]))));
  return Buffer.from(stringify([header, ...records], { bom: true, eof: true, record_delimiter: 'unix' }), 'utf8');
}
