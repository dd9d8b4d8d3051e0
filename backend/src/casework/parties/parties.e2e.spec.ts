import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeCase, makeStaffedOrganisation, type Staff } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';

describe('case parties API', () => {
  let h: Harness;
  let ours: Staff;
  let theirs: Staff;
  let kase: Record<string, unknown>;

  beforeAll(async () => {
    h = await createHarness();
    [ours, theirs] = await Promise.all([makeStaffedOrganisation(h), makeStaffedOrganisation(h)]);
    kase = await makeCase(h, ours.adviser);
  });
  afterAll(async () => {
    await h.close();
  });

  const partyCount = async () => (await h.dataSource.query(`SELECT count(*)::int AS n FROM case_parties`))[0].n;

  it('adds an opponent, a third party with a pass phrase and an interpreter, lists them and audits each', async () => {
    const landlord = await h
      .as(ours.adviser)
      .post(`/api/cases/${kase.id}/parties`)
      .send({
        role: 'opponent',
        opponentType: 'landlord',
        kind: 'organisation',
        name: 'Riverside Homes Ltd',
        postcodeDistrict: 'e3 ',
      })
      .expect(201);
    expect(landlord.body).toEqual({
      id: expect.any(String),
      caseId: kase.id,
      role: 'opponent',
      opponentType: 'landlord',
      kind: 'organisation',
      name: 'Riverside Homes Ltd',
      dateOfBirth: null,
      postcodeDistrict: 'E3',
      contact: null,
      reference: null,
      relationship: null,
      passPhrase: null,
      language: null,
      note: null,
      version: 1,
    });
    const daughter = await h
      .as(ours.adviser)
      .post(`/api/cases/${kase.id}/parties`)
      .send({
        role: 'third_party',
        kind: 'person',
        name: 'Amira Khan',
        relationship: 'daughter',
        passPhrase: 'blue heron',
      })
      .expect(201);
    await h
      .as(ours.adviser)
      .post(`/api/cases/${kase.id}/parties`)
      .send({ role: 'interpreter', kind: 'person', name: 'Jan Nowak', language: 'Polish' })
      .expect(201);
    const list = await h.as(ours.adviser).get(`/api/cases/${kase.id}/parties`).expect(200);
    expect(list.body.map((p: { name: string }) => p.name)).toEqual(['Riverside Homes Ltd', 'Amira Khan', 'Jan Nowak']);
    expect(list.body[1]).toMatchObject({ passPhrase: 'blue heron', relationship: 'daughter' });

    const audit = await h.dataSource.query(
      `SELECT action, details FROM audit_log WHERE entity = 'party' AND $1 = ANY(entity_ids) ORDER BY id`,
      [daughter.body.id],
    );
    expect(audit).toEqual([
      {
        action: 'create',
        details: { caseIds: [kase.id], fields: ['role', 'kind', 'name', 'relationship', 'passPhrase'] },
      },
      { action: 'read', details: { caseIds: [kase.id] } },
    ]);
    // A pass phrase is never copied into the audit log.
    expect(await h.dataSource.query(`SELECT 1 FROM audit_log WHERE details::text LIKE '%heron%'`)).toEqual([]);
  });

  it('refuses fields that do not belong to the role, naming them, and writes nothing', async () => {
    const before = await partyCount();
    const res = await h
      .as(ours.adviser)
      .post(`/api/cases/${kase.id}/parties`)
      .send({
        role: 'interpreter',
        kind: 'organisation',
        name: 'X',
        opponentType: 'dwp',
        passPhrase: 'p',
        dateOfBirth: '1980-01-01',
      })
      .expect(400);
    expect(res.body.errors).toEqual([
      { path: 'opponentType', message: 'is only for an opponent' },
      { path: 'passPhrase', message: 'is only for a third party acting for the client' },
      { path: 'dateOfBirth', message: 'is only for a person' },
    ]);
    const bad = await h
      .as(ours.adviser)
      .post(`/api/cases/${kase.id}/parties`)
      .send({ role: 'enemy', kind: 'person', name: '', postcodeDistrict: 'not a postcode' })
      .expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['name', 'postcodeDistrict', 'role']);
    expect(await partyCount()).toBe(before);
  });

  it('edits a party with the version read (a stale edit is 409), checks the role rules on the result, and deletes', async () => {
    const created = await h
      .as(ours.adviser)
      .post(`/api/cases/${kase.id}/parties`)
      .send({ role: 'third_party', kind: 'person', name: 'Sam Bright', passPhrase: 'green door' })
      .expect(201);
    const id = created.body.id;
    // Becoming an interpreter while keeping the pass phrase is refused; nothing changes.
    const refused = await h
      .as(ours.adviser)
      .patch(`/api/parties/${id}`)
      .send({ version: 1, role: 'interpreter' })
      .expect(422);
    expect(refused.body.errors).toEqual([
      { path: 'passPhrase', message: 'is only for a third party acting for the client' },
    ]);
    const [kept] = await h.dataSource.query(`SELECT role, version FROM case_parties WHERE id = $1`, [id]);
    expect(kept).toEqual({ role: 'third_party', version: 1 });
    const edited = await h
      .as(ours.adviser)
      .patch(`/api/parties/${id}`)
      .send({ version: 1, role: 'interpreter', passPhrase: null, language: 'Arabic' })
      .expect(200);
    expect(edited.body).toMatchObject({ role: 'interpreter', passPhrase: null, language: 'Arabic', version: 2 });
    const stale = await h.as(ours.adviser).patch(`/api/parties/${id}`).send({ version: 1, name: 'Other' }).expect(409);
    expect(stale.body.current).toMatchObject({ name: 'Sam Bright', version: 2 });
    await h.as(ours.adviser).delete(`/api/parties/${id}?version=1`).expect(409);
    await h.as(ours.adviser).delete(`/api/parties/${id}?version=2`).expect(204);
    await h.as(ours.adviser).patch(`/api/parties/${id}`).send({ version: 2, name: 'Gone' }).expect(404);
  });

  it('never shows or changes another organisation’s parties', async () => {
    const party = await h
      .as(ours.adviser)
      .post(`/api/cases/${kase.id}/parties`)
      .send({ role: 'opponent', kind: 'organisation', name: 'DWP', opponentType: 'dwp' })
      .expect(201);
    await h.as(theirs.adviser).get(`/api/cases/${kase.id}/parties`).expect(404);
    await h
      .as(theirs.adviser)
      .post(`/api/cases/${kase.id}/parties`)
      .send({ role: 'other', kind: 'person', name: 'X' })
      .expect(404);
    await h.as(theirs.adviser).patch(`/api/parties/${party.body.id}`).send({ version: 1, name: 'X' }).expect(404);
    await h.as(theirs.adviser).delete(`/api/parties/${party.body.id}`).expect(404);
    const [row] = await h.dataSource.query(`SELECT name FROM case_parties WHERE id = $1`, [party.body.id]);
    expect(row).toEqual({ name: 'DWP' });
  });
});
