import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeCase, makeClient, makeStaffedOrganisation, type Staff } from '../../test/factories.js';
import { createHarness, type Harness } from '../../test/harness.js';

type Body = Record<string, unknown>;

const HLPAS = {
  categoryOfLaw: 'housing_hlpas',
  matterType1: 'LWRA',
  matterType2: 'LPRI',
  stageReached: 'LB',
  accessPoint: 'AP00137',
  procurementArea: 'PA00136',
  clientPostcode: 'sw9 8ab',
};

describe('legal aid details on a case and equality monitoring on the client', () => {
  let h: Harness;
  let ours: Staff;
  let theirs: Staff;

  beforeAll(async () => {
    h = await createHarness();
    [ours, theirs] = await Promise.all([makeStaffedOrganisation(h), makeStaffedOrganisation(h)]);
  });
  afterAll(() => h.close());

  const put = (kase: Body, body: Body) =>
    h
      .as(ours.adviser)
      .put(`/api/cases/${String(kase.id)}/legal-aid`)
      .send(body);

  it('serves the code lists with their sources', async () => {
    const codes = (await h.as(ours.adviser).get('/api/legal-aid-codes').expect(200)).body;
    expect(codes.categories.map((c: Body) => c.code)).toContain('housing_hlpas');
    expect(codes.equality.gender.declinedCode).toBe('U');
    expect(codes.sources['matter-types'][0].url).toMatch(/^https:\/\/github\.com\/ministryofjustice\//);
  });

  it("records a case's details with the next free UFN of the day it opened, and sets the case's category from the category of law", async () => {
    const first = await makeCase(h, ours.adviser, { openedOn: '2025-03-07', category: 'debt' });
    const second = await makeCase(h, ours.adviser, { openedOn: '2025-03-07' });
    const a = (await put(first, HLPAS).expect(200)).body;
    expect(a).toMatchObject({ ufn: '070325/001', matterType1: 'LWRA', clientPostcode: 'SW9 8AB', version: 1 });
    expect((await put(second, HLPAS).expect(200)).body.ufn).toBe('070325/002');
    // another provider numbers its own files from 001
    const other = await makeCase(h, theirs.adviser, { openedOn: '2025-03-07' });
    const theirsPut = await h
      .as(theirs.adviser)
      .put(`/api/cases/${String(other.id)}/legal-aid`)
      .send(HLPAS)
      .expect(200);
    expect(theirsPut.body.ufn).toBe('070325/001');

    const detail = (
      await h
        .as(ours.adviser)
        .get(`/api/cases/${String(first.id)}`)
        .expect(200)
    ).body;
    expect(detail.category).toBe('housing'); // housing_hlpas counts as Deep Value's housing
    expect(detail.legalAid).toMatchObject({ ufn: '070325/001', categoryOfLaw: 'housing_hlpas' });
    expect(
      (
        await h
          .as(ours.adviser)
          .get(`/api/cases/${String(first.id)}/legal-aid`)
          .expect(200)
      ).body.id,
    ).toBe(a.id);

    const audit: Array<{ action: string; entity: string; details: Body }> = await h.dataSource.query(
      `SELECT action, entity, details FROM audit_log WHERE organisation_id = $1 AND entity = 'legal_aid' ORDER BY chain_seq`,
      [ours.organisationId],
    );
    expect(audit[0]).toMatchObject({ action: 'update', details: { caseIds: [first.id] } });
    expect(audit.some((r) => r.action === 'read')).toBe(true);
  });

  it('refuses a code not in the lists with 422 naming the field and the code', async () => {
    const kase = await makeCase(h, ours.adviser);
    const bad = await put(kase, { ...HLPAS, matterType1: 'ZZZZ', outcomeCode: 'Q', accessPoint: 'AP1' }).expect(422);
    const paths = bad.body.errors.map((e: Body) => e.path);
    expect(paths).toEqual(['matterType1', 'outcomeCode', 'accessPoint']);
    expect(bad.body.errors[0].message).toContain('"ZZZZ"');
    expect(bad.body.errors[0].message).toContain('Housing Loss Prevention Advice Service');
    const category = await put(kase, { categoryOfLaw: 'gardening' }).expect(422);
    expect(category.body.errors).toEqual([{ path: 'categoryOfLaw', message: expect.stringContaining('"gardening"') }]);
    const future = await put(kase, { ...HLPAS, ufn: '010199/001' }).expect(422);
    expect(future.body.errors[0].path).toBe('ufn');
    await put(kase, { ...HLPAS, matterType1: 12 }).expect(400);
    await put(kase, {}).expect(400);
    // debt's list (from the LAA's Civil Legal Advice system) refuses a code it lacks; a category
    // without a list yet is checked by format only
    const debt = await put(kase, { categoryOfLaw: 'debt', matterType1: 'DEBT' }).expect(422);
    expect(debt.body.errors).toEqual([{ path: 'matterType1', message: expect.stringContaining('"DEBT"') }]);
    await put(kase, { categoryOfLaw: 'debt', matterType1: 'DMAP', matterType2: 'DSCH' }).expect(200);
    await put(kase, { categoryOfLaw: 'clinical_negligence', matterType1: 'CLIN', version: 1 }).expect(200);
  });

  it('needs the version to change details, refuses a stale one, and never gives one UFN twice', async () => {
    const one = await makeCase(h, ours.adviser, { openedOn: '2025-03-10' });
    const two = await makeCase(h, ours.adviser, { openedOn: '2025-03-10' });
    const saved = (await put(one, HLPAS).expect(200)).body;
    await put(one, { ...HLPAS, outcomeCode: 'LC' }).expect(400);
    const changed = (await put(one, { ...HLPAS, outcomeCode: 'LC', version: saved.version }).expect(200)).body;
    expect(changed).toMatchObject({ outcomeCode: 'LC', ufn: saved.ufn, version: 2 });
    await put(one, { ...HLPAS, version: 1 }).expect(409);
    const clash = await put(two, { ...HLPAS, ufn: saved.ufn }).expect(409);
    expect(clash.body.errors[0]).toMatchObject({ path: 'ufn' });
    const both = await Promise.all(
      [1, 2, 3].map(async () => put(await makeCase(h, ours.adviser, { openedOn: '2025-03-11' }), HLPAS)),
    );
    expect(both.map((r) => r.body.ufn).sort()).toEqual(['110325/001', '110325/002', '110325/003']);
  });

  it("keeps another organisation's case out of reach", async () => {
    const kase = await makeCase(h, ours.adviser);
    await h
      .as(theirs.adviser)
      .put(`/api/cases/${String(kase.id)}/legal-aid`)
      .send(HLPAS)
      .expect(404);
    await h
      .as(theirs.adviser)
      .get(`/api/cases/${String(kase.id)}/legal-aid`)
      .expect(404);
    await h
      .as(ours.adviser)
      .get(`/api/cases/${String(kase.id)}/legal-aid`)
      .expect(404);
  });

  it('records equality monitoring answers, a declined one included, checked against the lists', async () => {
    const client = await makeClient(h, ours.adviser);
    const path = `/api/clients/${String(client.id)}/equality`;
    const bad = await h
      .as(ours.adviser)
      .put(path)
      .send({ version: client.version, gender: 'X', ethnicity: '42' })
      .expect(422);
    expect(bad.body.errors.map((e: Body) => e.path)).toEqual(['gender', 'ethnicity']);
    expect(bad.body.errors[0].message).toContain('U when the client prefers not to say');
    const saved = (
      await h
        .as(ours.adviser)
        .put(path)
        .send({ version: client.version, gender: 'f', ethnicity: '99', disability: null })
        .expect(200)
    ).body;
    expect(saved).toMatchObject({ gender: 'F', ethnicity: '99', disability: null });
    await h.as(ours.adviser).put(path).send({ version: client.version, gender: 'M' }).expect(409);
    await h.as(theirs.adviser).put(path).send({ version: saved.version, gender: 'M' }).expect(404);
    const read = (
      await h
        .as(ours.adviser)
        .get(`/api/clients/${String(client.id)}`)
        .expect(200)
    ).body;
    expect(read.equality).toEqual({ gender: 'F', ethnicity: '99', disability: null });
    expect(read.version).toBe(saved.version);
    const [row] = await h.dataSource.query(
      `SELECT action, entity_ids FROM audit_log WHERE organisation_id = $1 AND entity = 'client' AND details->>'operation' = 'equality'`,
      [ours.organisationId],
    );
    expect(row).toMatchObject({ action: 'update', entity_ids: [client.id] });
  });

  it('shows both in subject access; erasure clears the answers, the UFN and the postcode but keeps the codes', async () => {
    const client = await makeClient(h, ours.adviser);
    const kase = await makeCase(h, ours.adviser, { clientId: client.id, openedOn: '2025-02-03' });
    await put(kase, HLPAS).expect(200);
    await h
      .as(ours.adviser)
      .put(`/api/clients/${String(client.id)}/equality`)
      .send({ version: client.version, gender: 'M', ethnicity: '04', disability: 'NCD' })
      .expect(200);
    const sar = (
      await h
        .as(ours.manager)
        .get(`/api/clients/${String(client.id)}/subject-access`)
        .expect(200)
    ).body;
    expect(sar.client).toMatchObject({ equalityGender: 'M', equalityEthnicity: '04', equalityDisability: 'NCD' });
    expect(sar.cases[0].legalAid[0]).toMatchObject({ ufn: '030225/001', clientPostcode: 'SW9 8AB' });

    await h
      .as(ours.manager)
      .post(`/api/clients/${String(client.id)}/erase`)
      .expect(200);
    const after = (
      await h
        .as(ours.manager)
        .get(`/api/cases/${String(kase.id)}`)
        .expect(200)
    ).body;
    expect(after.client.equality).toEqual({ gender: null, ethnicity: null, disability: null });
    expect(after.legalAid).toMatchObject({ ufn: null, clientPostcode: null, matterType1: 'LWRA', stageReached: 'LB' });
  });
});
