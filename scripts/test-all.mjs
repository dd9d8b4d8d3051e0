// `npm test`: build, typecheck, lint, then every test runner — backend Jest (real PostgreSQL),
// frontend Vitest, browser journeys in Chromium (Playwright) — and a closing line summing them:
// "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'deepvalue-test-results-'));
const results = [];
let failedSteps = [];

function run(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`=== ${name}: exit ${result.status} after ${seconds} s`);
  if (result.status !== 0) failedSteps.push(name);
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const only = process.argv.slice(2);
const wants = (step) => only.length === 0 || only.includes(step);

if (wants('build')) run('build', 'npm', ['run', 'build']);
if (wants('typecheck')) run('typecheck', 'npm', ['run', 'typecheck']);
if (wants('lint')) run('lint', 'npm', ['run', 'lint']);

if (wants('backend')) {
  const file = path.join(out, 'jest.json');
  run('backend', 'node', [
    '--experimental-vm-modules',
    'node_modules/jest/bin/jest.js',
    '--config',
    'backend/jest.config.mjs',
    '--json',
    `--outputFile=${file}`,
  ]);
  const json = readJson(file);
  results.push({
    runner: 'backend (jest)',
    passed: json?.numPassedTests ?? 0,
    failed: json ? json.numFailedTests + json.numRuntimeErrorTestSuites : 1,
  });
}
if (wants('frontend')) {
  const file = path.join(out, 'vitest.json');
  run('frontend', 'npx', [
    'vitest',
    'run',
    '--root',
    'frontend',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  const json = readJson(file);
  results.push({
    runner: 'frontend (vitest)',
    passed: json?.numPassedTests ?? 0,
    failed: json ? json.numFailedTests : 1,
  });
}
if (wants('e2e')) {
  const file = path.join(out, 'playwright.json');
  run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  const json = readJson(file);
  const stats = json?.stats;
  results.push({
    runner: 'e2e (playwright)',
    passed: stats?.expected ?? 0,
    failed: stats ? stats.unexpected + (stats.flaky ?? 0) : 1,
  });
}

console.log('\n=== Summary');
for (const r of results) console.log(`${r.runner}: ${r.passed} passed, ${r.failed} failed`);
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && failedSteps.length === 0 ? 0 : 1);
