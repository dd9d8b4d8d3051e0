/** What an audit log row records was done. */
export const AUDIT_ACTIONS = [
  'read',
  'create',
  'update',
  'delete',
  'export',
  'sign_in',
  'failed_sign_in',
  'sign_out',
  'erase',
  'import',
  'share',
  'admin',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One row of the audit log as the API returns it. */
export interface AuditLogEntry {
  id: string;
  /** ISO timestamp. */
  at: string;
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
  action: AuditAction;
  entity: string | null;
  entityIds: string[];
  ip: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditLogPage {
  items: AuditLogEntry[];
  total: number;
  limit: number;
  offset: number;
}
