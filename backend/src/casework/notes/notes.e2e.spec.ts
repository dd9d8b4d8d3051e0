import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeCase, makeStaffedOrganisation, makeTimeEntry, type Staff } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { todayInLondon } from '../../common/dates.js';

describe('case notes API', () => {
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

  const auditRows = (entity: string, id: string) =>
    h.dataSource.query(
      `SELECT action, user_id, details FROM audit_log WHERE entity = $1 AND $2 = ANY(entity_ids) ORDER BY id`,
      [entity, id],
    ) as Promise<Array<{ action: string; user_id: string; details: Record<string, unknown> }>>;

  it('writes an attendance note and its time entry as one action, dated today by default, and audits it', async () => {
    const res = await h
      .as(ours.adviser)
      .post(`/api/cases/${kase.id}/notes`)
      .send({
        kind: 'attendance',
        body: 'Met client. Discussed the notice seeking possession.',
        time: { minutes: 45, class: 'relationship', activity: 'advice_session', mode: 'face_to_face' },
      })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      caseId: kase.id,
      kind: 'attendance',
      on: todayInLondon(),
      body: 'Met client. Discussed the notice seeking possession.',
      timeEntryId: expect.any(String),
      authorId: ours.adviser.id,
      authorName: expect.stringMatching(/^Adviser/),
      createdAt: expect.any(String),
      editedById: null,
      editedByName: null,
      updatedAt: expect.any(String),
      version: 1,
    });
    const [entry] = await h.dataSource.query(
      `SELECT case_id, adviser_id, minutes, "on"::text AS on FROM time_entries WHERE id = $1`,
      [res.body.timeEntryId],
    );
    expect(entry).toEqual({ case_id: kase.id, adviser_id: ours.adviser.id, minutes: 45, on: todayInLondon() });
    const audit = await auditRows('note', res.body.id);
    expect(audit).toEqual([
      {
        action: 'create',
        user_id: ours.adviser.id,
        details: { caseIds: [kase.id], fields: ['kind', 'body', 'time'] },
      },
    ]);
    // The note's text is never copied into the audit log.
    const copies = await h.dataSource.query(`SELECT 1 FROM audit_log WHERE details::text LIKE '%notice seeking%'`);
    expect(copies).toEqual([]);
  });

  it('refuses bad time with the note and writes neither', async () => {
    const count = `SELECT (SELECT count(*) FROM case_notes)::int AS notes, (SELECT count(*) FROM time_entries)::int AS time`;
    const before = await h.dataSource.query(count);
    const res = await h
      .as(ours.adviser)
      .post(`/api/cases/${kase.id}/notes`)
      .send({
        kind: 'attendance',
        body: 'Phone call',
        time: { minutes: 10, class: 'relationship', activity: 'advice_session', mode: 'none' },
      })
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'time.mode' })]);
    expect(await h.dataSource.query(count)).toEqual(before);
  });

  it('refuses text over 20,000 characters, an empty body, an unknown kind and both time and timeEntryId', async () => {
    const post = (body: object) => h.as(ours.adviser).post(`/api/cases/${kase.id}/notes`).send(body).expect(400);
    const long = await post({ kind: 'file', body: 'x'.repeat(20_001) });
    expect(long.body.errors).toEqual([{ path: 'body', message: 'must be at most 20000 characters' }]);
    await h
      .as(ours.adviser)
      .post(`/api/cases/${kase.id}/notes`)
      .send({ kind: 'file', body: 'x'.repeat(20_000) })
      .expect(201);
    expect((await post({ kind: 'file', body: '' })).body.errors).toEqual([
      { path: 'body', message: 'must not be empty' },
    ]);
    expect((await post({ kind: 'memo', body: 'x' })).body.errors).toEqual([
      { path: 'kind', message: 'must be one of: attendance, file' },
    ]);
    const both = await post({
      kind: 'attendance',
      body: 'x',
      timeEntryId: '0b7e4a52-6f0c-4a7e-9d3b-2f1c8e5a9d10',
      time: { minutes: 5, class: 'relationship', activity: 'advice_session', mode: 'phone' },
    });
    expect(both.body.errors).toEqual([expect.objectContaining({ path: 'time' })]);
  });

  it('links an existing time entry of the same case only', async () => {
    const entry = await makeTimeEntry(h, ours.adviser, kase.id);
    const linked = await h
      .as(ours.adviser)
      .post(`/api/cases/${kase.id}/notes`)
      .send({ kind: 'attendance', body: 'Call', on: '2025-02-01', timeEntryId: entry.id })
      .expect(201);
    expect(linked.body).toMatchObject({ timeEntryId: entry.id, on: '2025-02-01' });
    const other = await makeCase(h, ours.adviser);
    const wrong = await h
      .as(ours.adviser)
      .post(`/api/cases/${other.id}/notes`)
      .send({ kind: 'attendance', body: 'Call', timeEntryId: entry.id })
      .expect(422);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ path: 'timeEntryId' })]);
    // Removing the time entry unlinks the note; the note stays.
    await h.as(ours.adviser).delete(`/api/time-entries/${entry.id}`).expect(204);
    const notes = (await h.as(ours.adviser).get(`/api/cases/${kase.id}/notes`).expect(200)).body as Array<{
      id: string;
      timeEntryId: string | null;
    }>;
    expect(notes.find((n) => n.id === linked.body.id)?.timeEntryId).toBeNull();
  });

  it('keeps every version on edit: who changed what, when', async () => {
    const created = await h
      .as(ours.adviser)
      .post(`/api/cases/${kase.id}/notes`)
      .send({ kind: 'file', body: 'Letter from landlord received', on: '2025-03-01' })
      .expect(201);
    const edited = await h
      .as(ours.manager)
      .patch(`/api/notes/${created.body.id}`)
      .send({ version: 1, body: 'Letter from landlord received; copy on file' })
      .expect(200);
    expect(edited.body).toMatchObject({
      version: 2,
      body: 'Letter from landlord received; copy on file',
      authorId: ours.adviser.id,
      editedById: ours.manager.id,
      editedByName: expect.stringMatching(/^Manager/),
    });
    // A stale version is refused with the current note; nothing is overwritten.
    const stale = await h
      .as(ours.adviser)
      .patch(`/api/notes/${created.body.id}`)
      .send({ version: 1, body: 'overwrite' })
      .expect(409);
    expect(JSON.stringify(stale.body)).toContain('copy on file');
    await h
      .as(ours.adviser)
      .patch(`/api/notes/${created.body.id}`)
      .send({ version: 2, kind: 'attendance' })
      .expect(200);

    const history = await h.as(ours.adviser).get(`/api/notes/${created.body.id}/history`).expect(200);
    expect(history.body).toEqual({
      id: created.body.id,
      caseId: kase.id,
      revisions: [
        expect.objectContaining({
          revision: 1,
          body: 'Letter from landlord received',
          kind: 'file',
          writtenById: ours.adviser.id,
          changed: ['kind', 'on', 'body', 'timeEntryId'],
        }),
        expect.objectContaining({
          revision: 2,
          body: 'Letter from landlord received; copy on file',
          writtenById: ours.manager.id,
          writtenByName: expect.stringMatching(/^Manager/),
          writtenAt: expect.any(String),
          changed: ['body'],
        }),
        expect.objectContaining({ revision: 3, kind: 'attendance', writtenById: ours.adviser.id, changed: ['kind'] }),
      ],
    });
    const audit = await auditRows('note', created.body.id);
    expect(audit.map((a) => [a.action, a.user_id])).toEqual([
      ['create', ours.adviser.id],
      ['update', ours.manager.id],
      ['update', ours.adviser.id],
      ['read', ours.adviser.id],
    ]);
    expect(audit[1].details).toMatchObject({ fields: ['body'] });
  });

  it('lists notes on the case page (its timeline) and searches them within the organisation', async () => {
    const marker = `Rentarrears${Date.now()}`;
    await h
      .as(ours.adviser)
      .post(`/api/cases/${kase.id}/notes`)
      .send({ kind: 'file', body: `Client mentioned ${marker} of 2 months` })
      .expect(201);
    const theirCase = await makeCase(h, theirs.adviser);
    await h
      .as(theirs.adviser)
      .post(`/api/cases/${theirCase.id}/notes`)
      .send({ kind: 'file', body: `Their note ${marker}` })
      .expect(201);

    const detail = await h.as(ours.adviser).get(`/api/cases/${kase.id}`).expect(200);
    expect(detail.body.notes).toEqual(
      expect.arrayContaining([expect.objectContaining({ body: `Client mentioned ${marker} of 2 months` })]),
    );
    const found = await h.as(ours.manager).get(`/api/notes`).query({ search: marker.toLowerCase() }).expect(200);
    expect(found.body).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expect(found.body.items).toEqual([
      expect.objectContaining({ caseId: kase.id, caseRef: kase.ref, body: `Client mentioned ${marker} of 2 months` }),
    ]);
    // % and _ are taken literally.
    const none = await h.as(ours.manager).get(`/api/notes`).query({ search: '%_%' }).expect(200);
    expect(none.body.total).toBe(0);
  });

  it('keeps another organisation’s notes out of reach', async () => {
    const note = await h
      .as(ours.adviser)
      .post(`/api/cases/${kase.id}/notes`)
      .send({ kind: 'file', body: 'private' })
      .expect(201);
    await h.as(theirs.manager).get(`/api/cases/${kase.id}/notes`).expect(404);
    await h.as(theirs.manager).post(`/api/cases/${kase.id}/notes`).send({ kind: 'file', body: 'x' }).expect(404);
    await h.as(theirs.manager).patch(`/api/notes/${note.body.id}`).send({ version: 1, body: 'x' }).expect(404);
    await h.as(theirs.manager).get(`/api/notes/${note.body.id}/history`).expect(404);
    const theirEntry = await makeTimeEntry(h, theirs.adviser, (await makeCase(h, theirs.adviser)).id);
    await h
      .as(ours.adviser)
      .patch(`/api/notes/${note.body.id}`)
      .send({ version: 1, timeEntryId: theirEntry.id })
      .expect(422);
  });
});
