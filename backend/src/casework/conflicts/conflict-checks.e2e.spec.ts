import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeCase, makeClient, makeStaffedOrganisation, type Staff } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';

describe('conflict checks', () => {
  let h: Harness;
  let ours: Staff;
  let theirs: Staff;
  let oldCase: Record<string, unknown>;
  let landlord: Record<string, unknown>;
  let client: Record<string, unknown>;

  beforeAll(async () => {
    h = await createHarness();
    [ours, theirs] = await Promise.all([makeStaffedOrganisation(h), makeStaffedOrganisation(h)]);
    client = await makeClient(h, ours.adviser, { firstName: 'Kwame', lastName: 'Mensah', dateOfBirth: '1979-03-04' });
    oldCase = await makeCase(h, ours.adviser, { clientId: client.id });
    landlord = (
      await h
        .as(ours.adviser)
        .post(`/api/cases/${oldCase.id}/parties`)
        .send({
          role: 'opponent',
          opponentType: 'landlord',
          kind: 'person',
          name: 'Gerald Whitcombe',
          postcodeDistrict: 'E3',
        })
        .expect(201)
    ).body;
    // Another organisation holds the same names: never shown to us.
    const other = await makeClient(h, theirs.adviser, { firstName: 'Gerald', lastName: 'Whitcombe' });
    await makeCase(h, theirs.adviser, { clientId: other.id });
  });
  afterAll(async () => {
    await h.close();
  });

  const search = (query: string) =>
    h.as(ours.adviser).get(`/api/conflict-checks/search?${query}`).expect(200) as Promise<{
      body: { items: Array<Record<string, unknown>> };
    }>;

  it('finds a party by a name with a typo, in either order, and a client by date of birth alone; audits what it showed', async () => {
    for (const name of ['Gerald Whitcomb', 'Whitcombe Gerald', 'gerrald whitcombe']) {
      const res = await search(`name=${encodeURIComponent(name)}`);
      expect(res.body.items[0]).toMatchObject({
        source: 'party',
        id: landlord.id,
        caseId: oldCase.id,
        name: 'Gerald Whitcombe',
        ref: oldCase.ref,
        role: 'opponent',
        opponentType: 'landlord',
        matchedOn: ['name'],
      });
      expect(res.body.items.every((x) => x.name !== 'Gerald Whitcombe' || x.source === 'party')).toBe(true);
    }
    const byBirth = await search('name=Nobody%20Similar&dateOfBirth=1979-03-04');
    expect(byBirth.body.items).toEqual([
      expect.objectContaining({ source: 'client', id: client.id, name: 'Kwame Mensah', matchedOn: ['dateOfBirth'] }),
    ]);
    const [audit] = await h.dataSource.query(
      `SELECT action, entity_ids, details FROM audit_log WHERE entity = 'conflict_check' AND action = 'read'
        ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({
      action: 'read',
      entity_ids: [client.id],
      details: { clientIds: [client.id], operation: 'search' },
    });
    await h.as(ours.adviser).get(`/api/conflict-checks/search?name=G`).expect(400);
    await h.as(ours.adviser).get(`/api/conflict-checks/search?name=Gerald&postcodeDistrict=nope`).expect(400);
  });

  it('ranks the same date of birth and postcode district above a name alone', async () => {
    const a = await makeClient(h, ours.adviser, {
      firstName: 'Maria',
      lastName: 'Lopez',
      dateOfBirth: '1990-01-01',
      postcodeDistrict: 'N1',
    });
    const b = await makeClient(h, ours.adviser, {
      firstName: 'Maria',
      lastName: 'Lopez',
      dateOfBirth: '1991-05-05',
      postcodeDistrict: 'E3',
    });
    const res = await search('name=Lopez%20Maria&dateOfBirth=1991-05-05&postcodeDistrict=e3');
    expect(res.body.items.slice(0, 2).map((x) => [x.id, x.matchedOn])).toEqual([
      [b.id, ['name', 'dateOfBirth', 'postcodeDistrict']],
      [a.id, ['name']],
    ]);
  });

  it('matches words one letter off in any order, apostrophes and hyphens as the database splits them, and falls back to likeness', async () => {
    const obrien = await makeClient(h, ours.adviser, { firstName: 'Siobhan', lastName: "O'Brien-Kowalska" });
    // One letter swapped, replaced, dropped, added; the words in either order.
    for (const name of [
      'kowalska siobhan',
      'obrien siobahn',
      'Siobhan OBrian',
      'kowalksa',
      'siobhan obrein',
      'Sobhan',
      'Siobhaan',
    ]) {
      const res = await search(`name=${encodeURIComponent(name)}`);
      expect({ name, first: res.body.items[0] }).toEqual({
        name,
        first: expect.objectContaining({ id: obrien.id, matchedOn: ['name'] }),
      });
    }
    // Two letters off in one word: no word is that close, so names alike as a whole are found.
    const res = await search(`name=${encodeURIComponent('Siobhan Kovalsky')}`);
    expect(res.body.items.map((x) => x.id)).toContain(obrien.id);
  });

  it('follows a renamed client, and an erased one is found by neither name nor reference', async () => {
    const found = async (name: string, id: unknown) =>
      (await search(`name=${encodeURIComponent(name)}`)).body.items.some((x) => x.id === id);
    const renamed = await makeClient(h, ours.adviser, { firstName: 'Thaddeus', lastName: 'Quillfeather' });
    expect(await found('Thadeus Quilfeather', renamed.id)).toBe(true);
    await h
      .as(ours.adviser)
      .patch(`/api/clients/${renamed.id}`)
      .send({ version: renamed.version, lastName: 'Brackenbury' })
      .expect(200);
    expect(await found('Thaddeus Quillfeather', renamed.id)).toBe(false);
    expect(await found('Thadeus Brakenbury', renamed.id)).toBe(true);

    const erased = await makeClient(h, ours.adviser, { firstName: 'Ottoline', lastName: 'Vasquezby' });
    await makeCase(h, ours.adviser, { clientId: erased.id });
    expect(await found('Otoline Vasquezby', erased.id)).toBe(true);
    await h.as(ours.manager).post(`/api/clients/${erased.id}/erase`).expect(200);
    for (const name of ['Ottoline Vasquezby', 'Otoline Vasquezby', 'Vasquezby', String(erased.ref)])
      expect({ name, found: await found(name, erased.id) }).toEqual({ name, found: false });
  });

  it("finds a client by their reference or their case's, and a party by the reference held for them", async () => {
    const kase = await makeCase(h, ours.adviser);
    const party = (
      await h
        .as(ours.adviser)
        .post(`/api/cases/${kase.id}/parties`)
        .send({ role: 'third_party', kind: 'person', name: 'Perpetua Oyelaran', reference: 'QQ 12 34 56 C' })
        .expect(201)
    ).body;
    const top = async (text: string) => (await search(`name=${encodeURIComponent(text)}`)).body.items[0];
    const [{ ref: clientRef }] = await h.dataSource.query(`SELECT ref FROM clients WHERE id = $1`, [kase.clientId]);
    for (const text of [clientRef, String(clientRef).toLowerCase(), String(kase.ref)])
      expect({ text, top: await top(text) }).toEqual({
        text,
        top: expect.objectContaining({ source: 'client', id: kase.clientId, matchedOn: ['reference'] }),
      });
    for (const text of ['qq123456c', 'QQ 123456 C'])
      expect({ text, top: await top(text) }).toEqual({
        text,
        top: expect.objectContaining({ source: 'party', id: party.id, caseId: kase.id, matchedOn: ['reference'] }),
      });
    // Another organisation's references find nothing here.
    const theirCase = await makeCase(h, theirs.adviser);
    const theirs_ = await search(`name=${encodeURIComponent(String(theirCase.ref))}`);
    expect(theirs_.body.items.filter((x) => x.caseId === theirCase.id || x.clientId === theirCase.clientId)).toEqual(
      [],
    );
  });

  it('opens a case with the client’s check stored on it and audited with its result; a missing reason writes nothing', async () => {
    const newClient = await makeClient(h, ours.adviser, {
      firstName: 'Geraldine',
      lastName: 'Whitcombe',
      dateOfBirth: '1961-07-08',
    });
    const cases = async () => (await h.dataSource.query(`SELECT count(*)::int AS n FROM cases`))[0].n;
    const before = await cases();
    const refused = await h
      .as(ours.adviser)
      .post('/api/cases')
      .send({
        clientId: newClient.id,
        category: 'housing',
        fundingStream: 'grant',
        arrival: { route: 'self' },
        conflictCheck: { result: 'conflict_can_proceed' },
      })
      .expect(400);
    expect(refused.body.errors).toEqual([
      { path: 'conflictCheck.reason', message: expect.stringMatching(/^is required when a conflict was found/) },
    ]);
    expect(await cases()).toBe(before);

    const kase = await h
      .as(ours.adviser)
      .post('/api/cases')
      .send({
        clientId: newClient.id,
        category: 'housing',
        fundingStream: 'grant',
        arrival: { route: 'self' },
        conflictCheck: {
          result: 'conflict_can_proceed',
          reason: 'Different person: the landlord is her father-in-law, no shared matter',
        },
      })
      .expect(201);
    const checks = await h.as(ours.adviser).get(`/api/cases/${kase.body.id}/conflict-checks`).expect(200);
    expect(checks.body).toEqual([
      expect.objectContaining({
        caseId: kase.body.id,
        subject: 'client',
        partyId: null,
        searchedName: 'Geraldine Whitcombe',
        searchedDateOfBirth: '1961-07-08',
        result: 'conflict_can_proceed',
        reason: 'Different person: the landlord is her father-in-law, no shared matter',
        checkedById: ours.adviser.id,
        checkedByName: expect.stringMatching(/^Adviser/),
      }),
    ]);
    expect(checks.body[0].matches[0]).toMatchObject({ source: 'party', id: landlord.id, name: 'Gerald Whitcombe' });
    // The client's own record is never a match for themself.
    expect(checks.body[0].matches.some((x: { id: string }) => x.id === newClient.id)).toBe(false);
    const audit = await h.dataSource.query(
      `SELECT action, details FROM audit_log WHERE entity = 'conflict_check' AND $1 = ANY(entity_ids) ORDER BY id`,
      [checks.body[0].id],
    );
    expect(audit).toEqual([
      {
        action: 'create',
        details: {
          caseIds: [kase.body.id],
          subject: 'client',
          result: 'conflict_can_proceed',
          matched: checks.body[0].matches.map((x: { id: string }) => x.id),
        },
      },
      { action: 'read', details: { caseIds: [kase.body.id] } }, // the list just shown
    ]);
    // Neither the name searched nor the reason is copied into the audit log.
    expect(await h.dataSource.query(`SELECT 1 FROM audit_log WHERE details::text LIKE '%father-in-law%'`)).toEqual([]);
  });

  it('adds a party with its check in one action, and checks a party of the case again; another case’s party is refused', async () => {
    const kase = await makeCase(h, ours.adviser);
    const parties = async () => (await h.dataSource.query(`SELECT count(*)::int AS n FROM case_parties`))[0].n;
    const before = await parties();
    await h
      .as(ours.adviser)
      .post(`/api/cases/${kase.id}/parties`)
      .send({ role: 'opponent', kind: 'person', name: 'Kwame Mensa', conflictCheck: { result: 'maybe' } })
      .expect(400);
    expect(await parties()).toBe(before);
    const party = await h
      .as(ours.adviser)
      .post(`/api/cases/${kase.id}/parties`)
      .send({
        role: 'opponent',
        kind: 'person',
        name: 'Kwame Mensa',
        conflictCheck: { result: 'cannot_act', reason: 'We act for Kwame Mensah' },
      })
      .expect(201);
    const again = await h
      .as(ours.adviser)
      .post(`/api/cases/${kase.id}/conflict-checks`)
      .send({ subject: 'party', partyId: party.body.id, result: 'cannot_act', reason: 'Still our client' })
      .expect(201);
    expect(again.body).toMatchObject({ subject: 'party', partyId: party.body.id, searchedName: 'Kwame Mensa' });
    expect(again.body.matches[0]).toMatchObject({ source: 'client', id: client.id, matchedOn: ['name'] });
    const checks = await h.as(ours.adviser).get(`/api/cases/${kase.id}/conflict-checks`).expect(200);
    expect(checks.body.map((c: { result: string }) => c.result)).toEqual(['cannot_act', 'cannot_act']);

    const wrong = await h
      .as(ours.adviser)
      .post(`/api/cases/${kase.id}/conflict-checks`)
      .send({ subject: 'party', partyId: landlord.id, result: 'no_conflict' })
      .expect(400);
    expect(wrong.body.errors).toEqual([{ path: 'partyId', message: 'is not a party of this case' }]);
    // A reason that is not text is a 400 naming it, not a 500 (found by the resilience fuzz).
    const notText = await h
      .as(ours.adviser)
      .post(`/api/cases/${kase.id}/conflict-checks`)
      .send({ subject: 'client', result: 'cannot_act', reason: [] })
      .expect(400);
    expect(notText.body.errors.map((e: { path: string }) => e.path)).toContain('reason');
    await h
      .as(theirs.adviser)
      .post(`/api/cases/${kase.id}/conflict-checks`)
      .send({ subject: 'client', result: 'no_conflict' })
      .expect(404);
    await h.as(theirs.adviser).get(`/api/cases/${kase.id}/conflict-checks`).expect(404);
  });
});
