import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig, REPO_ROOT } from './config.js';

const env = (values: Record<string, string>) => values as NodeJS.ProcessEnv;

describe(loadConfig.name, () => {
  it('uses the defaults with an empty environment', () => {
    const config = loadConfig(env({}));
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.demoData).toBe(true);
    expect(config.dataDir).toBe(path.join(REPO_ROOT, '.data'));
    expect(config.importMaxBytes).toBe(1024 ** 3);
    expect(config.demoCases).toBe(2400);
    expect(config.logLevel).toBe('info');
  });

  it('holds email in the outbox without SMTP_URL, and refuses a bad SMTP_URL, MAIL_FROM or PUBLIC_URL naming it', () => {
    expect(loadConfig(env({ PORT: '4000' }))).toMatchObject({
      smtpUrl: undefined,
      mailFrom: 'Deep Value <deepvalue@localhost>',
      publicUrl: 'http://localhost:4000',
    });
    expect(
      loadConfig(env({ SMTP_URL: 'smtps://u:p@mail.example.org:465', PUBLIC_URL: 'https://dv.example.org/' })),
    ).toMatchObject({ smtpUrl: 'smtps://u:p@mail.example.org:465', publicUrl: 'https://dv.example.org' });
    expect(() => loadConfig(env({ SMTP_URL: 'smtp://mail.example.org:587' }))).toThrow(
      /PUBLIC_URL must be set when SMTP_URL is/,
    );
    expect(() => loadConfig(env({ SMTP_URL: 'mail.example.org', PUBLIC_URL: 'https://dv.example.org' }))).toThrow(
      /SMTP_URL must be an smtp:\/\/ or smtps:\/\//,
    );
    expect(() => loadConfig(env({ MAIL_FROM: 'nobody' }))).toThrow(/MAIL_FROM/);
    expect(() => loadConfig(env({ PUBLIC_URL: 'ftp://x' }))).toThrow(/PUBLIC_URL/);
  });

  it("takes a caller's default log level, which LOG_LEVEL still overrides", () => {
    expect(loadConfig(env({}), { logLevel: 'warn' }).logLevel).toBe('warn');
    expect(loadConfig(env({ LOG_LEVEL: 'debug' }), { logLevel: 'warn' }).logLevel).toBe('debug');
  });

  it('turns demo data off by default on an external database, and on with DEMO_DATA=1', () => {
    expect(loadConfig(env({ DATABASE_URL: 'postgres://u:p@db:5432/x' })).demoData).toBe(false);
    expect(loadConfig(env({ DATABASE_URL: 'postgres://u:p@db:5432/x', DEMO_DATA: '1' })).demoData).toBe(true);
  });

  it.each([
    ['PORT', 'abc', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be between 1 and 65535/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must be a postgres/],
    ['DATABASE_OWNER_URL', 'mysql://x', /DATABASE_OWNER_URL must be a postgres/],
    ['DATABASE_OWNER_URL', 'postgres://o:p@db/x', /DATABASE_OWNER_URL needs DATABASE_URL/],
    ['DEMO_DATA', 'maybe', /DEMO_DATA must be true\/false/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['DB_POOL_SIZE', '0', /DB_POOL_SIZE must be between/],
    ['IMPORT_MAX_MB', '0', /IMPORT_MAX_MB must be between/],
    ['DEMO_CASES', '10', /DEMO_CASES must be between 50/],
    ['DEMO_CASES', 'lots', /DEMO_CASES must be a whole number/],
    ['IMPORT_SPOOL_DIR', '/no/such/directory', /IMPORT_SPOOL_DIR must be an existing directory/],
    ['DEFLATOR_SERIES_FILE', '/no/such/series.json', /DEFLATOR_SERIES_FILE must be an existing file/],
  ])('rejects %s=%s naming the variable', (name, value, message) => {
    expect(() => loadConfig(env({ [name]: value }))).toThrow(ConfigError);
    expect(() => loadConfig(env({ [name]: value }))).toThrow(message);
  });

  it('needs SECRETS_KEY (32 bytes in base64) in production with an external database, and only there', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/x' };
    expect(() => loadConfig(env(production))).toThrow(/SECRETS_KEY is required in production/);
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig(env({ ...production, SECRETS_KEY: key })).secretsKey).toEqual(Buffer.alloc(32, 7));
    expect(() => loadConfig(env({ ...production, SECRETS_KEY: 'c2hvcnQ=' }))).toThrow(/SECRETS_KEY must be 32 bytes/);
    expect(loadConfig(env({ NODE_ENV: 'production' })).secretsKey).toBeUndefined(); // embedded: a key file
  });

  it('marks cookies Secure (and sends HSTS) by default in production, with SECURE_COOKIES=false as the opt-out', () => {
    expect(loadConfig(env({ NODE_ENV: 'production' })).secureCookies).toBe(true);
    expect(loadConfig(env({ NODE_ENV: 'production', SECURE_COOKIES: 'false' })).secureCookies).toBe(false);
    expect(loadConfig(env({})).secureCookies).toBe(false);
    expect(loadConfig(env({ SECURE_COOKIES: 'true' })).secureCookies).toBe(true);
  });

  it('moves the data directory with DEEPVALUE_DATA_DIR', () => {
    expect(loadConfig(env({ DEEPVALUE_DATA_DIR: '/tmp/dv-elsewhere' })).dataDir).toBe('/tmp/dv-elsewhere');
  });
});

describe('start-up with a bad configuration', () => {
  it('stops with exit code 1 and a message naming the variable', () => {
    const main = path.join(REPO_ROOT, 'backend/dist/main.js');
    const result = spawnSync('node', [main], {
      env: { ...process.env, PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 30000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT must be a whole number');
  });
});
