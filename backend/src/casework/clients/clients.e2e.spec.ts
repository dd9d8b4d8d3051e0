import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeCase, makeClient, makeStaffedOrganisation, type Staff } from '../../../test/factories.js';
import { createHarness, type Harness, type TestUser } from '../../../test/harness.js';

describe('clients API', () => {
  let h: Harness;
  let ours: Staff;
  let theirs: Staff;
  let commissioner: TestUser;

  beforeAll(async () => {
    h = await createHarness();
    [ours, theirs] = await Promise.all([makeStaffedOrganisation(h), makeStaffedOrganisation(h)]);
    const funder = await h.makeOrganisation({ kind: 'commissioner' });
    commissioner = await h.makeUser(funder.id, 'commissioner');
  });
  afterAll(async () => {
    await h.close();
  });

  it('creates a client and reads it back with its version', async () => {
    const res = await h
      .as(ours.adviser)
      .post('/api/clients')
      .send({
        ref: 'cl-1',
        firstName: 'Ana',
        lastName: 'Ruiz',
        dateOfBirth: '1984-02-11',
        postcodeDistrict: 'e3',
        phone: '020 7946 0000',
        vulnerabilities: ['mental_health', 'language_need'],
        evidenceConsent: true,
      })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      ref: 'cl-1',
      firstName: 'Ana',
      lastName: 'Ruiz',
      dateOfBirth: '1984-02-11',
      postcodeDistrict: 'E3',
      email: null,
      phone: '020 7946 0000',
      vulnerabilities: ['mental_health', 'language_need'],
      evidenceConsent: true,
      contactSafety: {
        safeBy: { phone: null, text: null, voicemail: null, email: null, letter: null, visit: null },
        preferredChannel: null,
        note: null,
        interpreterLanguage: null,
        bsl: false,
        largePrint: false,
        otherAdaptations: null,
      },
      equality: { gender: null, ethnicity: null, disability: null },
      erasedAt: null,
      version: 1,
      possibleDuplicates: [],
    });
    const read = await h.as(ours.adviser).get(`/api/clients/${res.body.id}`).expect(200);
    expect(read.body).toMatchObject({ id: res.body.id, ref: 'cl-1', version: 1 });
    expect(read.body).not.toHaveProperty('organisationId');
  });

  it('generates a ref when none is given', async () => {
    const res = await h.as(ours.adviser).post('/api/clients').send({ firstName: 'Sam' }).expect(201);
    expect(res.body.ref).toMatch(/^CL-[0-9A-F]{8}$/);
  });

  it('warns of possible duplicates: same last name and date of birth, or same names and district', async () => {
    const first = await makeClient(h, ours.adviser, {
      firstName: 'Bilal',
      lastName: 'Haddad',
      dateOfBirth: '1970-05-05',
      postcodeDistrict: 'N1',
    });
    const sameBirth = await h
      .as(ours.adviser)
      .post('/api/clients')
      .send({ firstName: 'B', lastName: 'HADDAD', dateOfBirth: '1970-05-05' })
      .expect(201);
    expect(sameBirth.body.possibleDuplicates).toEqual([
      expect.objectContaining({ id: first.id, lastName: 'Haddad', dateOfBirth: '1970-05-05' }),
    ]);
    const sameDistrict = await h
      .as(ours.adviser)
      .post('/api/clients')
      .send({ firstName: 'bilal', lastName: 'Haddad', postcodeDistrict: 'N1' })
      .expect(201);
    expect(sameDistrict.body.possibleDuplicates.map((d: { id: string }) => d.id)).toContain(first.id);
    const other = await h
      .as(theirs.adviser)
      .post('/api/clients')
      .send({ firstName: 'Bilal', lastName: 'Haddad', dateOfBirth: '1970-05-05', postcodeDistrict: 'N1' })
      .expect(201);
    expect(other.body.possibleDuplicates).toEqual([]);
  });

  it('searches by name, ref and date of birth, within the organisation only', async () => {
    const client = await makeClient(h, ours.adviser, {
      ref: 'SRCH-1',
      firstName: 'Zofia',
      lastName: 'Kowalska',
      dateOfBirth: '1991-12-24',
    });
    await makeClient(h, theirs.adviser, { firstName: 'Zofia', lastName: 'Kowalska' });
    for (const search of ['zofia kow', 'KOWALSKA', 'srch-1', '1991-12-24', '24/12/1991']) {
      const res = await h.as(ours.adviser).get('/api/clients').query({ search }).expect(200);
      expect({ search, ids: res.body.items.map((c: { id: string }) => c.id) }).toEqual({ search, ids: [client.id] });
      expect(res.body.total).toBe(1);
    }
    const none = await h.as(ours.adviser).get('/api/clients').query({ search: '100%_' }).expect(200);
    expect(none.body.items).toEqual([]);
    await h.as(ours.adviser).get('/api/clients').query({ search: 'a\u0000' }).expect(400);
  });

  it('pages the list with limit and offset', async () => {
    const page = await h.as(ours.adviser).get('/api/clients').query({ limit: 2, offset: 1 }).expect(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body).toMatchObject({ limit: 2, offset: 1, total: expect.any(Number) });
    expect(page.body.total).toBeGreaterThan(3);
  });

  it('rejects a limit above 200 and a non-numeric offset', async () => {
    const res = await h.as(ours.adviser).get('/api/clients').query({ limit: 201, offset: 'x' }).expect(400);
    expect(res.body.errors).toEqual([
      { path: 'limit', message: 'must be at most 200' },
      { path: 'offset', message: 'must be a whole number' },
    ]);
  });

  it('updates with the current version and refuses a stale one with the current record', async () => {
    const client = await makeClient(h, ours.adviser, { firstName: 'Old' });
    const ok = await h
      .as(ours.adviser)
      .patch(`/api/clients/${client.id}`)
      .send({ version: 1, firstName: 'New', email: null })
      .expect(200);
    expect(ok.body).toMatchObject({ firstName: 'New', version: 2 });
    const stale = await h
      .as(ours.manager)
      .patch(`/api/clients/${client.id}`)
      .send({ version: 1, firstName: 'Lost' })
      .expect(409);
    expect(stale.body).toMatchObject({
      code: 'stale_version',
      errors: [{ path: 'version', message: expect.stringMatching(/out of date/) }],
      current: { id: client.id, firstName: 'New', version: 2 },
    });
    const read = await h.as(ours.adviser).get(`/api/clients/${client.id}`).expect(200);
    expect(read.body).toMatchObject({ firstName: 'New', version: 2 });
  });

  it('deletes a client without cases, and refuses one with cases', async () => {
    const lonely = await makeClient(h, ours.adviser);
    await h.as(ours.adviser).delete(`/api/clients/${lonely.id}`).expect(204);
    await h.as(ours.adviser).get(`/api/clients/${lonely.id}`).expect(404);
    const kase = await makeCase(h, ours.adviser);
    const res = await h.as(ours.adviser).delete(`/api/clients/${kase.clientId}`).expect(409);
    expect(res.body.errors[0].message).toMatch(/has 1 case/);
  });

  it('refuses a delete with a stale version', async () => {
    const client = await makeClient(h, ours.adviser);
    await h.as(ours.adviser).patch(`/api/clients/${client.id}`).send({ version: 1, phone: '1' }).expect(200);
    const res = await h.as(ours.adviser).delete(`/api/clients/${client.id}`).query({ version: 1 }).expect(409);
    expect(res.body.current).toMatchObject({ version: 2 });
    await h.as(ours.adviser).delete(`/api/clients/${client.id}`).query({ version: 2 }).expect(204);
  });

  it("answers 404 for another organisation's client on every route", async () => {
    const theirClient = await makeClient(h, theirs.adviser);
    const as = h.as(ours.adviser);
    await as.get(`/api/clients/${theirClient.id}`).expect(404);
    await as.patch(`/api/clients/${theirClient.id}`).send({ version: 1, firstName: 'X' }).expect(404);
    await as.delete(`/api/clients/${theirClient.id}`).expect(404);
    const read = await h.as(theirs.adviser).get(`/api/clients/${theirClient.id}`).expect(200);
    expect(read.body.version).toBe(1);
  });

  it('answers 400 naming the parameter for a malformed id', async () => {
    const res = await h.as(ours.adviser).get('/api/clients/not-a-uuid').expect(400);
    expect(res.body.errors).toEqual([{ path: 'id', message: expect.stringMatching(/^must be a UUID/) }]);
  });

  it('forbids commissioners every client route', async () => {
    const client = await makeClient(h, ours.adviser);
    const as = h.as(commissioner);
    await as.get('/api/clients').expect(403);
    await as.post('/api/clients').send({ firstName: 'X' }).expect(403);
    await as.get(`/api/clients/${client.id}`).expect(403);
    await as.patch(`/api/clients/${client.id}`).send({ version: 1 }).expect(403);
    await as.delete(`/api/clients/${client.id}`).expect(403);
  });

  describe('rejects bad input with every problem and its path', () => {
    const cases: Array<[string, Record<string, unknown>, Array<{ path: string; message: unknown }>]> = [
      [
        'wrong types',
        { firstName: 12, evidenceConsent: 'yes', vulnerabilities: 'mental_health' },
        [
          { path: 'firstName', message: 'must be text' },
          { path: 'vulnerabilities', message: 'must be a list' },
          { path: 'evidenceConsent', message: 'must be true or false' },
        ],
      ],
      [
        'strings too long',
        { firstName: 'x'.repeat(101), email: 'e'.repeat(321), phone: '1'.repeat(41) },
        [
          { path: 'firstName', message: 'must be at most 100 characters' },
          { path: 'email', message: 'must be at most 320 characters' },
          { path: 'phone', message: 'must be at most 40 characters' },
        ],
      ],
      [
        'impossible and out-of-range dates',
        { dateOfBirth: '2025-02-30' },
        [{ path: 'dateOfBirth', message: 'must be a real date written YYYY-MM-DD' }],
      ],
      [
        'a date before 1900',
        { dateOfBirth: '1899-12-31' },
        [{ path: 'dateOfBirth', message: 'must be on or after 1900-01-01' }],
      ],
      [
        'a date in the future',
        { dateOfBirth: '2999-01-01' },
        [{ path: 'dateOfBirth', message: 'must not be in the future' }],
      ],
      [
        'a timestamp where a date belongs',
        { dateOfBirth: '1984-02-11T00:00:00Z' },
        [{ path: 'dateOfBirth', message: 'must be a real date written YYYY-MM-DD' }],
      ],
      [
        'a bad postcode district and an unknown vulnerability',
        { postcodeDistrict: 'E3 4AB', vulnerabilities: ['mental_health', 'tired'] },
        [
          { path: 'postcodeDistrict', message: 'must be at most 4 characters' },
          {
            path: 'vulnerabilities',
            message: expect.stringMatching(/^item 1 \("tired"\) must be one of: mental_health/),
          },
        ],
      ],
      ['an empty ref', { ref: '' }, [{ path: 'ref', message: 'must not be empty' }]],
      [
        'a NUL character, which PostgreSQL text cannot store',
        { lastName: 'Ru\u0000iz' },
        [{ path: 'lastName', message: 'must not contain the NUL character' }],
      ],
      [
        'null where a value is required',
        { evidenceConsent: null },
        [{ path: 'evidenceConsent', message: 'cannot be null' }],
      ],
      ['unknown fields', { firstName: 'A', shoeSize: 9 }, [{ path: 'shoeSize', message: 'is not a known field' }]],
    ];
    it.each(cases)('%s', async (_name, body, errors) => {
      const res = await h.as(ours.adviser).post('/api/clients').send(body).expect(400);
      expect(res.body).toEqual({ code: 'validation', errors });
    });

    it('an array where an object is expected', async () => {
      const res = await h
        .as(ours.adviser)
        .post('/api/clients')
        .send([{ firstName: 'A' }]);
      expect(res.status).toBe(400);
      expect(res.body.errors.length).toBeGreaterThan(0);
    });

    it('a 10 MB body gets 413', async () => {
      const res = await h
        .as(ours.adviser)
        .post('/api/clients')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ firstName: 'x'.repeat(10 * 1024 * 1024) }));
      expect(res.status).toBe(413);
      expect(res.body.errors[0].message).toMatch(/too large/);
    });

    it('a string over the limit but under the body limit gets 400, not a database error', async () => {
      const res = await h
        .as(ours.adviser)
        .post('/api/clients')
        .send({ firstName: 'x'.repeat(1024 * 1024) })
        .expect(400);
      expect(res.body.errors).toEqual([{ path: 'firstName', message: 'must be at most 100 characters' }]);
    });

    it('malformed JSON gets 400', async () => {
      const res = await h
        .as(ours.adviser)
        .post('/api/clients')
        .set('Content-Type', 'application/json')
        .send('{"firstName": ');
      expect(res.status).toBe(400);
    });

    it('a PATCH without a version', async () => {
      const client = await makeClient(h, ours.adviser);
      const res = await h.as(ours.adviser).patch(`/api/clients/${client.id}`).send({ firstName: 'A' }).expect(400);
      expect(res.body.errors).toEqual([{ path: 'version', message: 'is required' }]);
    });

    it('a version of 2^63 or 1e308', async () => {
      const client = await makeClient(h, ours.adviser);
      for (const version of [2 ** 63, 1e308, 1.5, '1']) {
        const res = await h.as(ours.adviser).patch(`/api/clients/${client.id}`).send({ version }).expect(400);
        expect(res.body.errors[0].path).toBe('version');
      }
    });
  });
});
