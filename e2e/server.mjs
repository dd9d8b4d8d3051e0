// Starts the built app for the browser tests on a fresh embedded database with demo data
// (or on E2E_DATABASE_URL / DATABASE_URL when given), and removes the data afterwards.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deepvalue-e2e-'));
fs.chmodSync(dataDir, 0o755);
const env = {
  ...process.env,
  DEEPVALUE_DATA_DIR: dataDir,
  DEMO_DATA: '1',
  LOG_LEVEL: 'warn',
  LOG_PRETTY: '0',
  DEMO_CASES: process.env.DEMO_CASES ?? '600',
};
// Deprecations are errors here, so a pattern pg@9 will remove (two queries at once on one connection) fails a journey.
const child = spawn('node', ['--throw-deprecation', path.join(root, 'backend/dist/main.js')], {
  env,
  stdio: 'inherit',
});
const stop = (signal) => child.kill(signal);
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
child.on('exit', (code) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
