/** The records kept on a case besides time: feedback, assessment, problems, referrals, follow-ups. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { closeCase, makeCase, makePartner, makeStaffedOrganisation, type Staff } from '../../test/factories.js';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';

describe('case records API', () => {
  let h: Harness;
  let ours: Staff;
  let theirs: Staff;
  let commissioner: TestUser;
  let kase: Record<string, unknown>;
  let theirCase: Record<string, unknown>;
  let partner: Record<string, unknown>;

  beforeAll(async () => {
    h = await createHarness();
    [ours, theirs] = await Promise.all([makeStaffedOrganisation(h), makeStaffedOrganisation(h)]);
    const funder = await h.makeOrganisation({ kind: 'commissioner' });
    commissioner = await h.makeUser(funder.id, 'commissioner');
    kase = await makeCase(h, ours.adviser);
    theirCase = await makeCase(h, theirs.adviser);
    partner = await makePartner(h, ours.adviser);
  });
  afterAll(async () => {
    await h.close();
  });

  describe('feedback', () => {
    it('records a feedback form scored against the default items', async () => {
      const res = await h
        .as(ours.adviser)
        .post(`/api/cases/${kase.id}/feedback`)
        .send({ on: '2025-04-30', items: { time_to_listen: 5, on_my_side: 4 }, comment: 'Thank you', source: 'link' })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        caseId: kase.id,
        on: '2025-04-30',
        items: { time_to_listen: 5, on_my_side: 4 },
        comment: 'Thank you',
        source: 'link',
        version: 1,
      });
    });

    it('uses the organisation’s own item set when it has one', async () => {
      const org = await makeStaffedOrganisation(h);
      await h.dataSource.query(
        `INSERT INTO feedback_items (organisation_id, key, label, position) VALUES ($1, 'felt_heard', 'I felt heard', 1)`,
        [org.organisationId],
      );
      const items = await h.as(org.adviser).get('/api/feedback-items').expect(200);
      expect(items.body).toEqual([{ key: 'felt_heard', label: 'I felt heard' }]);
      const own = await makeCase(h, org.adviser);
      await h
        .as(org.adviser)
        .post(`/api/cases/${own.id}/feedback`)
        .send({ on: '2025-04-30', items: { felt_heard: 5 } })
        .expect(201);
      const res = await h
        .as(org.adviser)
        .post(`/api/cases/${own.id}/feedback`)
        .send({ on: '2025-04-30', items: { respect: 5 } })
        .expect(400);
      expect(res.body.errors).toEqual([
        { path: 'items.respect', message: 'is not a feedback item here (expected felt_heard)' },
      ]);
    });

    it('rejects unknown items and scores outside 1–5, each at its own path', async () => {
      const res = await h
        .as(ours.adviser)
        .post(`/api/cases/${kase.id}/feedback`)
        .send({ on: '2025-04-30', items: { respect: 6, time_to_listen: 2.5, trusted_adviser: '5', mood: 3 } })
        .expect(400);
      expect(res.body.errors).toEqual([
        { path: 'items.respect', message: 'must be a whole number from 1 to 5' },
        { path: 'items.time_to_listen', message: 'must be a whole number from 1 to 5' },
        { path: 'items.trusted_adviser', message: 'must be a whole number from 1 to 5' },
        {
          path: 'items.mood',
          message: expect.stringMatching(/^is not a feedback item here \(expected time_to_listen, respect/),
        },
      ]);
    });

    it('rejects items that are not an object, an empty form, and a long comment', async () => {
      const as = h.as(ours.adviser);
      const list = await as
        .post(`/api/cases/${kase.id}/feedback`)
        .send({ on: '2025-04-30', items: [5, 4] })
        .expect(400);
      expect(list.body.errors).toEqual([
        { path: 'items', message: 'must be an object of item → score, e.g. {"respect": 5}' },
      ]);
      const empty = await as.post(`/api/cases/${kase.id}/feedback`).send({ on: '2025-04-30', items: {} }).expect(400);
      expect(empty.body.errors).toEqual([
        { path: 'items', message: 'must score at least one item, or leave a comment' },
      ]);
      const long = await as
        .post(`/api/cases/${kase.id}/feedback`)
        .send({ on: '2025-04-30', items: { respect: 5 }, comment: 'c'.repeat(5001), source: 'email' })
        .expect(400);
      expect(long.body.errors).toEqual([
        { path: 'comment', message: 'must be at most 5000 characters' },
        { path: 'source', message: 'must be one of: paper, link, in_person' },
      ]);
    });

    it("answers 404 for another organisation's case", async () => {
      await h
        .as(ours.adviser)
        .post(`/api/cases/${theirCase.id}/feedback`)
        .send({ on: '2025-04-30', items: { respect: 5 } })
        .expect(404);
    });
  });

  describe('adviser assessment', () => {
    it('records the first assessment without a version, then replaces it with one', async () => {
      const own = await makeCase(h, ours.adviser);
      const first = await h
        .as(ours.adviser)
        .put(`/api/cases/${own.id}/assessment`)
        .send({ trust: 4, disclosure: 'partly' })
        .expect(200);
      expect(first.body).toEqual({
        id: expect.any(String),
        caseId: own.id,
        trust: 4,
        disclosure: 'partly',
        version: 1,
      });
      const second = await h
        .as(ours.adviser)
        .put(`/api/cases/${own.id}/assessment`)
        .send({ version: 1, trust: 5, disclosure: 'yes' })
        .expect(200);
      expect(second.body).toMatchObject({ id: first.body.id, trust: 5, disclosure: 'yes', version: 2 });
      const detail = await h.as(ours.adviser).get(`/api/cases/${own.id}`).expect(200);
      expect(detail.body.assessment).toEqual(second.body);
    });

    it('refuses a second "first" assessment and a stale version, returning the current one', async () => {
      const own = await makeCase(h, ours.adviser);
      await h.as(ours.adviser).put(`/api/cases/${own.id}/assessment`).send({ trust: 3 }).expect(200);
      const again = await h.as(ours.manager).put(`/api/cases/${own.id}/assessment`).send({ trust: 1 }).expect(409);
      expect(again.body).toMatchObject({ code: 'stale_version', current: { trust: 3, version: 1 } });
      await h.as(ours.adviser).put(`/api/cases/${own.id}/assessment`).send({ version: 1, trust: 4 }).expect(200);
      const stale = await h
        .as(ours.manager)
        .put(`/api/cases/${own.id}/assessment`)
        .send({ version: 1, trust: 2 })
        .expect(409);
      expect(stale.body.current).toMatchObject({ trust: 4, version: 2 });
    });

    it('lets exactly one of many concurrent first assessments in', async () => {
      const own = await makeCase(h, ours.adviser);
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map((trust) => h.as(ours.adviser).put(`/api/cases/${own.id}/assessment`).send({ trust })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    });

    it('rejects a bad assessment and answers 404 for another organisation', async () => {
      const bad = await h
        .as(ours.adviser)
        .put(`/api/cases/${kase.id}/assessment`)
        .send({ trust: 0, disclosure: 'mostly' })
        .expect(400);
      expect(bad.body.errors).toEqual([
        { path: 'trust', message: 'must be a whole number from 1 to 5' },
        { path: 'disclosure', message: 'must be one of: yes, partly, no' },
      ]);
      await h.as(ours.adviser).put(`/api/cases/${theirCase.id}/assessment`).send({ trust: 3 }).expect(404);
      await h.as(ours.adviser).put(`/api/cases/${theirCase.id}/assessment`).send({ version: 1, trust: 3 }).expect(404);
    });
  });

  describe('underlying problems', () => {
    it('records a problem and updates it with its version', async () => {
      const created = await h
        .as(ours.adviser)
        .post(`/api/cases/${kase.id}/problems`)
        .send({
          category: 'debt',
          description: 'Rent arrears behind the eviction',
          uncoveredOn: '2025-02-03',
          action: 'referred_warm',
          partnerId: partner.id,
        })
        .expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        caseId: kase.id,
        category: 'debt',
        description: 'Rent arrears behind the eviction',
        uncoveredOn: '2025-02-03',
        action: 'referred_warm',
        partnerId: partner.id,
        reachedSupport: null,
        result: null,
        version: 1,
      });
      const updated = await h
        .as(ours.adviser)
        .patch(`/api/problems/${created.body.id}`)
        .send({ version: 1, reachedSupport: true, result: 'positive' })
        .expect(200);
      expect(updated.body).toMatchObject({ reachedSupport: true, result: 'positive', version: 2 });
      const stale = await h
        .as(ours.adviser)
        .patch(`/api/problems/${created.body.id}`)
        .send({ version: 1, reachedSupport: false })
        .expect(409);
      expect(stale.body.current).toMatchObject({ reachedSupport: true, version: 2 });
    });

    it('rejects bad problems and refuses another organisation’s partner or records', async () => {
      const bad = await h
        .as(ours.adviser)
        .post(`/api/cases/${kase.id}/problems`)
        .send({ category: 'tax', uncoveredOn: '2025-02-29', action: 'ignored', reachedSupport: 'no' })
        .expect(400);
      expect(bad.body.errors).toEqual([
        { path: 'category', message: expect.stringMatching(/^must be one of: /) },
        { path: 'uncoveredOn', message: 'must be a real date written YYYY-MM-DD' },
        { path: 'action', message: 'must be one of: handled_in_house, referred_warm, signposted, client_declined' },
        { path: 'reachedSupport', message: 'must be true or false' },
      ]);
      const theirPartner = await makePartner(h, theirs.adviser);
      const foreign = await h
        .as(ours.adviser)
        .post(`/api/cases/${kase.id}/problems`)
        .send({ category: 'debt', uncoveredOn: '2025-02-03', action: 'signposted', partnerId: theirPartner.id })
        .expect(422);
      expect(foreign.body.errors).toEqual([
        { path: 'partnerId', message: 'refers to a record that does not exist in your organisation' },
      ]);
      await h
        .as(ours.adviser)
        .post(`/api/cases/${theirCase.id}/problems`)
        .send({ category: 'debt', uncoveredOn: '2025-02-03', action: 'handled_in_house' })
        .expect(404);
      const theirProblem = await h
        .as(theirs.adviser)
        .post(`/api/cases/${theirCase.id}/problems`)
        .send({ category: 'debt', uncoveredOn: '2025-02-03', action: 'handled_in_house' })
        .expect(201);
      await h
        .as(ours.adviser)
        .patch(`/api/problems/${theirProblem.body.id}`)
        .send({ version: 1, result: 'negative' })
        .expect(404);
    });
  });

  describe('referrals', () => {
    it('records a referral out with the partner’s name and updates it', async () => {
      const own = await makeCase(h, ours.adviser);
      const created = await h
        .as(ours.adviser)
        .post(`/api/cases/${own.id}/referrals`)
        .send({
          direction: 'out',
          partnerId: partner.id,
          on: '2025-02-10',
          kind: 'warm_handover',
          note: 'Called ahead',
        })
        .expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        caseId: own.id,
        direction: 'out',
        partnerId: partner.id,
        partnerName: partner.name,
        on: '2025-02-10',
        kind: 'warm_handover',
        reachedSupport: null,
        note: 'Called ahead',
        version: 1,
      });
      const updated = await h
        .as(ours.adviser)
        .patch(`/api/referrals/${created.body.id}`)
        .send({ version: 1, reachedSupport: true })
        .expect(200);
      expect(updated.body).toMatchObject({ reachedSupport: true, version: 2 });
      await h.as(ours.adviser).patch(`/api/referrals/${created.body.id}`).send({ version: 1, note: 'x' }).expect(409);
      const [{ referrals_out, referrals_out_reached }] = await h.dataSource.query(
        `SELECT referrals_out, referrals_out_reached FROM case_facts WHERE case_id = $1`,
        [own.id],
      );
      expect({ referrals_out, referrals_out_reached }).toEqual({ referrals_out: 1, referrals_out_reached: 1 });
    });

    it('rejects bad referrals and answers 404 across organisations', async () => {
      const bad = await h
        .as(ours.adviser)
        .post(`/api/cases/${kase.id}/referrals`)
        .send({ direction: 'sideways', on: '2025-02-10', kind: 'warm_handover' })
        .expect(400);
      expect(bad.body.errors).toEqual([
        { path: 'direction', message: 'must be one of: in, out' },
        { path: 'partnerId', message: 'is required' },
      ]);
      await h
        .as(ours.adviser)
        .post(`/api/cases/${theirCase.id}/referrals`)
        .send({ direction: 'in', partnerId: partner.id, on: '2025-02-10', kind: 'signpost' })
        .expect(404);
      await h
        .as(ours.adviser)
        .patch('/api/referrals/0b7e4a52-6f0c-4a7e-9d3b-2f1c8e5a9d10')
        .send({ version: 1 })
        .expect(404);
    });
  });

  describe('follow-ups', () => {
    it('records a follow-up after closing, which counts as a bounce-back when about the same problem', async () => {
      const own = await makeCase(h, ours.adviser);
      await closeCase(h, ours.adviser, own, { closedOn: '2025-04-30' });
      const res = await h
        .as(ours.adviser)
        .post(`/api/cases/${own.id}/follow-ups`)
        .send({ on: '2025-09-01', recontact: 'same_problem', outcomeSustained: false })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        caseId: own.id,
        on: '2025-09-01',
        recontact: 'same_problem',
        outcomeSustained: false,
        version: 1,
      });
      const [facts] = await h.dataSource.query(
        `SELECT followed_up, same_problem_recontact_6m FROM case_facts WHERE case_id = $1`,
        [own.id],
      );
      expect(facts).toEqual({ followed_up: true, same_problem_recontact_6m: true });
    });

    it('refuses a follow-up on an open case or dated before closing', async () => {
      const open = await makeCase(h, ours.adviser);
      const res = await h
        .as(ours.adviser)
        .post(`/api/cases/${open.id}/follow-ups`)
        .send({ on: '2025-09-01', recontact: 'none' })
        .expect(422);
      expect(res.body.errors).toEqual([
        { path: 'id', message: 'is an open case; a follow-up is recorded after the case is closed' },
      ]);
      const closed = await makeCase(h, ours.adviser);
      await closeCase(h, ours.adviser, closed, { closedOn: '2025-04-30' });
      const early = await h
        .as(ours.adviser)
        .post(`/api/cases/${closed.id}/follow-ups`)
        .send({ on: '2025-04-01', recontact: 'none' })
        .expect(422);
      expect(early.body.errors).toEqual([
        { path: 'on', message: 'must be on or after the date the case was closed (2025-04-30)' },
      ]);
    });

    it('rejects bad input and answers 404 across organisations', async () => {
      const bad = await h
        .as(ours.adviser)
        .post(`/api/cases/${kase.id}/follow-ups`)
        .send({ on: 20250901, recontact: 'again', outcomeSustained: 1 })
        .expect(400);
      expect(bad.body.errors).toEqual([
        { path: 'on', message: 'must be a real date written YYYY-MM-DD' },
        { path: 'recontact', message: 'must be one of: none, same_problem, new_problem' },
        { path: 'outcomeSustained', message: 'must be true or false' },
      ]);
      await h
        .as(ours.adviser)
        .post(`/api/cases/${theirCase.id}/follow-ups`)
        .send({ on: '2025-09-01', recontact: 'none' })
        .expect(404);
    });
  });

  it('forbids commissioners every record route', async () => {
    const as = h.as(commissioner);
    const id = String(kase.id);
    const anyId = '0b7e4a52-6f0c-4a7e-9d3b-2f1c8e5a9d10';
    await as.post(`/api/cases/${id}/feedback`).send({}).expect(403);
    await as.put(`/api/cases/${id}/assessment`).send({}).expect(403);
    await as.post(`/api/cases/${id}/problems`).send({}).expect(403);
    await as.patch(`/api/problems/${anyId}`).send({}).expect(403);
    await as.post(`/api/cases/${id}/referrals`).send({}).expect(403);
    await as.patch(`/api/referrals/${anyId}`).send({}).expect(403);
    await as.post(`/api/cases/${id}/follow-ups`).send({}).expect(403);
  });
});
