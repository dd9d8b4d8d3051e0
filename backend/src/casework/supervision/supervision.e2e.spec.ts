import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { closeCase, makeCase, makeStaffedOrganisation, type Staff } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { todayInLondon } from '../../common/dates.js';

/** YYYY-MM-DD moved by whole months, worked out here apart from the SQL under test. */
const monthsBefore = (iso: string, months: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
};

describe('supervision: reassigning cases and file reviews', () => {
  let h: Harness;
  let ours: Staff;
  let theirs: Staff;
  const today = todayInLondon();

  beforeAll(async () => {
    h = await createHarness();
    [ours, theirs] = await Promise.all([makeStaffedOrganisation(h), makeStaffedOrganisation(h)]);
  });
  afterAll(() => h.close());

  it('reassigns a case to another adviser, naming both in the audit log; only a manager may', async () => {
    const kase = await makeCase(h, ours.adviser);
    const body = { leadAdviserId: ours.manager.id };
    await h
      .as(ours.adviser)
      .post(`/api/cases/${String(kase.id)}/reassign`)
      .send(body)
      .expect(403);
    await h
      .as(theirs.manager)
      .post(`/api/cases/${String(kase.id)}/reassign`)
      .send(body)
      .expect(404);
    const bad = await h
      .as(ours.manager)
      .post(`/api/cases/${String(kase.id)}/reassign`)
      .send({ leadAdviserId: theirs.adviser.id })
      .expect(422);
    expect(bad.body.errors[0].path).toBe('leadAdviserId');
    await h
      .as(ours.manager)
      .post(`/api/cases/${String(kase.id)}/reassign`)
      .send({})
      .expect(400);
    const advisers = (await h.as(ours.manager).get('/api/advisers').expect(200)).body as Array<{ id: string }>;
    expect(advisers.map((a) => a.id).sort()).toEqual([ours.adviser.id, ours.manager.id].sort());
    await h.as(ours.adviser).get('/api/advisers').expect(403);
    await h
      .as(ours.manager)
      .post(`/api/cases/${String(kase.id)}/reassign`)
      .send(body)
      .expect(200);
    const detail = await h
      .as(ours.manager)
      .get(`/api/cases/${String(kase.id)}`)
      .expect(200);
    expect(detail.body.leadAdviserId).toBe(ours.manager.id);
    const [row] = await h.dataSource.query(
      `SELECT user_id, details FROM audit_log WHERE details->>'operation' = 'reassign' AND $1 = ANY(entity_ids)`,
      [kase.id],
    );
    expect(row).toEqual({
      user_id: ours.manager.id,
      details: { operation: 'reassign', from: ours.adviser.id, to: ours.manager.id },
    });
  });

  it('records file reviews and lists open cases not reviewed in N months', async () => {
    const old = await makeCase(h, ours.adviser, { openedOn: monthsBefore(today, 5) });
    const reviewed = await makeCase(h, ours.adviser, { openedOn: monthsBefore(today, 5) });
    const fresh = await makeCase(h, ours.adviser, { openedOn: today });
    const closed = await makeCase(h, ours.adviser, { openedOn: monthsBefore(today, 5) });
    await closeCase(h, ours.adviser, closed, { closedOn: today });

    const review = {
      reviewedOn: monthsBefore(today, 1),
      outcome: 'actions_needed',
      actions: 'Chase the landlord by Friday',
    };
    await h
      .as(ours.adviser)
      .post(`/api/cases/${String(reviewed.id)}/file-reviews`)
      .send(review)
      .expect(403);
    const made = await h
      .as(ours.manager)
      .post(`/api/cases/${String(reviewed.id)}/file-reviews`)
      .send(review)
      .expect(201);
    expect(made.body).toMatchObject({
      ...review,
      caseId: reviewed.id,
      reviewerId: ours.manager.id,
      reviewerName: expect.any(String),
    });
    const bad = await h
      .as(ours.manager)
      .post(`/api/cases/${String(reviewed.id)}/file-reviews`)
      .send({ outcome: 'great', reviewedOn: '2999-01-01' })
      .expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['outcome', 'reviewedOn']);
    await h
      .as(theirs.manager)
      .post(`/api/cases/${String(reviewed.id)}/file-reviews`)
      .send(review)
      .expect(404);
    const list = await h
      .as(ours.adviser)
      .get(`/api/cases/${String(reviewed.id)}/file-reviews`)
      .expect(200);
    expect(list.body).toHaveLength(1);

    const due = (months?: number) =>
      h
        .as(ours.manager)
        .get(`/api/file-reviews/due${months ? `?months=${months}` : ''}`)
        .expect(200);
    const three = (await due(3)).body;
    const ids = three.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(old.id);
    expect(ids).not.toContain(reviewed.id); // reviewed a month ago
    expect(ids).not.toContain(fresh.id); // opened today
    expect(ids).not.toContain(closed.id);
    expect(three).toMatchObject({ months: 3, before: monthsBefore(today, 3) });
    // With N shorter than the review's age, the reviewed case is due again.
    expect((await due(1)).body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([old.id]));
    const zero = await h.as(ours.manager).get(`/api/file-reviews/due?months=0`).expect(400);
    expect(zero.body.errors[0].path).toBe('months');
    await h.as(ours.adviser).get(`/api/file-reviews/due`).expect(403);
    expect((await h.as(theirs.manager).get(`/api/file-reviews/due`).expect(200)).body.items).toEqual([]);
    const [audited] = await h.dataSource.query(
      `SELECT entity, entity_ids FROM audit_log WHERE action = 'read' AND entity = 'case' AND $1 = ANY(entity_ids) ORDER BY id DESC LIMIT 1`,
      [old.id],
    );
    expect(audited).toBeTruthy();
  });
});
