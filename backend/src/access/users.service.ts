/**
 * Staff accounts of one organisation, managed by its admins: invite (with a one-time set-password
 * link), change role, deactivate (which ends their sessions), reset password or two-factor.
 * An admin cannot lock themselves out, and an organisation always keeps one active admin.
 */
import { Injectable } from '@nestjs/common';
import type { MailStatus, Role } from '@deepvalue/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { DomainError, invalid, notFound, staleVersion } from '../common/domain-error.js';
import { AppConfigService } from '../config/app-config.service.js';
import { MailService } from '../mail/mail.service.js';
import { invitationText, passwordResetText } from '../mail/messages.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { PasswordTokensService, type IssuedToken } from './password-tokens.service.js';
import { SessionService } from './session.service.js';
import { TwoFactorService } from './two-factor.service.js';

export interface UserSummary {
  id: string;
  email: string | null;
  name: string;
  role: Role;
  active: boolean;
  twoFactorEnabled: boolean;
  /** Invited but has not set a password yet. */
  invitePending: boolean;
  lastSignInAt: Date | null;
  version: number;
}

/** A set-password link, and where the email carrying it got to (null: the user has no email address). */
export type EmailedToken = IssuedToken & { emailStatus: MailStatus | null };

export interface NewUser {
  email: string;
  name: string;
  role: Role;
}

export interface UserChange {
  name?: string;
  role?: Role;
  active?: boolean;
}

/** Roles each kind of organisation can have: commissioners never get casework roles. */
export const ROLES_BY_KIND: Record<'provider' | 'commissioner', Role[]> = {
  provider: ['adviser', 'manager', 'admin'],
  commissioner: ['commissioner', 'admin'],
};

