/**
 * Case notes, key dates and parties in the spreadsheet export and import, against a real database:
 * the workbook carries them as sheets of their own and imports again adding nothing; the CSV files
 * (one per table) are read back too, a new row adding one record, a bad cell named by row and column.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { SheetMapping } from '@deepvalue/shared';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createHarness, type Harness, type TestUser } from '../../../test/harness.js';
import { generateDocument } from '../generator.js';
import type { ImportDocument } from '../import-format.js';
import {
  dryRunSheet,
  exported as exportedAs,
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
  doc = generateDocument({ cases: 12, seed: 23 }) as ImportDocument;
  const [a, b] = doc.advisers.map((x) => x.ref);
  const [first, second] = doc.cases;
  first.notes = [
    { kind: 'file', on: first.openedOn, authorRef: a, writtenAt: '2025-02-03T10:15:00Z', body: 'Called the landlord.' },
    { kind: 'file', on: first.openedOn, authorRef: b ?? a, body: 'Letter, with a "quote", sent.\nSecond line.' },
  ];
  first.keyDates = [
    { kind: 'hearing', title: 'Possession hearing', dueOn: '2025-03-10', assigneeRef: a, note: 'Court 2' },
    { kind: 'task', title: 'Chase the council', dueOn: '2025-02-20', doneOn: '2025-02-18' },
  ];
  first.parties = [
    { role: 'opponent', opponentType: 'landlord', kind: 'organisation', name: 'Acme Lettings', reference: 'AL/9' },
    { role: 'third_party', kind: 'person', name: 'Jo Ruiz', dateOfBirth: '1980-05-04', passPhrase: 'blue heron' },
  ];
  second.parties = [{ role: 'interpreter', kind: 'person', name: 'Ana Silva', language: 'Portuguese' }];
  await importDocument(h, manager, doc);
});
afterAll(() => h.close());

const exported = (format: string) => exportedAs(h, manager, format);
const held = () =>
  h.dataSource.query(
    `SELECT (SELECT count(*)::int FROM case_notes WHERE organisation_id = $1) AS notes,
            (SELECT count(*)::int FROM key_dates WHERE organisation_id = $1) AS "keyDates",
            (SELECT count(*)::int FROM case_parties WHERE organisation_id = $1) AS parties,
            (SELECT pass_phrase FROM case_parties WHERE organisation_id = $1 AND name = 'Jo Ruiz') AS "passPhrase"`,
    [manager.organisationId],
  );
const upload = (body: string | Buffer, type?: string) => uploadSheet(h, manager, body, { type });
const dryRun = (id: string, mapping: SheetMapping) => dryRunSheet(h, manager, id, mapping);
const importIt = (id: string, mapping: SheetMapping) => importSheet(h, manager, id, mapping);

it('exports notes, key dates and parties as sheets of the workbook, which imports again adding nothing', async () => {
  const before = await exported('ndjson');
  const bytes = await exportedWorkbook(h, manager);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never); // exceljs types an older Buffer
  expect(workbook.worksheets.map((w) => [w.name, w.rowCount])).toEqual([
    ['Cases', doc.cases.length + 1],
    ['Time entries', doc.cases.reduce((n, c) => n + (c.timeEntries?.length ?? 0), 0) + 1],
    ['Notes', 3],
    ['Key dates', 3],
    ['Parties', 4],
  ]);
  const parties = workbook.getWorksheet('Parties')!;
  const partyHeaders = (parties.getRow(1).values as string[]).slice(1);
  expect(partyHeaders).not.toContain('Pass phrase');
  expect(JSON.stringify(parties.getSheetValues())).not.toContain('blue heron');

  const inspection = await upload(bytes, 'application/octet-stream');
  expect([
    inspection.proposal.notes?.sheet,
    inspection.proposal.keyDates?.sheet,
    inspection.proposal.parties?.sheet,
  ]).toEqual(['Notes', 'Key dates', 'Parties']);
  expect(Object.values(inspection.proposal.notes!.columns)).toEqual([
    'case.ref',
    'note.on',
    'note.kind',
    'note.author',
    'note.writtenAt',
    'note.body',
  ]);
  const dry = await dryRun(inspection.uploadId, inspection.proposal);
  expect(dry.problems).toEqual([]);
  expect(dry).toMatchObject({ newCases: 0, notes: 2, keyDates: 2, parties: 3 });
  expect((await importIt(inspection.uploadId, inspection.proposal)).status).toBe('succeeded');
  expect((await exported('ndjson')).split('\n').slice(1)).toEqual(before.split('\n').slice(1));
  expect(await held()).toEqual([{ notes: 2, keyDates: 2, parties: 3, passPhrase: 'blue heron' }]);
});

it('reads the CSV files back: the same rows add nothing, a new row adds one record, a bad cell is named', async () => {
  const notesCsv = await exported('csv-notes');
  const rows: Array<Record<string, string>> = parse(notesCsv, { bom: true, columns: true });
  expect(rows.map((r) => [r['Case reference'], r['Note author'] !== '', r['Note text']])).toEqual([
    [doc.cases[0].ref, true, 'Called the landlord.'],
    [doc.cases[0].ref, true, 'Letter, with a "quote", sent.\nSecond line.'],
  ]);
  for (const format of ['csv-key-dates', 'csv-parties']) {
    const again = await upload((await exported(format)).replace(/^\uFEFF/, ''));
    expect((await dryRun(again.uploadId, again.proposal)).problems).toEqual([]);
    expect((await importIt(again.uploadId, again.proposal)).status).toBe('succeeded');
  }
  expect(await held()).toEqual([{ notes: 2, keyDates: 2, parties: 3, passPhrase: 'blue heron' }]);

  const ref = doc.cases[1].ref;
  const bad = `${notesCsv.replace(/^\uFEFF/, '').trimEnd()}\r\n${ref},31/02/2025,File,,,Rang the client back.\r\n`;
  const inspection = await upload(bad);
  expect(inspection.proposal.cases.columns).toMatchObject({ 'Note date': 'note.on', 'Note text': 'note.body' });
  const refused = await dryRun(inspection.uploadId, inspection.proposal);
  expect(refused.problems.map((p) => p.text)).toEqual([
    expect.stringMatching(/^Row 4, column 'Note date': '31\/02\/2025' /),
  ]);

  const fixed = await upload(bad.replace('31/02/2025', '28/02/2025'));
  expect(await dryRun(fixed.uploadId, fixed.proposal)).toMatchObject({ ok: true, notes: 3, newCases: 0 });
  expect((await importIt(fixed.uploadId, fixed.proposal)).status).toBe('succeeded');
  expect(await held()).toEqual([{ notes: 3, keyDates: 2, parties: 3, passPhrase: 'blue heron' }]);
  const [added] = await h.dataSource.query(
    `SELECT n.kind, n."on"::text AS on, n.body, n.author_id = c.lead_adviser_id AS "byLead"
       FROM case_notes n JOIN cases c ON c.organisation_id = n.organisation_id AND c.id = n.case_id
      WHERE n.organisation_id = $1 AND c.ref = $2`,
    [manager.organisationId, ref],
  );
  expect(added).toEqual({ kind: 'file', on: '2025-02-28', body: 'Rang the client back.', byLead: true });
});
