/**
 * `npm run deepvalue -- contract-report --org REF --month YYYY-MM --out FILE` (the built CLI; build
 * first with `npx tsc -b shared backend`): the same file as the API's download, problems on stderr.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeCase } from '../../test/factories.js';
import { assertCliBuilt, runCli } from '../../test/cli.js';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';

let h: Harness;
let dir: string;
let org: { id: string; ref: string };
let manager: TestUser;

beforeAll(async () => {
  assertCliBuilt();
  h = await createHarness();
  org = await h.makeOrganisation();
  manager = await h.makeUser(org.id, 'manager');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-contract-cli-'));
});
afterAll(async () => {
  await h?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('writes the API’s file, lists the problems and exits 3 while there are any', async () => {
  const out = path.join(dir, 'report.csv');
  await makeCase(h, manager, { ref: 'NO-DETAILS', openedOn: '2025-03-04' });
  const first = await runCli(['contract-report', '--org', org.ref, '--month', '2025-03', '--out', out], {
    url: h.db.url,
  });
  expect(first.code).toBe(3);
  expect(first.stderr).toContain("Problem: The organisation's LAA office account number is not recorded");
  expect(first.stderr).toContain(
    'Problem: Case NO-DETAILS (opened 4 March 2025): is legal aid funded but has no legal aid details',
  );
  const api = await h.as(manager).get('/api/exports/contract-report?month=2025-03').expect(200);
  expect(fs.readFileSync(out, 'utf8')).toBe(api.text);

  const bad = await runCli(['contract-report', '--org', org.ref, '--month', '2025-3', '--out', out], { url: h.db.url });
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--month must be a month written YYYY-MM');

  await h.dataSource.query(
    `UPDATE organisations SET settings = settings || '{"legalAidOfficeAccount": "0U099L", "legalAidScheduleRef": "0U099L/2025/01"}' WHERE id = $1`,
    [org.id],
  );
  const empty = await runCli(['contract-report', '--org', org.ref, '--month', '2025-04', '--out', out], {
    url: h.db.url,
  });
  expect(empty.code).toBe(0);
  expect(fs.readFileSync(out, 'utf8')).toBe(
    'OFFICE,account=0U099L\r\nSCHEDULE,submissionPeriod=APR-2025,areaOfLaw=LEGAL HELP,scheduleNum=0U099L/LEGAL_HELP\r\n',
  );
}, 90_000);
