import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeCase, makeStaffedOrganisation, makeTimeEntry, type Staff } from '../../../test/factories.js';
import { createHarness, type Harness, type TestUser } from '../../../test/harness.js';
import { todayInLondon } from '../../common/dates.js';

describe('time entries API', () => {
  let h: Harness;
  let ours: Staff;
  let theirs: Staff;
  let commissioner: TestUser;
  let kase: Record<string, unknown>;

  beforeAll(async () => {
    h = await createHarness();
    [ours, theirs] = await Promise.all([makeStaffedOrganisation(h), makeStaffedOrganisation(h)]);
    const funder = await h.makeOrganisation({ kind: 'commissioner' });
    commissioner = await h.makeUser(funder.id, 'commissioner');
    kase = await makeCase(h, ours.adviser);
  });
  afterAll(async () => {
    await h.close();
  });

  it('records a session on a case, by the caller unless another adviser is named', async () => {
    const res = await h
      .as(ours.adviser)
      .post(`/api/cases/${kase.id}/time-entries`)
      .send({
        on: '2025-01-06',
        minutes: 75,
        class: 'relationship',
        activity: 'initial_interview',
        mode: 'face_to_face',
        note: 'First meeting',
      })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      caseId: kase.id,
      on: '2025-01-06',
      adviserId: ours.adviser.id,
      adviserName: expect.stringMatching(/^Adviser/),
      minutes: 75,
      class: 'relationship',
      activity: 'initial_interview',
      mode: 'face_to_face',
      note: 'First meeting',
      version: 1,
    });
    const byManager = await makeTimeEntry(h, ours.adviser, kase.id, { adviserId: ours.manager.id });
    expect(byManager).toMatchObject({ adviserId: ours.manager.id, adviserName: expect.stringMatching(/^Manager/) });
  });

  describe('POST /time-entries/quick', () => {
    it('defaults the date to today in London and the adviser to the caller', async () => {
      const res = await h
        .as(ours.manager)
        .post('/api/time-entries/quick')
        .send({ caseId: kase.id, minutes: 20, class: 'relationship', activity: 'follow_up_contact', mode: 'phone' })
        .expect(201);
      expect(res.body).toMatchObject({
        caseId: kase.id,
        on: todayInLondon(),
        adviserId: ours.manager.id,
        minutes: 20,
        note: null,
      });
    });

    it('takes a date when one is given', async () => {
      const res = await h
        .as(ours.adviser)
        .post('/api/time-entries/quick')
        .send({
          caseId: kase.id,
          minutes: 5,
          class: 'administration',
          activity: 'forms',
          mode: 'none',
          on: '2025-02-03',
        })
        .expect(201);
      expect(res.body.on).toBe('2025-02-03');
    });

    it("answers 404 for another organisation's case and 400 for a malformed one", async () => {
      const theirCase = await makeCase(h, theirs.adviser);
      const body = { minutes: 5, class: 'administration', activity: 'forms', mode: 'none' };
      await h
        .as(ours.adviser)
        .post('/api/time-entries/quick')
        .send({ ...body, caseId: theirCase.id })
        .expect(404);
      const bad = await h
        .as(ours.adviser)
        .post('/api/time-entries/quick')
        .send({ ...body, caseId: 'case-1' })
        .expect(400);
      expect(bad.body.errors).toEqual([{ path: 'caseId', message: 'must be a UUID' }]);
      const [{ n }] = await h.dataSource.query(`SELECT count(*)::int AS n FROM time_entries WHERE case_id = $1`, [
        theirCase.id,
      ]);
      expect(n).toBe(0);
    });
  });

  describe('rejects bad input', () => {
    const valid = { on: '2025-01-06', minutes: 30, class: 'casework', activity: 'letter', mode: 'letter_email' };
    const cases: Array<[string, Record<string, unknown>, Array<{ path: string; message: string }>]> = [
      ['minutes 0', { minutes: 0 }, [{ path: 'minutes', message: 'must be at least 1' }]],
      ['minutes over a day', { minutes: 1441 }, [{ path: 'minutes', message: 'must be at most 1440' }]],
      ['fractional minutes', { minutes: 1.5 }, [{ path: 'minutes', message: 'must be a whole number' }]],
      ['minutes as text', { minutes: '30' }, [{ path: 'minutes', message: 'must be a whole number' }]],
      ['minutes 2^63', { minutes: 2 ** 63 }, [{ path: 'minutes', message: 'must be at most 1440' }]],
      ['minutes 1e308', { minutes: 1e308 }, [{ path: 'minutes', message: 'must be at most 1440' }]],
      ['minutes null', { minutes: null }, [{ path: 'minutes', message: 'is required' }]],
      ['minutes as an object', { minutes: { value: 3 } }, [{ path: 'minutes', message: 'must be a whole number' }]],
      ['an impossible date', { on: '2025-02-30' }, [{ path: 'on', message: 'must be a real date written YYYY-MM-DD' }]],
      ['a date in the future', { on: '2999-01-01' }, [{ path: 'on', message: 'must not be in the future' }]],
      ['a date before 1990', { on: '1989-12-31' }, [{ path: 'on', message: 'must be on or after 1990-01-01' }]],
      [
        'an unknown class',
        { class: 'chat' },
        [{ path: 'class', message: 'must be one of: relationship, casework, administration, travel' }],
      ],
      ['an adviser id that is not a uuid', { adviserId: 42 }, [{ path: 'adviserId', message: 'must be a UUID' }]],
      [
        'a note of 2001 characters',
        { note: 'n'.repeat(2001) },
        [{ path: 'note', message: 'must be at most 2000 characters' }],
      ],
      ['an unknown field', { billable: true }, [{ path: 'billable', message: 'is not a known field' }]],
    ];
    it.each(cases)('%s', async (_name, change, errors) => {
      const res = await h
        .as(ours.adviser)
        .post(`/api/cases/${kase.id}/time-entries`)
        .send({ ...valid, ...change })
        .expect(400);
      expect(res.body).toEqual({ code: 'validation', errors });
    });

    it('everything missing at once', async () => {
      const res = await h.as(ours.adviser).post(`/api/cases/${kase.id}/time-entries`).send({}).expect(400);
      expect(res.body.errors).toEqual([
        { path: 'on', message: 'is required' },
        { path: 'minutes', message: 'is required' },
        { path: 'class', message: 'is required' },
        { path: 'activity', message: 'is required' },
        { path: 'mode', message: 'is required' },
      ]);
    });

    it("another organisation's adviser, naming adviserId", async () => {
      const res = await h
        .as(ours.adviser)
        .post(`/api/cases/${kase.id}/time-entries`)
        .send({ ...valid, adviserId: theirs.adviser.id })
        .expect(422);
      expect(res.body.errors).toEqual([
        { path: 'adviserId', message: 'refers to a record that does not exist in your organisation' },
      ]);
    });
  });

  it('updates with the version and refuses a stale one with the current entry', async () => {
    const entry = await makeTimeEntry(h, ours.adviser, kase.id, { minutes: 30 });
    const ok = await h
      .as(ours.adviser)
      .patch(`/api/time-entries/${entry.id}`)
      .send({ version: 1, minutes: 45, note: 'corrected' })
      .expect(200);
    expect(ok.body).toMatchObject({ minutes: 45, note: 'corrected', version: 2 });
    const stale = await h
      .as(ours.adviser)
      .patch(`/api/time-entries/${entry.id}`)
      .send({ version: 1, minutes: 10 })
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', current: { id: entry.id, minutes: 45, version: 2 } });
    const [row] = await h.dataSource.query(`SELECT minutes, version FROM time_entries WHERE id = $1`, [entry.id]);
    expect(row).toEqual({ minutes: 45, version: 2 });
  });

  it('rejects a bad update with paths', async () => {
    const entry = await makeTimeEntry(h, ours.adviser, kase.id);
    const res = await h
      .as(ours.adviser)
      .patch(`/api/time-entries/${entry.id}`)
      .send({ version: 1, minutes: 0, mode: null, on: '06/01/2025' })
      .expect(400);
    expect(res.body.errors).toEqual([
      { path: 'on', message: 'must be a real date written YYYY-MM-DD' },
      { path: 'minutes', message: 'must be at least 1' },
      { path: 'mode', message: 'cannot be null' },
    ]);
  });

  it('refuses relationship time with no contact with the client, on entry and on edit', async () => {
    const body = { on: '2025-01-06', minutes: 30, class: 'relationship', activity: 'advice_session', mode: 'none' };
    const res = await h.as(ours.adviser).post(`/api/cases/${kase.id}/time-entries`).send(body).expect(400);
    expect(res.body.errors).toEqual([{ path: 'mode', message: expect.stringContaining('contact with the client') }]);
    const entry = await makeTimeEntry(h, ours.adviser, kase.id, { class: 'casework', mode: 'none' });
    await h
      .as(ours.adviser)
      .patch(`/api/time-entries/${entry.id}`)
      .send({ version: 1, class: 'relationship' })
      .expect(400);
    const [row] = await h.dataSource.query(`SELECT class, version FROM time_entries WHERE id = $1`, [entry.id]);
    expect(row).toEqual({ class: 'casework', version: 1 });
  });

  it('deletes an entry, honouring a version when one is given', async () => {
    const entry = await makeTimeEntry(h, ours.adviser, kase.id);
    await h.as(ours.adviser).patch(`/api/time-entries/${entry.id}`).send({ version: 1, minutes: 61 }).expect(200);
    const stale = await h.as(ours.adviser).delete(`/api/time-entries/${entry.id}?version=1`).expect(409);
    expect(stale.body.current).toMatchObject({ minutes: 61, version: 2 });
    await h.as(ours.adviser).delete(`/api/time-entries/${entry.id}?version=2`).expect(204);
    await h.as(ours.adviser).delete(`/api/time-entries/${entry.id}`).expect(404);
  });

  it("answers 404 for another organisation's case or entry", async () => {
    const theirCase = await makeCase(h, theirs.adviser);
    const theirEntry = await makeTimeEntry(h, theirs.adviser, theirCase.id);
    const as = h.as(ours.adviser);
    await as
      .post(`/api/cases/${theirCase.id}/time-entries`)
      .send({ on: '2025-01-06', minutes: 30, class: 'casework', activity: 'letter', mode: 'none' })
      .expect(404);
    await as.patch(`/api/time-entries/${theirEntry.id}`).send({ version: 1, minutes: 1 }).expect(404);
    await as.delete(`/api/time-entries/${theirEntry.id}`).expect(404);
    const [row] = await h.dataSource.query(`SELECT minutes, version FROM time_entries WHERE id = $1`, [theirEntry.id]);
    expect(row).toEqual({ minutes: 60, version: 1 });
  });

  it('answers 400 for malformed ids', async () => {
    const as = h.as(ours.adviser);
    const res = await as.patch('/api/time-entries/abc').send({ version: 1 }).expect(400);
    expect(res.body.errors).toEqual([{ path: 'id', message: expect.stringMatching(/^must be a UUID/) }]);
    await as.post('/api/cases/abc/time-entries').send({}).expect(400);
    await as.delete('/api/time-entries/abc').expect(400);
  });

  it('forbids commissioners', async () => {
    const entry = await makeTimeEntry(h, ours.adviser, kase.id);
    const as = h.as(commissioner);
    await as.post(`/api/cases/${kase.id}/time-entries`).send({}).expect(403);
    await as.post('/api/time-entries/quick').send({}).expect(403);
    await as.patch(`/api/time-entries/${entry.id}`).send({ version: 1 }).expect(403);
    await as.delete(`/api/time-entries/${entry.id}`).expect(403);
  });
});
