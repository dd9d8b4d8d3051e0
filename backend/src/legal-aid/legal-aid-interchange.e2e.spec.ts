/**
 * Legal aid details and equality monitoring through deepvalue.import.v1 and the casework export,
 * against real PostgreSQL: checked by legal-aid-checks.ts as the API checks them, UFNs numbered and
 * kept, and export → import → export carrying them unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createHarness, type Harness } from '../../test/harness.js';
import { ExportService } from '../interchange/export.service.js';
import type { ImportCase, ImportDocument, ImportLegalAid } from '../interchange/import-format.js';
import { ImportService } from '../interchange/import.service.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deepvalue-legal-aid-import-'));
let files = 0;
const writeDoc = (doc: unknown) => {
  const file = path.join(tmp, `doc-${++files}.json`);
  fs.writeFileSync(file, JSON.stringify(doc));
  return file;
};

const HLPAS: ImportLegalAid = {
  categoryOfLaw: 'housing_hlpas',
  matterType1: 'lwra',
  matterType2: 'LPRI',
  stageReached: 'LB',
  feeCode: 'ela',
  accessPoint: 'AP00137',
  procurementArea: 'PA00136',
  clientPostcode: 'sw98ab',
  disbursementsGbp: 120.5,
  counselCostsGbp: 0,
};

const document = (org: string, cases: ImportCase[]): ImportDocument => ({
  format: 'deepvalue.import.v1',
  organisation: { ref: org, name: `Org ${org}` },
  advisers: [{ ref: 'adv-1', name: 'Ana Adviser' }],
  partners: [],
  cases,
});

const kase = (ref: string, openedOn: string, more: Partial<ImportCase> = {}): ImportCase => ({
  ref,
  client: { ref: `cl-${ref}`, firstName: 'Sam', lastName: ref },
  category: 'debt',
  openedOn,
  leadAdviserRef: 'adv-1',
  fundingStream: 'legal_aid_fixed_fee',
  arrival: { route: 'self' },
  ...more,
});

async function exportDoc(h: Harness, organisationId: string): Promise<ImportDocument> {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  await h.app.get(ExportService).writeJson(organisationId, sink);
  return JSON.parse(chunks.join(''));
}

describe('legal aid in the import and export', () => {
  let h: Harness;
  let importer: ImportService;
  let orgId: string;
  const held = (ref: string) =>
    h.dataSource
      .query(
        `SELECT c.category, l.category_of_law, l.ufn, l.matter_type_1, l.stage_reached, l.fee_code, l.client_postcode, l.disbursements_gbp::float8, l.counsel_costs_gbp::float8,
                cl.equality_gender, cl.equality_ethnicity, cl.equality_disability
           FROM cases c JOIN clients cl ON cl.organisation_id = c.organisation_id AND cl.id = c.client_id
           LEFT JOIN case_legal_aid l ON l.organisation_id = c.organisation_id AND l.case_id = c.id
          WHERE c.organisation_id = $1 AND c.ref = $2`,
        [orgId, ref],
      )
      .then((rows: Array<Record<string, unknown>>) => rows[0]);

  beforeAll(async () => {
    h = await createHarness();
    importer = h.app.get(ImportService);
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('imports details and equality answers normalised as the API stores them, numbering files without a UFN after those the file gives', async () => {
    const doc = document('la-org', [
      kase('c1', '2025-03-07', {
        legalAid: { ...HLPAS, ufn: '070325/002' },
        client: { ref: 'cl-c1', lastName: 'One', equality: { gender: 'f', ethnicity: '99', disability: 'UKN' } },
      }),
      kase('c2', '2025-03-07', { legalAid: { categoryOfLaw: 'housing_hlpas' } }),
      kase('c3', '2025-03-07'),
    ]);
    const result = await importer.importFile(writeDoc(doc), { createOrganisation: true });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    orgId = result.organisationId;
    expect(await held('c1')).toEqual({
      category: 'debt', // as the file gives it: the export carries both
      category_of_law: 'housing_hlpas',
      ufn: '070325/002',
      matter_type_1: 'LWRA',
      stage_reached: 'LB',
      fee_code: 'ELA',
      client_postcode: 'SW9 8AB',
      disbursements_gbp: 120.5,
      counsel_costs_gbp: 0,
      equality_gender: 'F',
      equality_ethnicity: '99',
      equality_disability: 'UKN',
    });
    expect(await held('c2')).toMatchObject({ ufn: '070325/003', stage_reached: null });
    expect(await held('c3')).toMatchObject({ category: 'debt', ufn: null, equality_gender: null });
  });

  it('refuses bad codes and a UFN given twice, naming each case and field, and writes nothing', async () => {
    const doc = document('la-org', [
      kase('c1', '2025-03-07', {
        legalAid: { ...HLPAS, accessPoint: 'AP12' },
        client: { ref: 'cl-c1', lastName: 'One', equality: { gender: 'X' } },
      }),
      kase('c5', '2025-04-01', { legalAid: { categoryOfLaw: 'debt', ufn: '010425/001' } }),
      kase('c6', '2025-04-01', { legalAid: { categoryOfLaw: 'debt', ufn: '010425/001' } }),
      kase('c7', '2025-04-01', { legalAid: { categoryOfLaw: 'astrology' } }),
      kase('c8', '2025-04-01', { legalAid: { categoryOfLaw: 'debt', surprise: 1 } as ImportLegalAid }),
      kase('c9', '2025-04-01', { legalAid: { categoryOfLaw: 'debt', disbursementsGbp: 12.345 } }),
    ]);
    const result = await importer.importFile(writeDoc(doc), { organisationId: orgId });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { path: 'cases[0].legalAid.accessPoint', message: expect.stringMatching(/^"AP12" is not accepted: /) },
        { path: 'cases[0].client.equality.gender', message: expect.stringMatching(/^"X" is not a gender code/) },
        { path: 'cases[2].legalAid.ufn', message: 'duplicates the Unique File Number of cases[1]' },
        {
          path: 'cases[3].legalAid.categoryOfLaw',
          message: expect.stringMatching(/^"astrology" is not a category of law/),
        },
        { path: 'cases[4].legalAid.surprise', message: expect.any(String) },
        {
          path: 'cases[5].legalAid.disbursementsGbp',
          message: expect.stringContaining('with at most 2 decimal places'),
        },
      ]),
    );
    expect(result.errorCount).toBe(6);
    expect(await held('c5')).toBeUndefined();
    expect(await held('c1')).toMatchObject({ equality_gender: 'F' });
  });

  it('refuses a UFN another case of the organisation holds', async () => {
    const result = await importer.importFile(
      writeDoc(
        document('la-org', [kase('c4', '2025-03-07', { legalAid: { categoryOfLaw: 'debt', ufn: '070325/003' } })]),
      ),
      { organisationId: orgId },
    );
    expect(result).toEqual({
      ok: false,
      errorCount: 1,
      errors: [{ path: 'cases[0].legalAid.ufn', message: '"070325/003" is already the Unique File Number of case c2' }],
    });
    expect(await held('c4')).toBeUndefined();
  });

  it('on re-import keeps what the file leaves out, and a held UFN when the file gives none', async () => {
    const doc = document('la-org', [
      kase('c1', '2025-03-07', { client: { ref: 'cl-c1', lastName: 'One' } }),
      kase('c2', '2025-03-07', { legalAid: { categoryOfLaw: 'housing_hlpas', stageReached: 'LB' } }),
    ]);
    const result = await importer.importFile(writeDoc(doc), { organisationId: orgId });
    expect(result).toMatchObject({ ok: true });
    expect(await held('c1')).toMatchObject({ ufn: '070325/002', matter_type_1: 'LWRA', equality_gender: 'F' });
    expect(await held('c2')).toMatchObject({ ufn: '070325/003', stage_reached: 'LB' });
  });

  it('applies UFNs swapped or moved between cases of one file in its one transaction, and refuses one a case keeps', async () => {
    const ufnOf = (org: string, ref: string) =>
      h.dataSource
        .query(
          `SELECT l.ufn FROM case_legal_aid l JOIN cases c ON c.organisation_id = l.organisation_id AND c.id = l.case_id
            WHERE c.organisation_id = $1 AND c.ref = $2`,
          [org, ref],
        )
        .then((rows: Array<{ ufn: string }>) => rows[0]?.ufn);
    const withUfns = (ufns: Record<string, string | undefined>) =>
      writeDoc(
        document(
          'la-swap',
          Object.entries(ufns).map(([ref, ufn]) =>
            kase(ref, '2025-05-06', { legalAid: { categoryOfLaw: 'debt', ...(ufn ? { ufn } : {}) } }),
          ),
        ),
      );
    const first = await importer.importFile(withUfns({ s1: '060525/001', s2: '060525/002', s3: '060525/003' }), {
      createOrganisation: true,
    });
    expect(first).toMatchObject({ ok: true });
    if (!first.ok) return;
    const org = first.organisationId;

    // s1 and s2 swap; s3 moves to a new number and s4 (new) takes its old one.
    const swapped = await importer.importFile(
      withUfns({ s1: '060525/002', s2: '060525/001', s3: '060525/009', s4: '060525/003' }),
      { organisationId: org },
    );
    expect(swapped).toMatchObject({ ok: true });
    expect(await Promise.all(['s1', 's2', 's3', 's4'].map((r) => ufnOf(org, r)))).toEqual([
      '060525/002',
      '060525/001',
      '060525/009',
      '060525/003',
    ]);

    // s1 is in the file but gives no UFN, so it keeps 060525/002: s2 may not take it.
    const refused = await importer.importFile(withUfns({ s1: undefined, s2: '060525/002' }), { organisationId: org });
    expect(refused).toEqual({
      ok: false,
      errorCount: 1,
      errors: [{ path: 'cases[1].legalAid.ufn', message: '"060525/002" is already the Unique File Number of case s1' }],
    });
    expect(await Promise.all(['s1', 's2'].map((r) => ufnOf(org, r)))).toEqual(['060525/002', '060525/001']);
  });

  it('export → import into another organisation → export carries the details and answers unchanged', async () => {
    const first = await exportDoc(h, orgId);
    expect(first.cases.find((c) => c.ref === 'c1')).toMatchObject({
      legalAid: {
        ...HLPAS,
        matterType1: 'LWRA',
        feeCode: 'ELA',
        clientPostcode: 'SW9 8AB',
        disbursementsGbp: 120.5,
        disbursementsVatGbp: null,
        counselCostsGbp: 0,
        ufn: '070325/002',
        outcomeCode: null,
      },
      client: { equality: { gender: 'F', ethnicity: '99', disability: 'UKN' } },
    });
    expect(first.cases.find((c) => c.ref === 'c3')).toMatchObject({ legalAid: null, client: { equality: null } });
    const copy = { ...first, organisation: { ref: 'la-copy', name: 'Copy' } };
    const result = await importer.importFile(writeDoc(copy), { createOrganisation: true });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const second = await exportDoc(h, result.organisationId);
    const byRef = (d: ImportDocument) => [...d.cases].sort((a, b) => a.ref.localeCompare(b.ref));
    expect(byRef(second)).toEqual(byRef(first));
  });
});
