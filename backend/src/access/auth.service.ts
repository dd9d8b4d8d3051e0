/**
 * Sign-in: the attempt is counted first (throttled by account and address together), then the
 * password (argon2id), then the two-factor code when the user has it on. Every outcome is audited;
 * a success clears the count of its account from its address.
 */
import { Injectable } from '@nestjs/common';
import type { Me, SignInRefusal } from '@deepvalue/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { DomainError } from '../common/domain-error.js';
import { verifyPassword } from './passwords.js';
import type { RequestUser } from './request-user.js';
import { SessionService } from './session.service.js';
import { SignInThrottleService } from './sign-in-throttle.service.js';
import { TwoFactorService } from './two-factor.service.js';

interface UserRow {
  id: string;
  organisation_id: string;
  email: string;
  name: string;
  role: Me['role'];
  password_hash: string | null;
  active: boolean;
  organisation_name: string;
  totp_enabled: boolean;
  two_factor_required: boolean;
}

export interface TwoFactorState {
  enabled: boolean;
  /** The organisation requires it for this role and it is not set up yet. */
  enrolmentRequired: boolean;
}

export interface SignInMeta {
  ip?: string;
  userAgent?: string;
}

// A fixed hash to verify against when the email is unknown, so timing does not reveal accounts.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0o4b0jz6l0r2Zb0mYpK8vK7O0uF4q0HnS3m5i9Q7m2Y';
const WRONG = 'The email or password is not right';
/** Added to the 401 when the password was right and the authenticator code is wanted. */
const CODE_REQUIRED: Pick<SignInRefusal, 'twoFactor'> = { twoFactor: 'code_required' };

const SELECT_USER = `
  SELECT u.id, u.organisation_id, u.email, u.name, u.role, u.password_hash, u.active, u.totp_enabled,
         o.name AS organisation_name,
         (coalesce((o.settings ->> 'requireTwoFactorForManagers')::boolean, false)
           AND u.role IN ('manager', 'admin')) AS two_factor_required
  FROM users u JOIN organisations o ON o.id = u.organisation_id`;

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottleService,
    private readonly twoFactor: TwoFactorService,
    private readonly audit: AuditService,
  ) {}

  /**
   * An email may have an account in several organisations (emails are unique per organisation):
   * the account is the one whose password matches — among several, the active one signed in to
   * most recently. Every candidate is checked (an unknown email against a dummy hash), so the time
   * taken does not depend on which one matched. With no match, the first candidate is reported.
   */
  private async accountFor(email: string, password: string): Promise<{ user: UserRow | undefined; ok: boolean }> {
    const candidates: UserRow[] = await this.dataSource.query(
      `${SELECT_USER} WHERE u.email = $1 ORDER BY u.active DESC, u.last_sign_in_at DESC NULLS LAST, u.id`,
      [email],
    );
    if (candidates.length === 0) {
      await verifyPassword(DUMMY_HASH, password);
      return { user: undefined, ok: false };
    }
    const matches = await Promise.all(candidates.map((u) => verifyPassword(u.password_hash ?? DUMMY_HASH, password)));
    const found = matches.indexOf(true);
    return found < 0 ? { user: candidates[0], ok: false } : { user: candidates[found], ok: true };
  }

  async signIn(rawEmail: string, password: string, code: string | undefined, meta: SignInMeta) {
    const email = rawEmail.trim().toLowerCase();
    try {
      await this.throttle.reserve(email, meta.ip);
    } catch (error) {
      await this.recordFailure(email, undefined, meta, 'throttled');
      throw error;
    }
    const { user, ok } = await this.accountFor(email, password);
    if (!user || !ok || !user.active) {
      await this.recordFailure(email, user, meta, !user ? 'unknown_email' : !ok ? 'wrong_password' : 'inactive');
      throw new DomainError('unauthenticated', WRONG, [{ path: 'email', message: WRONG }]);
    }
    if (user.totp_enabled) {
      if (!code) {
        const message = 'Enter the 6-digit code from your authenticator app';
        throw new DomainError('unauthenticated', message, [{ path: 'code', message }], CODE_REQUIRED);
      }
      if (!(await this.twoFactor.verifyCode(user.organisation_id, user.id, code))) {
        await this.recordFailure(email, user, meta, 'wrong_code');
        const message = 'The code is not right; try the current one';
        throw new DomainError('unauthenticated', message, [{ path: 'code', message }], CODE_REQUIRED);
      }
    }

    await this.throttle.succeeded(email, meta.ip);
    await this.dataSource.query(`UPDATE users SET last_sign_in_at = now() WHERE id = $1`, [user.id]);
    const session = await this.sessions.create({ id: user.id, organisationId: user.organisation_id }, meta);
    await this.audit.record({
      organisationId: user.organisation_id,
      userId: user.id,
      action: 'sign_in',
      entity: 'user',
      entityIds: [user.id],
      ip: meta.ip,
      details: { twoFactor: user.totp_enabled },
    });
    return { ...session, me: toMe(user), twoFactor: twoFactorState(user) };
  }

  async me(userId: string): Promise<{ me: Me; twoFactor: TwoFactorState }> {
    const [user]: UserRow[] = await this.dataSource.query(`${SELECT_USER} WHERE u.id = $1`, [userId]);
    if (!user) throw new DomainError('unauthenticated', 'Sign in to continue');
    return { me: toMe(user), twoFactor: twoFactorState(user) };
  }

  /** Ends this session, or every session of the user ("sign out everywhere"). */
  async signOut(user: RequestUser, ip: string | undefined, everywhere: boolean): Promise<void> {
    if (everywhere) await this.sessions.endAllForUser(user.userId);
    else await this.sessions.end(user.sessionId);
    await this.audit.record({
      organisationId: user.organisationId,
      userId: user.userId,
      action: 'sign_out',
      entity: 'user',
      entityIds: [user.userId],
      ip,
      details: { everywhere },
    });
  }

  private async recordFailure(
    email: string,
    user: UserRow | undefined,
    meta: SignInMeta,
    reason: string,
  ): Promise<void> {
    await this.audit.record({
      organisationId: user?.organisation_id ?? null,
      userId: user?.id ?? null,
      action: 'failed_sign_in',
      entity: 'user',
      entityIds: user ? [user.id] : [],
      ip: meta.ip,
      details: { email: email.slice(0, 320), reason },
    });
  }
}

function twoFactorState(user: UserRow): TwoFactorState {
  return { enabled: user.totp_enabled, enrolmentRequired: user.two_factor_required && !user.totp_enabled };
}

function toMe(user: UserRow): Me {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisationId: user.organisation_id,
    organisationName: user.organisation_name,
  };
}
