/**
 * Server-side sessions stored in PostgreSQL. The cookie holds a random token; the table holds only
 * its SHA-256, so a leaked database does not leak live sessions. Sessions end after 30 minutes
 * idle or 12 hours in all.
 */
import { Injectable } from '@nestjs/common';
import type { Role } from '@deepvalue/shared';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query.js';

export const IDLE_TIMEOUT_MINUTES = 30;
export const ABSOLUTE_TIMEOUT_HOURS = 12;
/** How stale the stored idle clock may get: the idle timeout is kept to within this. */
const TOUCH_EVERY_SECONDS = 60;

export interface SessionRecord {
  sessionId: string;
  userId: string;
  organisationId: string;
  role: Role;
  csrfToken: string;
  secondFactorPending: boolean;
  /**
   * The organisation requires two-factor for this user's role and the user has not set it up: only
   * the enrolment routes work. Worked out on every request, so a change of setting applies at once.
   */
  twoFactorEnrolmentRequired: boolean;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class SessionService {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    user: { id: string; organisationId: string },
    meta: { ip?: string; userAgent?: string; secondFactorPending?: boolean } = {},
  ): Promise<{ token: string; csrfToken: string; sessionId: string }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const sessionId = digest(token);
    await this.dataSource.query(
      `INSERT INTO sessions (id, user_id, organisation_id, csrf_token, second_factor_pending, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(hours => $6), $7, $8)`,
      [
        sessionId,
        user.id,
        user.organisationId,
        csrfToken,
        meta.secondFactorPending ?? false,
        ABSOLUTE_TIMEOUT_HOURS,
        meta.ip ?? null,
        meta.userAgent?.slice(0, 500) ?? null,
      ],
    );
    return { token, csrfToken, sessionId };
  }

  /**
   * Finds a live session for a token and marks it as used; expired sessions are deleted. The idle
   * clock is written at most once a minute (TOUCH_EVERY_SECONDS): a request inside that minute only
   * reads, so requests on one session do not queue behind each other's commit of the same row, and
   * sign-out, deactivation and expiry are still checked on every request.
   */
  async resolve(token: string): Promise<SessionRecord | undefined> {
    const rows: Array<{
      id: string;
      user_id: string;
      organisation_id: string;
      role: Role;
      csrf_token: string;
      second_factor_pending: boolean;
      enrolment_required: boolean;
    }> = await preparedQuery(
      this.dataSource,
      'session-resolve',
      `WITH live AS (
         SELECT s.id, s.user_id, s.organisation_id, u.role, s.csrf_token, s.second_factor_pending, s.last_seen_at,
           (coalesce((o.settings ->> 'requireTwoFactorForManagers')::boolean, false)
             AND u.role IN ('manager', 'admin') AND NOT u.totp_enabled) AS enrolment_required
         FROM sessions s
         JOIN users u ON u.id = s.user_id AND u.organisation_id = s.organisation_id
         JOIN organisations o ON o.id = u.organisation_id
         WHERE s.id = $1 AND u.active
           AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => $2)),
       touched AS (
         UPDATE sessions s SET last_seen_at = now() FROM live
         WHERE s.id = live.id AND live.last_seen_at < now() - make_interval(secs => $3))
       SELECT id, user_id, organisation_id, role, csrf_token, second_factor_pending, enrolment_required FROM live`,
      [digest(token), IDLE_TIMEOUT_MINUTES, TOUCH_EVERY_SECONDS],
    );
    const row = rows[0];
    if (!row) {
      await this.dataSource.query(`DELETE FROM sessions WHERE id = $1`, [digest(token)]);
      return undefined;
    }
    return {
      sessionId: row.id,
      userId: row.user_id,
      organisationId: row.organisation_id,
      role: row.role,
      csrfToken: row.csrf_token,
      secondFactorPending: row.second_factor_pending,
      twoFactorEnrolmentRequired: row.enrolment_required,
    };
  }

  /** Ends the session a token belongs to, live or not (used to rotate the session on sign-in). */
  async endByToken(token: string): Promise<void> {
    await this.end(digest(token));
  }

  async end(sessionId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM sessions WHERE id = $1`, [sessionId]);
  }

  /** Sign out everywhere: ends every session of the user. */
  async endAllForUser(userId: string): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(`DELETE FROM sessions WHERE user_id = $1`, [
      userId,
    ]);
    return result[1];
  }
}
