import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_FEEDBACK_ITEMS } from '@deepvalue/shared';
import { makePartner, makeStaffedOrganisation, type Staff } from '../../../test/factories.js';
import { createHarness, type Harness, type TestUser } from '../../../test/harness.js';

describe('directory API: offices, partners, feedback items', () => {
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

  describe('offices', () => {
    it('lets a manager add an office and everyone in the organisation list them', async () => {
      const res = await h.as(ours.manager).post('/api/offices').send({ ref: 'of-1', name: 'Bow office' }).expect(201);
      expect(res.body).toEqual({ id: expect.any(String), ref: 'of-1', name: 'Bow office', version: 1 });
      await h.as(ours.admin).post('/api/offices').send({ name: 'Annex' }).expect(201);
      const list = await h.as(ours.adviser).get('/api/offices').expect(200);
      expect(list.body.map((o: { name: string }) => o.name)).toEqual(['Annex', 'Bow office']);
      expect((await h.as(theirs.adviser).get('/api/offices').expect(200)).body).toEqual([]);
    });

    it('does not let an adviser add an office', async () => {
      await h.as(ours.adviser).post('/api/offices').send({ name: 'Shed' }).expect(403);
    });

    it('refuses a duplicate ref and bad names', async () => {
      await h.as(ours.manager).post('/api/offices').send({ ref: 'of-dup', name: 'A' }).expect(201);
      const dup = await h.as(ours.manager).post('/api/offices').send({ ref: 'of-dup', name: 'B' }).expect(409);
      expect(dup.body.errors).toEqual([
        { path: 'ref', message: 'is already used by another record in your organisation' },
      ]);
      const bad = await h.as(ours.manager).post('/api/offices').send({ name: '' }).expect(400);
      expect(bad.body.errors).toEqual([{ path: 'name', message: 'must not be empty' }]);
      const missing = await h.as(ours.manager).post('/api/offices').send({}).expect(400);
      expect(missing.body.errors).toEqual([{ path: 'name', message: 'is required' }]);
    });
  });

  describe('partners', () => {
    it('adds, searches and updates partners', async () => {
      const partner = await makePartner(h, ours.adviser, {
        ref: 'p-food',
        name: 'Riverside Foodbank',
        service: 'Food parcels',
        contact: '020 7946 0001',
      });
      expect(partner).toEqual({
        id: expect.any(String),
        ref: 'p-food',
        name: 'Riverside Foodbank',
        service: 'Food parcels',
        contact: '020 7946 0001',
        version: 1,
      });
      await makePartner(h, ours.adviser, { name: 'Citizens Advice Bow' });
      await makePartner(h, theirs.adviser, { name: 'Riverside Debt Line' });
      const found = await h.as(ours.adviser).get('/api/partners?search=riverside').expect(200);
      expect(found.body).toEqual({
        items: [expect.objectContaining({ id: partner.id })],
        total: 1,
        limit: 50,
        offset: 0,
      });
      const byService = await h.as(ours.adviser).get('/api/partners?search=parcels').expect(200);
      expect(byService.body.total).toBe(1);

      const updated = await h
        .as(ours.adviser)
        .patch(`/api/partners/${partner.id}`)
        .send({ version: 1, contact: null, name: 'Riverside Food Bank' })
        .expect(200);
      expect(updated.body).toMatchObject({ name: 'Riverside Food Bank', contact: null, version: 2 });
      const stale = await h
        .as(ours.manager)
        .patch(`/api/partners/${partner.id}`)
        .send({ version: 1, name: 'X' })
        .expect(409);
      expect(stale.body.current).toMatchObject({ name: 'Riverside Food Bank', version: 2 });
    });

    it('rejects bad partners', async () => {
      const res = await h
        .as(ours.adviser)
        .post('/api/partners')
        .send({ name: 'n'.repeat(201), service: 7, website: 'x' })
        .expect(400);
      expect(res.body.errors).toEqual([
        { path: 'website', message: 'is not a known field' },
        { path: 'name', message: 'must be at most 200 characters' },
        { path: 'service', message: 'must be text' },
      ]);
      const patch = await h
        .as(ours.adviser)
        .patch('/api/partners/0b7e4a52-6f0c-4a7e-9d3b-2f1c8e5a9d10')
        .send({ version: 1, name: null })
        .expect(400);
      expect(patch.body.errors).toEqual([{ path: 'name', message: 'cannot be null' }]);
    });

    it("answers 404 for another organisation's partner and 400 for a malformed id", async () => {
      const theirPartner = await makePartner(h, theirs.adviser);
      await h.as(ours.adviser).patch(`/api/partners/${theirPartner.id}`).send({ version: 1, name: 'Mine' }).expect(404);
      await h.as(ours.adviser).patch('/api/partners/p-1').send({ version: 1, name: 'Mine' }).expect(400);
    });
  });

  it('lists the default feedback items for an organisation without its own', async () => {
    const res = await h.as(ours.adviser).get('/api/feedback-items').expect(200);
    expect(res.body).toEqual(DEFAULT_FEEDBACK_ITEMS.map(({ key, label }) => ({ key, label })));
  });

  it('lets an admin set the feedback items, retiring the ones left out', async () => {
    await h
      .as(ours.adviser)
      .put('/api/feedback-items')
      .send({ items: [{ key: 'kind', label: 'Was kind' }] })
      .expect(403);
    const items = [
      { key: 'time_to_listen', label: 'Had time for me' },
      { key: 'kept_me_informed', label: 'Kept me informed' },
    ];
    const res = await h.as(ours.admin).put('/api/feedback-items').send({ items }).expect(200);
    expect(res.body).toEqual(items);
    const shorter = await h
      .as(ours.admin)
      .put('/api/feedback-items')
      .send({ items: [items[1]] })
      .expect(200);
    expect(shorter.body).toEqual([items[1]]);
    const [retired] = await h.dataSource.query(
      `SELECT active FROM feedback_items WHERE organisation_id = $1 AND key = 'time_to_listen'`,
      [ours.organisationId],
    );
    expect(retired.active).toBe(false);
    const bad = await h
      .as(ours.admin)
      .put('/api/feedback-items')
      .send({ items: [{ key: 'Bad Key', label: '' }, items[1], items[1]] })
      .expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['items[0].key', 'items[0].label']);
    const theirsNow = await h.as(theirs.adviser).get('/api/feedback-items').expect(200);
    expect(theirsNow.body).toEqual(DEFAULT_FEEDBACK_ITEMS.map(({ key, label }) => ({ key, label })));
  });

  it('forbids commissioners the directory', async () => {
    const as = h.as(commissioner);
    await as.get('/api/offices').expect(403);
    await as.post('/api/offices').send({ name: 'x' }).expect(403);
    await as.get('/api/partners').expect(403);
    await as.post('/api/partners').send({ name: 'x' }).expect(403);
    await as.patch('/api/partners/0b7e4a52-6f0c-4a7e-9d3b-2f1c8e5a9d10').send({ version: 1 }).expect(403);
    await as.get('/api/feedback-items').expect(403);
  });
});
