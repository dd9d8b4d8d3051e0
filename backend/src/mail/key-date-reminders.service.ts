/**
 * Key-date reminders: once a day, each adviser with open key dates overdue or due within the week
 * (on cases still open) gets one email listing them — the dates assigned to them, and on their own
 * cases the dates assigned to nobody. "Once a day" is kept by the outbox's unique index, so any
 * number of processes may run this.
 */
import { Injectable } from '@nestjs/common';
import { DUE_SOON_DAYS } from '@deepvalue/shared';
import { DataSource } from 'typeorm';
import { todayInLondon } from '../common/dates.js';
import { AppConfigService } from '../config/app-config.service.js';
import { MailService } from './mail.service.js';
import { keyDateReminderText, type DueDate } from './messages.js';

interface DueRow extends DueDate {
  organisationId: string;
  userId: string;
  name: string;
  email: string;
}

@Injectable()
export class KeyDateRemindersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly config: AppConfigService,
  ) {}

  /** Writes today's reminders to the outbox and sends them; returns how many advisers were reminded. */
  async run(now: Date = new Date()): Promise<number> {
    const today = todayInLondon(now);
    const rows: DueRow[] = await this.dataSource.query(
      `SELECT k.organisation_id AS "organisationId", u.id AS "userId", u.name, u.email,
              k.case_id AS "caseId", k.kind, k.due_on::text AS "dueOn"
       FROM key_dates k
       JOIN cases c ON c.organisation_id = k.organisation_id AND c.id = k.case_id
       JOIN users u ON u.organisation_id = k.organisation_id AND u.id = coalesce(k.assignee_id, c.lead_adviser_id)
       WHERE k.done_on IS NULL AND k.due_on < $1::date + $2::integer AND c.closed_on IS NULL
         AND u.active AND u.email IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM outbox_messages m
                         WHERE m.organisation_id = k.organisation_id AND m.to_user_id = u.id
                           AND m.kind = 'key_date_reminder' AND m.reminder_on = $1::date)
       ORDER BY k.organisation_id, u.id, k.due_on, k.id`,
      [today, DUE_SOON_DAYS],
    );
    const byAdviser = new Map<string, DueRow[]>();
    for (const row of rows) byAdviser.set(row.userId, [...(byAdviser.get(row.userId) ?? []), row]);
    const { publicUrl } = this.config.get();
    const ids: string[] = [];
    for (const dates of byAdviser.values()) {
      const [{ organisationId, userId, name, email }] = dates;
      const queued = await this.mail.enqueue({
        organisationId,
        kind: 'key_date_reminder',
        toUserId: userId,
        to: email,
        reminderOn: today,
        ...keyDateReminderText({ name, today, dates, publicUrl }),
      });
      if (queued) ids.push(queued.id);
    }
    await this.mail.send(ids);
    return ids.length;
  }
}
