import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { defaultSubcategories } from '@deepvalue/shared';
import { makeCase, makeClient, makeStaffedOrganisation, type Staff } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { generateDocument } from '../../interchange/generator.js';

describe('sub-categories of law: a maintained list per category', () => {
  let h: Harness;
  let ours: Staff;
  let theirs: Staff;

  beforeAll(async () => {
    h = await createHarness();
    [ours, theirs] = await Promise.all([makeStaffedOrganisation(h), makeStaffedOrganisation(h)]);
  });
  afterAll(async () => {
    await h.close();
  });

  const list = async (staff: Staff) => (await h.as(staff.adviser).get('/api/subcategories').expect(200)).body;
  const keysOf = (items: Array<{ category: string; key: string; retired?: boolean }>, category: string) =>
    items.filter((s) => s.category === category && !s.retired).map((s) => s.key);

  it('starts every organisation with the shipped list', async () => {
    expect(await list(ours)).toEqual(defaultSubcategories());
    expect(keysOf(await list(ours), 'housing')).toEqual([
      'possession',
      'disrepair',
      'homelessness',
      'allocation',
      'tenancy_deposit',
    ]);
  });

  it('refuses a sub-category the list does not offer for the case’s category, naming the field', async () => {
    const typed = await h
      .as(ours.adviser)
      .post('/api/cases')
      .send({ ...(await caseBody()), subcategory: 'eviction' })
      .expect(400);
    expect(typed.body.errors).toEqual([
      {
        path: 'subcategory',
        message: expect.stringMatching(
          /^'eviction' is not a sub-category of Housing: choose one of Possession, Disrepair/,
        ),
      },
    ]);
    const otherCategory = await h
      .as(ours.adviser)
      .post('/api/cases')
      .send({ ...(await caseBody()), subcategory: 'pip' })
      .expect(400);
    expect(otherCategory.body.errors[0].path).toBe('subcategory');
    const kase = await makeCase(h, ours.adviser, { subcategory: 'disrepair' });
    expect(kase.subcategory).toBe('disrepair');
    // Moving the case to another category with a housing sub-category is refused; with one of debt's it is not.
    const moved = await h
      .as(ours.adviser)
      .patch(`/api/cases/${String(kase.id)}`)
      .send({ version: kase.version, category: 'debt' })
      .expect(400);
    expect(moved.body.errors.map((e: { path: string }) => e.path)).toEqual(['subcategory']);
    await h
      .as(ours.adviser)
      .patch(`/api/cases/${String(kase.id)}`)
      .send({ version: kase.version, category: 'debt', subcategory: 'bailiffs' })
      .expect(200);
  });

  it('lets an admin add, rename and retire; a retired one stays on the cases that hold it', async () => {
    const held = await makeCase(h, ours.adviser, { subcategory: 'allocation' });
    const current = await list(ours);
    await h.as(ours.adviser).put('/api/subcategories').send({ items: current }).expect(403);
    await h.as(ours.manager).put('/api/subcategories').send({ items: current }).expect(403);
    const items = [
      ...current
        .filter((s: { key: string }) => s.key !== 'allocation')
        .map((s: { key: string; label: string }) =>
          s.key === 'disrepair' ? { ...s, label: 'Disrepair and damp' } : s,
        ),
      { category: 'housing', key: 'anti_social_behaviour', label: 'Anti-social behaviour' },
    ];
    const saved = await h.as(ours.admin).put('/api/subcategories').send({ items }).expect(200);
    expect(saved.body).toContainEqual({ category: 'housing', key: 'allocation', label: 'Allocation', retired: true });
    expect(saved.body).toContainEqual({ category: 'housing', key: 'disrepair', label: 'Disrepair and damp' });
    expect(keysOf(saved.body, 'housing')).toEqual([
      'possession',
      'disrepair',
      'homelessness',
      'tenancy_deposit',
      'anti_social_behaviour',
    ]);
    // Another organisation's list is its own.
    expect(await list(theirs)).toEqual(defaultSubcategories());

    await makeCase(h, ours.adviser, { subcategory: 'anti_social_behaviour' });
    const retired = await h
      .as(ours.adviser)
      .post('/api/cases')
      .send({ ...(await caseBody()), subcategory: 'allocation' })
      .expect(400);
    expect(retired.body.errors[0]).toMatchObject({
      path: 'subcategory',
      message: expect.stringContaining('Anti-social'),
    });
    // The case that has it keeps it through an edit of something else, and of the sub-category itself.
    await h
      .as(ours.adviser)
      .patch(`/api/cases/${String(held.id)}`)
      .send({ version: held.version, subcategory: 'allocation', priorOrganisationsContacted: 4 })
      .expect(200);
  });

  it('refuses a duplicate in the list, naming the row', async () => {
    const items = [
      { category: 'debt', key: 'bailiffs', label: 'Bailiffs' },
      { category: 'debt', key: 'enforcement', label: 'bailiffs' },
    ];
    const res = await h.as(theirs.admin).put('/api/subcategories').send({ items }).expect(400);
    expect(res.body.errors).toEqual([{ path: 'items[1].label', message: 'is used twice in Debt' }]);
    const bad = await h
      .as(theirs.admin)
      .put('/api/subcategories')
      .send({ items: [{ category: 'gardening', key: 'x', label: 'X' }] })
      .expect(400);
    expect(bad.body.errors[0].path).toBe('items[0].category');
  });

  it('checks imported cases against the list; a header may bring entries, which the organisation keeps', async () => {
    const doc = generateDocument({ cases: 2, seed: 11 });
    doc.cases[0] = { ...doc.cases[0], category: 'housing', subcategory: 'eviction' };
    const post = (body: unknown) =>
      h
        .as(theirs.manager)
        .post('/api/imports?wait=true')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(body))
        .expect(202);
    const refused = (await post(doc)).body;
    expect(refused.status).toBe('failed');
    expect(refused.errors).toEqual([
      { path: 'cases[0].subcategory', message: expect.stringContaining("'eviction' is not a sub-category of Housing") },
    ]);
    const withList = {
      ...doc,
      subcategories: [{ category: 'housing', key: 'eviction', label: 'Eviction' }],
    };
    expect((await post(withList)).body.status).toBe('succeeded');
    const after = await list(theirs);
    expect(after).toContainEqual({ category: 'housing', key: 'eviction', label: 'Eviction' });
    expect(keysOf(after, 'housing')).toEqual(expect.arrayContaining(['possession', 'eviction']));
    // The export carries the list, so it imports into another organisation as it is.
    const exported = JSON.parse((await h.as(theirs.manager).get('/api/exports/casework').expect(200)).text);
    expect(exported.subcategories).toEqual(after);
  });

  async function caseBody() {
    const client = await makeClient(h, ours.adviser);
    return {
      clientId: client.id,
      category: 'housing',
      openedOn: '2025-01-06',
      fundingStream: 'grant',
      arrival: { route: 'self' },
    };
  }
});
