/**
 * The API test harness: the real app on a fresh, migrated database. Factories create
 * organisations and users; `as(user)` gives a supertest agent signed in as that user (bearer).
 */
import type { INestApplication } from '@nestjs/common';
import type { Role } from '@deepvalue/shared';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.js';
import { SessionService } from '../src/access/session.service.js';
import { OrganisationsService } from '../src/organisations/organisations.service.js';
import { loadConfig } from '../src/config/config.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import './one-query-per-connection.js';

export interface TestUser {
  id: string;
  organisationId: string;
  role: Role;
  email: string;
  token: string;
}

export interface Harness {
  app: INestApplication;
  db: TestDatabase;
  dataSource: DataSource;
  http: () => ReturnType<typeof request>;
  /** Runs SQL as the database's owner (the app's own role may not change the schema). */
  owner(sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  makeOrganisation(input?: {
    ref?: string;
    name?: string;
    kind?: 'provider' | 'commissioner';
  }): Promise<{ id: string; ref: string }>;
  makeUser(organisationId: string, role: Role, input?: { email?: string; name?: string }): Promise<TestUser>;
  /** An agent whose every request carries the user's bearer token. */
  as(user: TestUser): AuthedAgent;
  close(): Promise<void>;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type AuthedAgent = Record<Method, (path: string) => request.Test>;

let counter = 0;

/**
 * `env` adds configuration variables (e.g. IMPORT_MAX_MB) to the test app's environment;
 * `databaseSettings` are server settings every connection to the test database starts with.
 */
export async function createHarness(
  options: { env?: Record<string, string>; databaseSettings?: Record<string, string> } = {},
): Promise<Harness> {
  const db = await createTestDatabase({ settings: options.databaseSettings });
  const config = loadConfig({
    DATABASE_URL: db.appUrl,
    LOG_LEVEL: 'silent',
    DB_POOL_SIZE: '5',
    ...options.env,
  } as NodeJS.ProcessEnv);
  const app = await createApp(config, db.appUrl);
  await app.init();
  const dataSource = app.get(DataSource);
  const sessions = app.get(SessionService);
  const organisations = app.get(OrganisationsService);
  const http = () => request(app.getHttpServer());

  const harness: Harness = {
    app,
    db,
    dataSource,
    http,
    async owner(sql, params = []) {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    async makeOrganisation(input = {}) {
      const ref = input.ref ?? `org-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
      // Through the app's own path, so a test organisation starts as a real one does (letter templates).
      const { id } = await organisations.create({ ref, name: input.name ?? `Organisation ${ref}`, kind: input.kind });
      return { id, ref };
    },
    async makeUser(organisationId, role, input = {}) {
      const email = input.email ?? `${role}-${++counter}-${Math.random().toString(36).slice(2, 8)}@test.example`;
      const [row] = await dataSource.query(
        `INSERT INTO users (organisation_id, email, name, role) VALUES ($1, $2, $3, $4) RETURNING id`,
        [organisationId, email, input.name ?? `Test ${role}`, role],
      );
      const { token } = await sessions.create({ id: row.id, organisationId });
      return { id: row.id, organisationId, role, email, token };
    },
    as(user) {
      const agent = {} as AuthedAgent;
      for (const method of ['get', 'post', 'put', 'patch', 'delete'] as Method[]) {
        agent[method] = (path: string) => http()[method](path).set('Authorization', `Bearer ${user.token}`);
      }
      return agent;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
  return harness;
}
