import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig, REPO_ROOT } from '../config/config.js';

describe('docker/compose.yaml', () => {
  const compose = parse(fs.readFileSync(path.join(REPO_ROOT, 'docker/compose.yaml'), 'utf8'));

  it('names the app and a postgres:18 database with a volume and a health check', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'db']);
    expect(compose.services.db.image).toBe('postgres:18');
    expect(compose.services.db.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(compose.services.db.volumes[0]).toMatch(/^pgdata:/);
    expect(compose.services.app.depends_on.db.condition).toBe('service_healthy');
  });

  it('gives the app only environment variables it reads, and values it accepts', () => {
    const appEnv: Record<string, string> = compose.services.app.environment;
    const known = [
      'DATABASE_URL',
      'DATABASE_OWNER_URL',
      'PORT',
      'NODE_ENV',
      'DEMO_DATA',
      'LOG_LEVEL',
      'SECURE_COOKIES',
      'TRUST_PROXY',
      'SECRETS_KEY',
    ];
    expect(Object.keys(appEnv).every((name) => known.includes(name))).toBe(true);
    // SECRETS_KEY has no default: compose stops with its message (${VAR:?message}) unless it is set.
    expect(appEnv.SECRETS_KEY).toMatch(/^\$\{SECRETS_KEY:\?.*openssl rand -base64 32.*\}$/);
    const given = { SECRETS_KEY: Buffer.alloc(32, 1).toString('base64') };
    const resolved = Object.fromEntries(
      Object.entries(appEnv).map(([k, v]) => [
        k,
        String(v)
          .replace(/\$\{(\w+):-([^}]*)\}/g, (_m, _n, d) => d)
          .replace(/\$\{(\w+):\?[^}]*\}/g, (_m, n: keyof typeof given) => given[n]),
      ]),
    );
    const config = loadConfig(resolved as NodeJS.ProcessEnv);
    // The app serves as the role initdb/10-app-role.sh creates; the owner runs the migrations.
    expect(config.databaseUrl).toMatch(/^postgres:\/\/deepvalue_app:.+@db:5432\/deepvalue$/);
    expect(config.databaseOwnerUrl).toMatch(/^postgres:\/\/deepvalue:.+@db:5432\/deepvalue$/);
    expect(config.production).toBe(true);
    expect(config.demoData).toBe(false);
    expect(config.secureCookies).toBe(true);
  });

  it('creates the app role on a new volume, with no superuser, database or role rights', () => {
    expect(compose.services.db.volumes).toContain('./initdb:/docker-entrypoint-initdb.d:ro');
    const script = fs.readFileSync(path.join(REPO_ROOT, 'docker/initdb/10-app-role.sh'), 'utf8');
    expect(script).toMatch(/CREATE ROLE deepvalue_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE/);
    expect(fs.statSync(path.join(REPO_ROOT, 'docker/initdb/10-app-role.sh')).mode & 0o111).not.toBe(0);
  });

  it('builds from a Dockerfile that runs as a non-root user', () => {
    const dockerfile = fs.readFileSync(path.join(REPO_ROOT, 'docker/Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/AS build/);
    expect(dockerfile).toContain('backend/dist/main.js');
  });
});
