/**
 * Every route in the OpenAPI document, as every role, given input no route can store or should
 * walk: JSON nested 5,000 deep, a NUL byte in each path and query parameter, and a body that is not
 * valid UTF-8. Each answers 400 with a plain message (never 5xx), and the server keeps answering.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { makeStaffedOrganisation } from '../../test/factories.js';
import { NOT_UTF8, NUL_IN_TEXT, TOO_DEEP } from './hostile-input.js';

interface Parameter {
  name: string;
  in: string;
}
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** They end the caller's session, so every later request of the walk would be a 401. */
const SKIPPED = new Set(['POST /api/auth/sign-out', 'POST /api/auth/sign-out-everywhere']);
/** Its body is not parsed as a request: it is spooled and read by the import (see import-upload.e2e.spec.ts). */
const UPLOAD = 'POST /api/imports';
const SHEET_UPLOAD = 'POST /api/imports/spreadsheets';
/** Its body is a file's bytes, read only once sign-in, role and case are accepted (documents.e2e.spec.ts). */
const DOCUMENT_UPLOAD = 'POST /api/cases/{id}/documents';

const DEEP = 5_000;
const NESTED_BODIES = ['['.repeat(DEEP) + ']'.repeat(DEEP), '{"a":'.repeat(DEEP) + '0' + '}'.repeat(DEEP)];
/** A JSON object whose string holds bytes that are not UTF-8 (a lone continuation byte, then 0xFF). */
const NOT_UTF8_BODY = Buffer.concat([Buffer.from('{"name": "Ma'), Buffer.from([0x80, 0xff]), Buffer.from('ria"}')]);

describe('every route in the OpenAPI document, given hostile JSON, NUL bytes and invalid UTF-8', () => {
  let h: Harness;
  let users: TestUser[];
  let routes: Array<{ method: Method; template: string; params: Parameter[] }>;

  beforeAll(async () => {
    h = await createHarness();
    const staff = await makeStaffedOrganisation(h);
    users = [staff.adviser, staff.manager, staff.admin];
    const openApi = (await h.http().get('/api/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: Parameter[] }>>;
    };
    routes = Object.entries(openApi.paths).flatMap(([template, operations]) =>
      Object.entries(operations)
        .filter(([method]) => !SKIPPED.has(`${method.toUpperCase()} ${template}`))
        .map(([method, operation]) => ({ method: method as Method, template, params: operation.parameters ?? [] })),
    );
  });
  afterAll(async () => {
    await h.close();
  });

  const pathOf = (template: string, nulIn?: string) =>
    template.replace(/\{([^}]+)\}/g, (_, name: string) => (name === nulIn ? 'a%00b' : randomUUID()));

  const send = (user: TestUser | undefined, method: Method, url: string, body?: string | Buffer) => {
    const call = user ? h.as(user)[method](url) : h.http()[method](url);
    if (body === undefined) return call;
    // superagent would write a Buffer from this test's realm as JSON ({"type":"Buffer",…}): pass it through.
    return call
      .set('Content-Type', 'application/json')
      .serialize((raw: unknown) => raw as string)
      .send(body);
  };

  function expectRefused(
    res: { status: number; body: { code?: string; errors?: Array<{ message: string }> } },
    what: string,
    message: string,
  ) {
    if (res.status >= 500) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    expect({ what, status: res.status, code: res.body.code, message: res.body.errors?.[0]?.message }).toEqual({
      what,
      status: 400,
      code: 'validation',
      message,
    });
  }

  it('has routes to walk', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.map((r) => `${r.method.toUpperCase()} ${r.template}`)).toEqual(
      expect.arrayContaining(['POST /api/auth/sign-in', 'GET /api/audit', 'POST /api/shares', UPLOAD]),
    );
  });

  it('answers 400 to a NUL byte in any path or query parameter, signed in or not', async () => {
    for (const { method, template, params } of routes) {
      const targets = params.filter((p) => p.in === 'path' || p.in === 'query');
      // A route without parameters gets one it does not know: the URL is refused before routing.
      const cases = targets.length ? targets : [{ name: 'unknown', in: 'query' }];
      for (const p of cases) {
        const url = p.in === 'path' ? pathOf(template, p.name) : `${pathOf(template)}?${p.name}=a%00b`;
        for (const user of [undefined, ...users]) {
          const res = await send(user, method, url);
          expectRefused(res, `${method.toUpperCase()} ${url} as ${user?.role ?? 'nobody'}`, NUL_IN_TEXT);
        }
      }
      await h.http().get('/api/health').expect(200);
    }
  }, 300_000);

  it(`answers 400 to JSON nested ${DEEP.toLocaleString('en-GB')} deep and to a body that is not UTF-8, on every route`, async () => {
    for (const { method, template } of routes) {
      const name = `${method.toUpperCase()} ${template}`;
      for (const user of [undefined, ...users]) {
        const url = pathOf(template);
        const who = `${name} as ${user?.role ?? 'nobody'}`;
        if (name === UPLOAD || name === SHEET_UPLOAD) {
          // Read only after sign-in; a manager's upload that is not UTF-8 is refused as it arrives
          // (a spreadsheet once spooled: a workbook is binary, CSV must be UTF-8).
          const res = await send(user, method, url, NOT_UTF8_BODY);
          if (res.status >= 500) throw new Error(`${who}: ${res.status}`);
          if (user?.role === 'manager') expect(res.status).toBe(400);
          continue;
        }
        if (name === DOCUMENT_UPLOAD) {
          // Never parsed as JSON: refused before a byte is read, for nobody (401) or a case that is not there.
          for (const body of [...NESTED_BODIES, NOT_UTF8_BODY]) {
            const { status } = await send(user, method, `${url}?fileName=hostile.pdf`, body);
            expect({ who, status }).toEqual({ who, status: user ? 404 : 401 });
          }
          continue;
        }
        for (const body of NESTED_BODIES) expectRefused(await send(user, method, url, body), `${who} nested`, TOO_DEEP);
        expectRefused(await send(user, method, url, NOT_UTF8_BODY), `${who} not UTF-8`, NOT_UTF8);
      }
      await h.http().get('/api/health').expect(200);
    }
  }, 300_000);

  it('refuses \\u0000 inside JSON text (e.g. a share) and stores nothing for a refused body', async () => {
    const [adviser, , admin] = users;
    expectRefused(
      await send(admin, 'post', '/api/shares', JSON.stringify({ commissionerRef: 'commissioner\u0000' })),
      'POST /api/shares',
      NUL_IN_TEXT,
    );
    expectRefused(
      await send(adviser, 'post', '/api/clients', JSON.stringify({ firstName: 'Nul\u0000', lastName: 'Byte' })),
      'POST /api/clients NUL',
      NUL_IN_TEXT,
    );
    const notUtf8 = Buffer.concat([
      Buffer.from('{"firstName": "Ma'),
      Buffer.from([0xff]),
      Buffer.from('ria", "lastName": "Bad"}'),
    ]);
    expectRefused(await send(adviser, 'post', '/api/clients', notUtf8), 'POST /api/clients not UTF-8', NOT_UTF8);
    const [{ n }] = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM clients WHERE organisation_id = $1 AND last_name IN ('Byte', 'Bad')`,
      [adviser.organisationId],
    );
    expect(n).toBe(0);
    // the escape of a backslash followed by "u0000" is ordinary text, and is kept
    const created = await send(
      adviser,
      'post',
      '/api/clients',
      '{"firstName": "back\\\\u0000slash", "lastName": "Ok"}',
    );
    expect(created.status).toBe(201);
    expect(created.body.firstName).toBe('back\\u0000slash');
  });
});
