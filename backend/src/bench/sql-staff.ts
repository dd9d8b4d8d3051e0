/**
 * Staff and bearer sessions written straight into the database, for load and fault tests that
 * drive the app in another process (the same rows SessionService.create writes: the table keeps
 * only the token's SHA-256).
 */
import type { Role } from '@deepvalue/shared';
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';

export interface SqlUser {
  organisationId: string;
  userId: string;
  role: Role;
  token: string;
}

export async function createOrganisation(client: pg.ClientBase, ref: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO organisations (ref, name) VALUES ($1, $2)
     ON CONFLICT (ref) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [ref, `Organisation ${ref}`],
  );
  return rows[0].id;
}

export async function createSignedInUser(client: pg.ClientBase, organisationId: string, role: Role): Promise<SqlUser> {
  const email = `${role}-${randomBytes(4).toString('hex')}@resilience.example`;
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO users (organisation_id, email, name, role) VALUES ($1, $2, $3, $4) RETURNING id`,
    [organisationId, email, `Resilience ${role}`, role],
  );
  return { organisationId, userId: rows[0].id, role, token: await createSession(client, organisationId, rows[0].id) };
}

export async function createSession(client: pg.ClientBase, organisationId: string, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await client.query(
    `INSERT INTO sessions (id, user_id, organisation_id, csrf_token, expires_at)
     VALUES ($1, $2, $3, $4, now() + interval '12 hours')`,
    [createHash('sha256').update(token).digest('hex'), userId, organisationId, randomBytes(24).toString('base64url')],
  );
  return token;
}
