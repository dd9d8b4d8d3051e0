/** What Deep Value sends by email. */
export const MAIL_KINDS = ['invitation', 'password_reset', 'key_date_reminder'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/**
 * Where a message is: `queued` to be sent, `sending` now, `sent` (the mail server took it),
 * `failed` (tried again later), `held` in the outbox because no mail server is configured, or
 * `withdrawn`: a set-password email not yet sent when its link stopped working (a newer link was
 * made, or the link was used), so it is never sent and its link is blanked.
 */
export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'held', 'withdrawn'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** One message of the outbox (GET /api/outbox). */
export interface OutboxMessage {
  id: string;
  kind: MailKind;
  to: string;
  subject: string;
  /** Plain text; a set-password link is kept only while the message is held or not yet sent. */
  body: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxPage {
  items: OutboxMessage[];
  total: number;
  limit: number;
  offset: number;
  /** False when no SMTP server is configured: messages are held here for an admin to read. */
  smtpConfigured: boolean;
}
