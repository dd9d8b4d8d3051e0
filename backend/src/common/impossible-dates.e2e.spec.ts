import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { makeStaffedOrganisation } from '../../test/factories.js';

const IMPOSSIBLE_DATES = ['2025-02-30', '2025-13-01', '0000-00-00'];

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { format?: string; type?: string };
}

/** A date parameter is one the document says is a date: format date, or described as YYYY-MM-DD. */
function isDate(p: Parameter): boolean {
  return p.schema?.format === 'date' || /YYYY-MM-DD/.test(p.description ?? '');
}

describe('every date parameter in the OpenAPI document, given an impossible date', () => {
  let h: Harness;
  let users: TestUser[];

  beforeAll(async () => {
    h = await createHarness();
    const staff = await makeStaffedOrganisation(h);
    // A commissioner too: some report routes (the by-band screen) are theirs alone.
    const funder = await h.makeOrganisation({ kind: 'commissioner' });
    users = [staff.adviser, staff.manager, staff.admin, await h.makeUser(funder.id, 'commissioner')];
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers 400 (never 5xx) as every role that can reach it, and the server keeps answering', async () => {
    const openApi = (await h.http().get('/api/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: Parameter[] }>>;
    };
    const refused = new Set<string>();
    const checked = new Set<string>();
    for (const [template, operations] of Object.entries(openApi.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (method !== 'get') continue;
        const params = operation.parameters ?? [];
        const dates = params.filter((p) => p.in === 'query' && isDate(p));
        if (dates.length === 0) continue;
        const path = template.replace(/\{[^}]+\}/g, () => randomUUID());
        for (const date of dates) {
          for (const bad of IMPOSSIBLE_DATES) {
            const query: Record<string, string> = {};
            // Other required dates get a real one so only the impossible date is wrong.
            for (const p of dates) if (p.required) query[p.name] = '2025-01-06';
            query[date.name] = bad;
            const key = `${method.toUpperCase()} ${template} ${date.name}`;
            checked.add(key);
            for (const user of users) {
              const res = await h.as(user).get(path).query(query);
              if (res.status >= 500) throw new Error(`${key}=${bad} as ${user.role}: ${res.status}`);
              // A role that cannot reach the route is refused (403) before its input is read.
              expect([400, 403]).toContain(res.status);
              if (res.status === 400) refused.add(key);
            }
            await h.http().get('/api/health').expect(200);
          }
        }
      }
    }
    expect(checked.size).toBeGreaterThanOrEqual(4);
    expect([...checked].filter((key) => !refused.has(key))).toEqual([]);
    expect(checked).toContain('GET /api/reports/measures from');
    expect(checked).toContain('GET /api/audit/export from');
  }, 300_000);
});
