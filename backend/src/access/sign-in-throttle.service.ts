/**
 * Sign-in throttling by account and source (IP address) together, with growing delays, so that no
 * outsider can lock a user out: failures from one address slow down only that address's attempts
 * on that account. Each address also has a larger allowance across all accounts (password
 * spraying). Attempts are counted in PostgreSQL, in one statement that reserves the attempt before
 * the password is checked, so parallel guesses cannot slip past the limit and the count holds
 * across every process serving the app.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error.js';

/** Attempts on one account from one address before delays start. */
export const ACCOUNT_ATTEMPTS = 5;
/** Failed attempts from one address across all accounts before delays start. */
export const SOURCE_ATTEMPTS = 30;
/** The first delay; each further attempt doubles it, up to MAX_DELAY_SECONDS. */
export const FIRST_DELAY_SECONDS = 30;
export const MAX_DELAY_SECONDS = 15 * 60;
/** A counter idle this long starts again from nothing. */
const RESET_AFTER_SECONDS = 24 * 3600;
/** The source-wide counter's email. */
const ANY_ACCOUNT = '';

/** SQL: the wait after the `n`th attempt, when `free` attempts pass without one. */
const delayAfter = (n: string, free: string) =>
  `make_interval(secs => CASE WHEN ${n} < ${free} THEN 0
     ELSE least($5::float8 * power(2, ${n} - ${free}), $6::float8) END)`;

/** SQL: reserve one attempt on the row keyed (email, source), unless the row says "wait". */
const reserve = (email: string, free: string, onlyIf = '') => `
  INSERT INTO sign_in_attempts AS t (email, source, attempts, next_allowed_at)
  SELECT ${email}, $2, 1, now() + ${delayAfter('1', free)} ${onlyIf}
  ON CONFLICT (email, source) DO UPDATE SET
    attempts = CASE WHEN t.last_attempt_at < now() - make_interval(secs => $7) THEN 1 ELSE t.attempts + 1 END,
    last_attempt_at = now(),
    next_allowed_at = now() + ${delayAfter('CASE WHEN t.last_attempt_at < now() - make_interval(secs => $7) THEN 1 ELSE t.attempts + 1 END', free)}
  WHERE t.next_allowed_at <= now()
  RETURNING attempts`;

const RESERVE = `
  WITH account AS (${reserve('$1', '$3')}),
       source AS (${reserve(`'${ANY_ACCOUNT}'`, '$4', 'WHERE EXISTS (SELECT 1 FROM account)')})
  SELECT EXISTS (SELECT 1 FROM account) AND EXISTS (SELECT 1 FROM source) AS allowed,
         (SELECT extract(epoch FROM max(next_allowed_at) - now())::float8 FROM sign_in_attempts
           WHERE source = $2 AND email IN ($1, '${ANY_ACCOUNT}')) AS wait`;

@Injectable()
export class SignInThrottleService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Counts an attempt on the account from the address before its password is checked; throws 429
   * (with the seconds to wait) when this account and address, or this address, must wait.
   */
  async reserve(email: string, ip: string | undefined): Promise<void> {
    const [row]: Array<{ allowed: boolean; wait: number | null }> = await this.dataSource.query(RESERVE, [
      email,
      sourceOf(ip),
      ACCOUNT_ATTEMPTS,
      SOURCE_ATTEMPTS,
      FIRST_DELAY_SECONDS,
      MAX_DELAY_SECONDS,
      RESET_AFTER_SECONDS,
    ]);
    if (row.allowed) return;
    const seconds = Math.max(1, Math.ceil(row.wait ?? 1));
    const message = `Too many attempts; try again in ${describeWait(seconds)}`;
    throw new DomainError('too_many_requests', message, [{ path: '', message }], { retryAfterSeconds: seconds });
  }

  /** A successful sign-in clears its account's count from that address, and is not a failure of the address. */
  async succeeded(email: string, ip: string | undefined): Promise<void> {
    const source = sourceOf(ip);
    await this.dataSource.query(
      `WITH cleared AS (DELETE FROM sign_in_attempts WHERE email = $1 AND source = $2),
            pruned AS (DELETE FROM sign_in_attempts WHERE last_attempt_at < now() - make_interval(secs => $3))
       UPDATE sign_in_attempts SET attempts = greatest(attempts - 1, 0) WHERE email = '${ANY_ACCOUNT}' AND source = $2`,
      [email, source, RESET_AFTER_SECONDS],
    );
  }
}

function sourceOf(ip: string | undefined): string {
  return ip ?? 'unknown';
}

function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
