/**
 * Configuration is read from the environment once, at start-up, and validated: a bad value stops
 * the process with a message naming the variable (exit code 1) instead of failing later.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AppConfig {
  port: number;
  host: string | undefined;
  /** Set when an external PostgreSQL is used; otherwise the embedded server is started. */
  databaseUrl: string | undefined;
  /**
   * DATABASE_OWNER_URL: the account that owns the schema, for migrations; the app then connects as
   * DATABASE_URL's role and grants it only what it needs. Without it, DATABASE_URL does both.
   */
  databaseOwnerUrl: string | undefined;
  dataDir: string;
  demoData: boolean;
  /** How many cases the generated demo data holds (DEMO_CASES, at least 50). */
  demoCases: number;
  logLevel: string;
  logPretty: boolean;
  dbPoolSize: number;
  production: boolean;
  /** Cookies marked Secure and HSTS sent: on by default in production; SECURE_COOKIES=false opts out for a plain-HTTP run. */
  secureCookies: boolean;
  trustProxy: boolean;
  /** The largest import upload accepted by `POST /api/imports` (IMPORT_MAX_MB, in MiB); larger files go through the CLI. */
  importMaxBytes: number;
  /** Where import uploads are spooled while they are read (IMPORT_SPOOL_DIR; the system temporary directory by default). */
  importSpoolDir: string;
  /** The largest document a case may hold (DOCUMENT_MAX_MB, in MiB; 20 by default). Read into memory on upload and download. */
  documentMaxBytes: number;
  /** LEGAL_AID_CODES_DIR: a directory holding a newer set of the legal aid code lists; undefined: the shipped ones (backend/data/legal-aid). */
  legalAidCodesDir: string | undefined;
  /** DEFLATOR_SERIES_FILE: a JSON file holding a newer GDP deflator series; undefined: the shipped one (pricing/deflators.ts). */
  deflatorSeriesFile: string | undefined;
  /** SMTP_URL (smtp:// or smtps://, credentials in the URL): where email is sent. Unset, messages are held in the outbox. */
  smtpUrl: string | undefined;
  /** MAIL_FROM: the sender of every email. */
  mailFrom: string;
  /** PUBLIC_URL: the address people reach the web app at, for links in emails (no trailing slash). */
  publicUrl: string;
  /** Encrypts stored secrets (two-factor keys); when absent, a key file in dataDir is used (not in production with DATABASE_URL). */
  secretsKey: Buffer | undefined;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The repository root (backend/dist/config → ../../..), where `.data/` lives by default. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Defaults a caller may change: the CLI logs warnings only unless LOG_LEVEL says otherwise. */
export interface ConfigDefaults {
  logLevel?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: ConfigDefaults = {}): AppConfig {
  const databaseUrl = optional(env, 'DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must be a postgres:// or postgresql:// URL');
  }
  const databaseOwnerUrl = optional(env, 'DATABASE_OWNER_URL');
  if (databaseOwnerUrl !== undefined && !/^postgres(ql)?:\/\/.+/.test(databaseOwnerUrl)) {
    throw new ConfigError('DATABASE_OWNER_URL', 'must be a postgres:// or postgresql:// URL');
  }
  if (databaseOwnerUrl !== undefined && databaseUrl === undefined) {
    throw new ConfigError('DATABASE_OWNER_URL', 'needs DATABASE_URL (the role the app connects as)');
  }
  const production = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development') === 'production';
  return {
    port: integer(env, 'PORT', 3000, 1, 65535),
    host: optional(env, 'HOST'),
    databaseUrl,
    databaseOwnerUrl,
    dataDir: path.resolve(optional(env, 'DEEPVALUE_DATA_DIR') ?? path.join(REPO_ROOT, '.data')),
    demoData: boolean(env, 'DEMO_DATA', databaseUrl === undefined),
    demoCases: integer(env, 'DEMO_CASES', 2400, 50, 1_000_000),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, defaults.logLevel ?? 'info'),
    logPretty: boolean(env, 'LOG_PRETTY', Boolean(process.stdout.isTTY)),
    dbPoolSize: integer(env, 'DB_POOL_SIZE', 10, 1, 200),
    production,
    secureCookies: boolean(env, 'SECURE_COOKIES', production),
    trustProxy: boolean(env, 'TRUST_PROXY', false),
    importMaxBytes: integer(env, 'IMPORT_MAX_MB', 1024, 1, 65536) * 1024 * 1024,
    importSpoolDir: directory(env, 'IMPORT_SPOOL_DIR') ?? os.tmpdir(),
    documentMaxBytes: integer(env, 'DOCUMENT_MAX_MB', 20, 1, 256) * 1024 * 1024,
    legalAidCodesDir: directory(env, 'LEGAL_AID_CODES_DIR'),
    deflatorSeriesFile: file(env, 'DEFLATOR_SERIES_FILE'),
    secretsKey: secretsKey(env, production && databaseUrl !== undefined),
    ...mail(env),
  };
}

