import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { makeStaffedOrganisation } from '../../test/factories.js';
import { makeFuzzTargets, realIdsFor, type FuzzIds } from './testing/fuzz-fixture.js';
import { fuzzEveryRoute } from './testing/fuzz-routes.js';

/** The long fuzz: 20 generated requests per route and role (fuzz.e2e.spec.ts runs 3 in `npm test`). */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 20);

describe('every route in the OpenAPI document, given many generated bad inputs', () => {
  let h: Harness;
  let users: TestUser[];
  let ids: FuzzIds;

  beforeAll(async () => {
    h = await createHarness();
    const staff = await makeStaffedOrganisation(h);
    users = [staff.adviser, staff.manager];
    const poster = (user: TestUser) => async (path: string, body: object) =>
      (await h.as(user).post(path).send(body).expect(201)).body;
    const upload = async (path: string, content: Buffer) =>
      (await h.as(staff.adviser).post(path).set('Content-Type', 'application/octet-stream').send(content).expect(201))
        .body;
    ids = await makeFuzzTargets(
      poster(staff.adviser),
      poster(staff.manager),
      [staff.adviser.id, staff.manager.id, staff.admin.id],
      upload,
    );
  });
  afterAll(async () => {
    await h.close();
  });

  it(`never answers 5xx and never half-writes (${RUNS_PER_ROUTE} requests per route and role)`, async () => {
    const openApi = (await h.http().get('/api/openapi.json').expect(200)).body;
    const report = await fuzzEveryRoute({
      runs: RUNS_PER_ROUTE,
      users,
      dataSource: h.dataSource,
      openApi,
      realIds: realIdsFor(ids),
      send: async (user, method, url, body) => {
        const raw = body.raw ?? (body.json === undefined ? undefined : JSON.stringify(body.json));
        const call = h.as(user)[method](url);
        const res = await (raw === undefined ? call : call.set('Content-Type', 'application/json').send(raw));
        return { status: res.status, body: res.body };
      },
    });
    process.stderr.write(
      `fuzz: ${report.requests} requests over ${report.operations} operations; statuses ${JSON.stringify(report.statuses)}\n`,
    );
    expect(Object.keys(report.statuses).filter((s) => Number(s) >= 500)).toEqual([]);
  }, 900_000);
});
