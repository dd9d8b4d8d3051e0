import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import type { AuditRow } from './audit-row.js';

const COLUMNS = ['id', 'at', 'user_id', 'user_name', 'user_email', 'action', 'entity', 'entity_ids', 'ip', 'details'];

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with a quote,
 * so an exported log cannot carry an injected formula (OWASP "CSV injection").
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function auditCsv(rows: AsyncIterable<AuditRow>): Readable {
  const cells = async function* () {
    for await (const row of rows) {
      yield [
        row.id,
        row.at.toISOString(),
        row.userId ?? '',
        row.userName ?? '',
        row.userEmail ?? '',
        row.action,
        row.entity ?? '',
        row.entityIds.join(' '),
        row.ip ?? '',
        row.details ? JSON.stringify(row.details) : '',
      ].map(safeCell);
    }
  };
  return Readable.from(cells()).pipe(stringify({ header: true, columns: COLUMNS }));
}
