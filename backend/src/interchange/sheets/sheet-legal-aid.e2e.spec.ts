/**
 * Legal aid columns in a spreadsheet, through the API against a real database: proposed from a law
 * centre's headers, checked by legal-aid-checks.ts with each problem on its row and column, imported,
 * and exported as columns that import again unchanged.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { SheetMapping } from '@deepvalue/shared';
import { createHarness, type Harness, type TestUser } from '../../../test/harness.js';
import { dryRunSheet, importSheet, uploadSheet } from '../../../test/sheet-calls.js';

const HEADERS = [
  'Case No',
  'Client',
  'Opened',
  'Adviser',
  'Funding',
  'LAA category',
  'UFN',
  'Matter type 1',
  'Matter type 2',
  'Stage reached',
  'Access point',
  'Procurement area',
  'Client full postcode',
  'Gender',
  'Ethnicity',
  'Disability',
];
const HLPAS = 'Housing Loss Prevention Advice Service';
/** Rows 2–4 of the sheet: row 3's access point and row 4's UFN are wrong. */
const ROWS = [
  [
    'L-001',
    'Ana Ruiz',
    '06/01/2025',
    'Sam Okafor',
    'Legal aid',
    HLPAS,
    '060125/001',
    'lwra',
    'LPRI',
    'LB',
    'AP00137',
    'PA00136',
    'sw9 8ab',
    'F',
    '99',
    'UKN',
  ],
  [
    'L-002',
    'Ben Cole',
    '07/01/2025',
    'Sam Okafor',
    'Legal aid',
    'housing_hlpas',
    '',
    'LWRA',
    '',
    '',
    'AP12',
    '',
    '',
    'U',
    '',
    '',
  ],
  [
    'L-003',
    'Cara Diaz',
    '07/01/2025',
    'Sam Okafor',
    'Legal aid',
    'housing_hlpas',
    '060125/001',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
  ],
];
const csv = (rows: string[][], headers = HEADERS) => [headers, ...rows].map((r) => r.join(',')).join('\r\n');

let h: Harness;
let manager: TestUser;
beforeAll(async () => {
  h = await createHarness();
  manager = await h.makeUser((await h.makeOrganisation()).id, 'manager');
});
afterAll(() => h.close());

const upload = (body: string) => uploadSheet(h, manager, body, { fileName: 'legal-aid.csv' });
const dryRun = (id: string, mapping: SheetMapping) => dryRunSheet(h, manager, id, mapping);
const importIt = (id: string, mapping: SheetMapping) => importSheet(h, manager, id, mapping);
const held = () =>
  h.dataSource.query(
    `SELECT c.ref, c.category, l.category_of_law, l.ufn, l.matter_type_1, l.access_point, l.client_postcode,
            cl.equality_gender, cl.equality_ethnicity
       FROM cases c JOIN clients cl ON cl.organisation_id = c.organisation_id AND cl.id = c.client_id
       LEFT JOIN case_legal_aid l ON l.organisation_id = c.organisation_id AND l.case_id = c.id
      WHERE c.organisation_id = $1 ORDER BY c.ref`,
    [manager.organisationId],
  );

it('proposes the legal aid columns, puts each code problem on its row and column, and imports the corrected sheet', async () => {
  const inspection = await upload(csv(ROWS));
  const columns = inspection.proposal.cases.columns;
  expect(columns).toMatchObject({
    'LAA category': 'legalAid.categoryOfLaw',
    UFN: 'legalAid.ufn',
    'Matter type 1': 'legalAid.matterType1',
    'Matter type 2': 'legalAid.matterType2',
    'Stage reached': 'legalAid.stageReached',
    'Access point': 'legalAid.accessPoint',
    'Procurement area': 'legalAid.procurementArea',
    'Client full postcode': 'legalAid.clientPostcode',
    Gender: 'client.equality.gender',
    Ethnicity: 'client.equality.ethnicity',
    Disability: 'client.equality.disability',
  });
  const mapping = inspection.proposal;

  const first = await dryRun(inspection.uploadId, mapping);
  expect(first.ok).toBe(false);
  expect(first.problems.map((p) => p.text)).toEqual([
    expect.stringMatching(/^Row 3, column 'Access point': 'AP12' is not accepted: /),
    "Row 4, column 'UFN': '060125/001' duplicates the Unique File Number of row 2",
  ]);

  const fixed = structuredClone(ROWS);
  fixed[1][10] = 'AP00000';
  fixed[2][6] = '';
  const second = await upload(csv(fixed));
  expect(await dryRun(second.uploadId, mapping)).toMatchObject({ ok: true, problemCount: 0, newCases: 3 });
  const result = await importIt(second.uploadId, mapping);
  expect(result).toMatchObject({ status: 'succeeded' });
  expect(await held()).toEqual([
    {
      ref: 'L-001',
      category: 'housing', // no category column: the category of law gives it
      category_of_law: 'housing_hlpas',
      ufn: '060125/001',
      matter_type_1: 'LWRA',
      access_point: 'AP00137',
      client_postcode: 'SW9 8AB',
      equality_gender: 'F',
      equality_ethnicity: '99',
    },
    expect.objectContaining({ ref: 'L-002', ufn: '070125/001', access_point: 'AP00000', equality_gender: 'U' }),
    expect.objectContaining({ ref: 'L-003', ufn: '070125/002', matter_type_1: null, equality_gender: null }),
  ]);
});

it('exports the legal aid columns, and the exported sheet imports again changing nothing', async () => {
  const before = await held();
  const exported = (await h.as(manager).get('/api/exports/casework?format=csv').expect(200)).text.replace(
    /^\uFEFF/,
    '',
  );
  const [header] = exported.split('\r\n');
  expect(header).toContain('LAA category of law,Unique File Number (UFN),Matter type 1');
  expect(exported).toContain('housing_hlpas,060125/001,LWRA,LPRI,LB');
  const inspection = await upload(exported);
  const run = await dryRun(inspection.uploadId, inspection.proposal);
  expect(run).toMatchObject({ ok: true, updatedCases: 3, newCases: 0 });
  await importIt(inspection.uploadId, inspection.proposal);
  expect(await held()).toEqual(before);
});

it('applies a UFN swap between two cases of one sheet, and refuses a number a case outside the sheet keeps', async () => {
  const ufns = async () =>
    Object.fromEntries((await held()).map((r: { ref: string; ufn: string | null }) => [r.ref, r.ufn]));
  const before = await ufns();
  expect(before['L-001']).not.toBe(before['L-002']);
  const swap = await upload(
    csv(
      [
        ['L-001', before['L-002']],
        ['L-002', before['L-001']],
      ],
      ['Case No', 'UFN'],
    ),
  );
  expect(await dryRun(swap.uploadId, swap.proposal)).toMatchObject({ ok: true, updatedCases: 2, newCases: 0 });
  await importIt(swap.uploadId, swap.proposal);
  expect(await ufns()).toEqual({ ...before, 'L-001': before['L-002'], 'L-002': before['L-001'] });

  // L-003 is not in this sheet and keeps its number, so L-001 may not take it.
  const clash = await upload(csv([['L-001', before['L-003']]], ['Case No', 'UFN']));
  const run = await dryRun(clash.uploadId, clash.proposal);
  expect(run.ok).toBe(false);
  expect(run.problems.map((p) => p.text)).toEqual([expect.stringMatching(/^Row 2, column 'UFN': .*L-003/)]);
  expect(await ufns()).toEqual({ ...before, 'L-001': before['L-002'], 'L-002': before['L-001'] });
});
