/**
 * Casework exported as CSV and XLSX: the columns a spreadsheet user expects, totals checked against
 * the generated document, and the workbook imports again through the spreadsheet import with the
 * proposed mapping, changing nothing (the JSON export before and after is the same).
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createHarness, type Harness, type TestUser } from '../../../test/harness.js';
import { generateDocument } from '../generator.js';
import type { ImportDocument } from '../import-format.js';
import {
  dryRunSheet,
  exported,
  exportedWorkbook,
  importDocument,
  importSheet,
  uploadSheet,
} from '../../../test/sheet-calls.js';

let h: Harness;
let manager: TestUser;
let doc: ImportDocument;

beforeAll(async () => {
  h = await createHarness();
  manager = await h.makeUser((await h.makeOrganisation()).id, 'manager');
  doc = generateDocument({ cases: 40, seed: 17 }) as ImportDocument;
  await importDocument(h, manager, doc);
});
afterAll(() => h.close());

it('exports one row per case with its sessions and minutes added up, and one row per time entry', async () => {
  const cases = await h
    .as(manager)
    .get('/api/exports/casework?format=csv')
    .expect(200)
    .expect('Content-Type', /text\/csv/);
  const rows: Array<Record<string, string>> = parse(cases.text, { bom: true, columns: true });
  expect(Object.keys(rows[0]).slice(0, 4)).toEqual([
    'Case reference',
    'Client reference',
    'Client first name',
    'Client last name',
  ]);
  expect(rows.map((r) => r['Case reference']).sort()).toEqual(doc.cases.map((c) => c.ref).sort());
  for (const c of doc.cases) {
    const row = rows.find((r) => r['Case reference'] === c.ref)!;
    const entries = c.timeEntries ?? [];
    expect([row['Sessions'], row['Total minutes'], row['Relationship minutes']]).toEqual([
      String(entries.length),
      String(entries.reduce((n, t) => n + t.minutes, 0)),
      String(entries.filter((t) => t.class === 'relationship').reduce((n, t) => n + t.minutes, 0)),
    ]);
    expect(row['Date opened']).toBe(c.openedOn);
    expect(row['Confidence at intake (1–5)']).toBe(c.confidenceAtIntake == null ? '' : String(c.confidenceAtIntake));
  }
  expect(doc.cases.some((c) => c.confidenceAtIntake != null)).toBe(true);
  const entries = await h.as(manager).get('/api/exports/casework?format=csv-time-entries').expect(200);
  const entryRows: Array<Record<string, string>> = parse(entries.text, { bom: true, columns: true });
  expect(entryRows).toHaveLength(doc.cases.reduce((n, c) => n + (c.timeEntries?.length ?? 0), 0));
  expect(Object.keys(entryRows[0])).toEqual([
    'Case reference',
    'Date of the work',
    'Adviser who did the work',
    'Minutes',
    'Kind of time',
    'Activity',
    'Mode',
    'Note',
  ]);
  await h.as(manager).get('/api/exports/casework?format=pdf').expect(400);
});

it('exports a workbook that imports again unchanged with the proposed mapping', async () => {
  const before = await exported(h, manager, 'ndjson');
  const bytes = await exportedWorkbook(h, manager);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never); // exceljs types an older Buffer
  expect(workbook.worksheets.map((w) => [w.name, w.rowCount])).toEqual([
    ['Cases', doc.cases.length + 1],
    ['Time entries', doc.cases.reduce((n, c) => n + (c.timeEntries?.length ?? 0), 0) + 1],
    // The generator writes no notes, key dates or parties: their sheets have only headers (sheet-records.e2e fills them).
    ['Notes', 1],
    ['Key dates', 1],
    ['Parties', 1],
  ]);
  expect(workbook.getWorksheet('Cases')!.getRow(2).getCell(11).value).toBeInstanceOf(Date);

  const inspection = await uploadSheet(h, manager, bytes, { type: 'application/octet-stream' });
  expect(inspection.proposal.timeEntries?.sheet).toBe('Time entries');
  expect(Object.values(inspection.proposal.cases.columns).filter((k) => k === null)).toHaveLength(3); // the totals
  const dry = await dryRunSheet(h, manager, inspection.uploadId, inspection.proposal);
  expect(dry.problems).toEqual([]);
  expect(dry).toMatchObject({ newCases: 0, updatedCases: doc.cases.length, timeEntriesRemoved: 0 });
  const job = await importSheet(h, manager, inspection.uploadId, inspection.proposal);
  expect(job.status).toBe('succeeded');
  const after = await exported(h, manager, 'ndjson');
  expect(after.split('\n').slice(1)).toEqual(before.split('\n').slice(1));
});
