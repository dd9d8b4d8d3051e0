import type { DataSource } from 'typeorm';
import { hashPassword } from '../passwords.js';

export const TEST_PASSWORD = 'correct horse battery 42';

export async function setPassword(dataSource: DataSource, userId: string, password = TEST_PASSWORD): Promise<void> {
  await dataSource.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [userId, await hashPassword(password)]);
}

/** The dv_session cookie value from a response's Set-Cookie header. */
export function sessionCookie(headers: Record<string, unknown>): string | undefined {
  const cookies = ([] as string[]).concat((headers['set-cookie'] as string[] | string | undefined) ?? []);
  const cookie = cookies.find((c) => c.startsWith('dv_session='));
  return cookie?.split(';')[0].slice('dv_session='.length) || undefined;
}
