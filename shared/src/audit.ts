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
  /**
   * The client or case each client and case id on the page names ("Amina Hassan", "Amina Hassan ·
   * DV-0042"); an erased client by their pseudonym.
   */
  names: Record<string, string>;
  total: number;
  limit: number;
  offset: number;
}
