import { Injectable } from '@nestjs/common';
import type { Me } from '@deepvalue/shared';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { verifyPassword } from './passwords.js';
import { SessionService } from './session.service.js';

interface UserRow {
  id: string;
  organisation_id: string;
  email: string;
  name: string;
  role: Me['role'];
  password_hash: string | null;
  active: boolean;
  organisation_name: string;
}

// A fixed hash to verify against when the email is unknown, so timing does not reveal accounts.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0o4b0jz6l0r2Zb0mYpK8vK7O0uF4q0HnS3m5i9Q7m2Y';

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
  ) {}

  async signIn(email: string, password: string, meta: { ip?: string; userAgent?: string }) {
    const [user]: UserRow[] = await this.dataSource.query(
      `SELECT u.id, u.organisation_id, u.email, u.name, u.role, u.password_hash, u.active, o.name AS organisation_name
       FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.email = $1`,
      [email.trim().toLowerCase()],
    );
    const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, password);
    if (!user || !ok || !user.active) {
      throw new DomainError('unauthenticated', 'The email or password is not right', [
        { path: 'email', message: 'The email or password is not right' },
      ]);
    }
    await this.dataSource.query(`UPDATE users SET last_sign_in_at = now() WHERE id = $1`, [user.id]);
    const session = await this.sessions.create({ id: user.id, organisationId: user.organisation_id }, meta);
    return { ...session, me: toMe(user) };
  }

  async me(userId: string): Promise<Me> {
    const [user]: UserRow[] = await this.dataSource.query(
      `SELECT u.id, u.organisation_id, u.email, u.name, u.role, u.active, o.name AS organisation_name
       FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = $1`,
      [userId],
    );
    if (!user) throw new DomainError('unauthenticated', 'Sign in to continue');
    return toMe(user);
  }
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
