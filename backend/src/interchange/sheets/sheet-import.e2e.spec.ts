/**
 * Spreadsheet import through the API, against a real database: a law centre's own CSV (one row per
 * session, case columns repeated) and a two-sheet workbook. The proposal reads real-looking
 * headers; the dry run puts every problem on its row and column; the import is all or nothing,
 * and next month's sheet updates cases without duplicating them or erasing what the app recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SheetMapping } from '@deepvalue/shared';
import ExcelJS from 'exceljs';
import { createHarness, type Harness, type TestUser } from '../../../test/harness.js';
import { dryRunSheet, importSheet, uploadSheet } from '../../../test/sheet-calls.js';

const HEADERS = [
  'Case No',
  'Client',
  'DOB',
  'Postcode',
  'Category',
  'Opened',
  'Closed',
  'Adviser',
  'Funding',
  'Date',
  'Minutes',
  'Contact type',
  'Outcome',
];

/** One row per session. Row numbers in the sheet are index + 2 (the header is row 1). */
const JANUARY = [
  [
    'C-001',
    'Ana Ruiz',
    '11/02/1984',
    'E3 4AB',
    'Housing - possession',
    '06/01/2025',
    '',
    'Sam Okafor',
    'Legal aid',
    '06/01/2025',
    '75',
    'F2F',
    '',
  ],
  [
    'C-001',
    'Ana Ruiz',
    '11/02/1984',
    'E3 4AB',
    'Housing - possession',
    '06/01/2025',
    '',
    'Sam Okafor',
    'Legal aid',
    '13/01/2025',
    '1h30',
    'Phone',
    '',
  ],
  [
    'C-002',
    'Ben Cole',
    '02/03/1990',
    'N1 9GU',
    'Debt',
    '07/01/2025',
    '20/01/2025',
    'Priya Shah',
    'Grant',
    '07/01/2025',
    '45',
    'Zoom call',
    'Won',
  ],
  [
    'C-003',
    'Cara Diaz',
    '1975-07-30',
    'SW1A 1AA',
    'Welfare benefits',
    '08/01/2025',
    '',
    'Sam Okafor',
    'Grant',
    '31/02/2025',
    '30',
    'Letter',
    '',
  ],
];

const csv = (rows: string[][], headers = HEADERS) =>
  [headers, ...rows]
    .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join('\r\n');

let h: Harness;
let manager: TestUser;
let other: TestUser;

beforeAll(async () => {
  h = await createHarness();
  manager = await h.makeUser((await h.makeOrganisation()).id, 'manager');
  other = await h.makeUser((await h.makeOrganisation()).id, 'manager');
});
afterAll(() => h.close());

const upload = (body: string | Buffer, type?: string) => uploadSheet(h, manager, body, { type, fileName: 'cases.csv' });
const dryRun = (id: string, mapping: SheetMapping) => dryRunSheet(h, manager, id, mapping);
const importIt = (id: string, mapping: SheetMapping) => importSheet(h, manager, id, mapping);
const count = async (table: string, organisationId = manager.organisationId) =>
  Number(
    (await h.dataSource.query(`SELECT count(*) AS n FROM ${table} WHERE organisation_id = $1`, [organisationId]))[0].n,
  );

