import type { AuditLogEntry } from '@deepvalue/shared';

/** An audit log row as read from the database, its time still a Date. */
export interface AuditRow extends Omit<AuditLogEntry, 'at'> {
  at: Date;
}