function mail(env: NodeJS.ProcessEnv): Pick<AppConfig, 'smtpUrl' | 'mailFrom' | 'publicUrl'> {
  const smtpUrl = optional(env, 'SMTP_URL');
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^/\s]+/.test(smtpUrl))
    throw new ConfigError(
      'SMTP_URL',
      'must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.org:587',
    );
  const mailFrom = optional(env, 'MAIL_FROM') ?? 'Deep Value <deepvalue@localhost>';
  if (!/^[^\r\n]*@[^\r\n]*$/.test(mailFrom))
    throw new ConfigError(
      'MAIL_FROM',
      `must be an address such as "Law Centre <cases@example.org>", got "${mailFrom}"`,
    );
  const port = optional(env, 'PORT') ?? '3000';
  // Emails sent to people's inboxes must not link to a localhost nobody else can open.
  if (smtpUrl !== undefined && optional(env, 'PUBLIC_URL') === undefined)
    throw new ConfigError(
      'PUBLIC_URL',
      'must be set when SMTP_URL is: it is the address people open the web app at, for the links in emails',
    );
  const publicUrl = (optional(env, 'PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+(\/\S*)?$/.test(publicUrl))
    throw new ConfigError('PUBLIC_URL', `must be an http:// or https:// address, got "${publicUrl}"`);
  return { smtpUrl, mailFrom, publicUrl };
}

/** SECRETS_KEY: 32 random bytes in base64. Required in production with an external database (a key file won't do there). */
function secretsKey(env: NodeJS.ProcessEnv, required: boolean): Buffer | undefined {
  const raw = optional(env, 'SECRETS_KEY');
  if (raw === undefined) {
    if (required)
      throw new ConfigError('SECRETS_KEY', 'is required in production: make one with `openssl rand -base64 32`');
    return undefined;
  }
  const key = Buffer.from(raw, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(raw) || key.length !== 32)
    throw new ConfigError('SECRETS_KEY', 'must be 32 bytes written in base64 (`openssl rand -base64 32`)');
  return key;
}

/** Loads the configuration or prints the problem and exits with code 1. */
export function loadConfigOrExit(defaults: ConfigDefaults = {}): AppConfig {
  try {
    return loadConfig(process.env, defaults);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function directory(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = optional(env, name);
  if (raw === undefined) return undefined;
  const resolved = path.resolve(raw);
  if (!fs.statSync(resolved, { throwIfNoEntry: false })?.isDirectory())
    throw new ConfigError(name, `must be an existing directory, got "${raw}"`);
  return resolved;
}

function file(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = optional(env, name);
  if (raw === undefined) return undefined;
  const resolved = path.resolve(raw);
  if (!fs.statSync(resolved, { throwIfNoEntry: false })?.isFile())
    throw new ConfigError(name, `must be an existing file, got "${raw}"`);
  return resolved;
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = optional(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true/false or 1/0, got "${raw}"`);
}

function oneOf(env: NodeJS.ProcessEnv, name: string, allowed: string[], fallback: string): string {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!allowed.includes(raw)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw;
}
