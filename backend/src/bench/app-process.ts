/**
 * Runs the built app (`node backend/dist/main.js`) as a child process, as `npm start` does: for
 * load tests against a real HTTP server, start-up timings and the resilience tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { freePort } from '../database/embedded-postgres.js';
import { benchConfig } from '../config/bench-config.js';
import { REPO_ROOT } from '../config/config.js';

export const MAIN_JS = path.join(REPO_ROOT, 'backend', 'dist', 'main.js');

/** A SECRETS_KEY for a run of the app in production mode that keeps no two-factor secrets worth keeping. */
export const throwawaySecretsKey = (): string => randomBytes(32).toString('base64');

export interface AppProcess {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn until /api/health answered 200. */
  readyMs: number;
  /** The end of what the process wrote to stderr (start-up messages, errors). */
  stderr(): string;
  /** The end of its stdout (JSON logs), when spawned with keepStdout. */
  stdout(): string;
  /** SIGTERM (as Ctrl-C would) and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL, as `kill -9`. */
  kill(): Promise<void>;
}

export interface SpawnOptions {
  /** Environment added to a clean one (PATH and HOME kept; no DATABASE_URL unless given). */
  env: Record<string, string>;
  readyTimeoutMs?: number;
  /** Keep the app's stdout (JSON request logs) instead of discarding it. */
  keepStdout?: boolean;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function waitForHealth(url: string, timeoutMs: number, isDead: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (isDead()) throw new Error('the app exited before it was ready');
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`the app did not report healthy within ${timeoutMs} ms`);
}

export async function spawnApp(options: SpawnOptions): Promise<AppProcess> {
  const port = Number(options.env.PORT ?? (await freePort()));
  const env: Record<string, string> = {
    ...benchConfig().inherited,
    HOST: '127.0.0.1',
    LOG_PRETTY: '0',
    ...options.env,
    PORT: String(port),
  };
  const started = Date.now();
  // e.g. BENCH_APP_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to see where the app's CPU goes.
  const nodeArgs = benchConfig().appNodeArgs;
  const child = spawn(process.execPath, [...nodeArgs, MAIN_JS], {
    env,
    cwd: REPO_ROOT,
    stdio: ['ignore', options.keepStdout ? 'pipe' : 'ignore', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout = (stdout + chunk.toString()).slice(-5_000_000);
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, options.readyTimeoutMs ?? 60_000, () => child.exitCode !== null);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${stderr}`, { cause: error });
  }
  return {
    url,
    child,
    readyMs: Date.now() - started,
    stderr: () => stderr,
    stdout: () => stdout,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited(child);
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited(child);
    },
  };
}
