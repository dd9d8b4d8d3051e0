import type { AppConfig } from '../config/config.js';
import { runMigrations } from './data-source.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  /** True when the embedded cluster was created by this start (first run). */
  created: boolean;
  stop(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts (or, for the CLI, joins) the embedded PostgreSQL, then runs
 * pending migrations.
 */
export async function openDatabase(
  config: AppConfig,
  options: { log: (message: string) => void; exclusive: boolean; migrate?: boolean },
): Promise<OpenDatabase> {
  let db: OpenDatabase;
  if (config.databaseUrl) {
    db = { url: config.databaseUrl, embedded: false, created: false, stop: async () => {} };
  } else {
    const handle = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      log: options.log,
      exclusive: options.exclusive,
    });
    db = { url: handle.url, embedded: true, created: handle.created, stop: handle.stop };
  }
  if (options.migrate !== false) {
    try {
      const applied = await runMigrations(db.url);
      if (applied.length) options.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
    } catch (error) {
      await db.stop();
      throw error;
    }
  }
  return db;
}
