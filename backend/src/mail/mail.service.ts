/**
 * Email by SMTP through an outbox table. A message is written to `outbox_messages` first (in the
 * caller's transaction when it has one), then sent; with no SMTP_URL it is held there for an admin
 * to read on the outbox page. Each send claims its rows first (FOR UPDATE SKIP LOCKED, up to 100 per organisation), so two
 * processes never send one message twice; a failed message is tried again later, up to 5 times.
 */
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { MailKind, MailStatus, OutboxMessage } from '@deepvalue/shared';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfigService } from '../config/app-config.service.js';

export interface NewMessage {
  organisationId: string;
  kind: MailKind;
  toUserId: string;
  to: string;
  subject: string;
  body: string;
  /** The day a key-date reminder is for: one a day per adviser. */
  reminderOn?: string;
}

const MAX_ATTEMPTS = 5;

/** A set-password link works once; after the mail server has it, the outbox keeps no usable copy. */
const TOKEN = /token=[A-Za-z0-9_-]+/g;
const withoutTokens = (body: string) => body.replace(TOKEN, 'token=(sent by email)');

@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter | undefined;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfigService,
  ) {
    const { smtpUrl, mailFrom } = config.get();
    this.transport = smtpUrl
      ? createTransport(
          { url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
          { from: mailFrom },
        )
      : undefined;
  }

  get configured(): boolean {
    return this.transport !== undefined;
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  /**
   * Writes the message to the outbox; returns its id and status, or undefined for a key-date
   * reminder the adviser already has for that day. Call send() with the id once committed.
   */
  async enqueue(message: NewMessage, manager?: EntityManager): Promise<{ id: string; status: MailStatus } | undefined> {
    const status: MailStatus = this.transport ? 'queued' : 'held';
    const [row]: Array<{ id: string }> = await (manager ?? this.dataSource).query(
      `INSERT INTO outbox_messages (organisation_id, kind, to_user_id, to_address, subject, body, status, reminder_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (organisation_id, to_user_id, reminder_on) WHERE kind = 'key_date_reminder' DO NOTHING
       RETURNING id`,
      [
        message.organisationId,
        message.kind,
        message.toUserId,
        message.to,
        message.subject,
        message.body,
        status,
        message.reminderOn ?? null,
      ],
    );
    return row && { id: row.id, status };
  }

  /**
   * Sends the given messages, or every message waiting (queued, failed a while ago, or left
   * `sending` by a process that stopped). Returns how each ended.
   */
  async send(ids?: string[]): Promise<Map<string, MailStatus>> {
    const outcome = new Map<string, MailStatus>();
    if (!this.transport || ids?.length === 0) return outcome;
    const claimed: Array<{ id: string; to_address: string; subject: string; body: string }> = [];
    // Claimed one organisation at a time: on a Citus cluster a row lock must name the shard.
    const due = `($1::uuid[] IS NULL OR id = ANY($1::uuid[]))
           AND (status = 'queued'
             OR (status = 'failed' AND attempts < ${MAX_ATTEMPTS} AND claimed_at < now() - interval '5 minutes')
             OR (status = 'sending' AND claimed_at < now() - interval '10 minutes'))`;
    const organisations: Array<{ organisation_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT organisation_id FROM outbox_messages WHERE ${due} ORDER BY organisation_id`,
      [ids ?? null],
    );
    for (const { organisation_id: organisationId } of organisations)
      claimed.push(
        ...(await this.dataSource.query(
          `WITH claimed AS (
         UPDATE outbox_messages m SET status = 'sending', attempts = attempts + 1, claimed_at = now()
         WHERE m.organisation_id = $2 AND m.id IN (
           SELECT id FROM outbox_messages WHERE organisation_id = $2 AND ${due}
           ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED)
         RETURNING m.id, m.to_address, m.subject, m.body)
         SELECT * FROM claimed`,
          [ids ?? null, organisationId],
        )),
      );
    for (const message of claimed) {
      try {
        await this.transport.sendMail({ to: message.to_address, subject: message.subject, text: message.body });
        await this.dataSource.query(
          `UPDATE outbox_messages SET status = 'sent', sent_at = now(), last_error = NULL, body = $2 WHERE id = $1`,
          [message.id, withoutTokens(message.body)],
        );
        outcome.set(message.id, 'sent');
      } catch (error) {
        const problem = error instanceof Error ? error.message : String(error);
        this.logger.warn(`Email ${message.id} not sent: ${problem}`);
        await this.dataSource.query(`UPDATE outbox_messages SET status = 'failed', last_error = $2 WHERE id = $1`, [
          message.id,
          problem.slice(0, 2000),
        ]);
        outcome.set(message.id, 'failed');
      }
    }
    return outcome;
  }

  /**
   * Withdraws the set-password emails to a user that are not sent yet, once their link stops
   * working (a newer link replaced it, or it was used), so nobody gets or passes on a dead link.
   */
  async withdrawLinks(
    organisationId: string,
    toUserId: string,
    why: 'replaced' | 'used',
    manager?: EntityManager,
  ): Promise<void> {
    await (manager ?? this.dataSource).query(
      `UPDATE outbox_messages SET status = 'withdrawn', body = regexp_replace(body, $3, $4, 'g')
       WHERE organisation_id = $1 AND to_user_id = $2 AND kind IN ('invitation', 'password_reset')
         AND status IN ('queued', 'failed', 'held')`,
      [
        organisationId,
        toUserId,
        TOKEN.source,
        why === 'replaced' ? 'token=(replaced by a newer link)' : 'token=(used: the password is set)',
      ],
    );
  }

  /** Writes a message and sends it at once (outside any transaction); returns where it got to. */
  async deliver(message: NewMessage): Promise<MailStatus | undefined> {
    const queued = await this.enqueue(message);
    if (!queued) return undefined;
    return (await this.send([queued.id])).get(queued.id) ?? queued.status;
  }

  /** The organisation's messages, newest first. */
  async list(
    organisationId: string,
    filter: { status?: MailStatus },
    page: { limit: number; offset: number },
  ): Promise<{ items: OutboxMessage[]; total: number }> {
    const items: Array<Omit<OutboxMessage, 'createdAt' | 'sentAt'> & { createdAt: Date; sentAt: Date | null }> =
      await this.dataSource.query(
        `SELECT id, kind, to_address AS "to", subject, body, status, attempts, last_error AS "lastError",
                created_at AS "createdAt", sent_at AS "sentAt"
         FROM outbox_messages WHERE organisation_id = $1 AND ($2::text IS NULL OR status = $2)
         ORDER BY id DESC LIMIT $3 OFFSET $4`,
        [organisationId, filter.status ?? null, page.limit, page.offset],
      );
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(
      `SELECT count(*)::integer AS total FROM outbox_messages WHERE organisation_id = $1 AND ($2::text IS NULL OR status = $2)`,
      [organisationId, filter.status ?? null],
    );
    return {
      items: items.map((m) => ({
        ...m,
        createdAt: m.createdAt.toISOString(),
        sentAt: m.sentAt?.toISOString() ?? null,
      })),
      total,
    };
  }
}
