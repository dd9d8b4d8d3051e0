import type { AppConfig } from '../config/config.js';
import { runMigrations } from './data-source.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { grantRuntimePrivileges, privilegeWarning, roleOf } from './runtime-role.js';

export interface OpenDatabase {
  /** The app's connection (on the embedded database, the runtime role). */
  url: string;
  /** The schema owner's connection: migrations and grants. Equal to url when no owner is configured. */
  ownerUrl: string;
  embedded: boolean;
  /** True when the embedded cluster was created by this start (first run). */
  created: boolean;
  stop(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts (or, for the CLI, joins) the embedded PostgreSQL, then runs
 * pending migrations as the owner and grants the app's role what it needs (runtime-role.ts).
 */
export async function openDatabase(
  config: AppConfig,
  options: { log: (message: string) => void; exclusive: boolean; migrate?: boolean },
): Promise<OpenDatabase> {
  let db: OpenDatabase;
  if (config.databaseUrl) {
    const url = config.databaseUrl;
    db = { url, ownerUrl: config.databaseOwnerUrl ?? url, embedded: false, created: false, stop: async () => {} };
  } else {
    const handle = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      log: options.log,
      exclusive: options.exclusive,
    });
    db = { url: handle.url, ownerUrl: handle.ownerUrl, embedded: true, created: handle.created, stop: handle.stop };
  }
  if (options.migrate !== false) {
    try {
      await prepareSchema(db.ownerUrl, db.url, options.log);
    } catch (error) {
      await db.stop();
      throw error;
    }
  }
  return db;
}

/** Migrations as the owner, then the app role's grants when it is another role; warns when it is not. */
export async function prepareSchema(ownerUrl: string, url: string, log: (message: string) => void): Promise<void> {
  const applied = await runMigrations(ownerUrl);
  if (applied.length) log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
  if (roleOf(ownerUrl) !== roleOf(url)) {
    const granted = await grantRuntimePrivileges(ownerUrl, roleOf(url));
    if (!granted.replicationRole)
      log(
        `Note: ${roleOf(url)} may not set session_replication_role, so imports check foreign keys row by row (slower)`,
      );
  }
  const warning = await privilegeWarning(url);
  if (warning)
    log(`Warning: ${warning}; it could rewrite the audit log. See "Using your own PostgreSQL" in the README.`);
}
