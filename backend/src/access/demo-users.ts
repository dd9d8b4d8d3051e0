/**
 * Demo sign-ins: one user per role for each demo organisation (advice organisations get an
 * adviser, a manager and an admin; commissioner organisations a commissioner and an admin), all
 * with the same published password. Only in demo mode: with demo data off, nothing is created.
 */
import type { Role } from '@deepvalue/shared';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { hashPassword } from './passwords.js';
import { ROLES_BY_KIND } from './users.service.js';

export const DEMO_PASSWORD = 'deep value demo';

export interface DemoOrganisation {
  id: string;
  ref: string;
  kind: 'provider' | 'commissioner';
}

export interface DemoUser {
  role: Role;
  email: string;
  name: string;
  organisationRef: string;
}

const NAMES: Record<Role, string> = {
  adviser: 'Demo Adviser',
  manager: 'Demo Manager',
  commissioner: 'Demo Commissioner',
  admin: 'Demo Admin',
};

export function demoEmail(role: Role, organisationRef: string): string {
  const domain =
    organisationRef
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'org';
  return `${role}@${domain}.demo.example`;
}

/** Creates the demo users (again-safe: existing emails are left as they are) and lists them. */
export async function createDemoUsers(
  dataSource: DataSource,
  organisations: DemoOrganisation[],
  config: Pick<AppConfig, 'demoData'>,
  password = DEMO_PASSWORD,
): Promise<DemoUser[]> {
  if (!config.demoData) return [];
  const passwordHash = await hashPassword(password);
  const users: DemoUser[] = [];
  for (const organisation of organisations) {
    for (const role of ROLES_BY_KIND[organisation.kind]) {
      const user = {
        role,
        email: demoEmail(role, organisation.ref),
        name: NAMES[role],
        organisationRef: organisation.ref,
      };
      await dataSource.query(
        `INSERT INTO users (organisation_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (email) DO NOTHING`,
        [organisation.id, user.email, user.name, role, passwordHash],
      );
      users.push(user);
    }
  }
  return users;
}
