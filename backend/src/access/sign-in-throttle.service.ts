/**
 * Sign-in throttling per account and per IP. Failures are counted in PostgreSQL, so a lockout
 * holds across every process serving the app. After ACCOUNT_LIMIT failures for one email within
 * the window, that account refuses sign-in until the oldest of them is older than the window; the
 * same for IP_LIMIT failures from one address (any emails).
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error.js';

export const WINDOW_MINUTES = 15;
export const ACCOUNT_LIMIT = 5;
export const IP_LIMIT = 30;

@Injectable()
export class SignInThrottleService {
  constructor(private readonly dataSource: DataSource) {}

  /** Throws 429 when the account or the address is locked out. */
  async check(email: string, ip: string | undefined): Promise<void> {
    const wait = Math.max(
      await this.lockedFor('email', email, ACCOUNT_LIMIT),
      ip ? await this.lockedFor('ip', ip, IP_LIMIT) : 0,
    );
    if (wait > 0) {
      const minutes = Math.max(1, Math.ceil(wait / 60));
      const message = `Too many attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`;
      throw new DomainError('too_many_requests', message, [{ path: '', message }], {
        retryAfterSeconds: Math.ceil(wait),
      });
    }
  }

  async recordFailure(email: string, ip: string | undefined): Promise<void> {
    await this.dataSource.query(`INSERT INTO sign_in_failures (email, ip) VALUES ($1, $2)`, [email, ip ?? null]);
  }

  /** A successful sign-in clears the account's failures (not the address's) and prunes old rows. */
  async clear(email: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM sign_in_failures WHERE email = $1 OR at < now() - make_interval(mins => $2 * 4)`,
      [email, WINDOW_MINUTES],
    );
  }

  /** Seconds until the key may try again (0 when not locked). */
  private async lockedFor(column: 'email' | 'ip', value: string, limit: number): Promise<number> {
    const rows: Array<{ wait: number }> = await this.dataSource.query(
      `SELECT extract(epoch FROM at + make_interval(mins => $2) - now())::float8 AS wait
       FROM sign_in_failures WHERE ${column} = $1 AND at > now() - make_interval(mins => $2)
       ORDER BY at DESC OFFSET $3 LIMIT 1`,
      [value, WINDOW_MINUTES, limit - 1],
    );
    return rows[0]?.wait ?? 0;
  }
}