describe('spreadsheet import', () => {
  let mapping: SheetMapping;

  it('proposes a mapping from real-looking headers and their values', async () => {
    const inspection = await upload(csv(JANUARY));
    expect(inspection.kind).toBe('csv');
    expect(inspection.sheets[0]).toMatchObject({ headers: HEADERS, rows: 4 });
    expect(inspection.sheets[0].samples[0]).toEqual({ row: 2, cells: JANUARY[0] });
    expect(inspection.proposal.cases.columns).toEqual({
      'Case No': 'case.ref',
      Client: 'client.name',
      DOB: 'client.dateOfBirth',
      Postcode: 'client.postcode',
      Category: 'case.category',
      Opened: 'case.openedOn',
      Closed: 'case.closedOn',
      Adviser: 'case.leadAdviser',
      Funding: 'case.fundingStream',
      Date: 'time.on',
      Minutes: 'time.minutes',
      'Contact type': 'time.mode',
      Outcome: 'outcome.result',
    });
    expect(inspection.sheets[0].distinct['Contact type']).toEqual(['F2F', 'Letter', 'Phone', 'Zoom call']);
    mapping = inspection.proposal;
  });

  it('lists every problem on its row and column, writes nothing, and offers the rejected rows as CSV', async () => {
    const { uploadId } = await upload(csv(JANUARY));
    const result = await dryRun(uploadId, mapping);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.text)).toEqual([
      "Row 3, column 'Minutes': '1h30' is not a number of minutes — write 90",
      "Row 4, column 'Contact type': 'Zoom call' is not a mode Deep Value knows — map it to one of Face to face, Phone, Video, Home visit, Letter or email, Hearing, None in the mapping's values",
      "Row 5, column 'Date': '31/02/2025' is not a real date — write day/month/year, e.g. 06/01/2025",
    ]);
    expect(result.problems[0]).toMatchObject({ sheet: '', row: 3, column: 'Minutes' });

    const rejected = await h
      .as(manager)
      .post(`/api/imports/spreadsheets/${uploadId}/rejected-rows`)
      .send({ mapping })
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    const lines = rejected.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(['Row', ...HEADERS, 'Problems'].join(','));
    expect(lines.map((l) => l.split(',')[0])).toEqual(['Row', '3', '4', '5']);
    expect(lines[1]).toContain("column 'Minutes': '1h30' is not a number of minutes — write 90");

    const refused = await importIt(uploadId, mapping);
    expect(refused).toMatchObject({ status: 'failed', errorCount: 3 });
    expect(refused.errors[0]).toEqual({
      path: "Row 3, column 'Minutes'",
      message: "'1h30' is not a number of minutes — write 90",
    });
    expect(await count('cases')).toBe(0);
    const [audit] = await h.dataSource.query(
      `SELECT details FROM audit_log WHERE organisation_id = $1 AND action = 'import' ORDER BY at DESC LIMIT 1`,
      [manager.organisationId],
    );
    expect(audit.details).toMatchObject({ status: 'failed', errorCount: 3 });
  });

  it('imports the corrected sheet with the value mapping, as the preview showed', async () => {
    mapping = { ...mapping, values: { 'time.mode': { 'Zoom call': 'video' } } };
    const fixed = JANUARY.map((r) => [...r]);
    fixed[1][10] = '90';
    fixed[3][9] = '28/02/2025';
    const { uploadId } = await upload(csv(fixed));
    const result = await dryRun(uploadId, mapping);
    expect(result).toMatchObject({
      ok: true,
      rows: 4,
      cases: 3,
      newCases: 3,
      updatedCases: 0,
      timeEntries: 4,
      problemCount: 0,
    });
    expect(result.preview[0]).toMatchObject({
      ref: 'C-001',
      row: 2,
      status: 'new',
      client: 'Ana Ruiz',
      category: 'Housing',
      subcategory: 'Possession',
      openedOn: '2025-01-06',
      leadAdviser: 'Sam Okafor',
      fundingStream: 'Legal aid (fixed fee)',
      timeEntryCount: 2,
    });
    expect(result.preview[0].timeEntries[1]).toMatchObject({
      on: '2025-01-13',
      minutes: 90,
      mode: 'Phone',
      class: 'Relationship time',
    });
    expect(await count('cases')).toBe(0); // a dry run writes nothing

    const job = await importIt(uploadId, mapping);
    expect(job).toMatchObject({ status: 'succeeded' });
    const cases = await h.dataSource.query(
      `SELECT c.ref, c.category, c.subcategory, c.opened_on::text, c.closed_on::text, c.funding_stream, cl.first_name, cl.last_name,
              cl.postcode_district, cl.date_of_birth::text AS dob, u.name AS adviser, o.result
         FROM cases c JOIN clients cl ON cl.organisation_id = c.organisation_id AND cl.id = c.client_id
         JOIN users u ON u.organisation_id = c.organisation_id AND u.id = c.lead_adviser_id
         LEFT JOIN outcomes o ON o.organisation_id = c.organisation_id AND o.case_id = c.id WHERE c.organisation_id = $1 ORDER BY c.ref`,
      [manager.organisationId],
    );
    expect(cases).toEqual([
      {
        ref: 'C-001',
        category: 'housing',
        subcategory: 'possession',
        opened_on: '2025-01-06',
        closed_on: null,
        funding_stream: 'legal_aid_fixed_fee',
        first_name: 'Ana',
        last_name: 'Ruiz',
        postcode_district: 'E3',
        dob: '1984-02-11',
        adviser: 'Sam Okafor',
        result: null,
      },
      {
        ref: 'C-002',
        category: 'debt',
        subcategory: null,
        opened_on: '2025-01-07',
        closed_on: '2025-01-20',
        funding_stream: 'grant',
        first_name: 'Ben',
        last_name: 'Cole',
        postcode_district: 'N1',
        dob: '1990-03-02',
        adviser: 'Priya Shah',
        result: 'positive',
      },
      {
        ref: 'C-003',
        category: 'welfare_benefits',
        subcategory: null,
        opened_on: '2025-01-08',
        closed_on: null,
        funding_stream: 'grant',
        first_name: 'Cara',
        last_name: 'Diaz',
        postcode_district: 'SW1A',
        dob: '1975-07-30',
        adviser: 'Sam Okafor',
        result: null,
      },
    ]);
    const entries = await h.dataSource.query(
      `SELECT c.ref, t."on"::text, t.minutes, t.mode, t.class FROM time_entries t
         JOIN cases c ON c.organisation_id = t.organisation_id AND c.id = t.case_id
        WHERE t.organisation_id = $1 ORDER BY c.ref, t."on"`,
      [manager.organisationId],
    );
    expect(entries).toEqual([
      { ref: 'C-001', on: '2025-01-06', minutes: 75, mode: 'face_to_face', class: 'relationship' },
      { ref: 'C-001', on: '2025-01-13', minutes: 90, mode: 'phone', class: 'relationship' },
      { ref: 'C-002', on: '2025-01-07', minutes: 45, mode: 'video', class: 'relationship' },
      { ref: 'C-003', on: '2025-02-28', minutes: 30, mode: 'letter_email', class: 'casework' },
    ]);
    const [audit] = await h.dataSource.query(
      `SELECT details FROM audit_log WHERE organisation_id = $1 AND action = 'import' ORDER BY at DESC LIMIT 1`,
      [manager.organisationId],
    );
    expect(audit.details).toMatchObject({
      status: 'succeeded',
      source: 'csv',
      rows: 4,
      cases: { created: 3, replaced: 0 },
    });
  });

  it("imports next month's sheet as updates: no duplicates, and what the app recorded is kept", async () => {
    const [c3] = await h.dataSource.query(`SELECT id FROM cases WHERE organisation_id = $1 AND ref = 'C-003'`, [
      manager.organisationId,
    ]);
    await h.as(manager).put(`/api/cases/${c3.id}/assessment`).send({ trust: 4, disclosure: 'partly' }).expect(200);

    const february = [
      ...JANUARY.slice(0, 1),
      [
        'C-001',
        'Ana Ruiz',
        '11/02/1984',
        'E3 4AB',
        'Housing - possession',
        '06/01/2025',
        '',
        'Sam Okafor',
        'Legal aid',
        '13/01/2025',
        '90',
        'Phone',
        '',
      ],
      [
        'C-001',
        'Ana Ruiz',
        '11/02/1984',
        'E3 4AB',
        'Housing - possession',
        '06/01/2025',
        '14/02/2025',
        'Sam Okafor',
        'Legal aid',
        '10/02/2025',
        '60',
        'F2F',
        'Partly',
      ],
      [
        'C-002',
        'Ben Cole',
        '02/03/1990',
        'N1 9GU',
        'Debt',
        '07/01/2025',
        '20/01/2025',
        'Priya Shah',
        'Grant',
        '07/01/2025',
        '45',
        'Zoom call',
        'Won',
      ],
      [
        'C-004',
        'Dev Patel',
        '',
        'E1',
        'Employment',
        '03/02/2025',
        '',
        'Priya Shah',
        'Pro bono',
        '03/02/2025',
        '40',
        'Phone',
        '',
      ],
    ];
    // C-003 is not in February's sheet, and C-001's closing date is on its last row only.
    const { uploadId } = await upload(csv(february));
    const result = await dryRun(uploadId, mapping);
    expect(result).toMatchObject({
      ok: true,
      cases: 3,
      newCases: 1,
      updatedCases: 2,
      timeEntries: 5,
      timeEntriesRemoved: 0,
    });
    expect(await importIt(uploadId, mapping)).toMatchObject({ status: 'succeeded' });

    expect(await count('cases')).toBe(4);
    expect(await count('clients')).toBe(4);
    const minutes = await h.dataSource.query(
      `SELECT c.ref, count(t.id)::int AS n, coalesce(sum(t.minutes), 0)::int AS minutes, c.closed_on::text, o.result
         FROM cases c LEFT JOIN time_entries t ON t.organisation_id = c.organisation_id AND t.case_id = c.id
         LEFT JOIN outcomes o ON o.organisation_id = c.organisation_id AND o.case_id = c.id
        WHERE c.organisation_id = $1 GROUP BY c.ref, c.closed_on, o.result ORDER BY c.ref`,
      [manager.organisationId],
    );
    expect(minutes).toEqual([
      { ref: 'C-001', n: 3, minutes: 75 + 90 + 60, closed_on: '2025-02-14', result: 'partly_positive' },
      { ref: 'C-002', n: 1, minutes: 45, closed_on: '2025-01-20', result: 'positive' },
      { ref: 'C-003', n: 1, minutes: 30, closed_on: null, result: null },
      { ref: 'C-004', n: 1, minutes: 40, closed_on: null, result: null },
    ]);
    const [assessment] = await h.dataSource.query(
      `SELECT trust, disclosure FROM adviser_assessments WHERE case_id = $1`,
      [c3.id],
    );
    expect(assessment).toEqual({ trust: 4, disclosure: 'partly' });
    const advisers = await h.dataSource.query(
      `SELECT name FROM users WHERE organisation_id = $1 AND email IS NULL ORDER BY name`,
      [manager.organisationId],
    );
    expect(advisers).toEqual([{ name: 'Priya Shah' }, { name: 'Sam Okafor' }]);
  });

  it('reads a workbook with a sheet of cases and a sheet of time entries', async () => {
    const workbook = new ExcelJS.Workbook();
    const cases = workbook.addWorksheet('Cases');
    cases.addRow(['Reference', 'Surname', 'First name', 'Area of law', 'Date opened', 'Caseworker', 'Funding']);
    cases.addRow(['W-1', 'Okoro', 'Femi', 'Immigration', new Date(Date.UTC(2025, 2, 3)), 'Sam Okafor', 'Grant']);
    cases.addRow(['W-2', 'Lee', 'Jo', 'Community care', new Date(Date.UTC(2025, 2, 4)), 'Sam Okafor', 'Grant']);
    const time = workbook.addWorksheet('Time');
    time.addRow(['Case ref', 'Date', 'Mins', 'Mode']);
    time.addRow(['W-1', new Date(Date.UTC(2025, 2, 3)), 50, 'Face to face']);
    time.addRow(['W-1', new Date(Date.UTC(2025, 2, 10)), 'two hours', 'Video']);
    time.addRow(['W-9', new Date(Date.UTC(2025, 2, 10)), 20, 'Phone']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    const inspection = await upload(buffer, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(inspection.kind).toBe('xlsx');
    expect(inspection.sheets.map((s) => [s.name, s.rows])).toEqual([
      ['Cases', 2],
      ['Time', 3],
    ]);
    expect(inspection.proposal.cases).toEqual({
      sheet: 'Cases',
      columns: {
        Reference: 'case.ref',
        Surname: 'client.lastName',
        'First name': 'client.firstName',
        'Area of law': 'case.category',
        'Date opened': 'case.openedOn',
        Caseworker: 'case.leadAdviser',
        Funding: 'case.fundingStream',
      },
    });
    expect(inspection.proposal.timeEntries).toEqual({
      sheet: 'Time',
      columns: { 'Case ref': 'case.ref', Date: 'time.on', Mins: 'time.minutes', Mode: 'time.mode' },
    });
    const workbookMapping = inspection.proposal;
    const result = await dryRun(inspection.uploadId, workbookMapping);
    expect(result.problems.map((p) => p.text)).toEqual([
      "Sheet 'Time', row 3, column 'Mins': 'two hours' is not a number of minutes — write the minutes as a whole number, e.g. 90 for an hour and a half",
      "Sheet 'Time', row 4, column 'Case ref': 'W-9' is not a case reference on the cases sheet",
    ]);

    time.getRow(3).getCell(3).value = 120;
    time.spliceRows(4, 1);
    const fixed = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'application/octet-stream');
    expect(await importIt(fixed.uploadId, workbookMapping)).toMatchObject({ status: 'succeeded' });
    const rows = await h.dataSource.query(
      `SELECT c.ref, c.category, c.opened_on::text, cl.last_name, count(t.id)::int AS n, coalesce(sum(t.minutes), 0)::int AS minutes
         FROM cases c JOIN clients cl ON cl.organisation_id = c.organisation_id AND cl.id = c.client_id
         LEFT JOIN time_entries t ON t.organisation_id = c.organisation_id AND t.case_id = c.id
        WHERE c.organisation_id = $1 AND c.ref LIKE 'W-%' GROUP BY 1, 2, 3, 4 ORDER BY 1`,
      [manager.organisationId],
    );
    expect(rows).toEqual([
      { ref: 'W-1', category: 'immigration', opened_on: '2025-03-03', last_name: 'Okoro', n: 2, minutes: 170 },
      { ref: 'W-2', category: 'community_care', opened_on: '2025-03-04', last_name: 'Lee', n: 0, minutes: 0 },
    ]);
  });

  it('keeps an upload to the organisation that sent it, and saves a mapping for next month', async () => {
    const { uploadId } = await upload(csv(JANUARY));
    await h.as(other).post(`/api/imports/spreadsheets/${uploadId}/dry-run`).send({ mapping }).expect(404);
    const bad = await h
      .as(manager)
      .post(`/api/imports/spreadsheets/${uploadId}/dry-run`)
      .send({ mapping: { ...mapping, cases: { columns: { Minutes: 'time.hours' } } } })
      .expect(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'mapping.cases.columns.Minutes', message: 'is not a field Deep Value imports (got "time.hours")' },
      ]),
    );

    await h.as(manager).put('/api/imports/spreadsheet-mappings/Monthly%20sheet').send({ mapping }).expect(200);
    const saved = (await h.as(manager).get('/api/imports/spreadsheet-mappings').expect(200)).body;
    expect(saved).toEqual([{ name: 'Monthly sheet', mapping, updatedAt: expect.any(String) }]);
    expect((await h.as(other).get('/api/imports/spreadsheet-mappings').expect(200)).body).toEqual([]);
  });

  it('refuses an adviser, and a file that is neither CSV text nor a workbook', async () => {
    const adviser = await h.makeUser(manager.organisationId, 'adviser');
    await h
      .as(adviser)
      .post('/api/imports/spreadsheets')
      .set('Content-Type', 'text/csv')
      .send(csv(JANUARY))
      .expect(403);
    const res = await h
      .as(manager)
      .post('/api/imports/spreadsheets')
      .set('Content-Type', 'text/csv')
      .send(Buffer.from([0x43, 0x61, 0x73, 0x65, 0xff, 0xfe, 0x0a]))
      .expect(400);
    expect(res.body.errors[0].message).toMatch(/not valid UTF-8/);
  });
});
