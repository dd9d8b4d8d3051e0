/**
 * The built CLI as the CLI specs run it (`npx tsc -b shared backend` first): a child process against
 * a test database, its exit code and what it wrote.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../src/config/config.js';

export const CLI = path.join(REPO_ROOT, 'backend/dist/cli/main.js');

/** For a spec's beforeAll: a missing build fails with what to run, not with a spawn error. */
export function assertCliBuilt(): void {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx tsc -b shared backend\` first`);
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node backend/dist/cli/main.js ...args`. With `appUrl` the CLI connects as the app's role and
 * migrates as the owner (`url`), as `npm start` does; without, it uses `url` for both.
 */
export function runCli(args: string[], db: { url: string; appUrl?: string }): Promise<CliRun> {
  const urls =
    db.appUrl === undefined ? { DATABASE_URL: db.url } : { DATABASE_URL: db.appUrl, DATABASE_OWNER_URL: db.url };
  return new Promise((resolve, reject) => {
    const child = spawn('node', [CLI, ...args], {
      env: { ...process.env, ...urls, LOG_LEVEL: 'warn', LOG_PRETTY: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
