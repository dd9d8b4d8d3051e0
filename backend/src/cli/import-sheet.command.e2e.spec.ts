/**
 * `npm run deepvalue -- import FILE.csv --mapping MAPPING.json [--dry-run]` (the built CLI; build
 * first with `npx tsc -b shared backend`) against a test database: the dry run lists problems on
 * their rows and writes nothing; the import writes the cases once, however often it is run.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { SHEET_MAPPING_FORMAT } from '@deepvalue/shared';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertCliBuilt, runCli } from '../../test/cli.js';
import { createHarness, type Harness } from '../../test/harness.js';

let h: Harness;
let dir: string;
let org: { id: string; ref: string };

beforeAll(async () => {
  assertCliBuilt();
  h = await createHarness();
  org = await h.makeOrganisation();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-sheet-cli-'));
  fs.writeFileSync(
    path.join(dir, 'mapping.json'),
    JSON.stringify({
      format: SHEET_MAPPING_FORMAT,
      cases: {
        columns: {
          Ref: 'case.ref',
          Name: 'client.name',
          Area: 'case.category',
          Opened: 'case.openedOn',
          Adviser: 'case.leadAdviser',
          Date: 'time.on',
          Minutes: 'time.minutes',
        },
      },
      defaults: { 'case.fundingStream': 'grant', 'time.mode': 'phone' },
    }),
  );
});
afterAll(async () => {
  await h?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sheet = (minutes: string) =>
  `Ref,Name,Area,Opened,Adviser,Date,Minutes\nK-1,Ana Ruiz,Debt,06/01/2025,Sam Okafor,06/01/2025,${minutes}\nK-1,Ana Ruiz,Debt,06/01/2025,Sam Okafor,08/01/2025,20\n`;
const cases = async () =>
  (
    await h.dataSource.query(
      `SELECT c.ref, sum(t.minutes)::int AS minutes, count(t.id)::int AS entries FROM cases c JOIN time_entries t ON t.organisation_id = c.organisation_id AND t.case_id = c.id
        WHERE c.organisation_id = $1 GROUP BY c.ref`,
      [org.id],
    )
  ).map((r: object) => ({ ...r }));

it('dry-runs with row and column problems, then imports once however often it is run', async () => {
  const file = path.join(dir, 'cases.csv');
  const mapping = path.join(dir, 'mapping.json');
  fs.writeFileSync(file, sheet('1h30'));
  const dry = await runCli(['import', file, '--mapping', mapping, '--org', org.ref, '--dry-run'], { url: h.db.url });
  expect(dry.stderr).toContain("Row 2, column 'Minutes': '1h30' is not a number of minutes — write 90");
  expect(dry.code).toBe(1);
  expect(await cases()).toEqual([]);

  fs.writeFileSync(file, sheet('90'));
  const ok = await runCli(['import', file, '--mapping', mapping, '--org', org.ref, '--dry-run'], { url: h.db.url });
  expect(ok.stderr).toContain('1 case(s) (1 new, 0 to update) with 2 time entries');
  expect(ok.code).toBe(0);
  expect(await cases()).toEqual([]);

  for (let i = 0; i < 2; i++) {
    const done = await runCli(['import', file, '--mapping', mapping, '--org', org.ref], { url: h.db.url });
    expect(done.code).toBe(0);
  }
  expect(await cases()).toEqual([{ ref: 'K-1', minutes: 110, entries: 2 }]);
}, 180_000); // four CLI processes, each starting Node and Nest: over a minute on a busy machine

it('exports the casework for a spreadsheet: a workbook and a CSV of cases', async () => {
  const xlsx = path.join(dir, 'out.xlsx');
  const csv = path.join(dir, 'out.csv');
  expect((await runCli(['export', '--org', org.ref, '--out', xlsx], { url: h.db.url })).code).toBe(0);
  expect((await runCli(['export', '--org', org.ref, '--out', csv], { url: h.db.url })).code).toBe(0);
  expect(fs.readFileSync(xlsx).readUInt32LE(0)).toBe(0x04034b50); // a zip
  const lines = fs
    .readFileSync(csv, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toMatch(/^Case reference,Client reference,/);
  expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['K-1']);
}, 180_000);
