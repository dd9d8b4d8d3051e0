import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  closeCase,
  makeCase,
  makeClient,
  makePartner,
  makeStaffedOrganisation,
  makeTimeEntry,
  OUTCOME,
  type Staff,
} from '../../../test/factories.js';
import { createHarness, type Harness, type TestUser } from '../../../test/harness.js';
import { todayInLondon } from '../../common/dates.js';

describe('cases API', () => {
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

  describe('POST /cases', () => {
    it('opens a case led by the caller, today, when those are left out', async () => {
      const client = await makeClient(h, ours.adviser);
      const res = await h
        .as(ours.adviser)
        .post('/api/cases')
        .send({ clientId: client.id, category: 'debt', fundingStream: 'grant', arrival: { route: 'self' } })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        ref: expect.stringMatching(/^C-[0-9A-F]{8}$/),
        clientId: client.id,
        officeId: null,
        category: 'debt',
        subcategory: null,
        openedOn: todayInLondon(),
        // The client's first contact defaults to the day the case was opened.
        firstContactOn: todayInLondon(),
        closedOn: null,
        status: 'open',
        leadAdviserId: ours.adviser.id,
        fundingStream: 'grant',
        arrival: { route: 'self', referrerPartnerId: null },
        priorOrganisationsContacted: null,
        timesToldStoryBefore: null,
        confidenceAtIntake: null,
        version: 1,
      });
    });

    it('records a referred arrival with its partner', async () => {
      const partner = await makePartner(h, ours.adviser);
      const kase = await makeCase(h, ours.adviser, {
        arrival: { route: 'referred', referrerPartnerId: partner.id },
      });
      const detail = await h.as(ours.adviser).get(`/api/cases/${kase.id}`).expect(200);
      expect(detail.body).toMatchObject({
        arrival: { route: 'referred', referrerPartnerId: partner.id },
        referrerName: partner.name,
      });
    });

    it('refuses a referred arrival without a partner, and a self arrival with one', async () => {
      const client = await makeClient(h, ours.adviser);
      const partner = await makePartner(h, ours.adviser);
      const base = { clientId: client.id, category: 'debt', fundingStream: 'grant' };
      const referred = await h
        .as(ours.adviser)
        .post('/api/cases')
        .send({ ...base, arrival: { route: 'referred' } })
        .expect(400);
      expect(referred.body.errors).toEqual([
        { path: 'arrival.referrerPartnerId', message: 'is required when route is "referred"' },
      ]);
      const self = await h
        .as(ours.adviser)
        .post('/api/cases')
        .send({ ...base, arrival: { route: 'self', referrerPartnerId: partner.id } })
        .expect(400);
      expect(self.body.errors).toEqual([
        { path: 'arrival.referrerPartnerId', message: 'must be left out when route is "self"' },
      ]);
    });

    it("refuses another organisation's client, adviser or partner, naming the field", async () => {
      const theirClient = await makeClient(h, theirs.adviser);
      const theirPartner = await makePartner(h, theirs.adviser);
      const ourClient = await makeClient(h, ours.adviser);
      const base = { clientId: ourClient.id, category: 'debt', fundingStream: 'grant', arrival: { route: 'self' } };
      const attempts: Array<[Record<string, unknown>, string]> = [
        [{ clientId: theirClient.id }, 'clientId'],
        [{ leadAdviserId: theirs.adviser.id }, 'leadAdviserId'],
        [{ arrival: { route: 'referred', referrerPartnerId: theirPartner.id } }, 'arrival.referrerPartnerId'],
      ];
      for (const [change, path] of attempts) {
        const res = await h
          .as(ours.adviser)
          .post('/api/cases')
          .send({ ...base, ...change })
          .expect(422);
        expect(res.body.errors).toEqual([
          { path, message: 'refers to a record that does not exist in your organisation' },
        ]);
      }
    });

    it('refuses a ref already used in the organisation', async () => {
      await makeCase(h, ours.adviser, { ref: 'DUP-1' });
      const client = await makeClient(h, ours.adviser);
      const res = await h
        .as(ours.adviser)
        .post('/api/cases')
        .send({
          ref: 'DUP-1',
          clientId: client.id,
          category: 'debt',
          fundingStream: 'grant',
          arrival: { route: 'self' },
        })
        .expect(409);
      expect(res.body.errors).toEqual([
        { path: 'ref', message: 'is already used by another record in your organisation' },
      ]);
      await makeCase(h, theirs.adviser, { ref: 'DUP-1' });
    });

    it('rejects bad input of every kind with paths', async () => {
      const res = await h
        .as(ours.adviser)
        .post('/api/cases')
        .send({
          clientId: 'not-a-uuid',
          category: 'parking',
          subcategory: 's'.repeat(101),
          openedOn: '2025-13-01',
          fundingStream: null,
          arrival: [],
          priorOrganisationsContacted: 1e308,
          timesToldStoryBefore: -1,
          confidenceAtIntake: 6,
          colour: 'blue',
        })
        .expect(400);
      expect(res.body.errors).toEqual([
        { path: 'colour', message: 'is not a known field' },
        { path: 'clientId', message: 'must be a UUID' },
        { path: 'category', message: expect.stringMatching(/^must be one of: housing, welfare_benefits, debt/) },
        { path: 'subcategory', message: 'must be at most 100 characters' },
        { path: 'openedOn', message: 'must be a real date written YYYY-MM-DD' },
        { path: 'fundingStream', message: 'is required' },
        { path: 'arrival', message: 'must be an object' },
        { path: 'priorOrganisationsContacted', message: 'must be at most 100' },
        { path: 'timesToldStoryBefore', message: 'must be at least 0' },
        { path: 'confidenceAtIntake', message: 'must be at most 5' },
      ]);
    });
  });

  describe('GET /cases/:id', () => {
    it('returns the case with its client, records and measures', async () => {
      const kase = await makeCase(h, ours.adviser, { openedOn: '2025-01-06' });
      await makeTimeEntry(h, ours.adviser, kase.id, { on: '2025-01-09', minutes: 90, class: 'relationship' });
      await makeTimeEntry(h, ours.manager, kase.id, {
        on: '2025-01-10',
        minutes: 30,
        class: 'relationship',
        activity: 'advice_session',
        mode: 'phone',
      });
      await makeTimeEntry(h, ours.adviser, kase.id, {
        on: '2025-01-11',
        minutes: 120,
        class: 'casework',
        activity: 'research',
        mode: 'none',
      });
      await h
        .as(ours.adviser)
        .post(`/api/cases/${kase.id}/feedback`)
        .send({ on: '2025-02-01', items: { time_to_listen: 5, respect: 4 } })
        .expect(201);
      await h
        .as(ours.adviser)
        .post(`/api/cases/${kase.id}/feedback`)
        .send({ on: '2025-03-01', items: { trusted_adviser: 3 } })
        .expect(201);
      await h
        .as(ours.adviser)
        .post(`/api/cases/${kase.id}/problems`)
        .send({ category: 'debt', uncoveredOn: '2025-02-03', action: 'handled_in_house' })
        .expect(201);

      const res = await h.as(ours.adviser).get(`/api/cases/${kase.id}`).expect(200);
      expect(res.body).toMatchObject({
        id: kase.id,
        ref: kase.ref,
        client: { id: kase.clientId, firstName: 'Ana', vulnerabilities: ['mental_health'] },
        leadAdviserName: expect.stringMatching(/^Adviser/),
        timeEntries: [
          expect.objectContaining({ on: '2025-01-09', minutes: 90, adviserName: expect.stringMatching(/^Adviser/) }),
          expect.objectContaining({ on: '2025-01-10', minutes: 30, adviserName: expect.stringMatching(/^Manager/) }),
          expect.objectContaining({ on: '2025-01-11', minutes: 120, class: 'casework' }),
        ],
        feedback: [expect.objectContaining({ items: { time_to_listen: 5, respect: 4 } }), expect.anything()],
        assessment: null,
        problems: [expect.objectContaining({ category: 'debt' })],
        referrals: [],
        outcome: null,
        followUps: [],
      });
      expect(res.body.measures).toEqual({
        relationshipMinutes: 120,
        totalMinutes: 240,
        relationshipShare: 0.5,
        continuity: 0.75,
        firstContactLatencyDays: 3,
        // (5 + 4 + 3) / 3 items = 4 → (4 − 1) / 4 × 100
        rqi: 75,
        rqiItems: 3,
        problemsCount: 1,
      });
    });

    it('shows empty measures as null, not zero, for a case without time or feedback', async () => {
      const kase = await makeCase(h, ours.adviser);
      const res = await h.as(ours.adviser).get(`/api/cases/${kase.id}`).expect(200);
      expect(res.body.measures).toEqual({
        relationshipMinutes: 0,
        totalMinutes: 0,
        relationshipShare: null,
        continuity: null,
        firstContactLatencyDays: null,
        rqi: null,
        rqiItems: 0,
        problemsCount: 0,
      });
    });

    it('updates the measures at once when a time entry changes or goes', async () => {
      const kase = await makeCase(h, ours.adviser, { openedOn: '2025-01-06' });
      const entry = await makeTimeEntry(h, ours.adviser, kase.id, { on: '2025-01-08', minutes: 60 });
      await makeTimeEntry(h, ours.adviser, kase.id, {
        on: '2025-01-09',
        minutes: 60,
        class: 'casework',
        activity: 'letter',
        mode: 'none',
      });
      const before = await h.as(ours.adviser).get(`/api/cases/${kase.id}`).expect(200);
      expect(before.body.measures).toMatchObject({
        relationshipMinutes: 60,
        relationshipShare: 0.5,
        firstContactLatencyDays: 2,
      });

      await h
        .as(ours.adviser)
        .patch(`/api/time-entries/${entry.id}`)
        .send({ version: entry.version, minutes: 180, on: '2025-01-07', adviserId: ours.manager.id })
        .expect(200);
      const after = await h.as(ours.adviser).get(`/api/cases/${kase.id}`).expect(200);
      expect(after.body.measures).toMatchObject({
        relationshipMinutes: 180,
        totalMinutes: 240,
        relationshipShare: 0.75,
        continuity: 0,
        firstContactLatencyDays: 1,
      });

      await h.as(ours.adviser).delete(`/api/time-entries/${entry.id}`).expect(204);
      const gone = await h.as(ours.adviser).get(`/api/cases/${kase.id}`).expect(200);
      expect(gone.body.measures).toMatchObject({ relationshipMinutes: 0, totalMinutes: 60, relationshipShare: 0 });
    });
  });

  describe('PATCH /cases/:id', () => {
    it('changes the fields sent and nothing else, bumping the version', async () => {
      const kase = await makeCase(h, ours.adviser);
      const partner = await makePartner(h, ours.adviser);
      const res = await h
        .as(ours.adviser)
        .patch(`/api/cases/${kase.id}`)
        .send({
          version: 1,
          category: 'welfare_benefits',
          subcategory: null,
          arrival: { route: 'referred', referrerPartnerId: partner.id },
        })
        .expect(200);
      expect(res.body).toMatchObject({
        category: 'welfare_benefits',
        subcategory: null,
        fundingStream: 'legal_aid_fixed_fee',
        leadAdviserId: ours.adviser.id,
        arrival: { route: 'referred', referrerPartnerId: partner.id },
        version: 2,
      });
    });

    it('refuses a change of lead adviser, pointing to /reassign, and changes nothing', async () => {
      const kase = await makeCase(h, ours.adviser);
      for (const user of [ours.adviser, ours.manager]) {
        const res = await h
          .as(user)
          .patch(`/api/cases/${kase.id}`)
          .send({ version: 1, subcategory: 'disrepair', leadAdviserId: ours.manager.id })
          .expect(422);
        expect(res.body.errors).toEqual([
          { path: 'leadAdviserId', message: expect.stringContaining('POST /api/cases/{id}/reassign') },
        ]);
      }
      const [row] = await h.dataSource.query(`SELECT lead_adviser_id, subcategory, version FROM cases WHERE id = $1`, [
        kase.id,
      ]);
      expect(row).toEqual({ lead_adviser_id: ours.adviser.id, subcategory: kase.subcategory ?? null, version: 1 });
    });

    it('refuses a stale version with the current case and leaves the row unchanged', async () => {
      const kase = await makeCase(h, ours.adviser);
      await h
        .as(ours.adviser)
        .patch(`/api/cases/${kase.id}`)
        .send({ version: 1, subcategory: 'disrepair' })
        .expect(200);
      const res = await h
        .as(ours.manager)
        .patch(`/api/cases/${kase.id}`)
        .send({ version: 1, subcategory: 'bailiffs', category: 'debt' })
        .expect(409);
      expect(res.body).toMatchObject({
        code: 'stale_version',
        current: { id: kase.id, subcategory: 'disrepair', version: 2 },
      });
      const [row] = await h.dataSource.query(`SELECT subcategory, category, version FROM cases WHERE id = $1`, [
        kase.id,
      ]);
      expect(row).toEqual({ subcategory: 'disrepair', category: 'housing', version: 2 });
    });

    it('lets exactly one of two concurrent saves of the same version win', async () => {
      const kase = await makeCase(h, ours.adviser);
      const results = await Promise.all(
        ['disrepair', 'homelessness', 'allocation', 'tenancy_deposit'].map((subcategory) =>
          h.as(ours.adviser).patch(`/api/cases/${kase.id}`).send({ version: 1, subcategory }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
      const winner = results.find((r) => r.status === 200)?.body.subcategory;
      const [row] = await h.dataSource.query(`SELECT subcategory, version FROM cases WHERE id = $1`, [kase.id]);
      expect(row).toEqual({ subcategory: winner, version: 2 });
    });

    it('records confidence at intake: audited, in subject access, and the "before" of the change in confidence', async () => {
      const client = await makeClient(h, ours.adviser);
      const opened = await h
        .as(ours.adviser)
        .post('/api/cases')
        .send({
          clientId: client.id,
          category: 'debt',
          fundingStream: 'grant',
          arrival: { route: 'self' },
          openedOn: '2025-01-06',
          confidenceAtIntake: 3,
        })
        .expect(201);
      expect(opened.body.confidenceAtIntake).toBe(3);
      const bad = await h
        .as(ours.adviser)
        .patch(`/api/cases/${opened.body.id}`)
        .send({ version: 1, confidenceAtIntake: 2.5 })
        .expect(400);
      expect(bad.body.errors).toEqual([{ path: 'confidenceAtIntake', message: 'must be a whole number' }]);
      const patched = await h
        .as(ours.adviser)
        .patch(`/api/cases/${opened.body.id}`)
        .send({ version: 1, confidenceAtIntake: 1 })
        .expect(200);
      expect(patched.body).toMatchObject({ confidenceAtIntake: 1, version: 2 });
      const [audit] = await h.dataSource.query(
        `SELECT details FROM audit_log WHERE entity = 'case' AND action = 'update' AND $1 = ANY(entity_ids)`,
        [opened.body.id],
      );
      expect(audit.details).toMatchObject({ fields: ['confidenceAtIntake'] });

      // Closed with a close-time "before" of 4 and "after" of 3: the change counts from intake (1 → 3), not 4 → 3.
      await closeCase(h, ours.adviser, patched.body, {
        outcome: { ...OUTCOME, confidenceBefore: 4, confidenceAfter: 3 },
      });
      const [facts] = await h.dataSource.query(
        `SELECT confidence_before, confidence_after FROM case_facts WHERE case_id = $1`,
        [opened.body.id],
      );
      expect(facts).toEqual({ confidence_before: 1, confidence_after: 3 });
      const detail = await h.as(ours.adviser).get(`/api/cases/${opened.body.id}`).expect(200);
      expect(detail.body.confidenceAtIntake).toBe(1);
      const sar = await h.as(ours.manager).get(`/api/clients/${client.id}/subject-access`).expect(200);
      expect(sar.body.cases[0]).toMatchObject({ id: opened.body.id, confidenceAtIntake: 1 });
    });

    it('refuses an opening date after the closing date, naming openedOn', async () => {
      const kase = await makeCase(h, ours.adviser, { openedOn: '2025-01-06' });
      const closed = await closeCase(h, ours.adviser, kase, { closedOn: '2025-02-01' });
      const res = await h
        .as(ours.adviser)
        .patch(`/api/cases/${kase.id}`)
        .send({ version: closed.version, openedOn: '2025-03-01' })
        .expect(422);
      expect(res.body.errors).toEqual([
        { path: 'openedOn', message: 'must be on or before the date the case was closed' },
      ]);
    });
  });

  describe('GET /cases', () => {
    let mineOpen: Record<string, unknown>;
    let theirsClosed: Record<string, unknown>;
    let dueFollowUp: Record<string, unknown>;
    let followedUp: Record<string, unknown>;
    let org: Staff;

    beforeAll(async () => {
      org = await makeStaffedOrganisation(h);
      // A fixed ref: a generated one (C- and eight hex digits) holds "E3" one time in forty or so.
      const client = await makeClient(h, org.adviser, {
        ref: 'GN-1',
        firstName: 'Grace',
        lastName: 'Nkemelu',
        postcodeDistrict: 'SE3',
      });
      mineOpen = await makeCase(h, org.adviser, { ref: 'LIST-1', clientId: client.id, openedOn: '2025-03-01' });
      const managerCase = await makeCase(h, org.manager, { ref: 'LIST-2', openedOn: '2025-02-01' });
      theirsClosed = await closeCase(h, org.manager, managerCase, { closedOn: todayInLondon() });
      const old = await makeCase(h, org.adviser, { ref: 'LIST-3', openedOn: '2020-01-01' });
      dueFollowUp = await closeCase(h, org.adviser, old, { closedOn: '2020-06-01' });
      const older = await makeCase(h, org.adviser, { ref: 'LIST-4', openedOn: '2019-01-01' });
      followedUp = await closeCase(h, org.adviser, older, { closedOn: '2019-06-01' });
      await h
        .as(org.adviser)
        .post(`/api/cases/${followedUp.id}/follow-ups`)
        .send({ on: '2019-12-01', recontact: 'none', outcomeSustained: true })
        .expect(201);
    });

    const refs = (body: { items: Array<{ ref: string }> }) => body.items.map((c) => c.ref);

    it('lists the organisation’s cases newest first with client and adviser names', async () => {
      const res = await h.as(org.adviser).get('/api/cases').expect(200);
      expect(refs(res.body)).toEqual(['LIST-1', 'LIST-2', 'LIST-3', 'LIST-4']);
      expect(res.body.total).toBe(4);
      expect(res.body.items[0]).toEqual({
        id: mineOpen.id,
        ref: 'LIST-1',
        clientId: mineOpen.clientId,
        clientName: 'Grace Nkemelu',
        category: 'housing',
        subcategory: 'possession',
        openedOn: '2025-03-01',
        closedOn: null,
        status: 'open',
        leadAdviserId: org.adviser.id,
        leadAdviserName: expect.stringMatching(/^Adviser/),
        version: 1,
      });
    });

    it('filters by status, by mine, by search and by due follow-up', async () => {
      const as = h.as(org.adviser);
      expect(refs((await as.get('/api/cases?status=open').expect(200)).body)).toEqual(['LIST-1']);
      expect(refs((await as.get('/api/cases?status=closed').expect(200)).body)).toEqual(['LIST-2', 'LIST-3', 'LIST-4']);
      expect(refs((await as.get('/api/cases?mine=true').expect(200)).body)).toEqual(['LIST-1', 'LIST-3', 'LIST-4']);
      expect(refs((await as.get('/api/cases?search=nkemelu').expect(200)).body)).toEqual(['LIST-1']);
      expect(refs((await as.get('/api/cases?search=list-2').expect(200)).body)).toEqual(['LIST-2']);
      // A postcode district matches whole ("E3" is not part of "SE3").
      expect(refs((await as.get('/api/cases?search=se3').expect(200)).body)).toEqual(['LIST-1']);
      expect(refs((await as.get('/api/cases?search=E3').expect(200)).body)).toEqual(['LIST-2', 'LIST-3', 'LIST-4']);
      const clients = (await as.get('/api/clients?search=se3').expect(200)).body as {
        items: Array<{ lastName: string }>;
      };
      expect(clients.items.map((c) => c.lastName)).toEqual(['Nkemelu']);
      expect(refs((await as.get('/api/cases?dueFollowUp=true').expect(200)).body)).toEqual(['LIST-3']);
      expect(theirsClosed.status).toBe('closed');
      expect(dueFollowUp.status).toBe('closed');
    });

    it('pages with limit and offset and reports the total past the end', async () => {
      const page = await h.as(org.adviser).get('/api/cases?limit=2&offset=2').expect(200);
      expect(refs(page.body)).toEqual(['LIST-3', 'LIST-4']);
      const past = await h.as(org.adviser).get('/api/cases?limit=2&offset=10').expect(200);
      expect(past.body).toEqual({ items: [], total: 4, limit: 2, offset: 10 });
    });

    it('rejects bad filters with paths', async () => {
      const res = await h
        .as(org.adviser)
        .get('/api/cases')
        .query({ status: 'pending', mine: 'yes', limit: '1e3', search: 's'.repeat(201) })
        .expect(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          { path: 'limit', message: 'must be a whole number' },
          { path: 'search', message: 'must be at most 200 characters' },
          { path: 'status', message: 'must be one of: open, closed' },
          { path: 'mine', message: 'must be true or false' },
        ]),
      );
      expect(res.body.errors).toHaveLength(4);
    });
  });

  it("answers 404 for another organisation's case on every route", async () => {
    const theirCase = await makeCase(h, theirs.adviser);
    const as = h.as(ours.adviser);
    const id = String(theirCase.id);
    await as.get(`/api/cases/${id}`).expect(404);
    await as.patch(`/api/cases/${id}`).send({ version: 1, subcategory: 'x' }).expect(404);
    await as
      .post(`/api/cases/${id}/close`)
      .send({ version: 1, closedOn: '2025-02-01', outcome: { result: 'positive' } })
      .expect(404);
    await as.post(`/api/cases/${id}/reopen`).send({ version: 1 }).expect(404);
    const list = await as
      .get('/api/cases')
      .query({ search: String(theirCase.ref) })
      .expect(200);
    expect(list.body.items).toEqual([]);
    const [row] = await h.dataSource.query(`SELECT subcategory, closed_on, version FROM cases WHERE id = $1`, [id]);
    expect(row).toEqual({ subcategory: 'possession', closed_on: null, version: 1 });
  });

  it('describes every casework route in the OpenAPI document, with its response type', async () => {
    const res = await h.http().get('/api/openapi.json').expect(200);
    const paths = res.body.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    const routes = [
      'get /api/clients',
      'post /api/clients',
      'get /api/clients/{id}',
      'patch /api/clients/{id}',
      'delete /api/clients/{id}',
      'get /api/cases',
      'post /api/cases',
      'get /api/cases/{id}',
      'patch /api/cases/{id}',
      'post /api/cases/{id}/close',
      'post /api/cases/{id}/reopen',
      'post /api/cases/{id}/time-entries',
      'post /api/time-entries/quick',
      'patch /api/time-entries/{id}',
      'delete /api/time-entries/{id}',
      'post /api/cases/{id}/feedback',
      'put /api/cases/{id}/assessment',
      'post /api/cases/{id}/problems',
      'patch /api/problems/{id}',
      'post /api/cases/{id}/referrals',
      'patch /api/referrals/{id}',
      'post /api/cases/{id}/follow-ups',
      'get /api/offices',
      'post /api/offices',
      'get /api/partners',
      'post /api/partners',
      'patch /api/partners/{id}',
      'get /api/feedback-items',
    ];
    for (const route of routes) {
      const [method, path] = route.split(' ');
      expect({ route, documented: Boolean(paths[path]?.[method]) }).toEqual({ route, documented: true });
    }
    expect(paths['/api/cases/{id}'].get.responses['200']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CaseDetailDto' } } },
    });
  });

  it('answers 400 for a malformed case id', async () => {
    const res = await h.as(ours.adviser).get('/api/cases/123').expect(400);
    expect(res.body.errors).toEqual([{ path: 'id', message: expect.stringMatching(/^must be a UUID/) }]);
  });

  it('forbids commissioners every case route', async () => {
    const kase = await makeCase(h, ours.adviser);
    const as = h.as(commissioner);
    await as.get('/api/cases').expect(403);
    await as.post('/api/cases').send({}).expect(403);
    await as.get(`/api/cases/${kase.id}`).expect(403);
    await as.patch(`/api/cases/${kase.id}`).send({ version: 1 }).expect(403);
    await as.post(`/api/cases/${kase.id}/close`).send({}).expect(403);
    await as.post(`/api/cases/${kase.id}/reopen`).send({}).expect(403);
  });
});
