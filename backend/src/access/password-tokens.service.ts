/**
 * One-time set-password tokens, for invitations and password resets. The link carries a random
 * token; the table keeps only its SHA-256. Issuing a new token voids the user's earlier ones, and
 * setting a password ends every session of the user.
 */
import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { DomainError, invalid } from '../common/domain-error.js';
import { MailService } from '../mail/mail.service.js';
import { hashPassword, passwordProblem } from './passwords.js';

export type TokenPurpose = 'invite' | 'reset';
const LIFETIME_HOURS: Record<TokenPurpose, number> = { invite: 7 * 24, reset: 24 };

export interface IssuedToken {
  token: string;
  /** Relative link for the web app. */
  setPasswordUrl: string;
  expiresAt: Date;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class PasswordTokensService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  async issue(organisationId: string, userId: string, purpose: TokenPurpose, by: Actor): Promise<IssuedToken> {
    const token = randomBytes(32).toString('base64url');
    const [row]: Array<{ expires_at: Date }> = await this.dataSource.transaction(async (m) => {
      await m.query(
        `UPDATE password_tokens SET expires_at = least(expires_at, now()) WHERE user_id = $1 AND used_at IS NULL`,
        [userId],
      );
      return m.query(
        `INSERT INTO password_tokens (id, user_id, organisation_id, purpose, created_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(hours => $6)) RETURNING expires_at`,
        [digest(token), userId, organisationId, purpose, by.userId, LIFETIME_HOURS[purpose]],
      );
    });
    return { token, setPasswordUrl: `/set-password?token=${token}`, expiresAt: row.expires_at };
  }

  async redeem(token: string, password: string, ip: string | undefined): Promise<void> {
    // Whose password it will be, so it can be refused for containing their own details (checked again below).
    const [owner]: Array<{ email: string | null; name: string; organisation: string; organisation_id: string }> =
      await this.dataSource.query(
        `SELECT u.email, u.name, o.name AS organisation, o.id AS organisation_id
         FROM password_tokens t JOIN users u ON u.organisation_id = t.organisation_id AND u.id = t.user_id JOIN organisations o ON o.id = u.organisation_id
        WHERE t.id = $1`,
        [digest(token)],
      );
    const problem = passwordProblem(password, {
      email: owner?.email ?? undefined,
      name: owner?.name,
      organisation: owner?.organisation,
    });
    if (problem) throw invalid([{ path: 'password', message: problem }]);
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (m) => {
      const [row]: Array<{ user_id: string; organisation_id: string; purpose: TokenPurpose }> = await m.query(
        `SELECT t.user_id, t.organisation_id, t.purpose FROM password_tokens t JOIN users u ON u.organisation_id = t.organisation_id AND u.id = t.user_id
         WHERE t.organisation_id = $2 AND t.id = $1 AND t.used_at IS NULL AND t.expires_at > now() AND u.active
         FOR UPDATE OF t`,
        [digest(token), owner?.organisation_id ?? null],
      );
      if (!row)
        throw new DomainError(
          'validation',
          'This link has expired or has already been used; ask an admin for a new one',
          [{ path: 'token', message: 'has expired or has already been used' }],
        );
      await m.query(`UPDATE password_tokens SET used_at = now() WHERE organisation_id = $2 AND id = $1`, [
        digest(token),
        row.organisation_id,
      ]);
      await m.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE organisation_id = $3 AND id = $1`, [
        row.user_id,
        passwordHash,
        row.organisation_id,
      ]);
      await m.query(`DELETE FROM sessions WHERE organisation_id = $2 AND user_id = $1`, [
        row.user_id,
        row.organisation_id,
      ]);
      await this.mail.withdrawLinks(row.organisation_id, row.user_id, 'used', m);
      await this.audit.record(
        {
          organisationId: row.organisation_id,
          userId: row.user_id,
          action: 'update',
          entity: 'user',
          entityIds: [row.user_id],
          ip,
          details: { fields: ['password'], via: row.purpose },
        },
        m,
      );
    });
  }
}
