/**
 * The embedded database's life cycle with the real built app: first start, a kill -9 of the app
 * (which orphans PostgreSQL), and a second start that finds and stops the orphan; the CLI joins a
 * running app's server instead of starting a second one.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../config/config.js';
import { freePort, isAlive, readPostmasterPid } from './embedded-postgres.js';

const MAIN = path.join(REPO_ROOT, 'backend/dist/main.js');
const CLI = path.join(REPO_ROOT, 'backend/dist/cli/main.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deepvalue-restart-'));
fs.chmodSync(dataDir, 0o755);
const children: ChildProcess[] = [];

async function startApp(port: number): Promise<ChildProcess> {
  const child = spawn('node', [MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      DEEPVALUE_DATA_DIR: dataDir,
      DEMO_DATA: '0',
      LOG_LEVEL: 'warn',
      LOG_PRETTY: '0',
      DATABASE_URL: '',
    },
    stdio: 'ignore',
  });
  children.push(child);
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('app did not become healthy');
}

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  const orphan = readPostmasterPid(path.join(dataDir, 'pg'));
  if (orphan) process.kill(orphan.pid, 'SIGINT');
  await new Promise((r) => setTimeout(r, 1000));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded PostgreSQL life cycle', () => {
  it('starts, survives a kill -9 of the app, stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const first = await startApp(port);
    const pg1 = readPostmasterPid(path.join(dataDir, 'pg'));
    expect(pg1).toBeDefined();

    // While the app runs, the CLI joins its PostgreSQL rather than starting another.
    const cli = spawnSync('node', [CLI, 'migrate'], {
      env: { ...process.env, DEEPVALUE_DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30000,
    });
    expect(cli.status).toBe(0);
    expect(readPostmasterPid(path.join(dataDir, 'pg'))?.pid).toBe(pg1!.pid);

    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    expect(isAlive(pg1!.pid)).toBe(true); // orphaned

    const second = await startApp(port);
    const pg2 = readPostmasterPid(path.join(dataDir, 'pg'));
    expect(pg2!.pid).not.toBe(pg1!.pid);
    expect(isAlive(pg1!.pid)).toBe(false);

    second.kill('SIGTERM');
    await new Promise((r) => second.once('exit', r));
    expect(isAlive(pg2!.pid)).toBe(false);
  });
});