const SELECT_USERS = `
  SELECT u.id, u.email, u.name, u.role, u.active, u.totp_enabled AS "twoFactorEnabled",
         (u.password_hash IS NULL) AS "invitePending", u.last_sign_in_at AS "lastSignInAt", u.version
  FROM users u`;

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly tokens: PasswordTokensService,
    private readonly twoFactor: TwoFactorService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly config: AppConfigService,
  ) {}

  async list(organisationId: string): Promise<UserSummary[]> {
    return this.dataSource.query(`${SELECT_USERS} WHERE u.organisation_id = $1 ORDER BY u.name, u.email`, [
      organisationId,
    ]);
  }

  async find(organisationId: string, userId: string, manager?: EntityManager): Promise<UserSummary> {
    const [user]: UserSummary[] = await (manager ?? this.dataSource).query(
      `${SELECT_USERS} WHERE u.organisation_id = $1 AND u.id = $2`,
      [organisationId, userId],
    );
    if (!user) throw notFound('User');
    return user;
  }

  async invite(organisationId: string, input: NewUser, by: Actor): Promise<{ user: UserSummary } & EmailedToken> {
    const user = await this.insert(organisationId, input, null, by);
    const issued = await this.tokens.issue(organisationId, user.id, 'invite', by);
    return { user, ...issued, emailStatus: await this.emailLink(organisationId, user, issued, 'invitation') };
  }

  /** Emails a set-password link to the user (or holds it in the outbox when no mail server is configured). */
  private async emailLink(
    organisationId: string,
    user: UserSummary,
    issued: IssuedToken,
    kind: 'invitation' | 'password_reset',
  ): Promise<MailStatus | null> {
    if (!user.email) return null;
    const [{ name: organisation }]: Array<{ name: string }> = await this.dataSource.query(
      `SELECT name FROM organisations WHERE id = $1`,
      [organisationId],
    );
    const words = {
      name: user.name,
      organisation,
      url: `${this.config.get().publicUrl}${issued.setPasswordUrl}`,
      expiresAt: issued.expiresAt,
    };
    const text = kind === 'invitation' ? invitationText(words) : passwordResetText(words);
    await this.mail.withdrawLinks(organisationId, user.id, 'replaced');
    return (await this.mail.deliver({ organisationId, kind, toUserId: user.id, to: user.email, ...text })) ?? null;
  }

  /** Creates a user with a password (the CLI, for the first admin). */
  async createWithPassword(
    organisationId: string,
    input: NewUser & { password: string },
    by: Actor,
  ): Promise<UserSummary> {
    const [organisation]: Array<{ name: string }> = await this.dataSource.query(
      `SELECT name FROM organisations WHERE id = $1`,
      [organisationId],
    );
    const problem = passwordProblem(input.password, { ...input, organisation: organisation?.name });
    if (problem) throw invalid([{ path: 'password', message: problem }]);
    return this.insert(organisationId, input, await hashPassword(input.password), by);
  }

  async update(organisationId: string, userId: string, change: UserChange, version: number, by: Actor) {
    if (userId === by.userId && (change.active === false || (change.role && change.role !== 'admin')))
      throw new DomainError('forbidden', 'You cannot deactivate yourself or give up your own admin role');
    if (change.role) await this.checkRole(organisationId, change.role);
    const updated = await this.dataSource.transaction(async (m) => {
      // Serialise changes to the organisation's users, so two admins cannot demote each other at once.
      await m.query(`SELECT id FROM organisations WHERE id = $1 FOR UPDATE`, [organisationId]);
      const current = await this.find(organisationId, userId, m);
      if (current.version !== version) throw staleVersion(current);
      const fields = (Object.keys(change) as Array<keyof UserChange>).filter(
        (key) => change[key] !== undefined && change[key] !== current[key],
      );
      const [row]: Array<{ id: string }> = await m.query(
        `WITH updated AS (
           UPDATE users SET name = coalesce($3, name), role = coalesce($4, role), active = coalesce($5, active),
             version = version + 1, updated_at = now()
           WHERE organisation_id = $1 AND id = $2 RETURNING id)
         SELECT * FROM updated`,
        [organisationId, userId, change.name ?? null, change.role ?? null, change.active ?? null],
      );
      if (!row) throw notFound('User');
      const [{ admins }]: Array<{ admins: number }> = await m.query(
        `SELECT count(*)::integer AS admins FROM users WHERE organisation_id = $1 AND role = 'admin' AND active`,
        [organisationId],
      );
      if (admins === 0) throw new DomainError('conflict', 'The organisation must keep at least one active admin');
      if (change.active === false) await m.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
      await this.audit.record(
        { organisationId, ...by, action: 'update', entity: 'user', entityIds: [userId], details: { fields } },
        m,
      );
      return this.find(organisationId, userId, m);
    });
    return updated;
  }

  async resetPassword(organisationId: string, userId: string, by: Actor): Promise<EmailedToken> {
    const user = await this.find(organisationId, userId);
    const issued = await this.tokens.issue(organisationId, userId, 'reset', by);
    await this.audit.record({
      organisationId,
      ...by,
      action: 'admin',
      entity: 'user',
      entityIds: [userId],
      details: { operation: 'reset_password' },
    });
    return { ...issued, emailStatus: await this.emailLink(organisationId, user, issued, 'password_reset') };
  }

  async resetTwoFactor(organisationId: string, userId: string, by: Actor): Promise<UserSummary> {
    await this.find(organisationId, userId);
    await this.twoFactor.clear(organisationId, userId);
    await this.sessions.endAllForUser(userId);
    await this.audit.record({
      organisationId,
      ...by,
      action: 'admin',
      entity: 'user',
      entityIds: [userId],
      details: { operation: 'reset_two_factor' },
    });
    return this.find(organisationId, userId);
  }

  private async insert(
    organisationId: string,
    input: NewUser,
    passwordHash: string | null,
    by: Actor,
  ): Promise<UserSummary> {
    await this.checkRole(organisationId, input.role);
    const email = input.email.trim().toLowerCase();
    // Only this organisation's users are looked at: whether another organisation uses the email
    // must not show in the answer (emails are unique per organisation, migration 1764100000100).
    const [taken] = await this.dataSource.query(`SELECT 1 FROM users WHERE organisation_id = $1 AND email = $2`, [
      organisationId,
      email,
    ]);
    if (taken)
      throw new DomainError('conflict', 'A user of this organisation already has that email', [
        { path: 'email', message: 'is already used by a user of this organisation' },
      ]);
    const [row]: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO users (organisation_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [organisationId, email, input.name.trim(), input.role, passwordHash],
    );
    await this.audit.record({
      organisationId,
      ...by,
      action: 'create',
      entity: 'user',
      entityIds: [row.id],
      details: { fields: ['email', 'name', 'role'], role: input.role },
    });
    return this.find(organisationId, row.id);
  }

  private async checkRole(organisationId: string, role: Role): Promise<void> {
    const [org]: Array<{ kind: 'provider' | 'commissioner' }> = await this.dataSource.query(
      `SELECT kind FROM organisations WHERE id = $1`,
      [organisationId],
    );
    if (!org) throw notFound('Organisation');
    const allowed = ROLES_BY_KIND[org.kind];
    if (!allowed.includes(role))
      throw invalid([{ path: 'role', message: `must be one of ${allowed.join(', ')} in this organisation` }]);
  }
}
