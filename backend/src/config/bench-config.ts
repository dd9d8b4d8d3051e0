/**
 * The bench's settings (`npm run bench`, docs/benchmarks.md), read from the environment once, on first
 * use. The bench is a tool beside the app, so they are not in AppConfig; like the app's, they are read
 * here and nowhere else.
 */
import os from 'node:os';

export interface BenchConfig {
  /** BENCH_DATA_DIR: a directory kept by `npm run bench -- --keep`, measured again without regenerating. */
  dataDir: string | undefined;
  /** BENCH_WORK_DIR: where generated files and databases go (the system temporary directory by default). */
  workDir: string;
  /** BENCH_DATABASE_URL: an external PostgreSQL (e.g. a Citus coordinator) instead of the embedded one. */
  databaseUrl: string | undefined;
  /** BENCH_APP_NODE_ARGS: Node flags for the app the bench starts, e.g. '--cpu-prof --cpu-prof-dir=DIR'. */
  appNodeArgs: string[];
  /** CHROMIUM_PATH: the browser the dashboard step drives (/usr/bin/chromium by default). */
  chromiumPath: string;
  /** PATH and HOME, passed on to the app the bench starts (nothing else of the bench's environment is). */
  inherited: { PATH: string; HOME: string };
}

export function loadBenchConfig(env: NodeJS.ProcessEnv): BenchConfig {
  return {
    dataDir: env.BENCH_DATA_DIR,
    workDir: env.BENCH_WORK_DIR ?? os.tmpdir(),
    databaseUrl: env.BENCH_DATABASE_URL,
    appNodeArgs: (env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean),
    chromiumPath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    inherited: { PATH: env.PATH ?? '', HOME: env.HOME ?? '' },
  };
}

let read: BenchConfig | undefined;

/** The bench's settings, read from process.env the first time they are asked for. */
export function benchConfig(): BenchConfig {
  read ??= loadBenchConfig(process.env);
  return read;
}
