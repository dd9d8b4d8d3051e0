/**
 * The served API description passes Redocly's recommended rules with no error and no warning, and
 * says who may call each route and how each can fail.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import { createHarness, type Harness } from '../../test/harness.js';

const REDOCLY = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

interface Problem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

let h: Harness;
let document: OpenAPIObject;
let dir: string;

beforeAll(async () => {
  h = await createHarness();
  document = (await h.http().get('/api/openapi.json').expect(200)).body as OpenAPIObject;
  dir = mkdtempSync(path.join(tmpdir(), 'dv-openapi-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await h.close();
});

function operations(): [string, string, OperationObject][] {
  return Object.entries(document.paths).flatMap(([route, item]) =>
    Object.entries(item as Record<string, OperationObject>).map(
      ([method, op]) => [method, route, op] as [string, string, OperationObject],
    ),
  );
}

describe('the API description', () => {
  it('passes `redocly lint` (recommended rules) with 0 errors and 0 warnings', async () => {
    const file = path.join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    // The CLI exits 1 when there are errors; its JSON report is on stdout either way.
    const stdout = await promisify(execFile)(
      process.execPath,
      [REDOCLY, 'lint', file, '--format=json', '--max-problems=1000'],
      { cwd: dir, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    ).then(
      (r) => r.stdout,
      (e: { stdout: string }) => e.stdout,
    );
    const { problems } = JSON.parse(stdout) as { problems: Problem[] };
    expect(problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
  }, 120_000);

  it('marks public routes `security: []` and the rest cookie or bearer', () => {
    const open = operations()
      .filter(([, , op]) => op.security?.length === 0)
      .map(([method, route]) => `${method.toUpperCase()} ${route}`)
      .sort();
    expect(open).toEqual([
      'GET /api/feedback-links/{token}',
      'GET /api/health',
      'POST /api/auth/set-password',
      'POST /api/auth/sign-in',
      'POST /api/feedback-links/{token}',
    ]);
    for (const [method, route, op] of operations()) {
      if (op.security?.length === 0) continue;
      expect([`${method} ${route}`, op.security]).toEqual([`${method} ${route}`, [{ cookie: [] }, { bearer: [] }]]);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
    }
  });

  it('documents the error responses with the error body', () => {
    for (const [method, route, op] of operations()) {
      const statuses = Object.keys(op.responses);
      const expected = ['400', '503'];
      if (route.includes('{')) expected.push('404');
      if (method !== 'get') expected.push('409', '422');
      expect([`${method} ${route}`, statuses]).toEqual([`${method} ${route}`, expect.arrayContaining(expected)]);
    }
    const signIn = document.paths['/api/auth/sign-in'].post!.responses;
    expect(signIn['429']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
    });
    // Records named outside the path, and the few failures particular to one route.
    expect(Object.keys(document.paths['/api/reports/pricing'].get!.responses)).toContain('404');
    expect(Object.keys(document.paths['/api/time-entries/quick'].post!.responses)).toContain('404');
    expect(Object.keys(document.paths['/api/evidence-packs/preview'].get!.responses)).toContain('422');
    expect(Object.keys(document.paths['/api/imports'].post!.responses)).toContain('413');
    expect(document.components?.schemas?.ErrorBody).toMatchObject({ required: ['code', 'errors'] });
  });
});
