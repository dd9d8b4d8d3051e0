import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeCase, makeStaffedOrganisation, type Staff } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { todayInLondon } from '../../common/dates.js';

/** YYYY-MM-DD moved by whole days, worked out here apart from the SQL under test. */
const shift = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe('key dates and tasks API', () => {
  let h: Harness;
  let ours: Staff;
  let theirs: Staff;
  let kase: Record<string, unknown>;
  const today = todayInLondon();

  beforeAll(async () => {
    h = await createHarness();
    [ours, theirs] = await Promise.all([makeStaffedOrganisation(h), makeStaffedOrganisation(h)]);
    kase = await makeCase(h, ours.adviser);
  });
  afterAll(() => h.close());

  const add = (body: object, user = ours.adviser, caseId = kase.id) =>
    h
      .as(user)
      .post(`/api/cases/${String(caseId)}/key-dates`)
      .send(body);
  const audit = (id: string) =>
    h.dataSource.query(
      `SELECT action, user_id FROM audit_log WHERE entity = 'key_date' AND $1 = ANY(entity_ids) ORDER BY id`,
      [id],
    ) as Promise<Array<{ action: string; user_id: string }>>;

  it('adds a limitation date, a hearing, a deadline and a task; a task is yours unless given to someone', async () => {
    const limitation = await add({ kind: 'limitation', title: 'Disrepair claim', dueOn: '2031-03-01' }).expect(201);
    expect(limitation.body).toEqual({
      id: expect.any(String),
      caseId: kase.id,
      kind: 'limitation',
      title: 'Disrepair claim',
      dueOn: '2031-03-01',
      assigneeId: null,
      assigneeName: null,
      done: false,
      doneOn: null,
      note: null,
      createdById: ours.adviser.id,
      createdByName: expect.stringMatching(/^Adviser/),
      version: 1,
    });
    await add({ kind: 'hearing', title: 'First-tier Tribunal', dueOn: '2031-01-20', note: 'Room 3' }).expect(201);
    await add({ kind: 'deadline', title: 'Mandatory reconsideration request', dueOn: '2031-02-10' }).expect(201);
    const task = await add({ kind: 'task', title: 'Chase GP letter', dueOn: '2031-01-05' }).expect(201);
    expect(task.body).toMatchObject({ assigneeId: ours.adviser.id, assigneeName: expect.stringMatching(/^Adviser/) });
    const given = await add({ kind: 'task', title: 'Check file', dueOn: '2031-01-06', assigneeId: ours.manager.id });
    expect(given.status).toBe(201);
    expect(given.body.assigneeId).toBe(ours.manager.id);
    expect(await audit(limitation.body.id)).toEqual([{ action: 'create', user_id: ours.adviser.id }]);

    const list = await h
      .as(ours.manager)
      .get(`/api/cases/${String(kase.id)}/key-dates`)
      .expect(200);
    expect(list.body.items.map((k: { title: string }) => k.title)).toEqual([
      'Chase GP letter',
      'Check file',
      'First-tier Tribunal',
      'Mandatory reconsideration request',
      'Disrepair claim',
    ]);
    expect(list.body.changes).toHaveLength(5);
    expect(list.body.changes.every((c: { change: string }) => c.change === 'added')).toBe(true);
  });

  it('keeps a moved and then removed limitation date on the case, with who and when, and audits both', async () => {
    const made = await add({ kind: 'limitation', title: 'Personal injury', dueOn: '2032-06-30' }).expect(201);
    const moved = await h
      .as(ours.manager)
      .patch(`/api/key-dates/${made.body.id}`)
      .send({ version: 1, dueOn: '2032-05-31' })
      .expect(200);
    expect(moved.body).toMatchObject({ dueOn: '2032-05-31', version: 2 });
    await h.as(ours.manager).delete(`/api/key-dates/${made.body.id}?version=2`).expect(204);

    const { body } = await h
      .as(ours.adviser)
      .get(`/api/cases/${String(kase.id)}/key-dates`)
      .expect(200);
    expect(body.items.some((k: { id: string }) => k.id === made.body.id)).toBe(false);
    const history = body.changes.filter((c: { keyDateId: string }) => c.keyDateId === made.body.id);
    expect(history).toEqual([
      expect.objectContaining({
        change: 'removed',
        kind: 'limitation',
        title: 'Personal injury',
        dueOn: '2032-05-31',
        changedById: ours.manager.id,
        changedByName: expect.stringMatching(/^Manager/),
      }),
      expect.objectContaining({
        change: 'changed',
        dueOn: '2032-05-31',
        previousDueOn: '2032-06-30',
        previousTitle: null,
      }),
      expect.objectContaining({ change: 'added', dueOn: '2032-06-30', changedById: ours.adviser.id }),
    ]);
    expect((await audit(made.body.id)).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('marks a task done today and reopens it, each kept as a change', async () => {
    const task = await add({ kind: 'task', title: 'Send letter of authority', dueOn: '2031-04-01' }).expect(201);
    const done = await h.as(ours.adviser).patch(`/api/key-dates/${task.body.id}`).send({ version: 1, done: true });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ done: true, doneOn: today });
    const reopened = await h.as(ours.adviser).patch(`/api/key-dates/${task.body.id}`).send({ version: 2, done: false });
    expect(reopened.body).toMatchObject({ done: false, doneOn: null, version: 3 });
    const { body } = await h
      .as(ours.adviser)
      .get(`/api/cases/${String(kase.id)}/key-dates`)
      .expect(200);
    const changes = body.changes.filter((c: { keyDateId: string }) => c.keyDateId === task.body.id);
    expect(changes.map((c: { change: string }) => c.change)).toEqual(['reopened', 'done', 'added']);
  });

  it('lists overdue and due-this-week dates across the organisation, and yours with mine=true', async () => {
    const other = await makeCase(h, ours.manager);
    const made = {
      lateTask: await add({ kind: 'task', title: 'Late task', dueOn: shift(today, -3) }).expect(201),
      lateHearing: await add(
        { kind: 'hearing', title: 'Missed hearing', dueOn: shift(today, -1) },
        ours.manager,
        other.id,
      ).expect(201),
      todayDeadline: await add({ kind: 'deadline', title: 'Due today', dueOn: today }).expect(201),
      sixDays: await add({ kind: 'deadline', title: 'Six days on', dueOn: shift(today, 6) }).expect(201),
      sevenDays: await add({ kind: 'deadline', title: 'Seven days on', dueOn: shift(today, 7) }).expect(201),
      lateDone: await add({ kind: 'task', title: 'Late but done', dueOn: shift(today, -2) }).expect(201),
    };
    await h
      .as(ours.adviser)
      .patch(`/api/key-dates/${made.lateDone.body.id}`)
      .send({ version: 1, done: true })
      .expect(200);
    // Another organisation's overdue date never shows.
    const foreign = await makeCase(h, theirs.adviser);
    await add({ kind: 'task', title: 'Their late task', dueOn: shift(today, -5) }, theirs.adviser, foreign.id).expect(
      201,
    );

    const titles = async (query: string, user = ours.manager) =>
      (await h.as(user).get(`/api/key-dates?${query}`).expect(200)).body.items.map((k: { title: string }) => k.title);
    expect(await titles('due=overdue')).toEqual(['Late task', 'Missed hearing']);
    expect(await titles('due=week')).toEqual(['Due today', 'Six days on']);
    // The adviser's own: the task is theirs, the deadlines are on the case they lead with no one assigned.
    expect(await titles('due=overdue&mine=true', ours.adviser)).toEqual(['Late task']);
    expect(await titles('due=overdue&mine=true', ours.manager)).toEqual(['Missed hearing']);

    const page = await h.as(ours.manager).get('/api/key-dates?due=overdue').expect(200);
    expect(page.body.total).toBe(2);
    expect(page.body.items[1]).toMatchObject({
      caseId: other.id,
      caseRef: other.ref,
      clientName: expect.any(String),
      leadAdviserId: ours.manager.id,
      leadAdviserName: expect.stringMatching(/^Manager/),
    });
  });

  it('refuses bad input naming the field, and another organisation’s key dates and people', async () => {
    const bad = async (body: object, path: string) => {
      const res = await add(body).expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    };
    await bad({ kind: 'reminder', title: 'x', dueOn: '2031-01-01' }, 'kind');
    await bad({ kind: 'task', title: '', dueOn: '2031-01-01' }, 'title');
    await bad({ kind: 'task', title: 'x', dueOn: '2031-02-30' }, 'dueOn');
    await bad({ kind: 'task', title: 'x'.repeat(201), dueOn: '2031-01-01' }, 'title');
    await bad({ kind: 'task', title: 'x', dueOn: '2031-01-01', done: true }, 'done');
    const foreigner = await add({ kind: 'task', title: 'x', dueOn: '2031-01-01', assigneeId: theirs.adviser.id });
    expect(foreigner.status).toBe(422);
    expect(foreigner.body.errors).toEqual([expect.objectContaining({ path: 'assigneeId' })]);

    const mine = await add({ kind: 'hearing', title: 'Hearing', dueOn: '2031-07-01' }).expect(201);
    await h
      .as(theirs.manager)
      .patch(`/api/key-dates/${mine.body.id}`)
      .send({ version: 1, title: 'Hijack' })
      .expect(404);
    await h.as(theirs.manager).delete(`/api/key-dates/${mine.body.id}`).expect(404);
    await h
      .as(theirs.manager)
      .get(`/api/cases/${String(kase.id)}/key-dates`)
      .expect(404);
    await add({ kind: 'task', title: 'x', dueOn: '2031-01-01' }, theirs.adviser).expect(404);
    const stale = await h.as(ours.adviser).patch(`/api/key-dates/${mine.body.id}`).send({ version: 7, title: 'Late' });
    expect(stale.status).toBe(409);
    const [{ count }] = await h.dataSource.query(
      `SELECT count(*)::int AS count FROM key_date_changes WHERE key_date_id = $1`,
      [mine.body.id],
    );
    expect(count).toBe(1);
  });
});
