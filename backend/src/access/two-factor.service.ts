/**
 * TOTP two-factor (RFC 6238, 6 digits, 30 s, as authenticator apps expect). A secret is generated
 * at setup and only becomes active once the user proves it with a code; after that it is never
 * returned again. A code is accepted once: the last used time step is stored, so a code seen over
 * a shoulder cannot be replayed. Secrets are stored sealed (access/secret-box.ts); plain ones left by
 * an older version are sealed when the app starts.
 */
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { generateSecret, generateURI, verify } from 'otplib';
import { DataSource } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { DomainError, invalid, notFound } from '../common/domain-error.js';
import { SecretBox } from './secret-box.js';

const ISSUER = 'Deep Value';
/** One period either side, for clock drift between server and phone. */
const TOLERANCE_SECONDS = 30;

interface TotpRow {
  id: string;
  organisation_id: string;
  email: string | null;
  role: string;
  totp_enabled: boolean;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: string | null;
  required: boolean;
}

@Injectable()
export class TwoFactorService implements OnApplicationBootstrap {
  private readonly logger = new Logger(TwoFactorService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly box: SecretBox,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const sealed = await this.sealPlainSecrets();
    if (sealed > 0) this.logger.log(`Encrypted the two-factor secrets of ${sealed} user(s)`);
  }

  /** Seals secrets stored in plain text by an older version; returns how many users had one. */
  async sealPlainSecrets(): Promise<number> {
    const rows: Array<{ id: string; totp_secret: string | null; totp_pending_secret: string | null }> =
      await this.dataSource.query(
        `SELECT id, totp_secret, totp_pending_secret FROM users
          WHERE totp_secret NOT LIKE 'v1:%' OR totp_pending_secret NOT LIKE 'v1:%'`,
      );
    const seal = (value: string | null) => (value === null || SecretBox.isSealed(value) ? value : this.box.seal(value));
    for (const row of rows) {
      await this.dataSource.query(`UPDATE users SET totp_secret = $2, totp_pending_secret = $3 WHERE id = $1`, [
        row.id,
        seal(row.totp_secret),
        seal(row.totp_pending_secret),
      ]);
    }
    return rows.length;
  }

  async setup(organisationId: string, userId: string): Promise<{ secret: string; otpauthUrl: string }> {
    const user = await this.load(organisationId, userId);
    if (user.totp_enabled) throw new DomainError('conflict', 'Two-factor sign-in is already on');
    const secret = generateSecret();
    await this.dataSource.query(`UPDATE users SET totp_pending_secret = $3 WHERE organisation_id = $1 AND id = $2`, [
      organisationId,
      userId,
      this.box.seal(secret),
    ]);
    return { secret, otpauthUrl: generateURI({ issuer: ISSUER, label: user.email ?? userId, secret }) };
  }

  async enable(organisationId: string, userId: string, code: string, by: Actor): Promise<void> {
    const user = await this.load(organisationId, userId);
    if (user.totp_enabled) throw new DomainError('conflict', 'Two-factor sign-in is already on');
    if (!user.totp_pending_secret) throw invalid([{ path: 'code', message: 'Start the two-factor setup first' }]);
    const step = await this.matchingStep(user.totp_pending_secret, code, null);
    if (step === undefined) throw invalid([{ path: 'code', message: 'The code is not right; try the current one' }]);
    await this.dataSource.query(
      `UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enabled = true,
         totp_last_step = $3, version = version + 1, updated_at = now()
       WHERE organisation_id = $1 AND id = $2`,
      [organisationId, userId, step],
    );
    await this.record(organisationId, userId, by, 'enable');
  }

  async disable(organisationId: string, userId: string, code: string, by: Actor): Promise<void> {
    const user = await this.load(organisationId, userId);
    if (!user.totp_enabled) throw new DomainError('conflict', 'Two-factor sign-in is not on');
    if (user.required)
      throw new DomainError('forbidden', 'Your organisation requires two-factor sign-in for your role');
    if (!(await this.verifyCode(organisationId, userId, code)))
      throw invalid([{ path: 'code', message: 'The code is not right; try the current one' }]);
    await this.clear(organisationId, userId);
    await this.record(organisationId, userId, by, 'disable');
  }

  /** Turns two-factor off for a user who lost their device (an admin action). */
  async clear(organisationId: string, userId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE users SET totp_enabled = false, totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = NULL,
         version = version + 1, updated_at = now()
       WHERE organisation_id = $1 AND id = $2`,
      [organisationId, userId],
    );
  }

  /** Checks a sign-in code and uses it up. */
  async verifyCode(organisationId: string, userId: string, code: string): Promise<boolean> {
    const user = await this.load(organisationId, userId);
    if (!user.totp_enabled || !user.totp_secret) return false;
    const step = await this.matchingStep(user.totp_secret, code, user.totp_last_step);
    if (step === undefined) return false;
    // Only one request can move the step forward, so two simultaneous uses of a code cannot both pass.
    const used: Array<{ id: string }> = await this.dataSource.query(
      `WITH used AS (
         UPDATE users SET totp_last_step = $3
         WHERE organisation_id = $1 AND id = $2 AND (totp_last_step IS NULL OR totp_last_step < $3)
         RETURNING id)
       SELECT * FROM used`,
      [organisationId, userId, step],
    );
    return used.length === 1;
  }

  private async matchingStep(stored: string, code: string, lastStep: string | null): Promise<number | undefined> {
    if (!/^\d{6}$/.test(code)) return undefined;
    const result = await verify({
      secret: this.box.open(stored),
      token: code,
      epochTolerance: TOLERANCE_SECONDS,
      ...(lastStep !== null ? { afterTimeStep: Number(lastStep) } : {}),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : undefined;
  }

  private async load(organisationId: string, userId: string): Promise<TotpRow> {
    const [user]: TotpRow[] = await this.dataSource.query(
      `SELECT u.id, u.organisation_id, u.email, u.role, u.totp_enabled, u.totp_secret, u.totp_pending_secret,
              u.totp_last_step::text AS totp_last_step,
              (coalesce((o.settings ->> 'requireTwoFactorForManagers')::boolean, false)
                AND u.role IN ('manager', 'admin')) AS required
       FROM users u JOIN organisations o ON o.id = u.organisation_id
       WHERE u.organisation_id = $1 AND u.id = $2`,
      [organisationId, userId],
    );
    if (!user) throw notFound('User');
    return user;
  }

  private async record(organisationId: string, userId: string, by: Actor, operation: string): Promise<void> {
    await this.audit.record({
      organisationId,
      ...by,
      action: 'update',
      entity: 'user',
      entityIds: [userId],
      details: { fields: ['twoFactor'], operation },
    });
  }
}
