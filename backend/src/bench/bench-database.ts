/**
 * The benchmark's database: BENCH_DATABASE_URL when given (the schema is migrated); or the
 * embedded cluster a run kept with --keep, when BENCH_DATA_DIR names its directory (reused, never
 * removed: `--only reports,model,…` at full size without importing again); otherwise an embedded
 * PostgreSQL with the app's own settings in a fresh temporary directory, removed at the end unless
 * --keep.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { benchConfig } from '../config/bench-config.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { prepareSchema } from '../database/open-database.js';

export interface BenchDatabase {
  /** The owner's connection, for the benchmark's own work (imports, VACUUM ANALYZE, checks). */
  url: string;
  /** The app's (embedded: the runtime role), for the app processes it measures. */
  appUrl: string;
  embedded: boolean;
  /** Where the generated file and (embedded) cluster live. */
  workDir: string;
  /** The embedded cluster's directory (undefined with BENCH_DATABASE_URL), for its processes' CPU time. */
  pgDir?: string;
  serverVersion: string;
  close(options: { keep: boolean }): Promise<void>;
}

export async function openBenchDatabase(log: (message: string) => void): Promise<BenchDatabase> {
  const settings = benchConfig();
  const kept = settings.dataDir;
  if (kept !== undefined && !fs.existsSync(path.join(kept, 'data', 'pg', 'PG_VERSION')))
    throw new Error(`BENCH_DATA_DIR=${kept} is not a directory kept by \`npm run bench -- --keep\` (no data/pg in it)`);
  const base = settings.workDir;
  fs.mkdirSync(base, { recursive: true });
  const workDir = kept ?? fs.mkdtempSync(path.join(base, 'deepvalue-bench-'));
  fs.chmodSync(workDir, 0o755);
  const external = settings.databaseUrl;
  const handle = external
    ? { url: external, ownerUrl: external, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: path.join(workDir, 'data'), log, exclusive: true });
  await prepareSchema(handle.ownerUrl, handle.url, log);
  const client = new pg.Client({ connectionString: handle.ownerUrl });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
  // On a Citus cluster (BENCH_DATABASE_URL at its coordinator) the figures say so.
  // pg_dist_node exists only with the extension, so it is read only once the extension is known.
  const extension = await client.query<{ extversion: string }>(
    `SELECT extversion FROM pg_extension WHERE extname = 'citus'`,
  );
  const citus = extension.rows[0]
    ? await client.query<{ citus: string }>(
        `SELECT format('%s + Citus %s, %s workers', current_setting('server_version'), $1::text,
                       (SELECT count(*) FROM pg_dist_node WHERE noderole = 'primary' AND groupid > 0)) AS citus`,
        [extension.rows[0].extversion],
      )
    : { rows: [] as Array<{ citus: string }> };
  await client.end();
  return {
    url: handle.ownerUrl,
    appUrl: handle.url,
    embedded: !external,
    workDir,
    pgDir: external ? undefined : path.join(workDir, 'data', 'pg'),
    serverVersion: citus.rows[0]?.citus ?? rows[0].server_version,
    async close({ keep }) {
      await handle.stop();
      if (keep || kept) log(`Kept the benchmark data in ${workDir}`);
      else fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}
