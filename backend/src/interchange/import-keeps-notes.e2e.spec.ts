/**
 * Re-importing a case (next month's sheet, or the same file again) updates it in place: what advisers recorded on it
 * that the format carries only in part — notes and their history, key dates and their changes, parties, conflict
 * checks, contact safety — stays, a note stays linked to its re-imported time entry, and nothing is duplicated.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_SUBCATEGORIES } from '@deepvalue/shared';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { ExportService } from './export.service.js';
import { generateDocument } from './generator.js';
import type { ImportCase, ImportDocument } from './import-format.js';
import { ImportService } from './import.service.js';

let h: Harness;
let manager: TestUser;

beforeAll(async () => {
  h = await createHarness();
  manager = await h.makeUser((await h.makeOrganisation()).id, 'manager');
});
afterAll(() => h.close());

const run = (doc: object, as = manager) =>
  h.as(as).post('/api/imports?wait=true').set('Content-Type', 'application/json').send(JSON.stringify(doc)).expect(202);

async function exportDoc(organisationId: string): Promise<ImportDocument> {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  await h.app.get(ExportService).writeJson(organisationId, sink);
  return JSON.parse(chunks.join(''));
}

const importFile = (doc: ImportDocument, target: Parameters<ImportService['importFile']>[1]) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deepvalue-keeps-')), 'doc.json');
  fs.writeFileSync(file, JSON.stringify(doc));
  return h.app.get(ImportService).importFile(file, target);
};

/** Everything hung on the case that an import must not lose, in a comparable form. */
async function recorded(caseId: string) {
  const q = (sql: string) => h.dataSource.query(sql, [caseId]);
  return {
    notes: await q(
      `SELECT n.kind, n.body, n.version, t."on"::text AS entry_on, t.minutes AS entry_minutes
         FROM case_notes n LEFT JOIN time_entries t ON t.organisation_id = n.organisation_id AND t.id = n.time_entry_id WHERE n.case_id = $1 ORDER BY n.body`,
    ),
    revisions: await q(`SELECT count(*)::int AS n FROM case_note_revisions WHERE case_id = $1`),
    keyDates: await q(`SELECT kind, title, due_on::text FROM key_dates WHERE case_id = $1 ORDER BY title`),
    keyDateChanges: await q(`SELECT change, due_on::text FROM key_date_changes WHERE case_id = $1 ORDER BY changed_at`),
    parties: await q(`SELECT role, name FROM case_parties WHERE case_id = $1 ORDER BY name`),
    conflictChecks: await q(`SELECT subject, result FROM conflict_checks WHERE case_id = $1 ORDER BY created_at`),
    contactSafety: await q(
      `SELECT cl.safe_by_phone, cl.safe_by_letter, cl.interpreter_language FROM cases c JOIN clients cl ON cl.organisation_id = c.organisation_id AND cl.id = c.client_id WHERE c.id = $1`,
    ),
  };
}

describe('re-importing a case that advisers have worked on', () => {
  let doc: ImportDocument;
  let kase: { id: string; client_id: string };
  let before: Awaited<ReturnType<typeof recorded>>;

  beforeAll(async () => {
    doc = generateDocument({ cases: 4, seed: 9 });
    // The note's time entry must survive the re-import; give the case one for certain.
    const target = doc.cases[2];
    target.timeEntries = [
      ...(target.timeEntries ?? []),
      {
        on: target.openedOn,
        adviserRef: target.leadAdviserRef,
        minutes: 47,
        class: 'relationship',
        activity: 'advice_session',
        mode: 'phone',
      },
    ];
    expect((await run(doc)).body).toMatchObject({ status: 'succeeded' });
    [kase] = await h.dataSource.query(`SELECT id, client_id FROM cases WHERE organisation_id = $1 AND ref = $2`, [
      manager.organisationId,
      target.ref,
    ]);
    const api = h.as(manager);
    const [entry] = await h.dataSource.query(`SELECT id FROM time_entries WHERE case_id = $1 AND minutes = 47`, [
      kase.id,
    ]);
    const linked = await api
      .post(`/api/cases/${kase.id}/notes`)
      .send({ kind: 'attendance', body: 'Phone advice on the possession claim', timeEntryId: entry.id })
      .expect(201);
    const file = await api
      .post(`/api/cases/${kase.id}/notes`)
      .send({ kind: 'file', body: 'Landlord rang back' })
      .expect(201);
    await api
      .patch(`/api/notes/${file.body.id}`)
      .send({ version: file.body.version, body: 'Landlord rang back: hearing adjourned' })
      .expect(200);
    expect(linked.body.timeEntryId).toBe(entry.id);
    await api
      .post(`/api/cases/${kase.id}/key-dates`)
      .send({ kind: 'limitation', title: 'Disrepair claim limitation', dueOn: '2030-05-01' })
      .expect(201);
    await api
      .post(`/api/cases/${kase.id}/parties`)
      .send({
        role: 'opponent',
        opponentType: 'landlord',
        kind: 'organisation',
        name: 'Riverside Homes Ltd',
        conflictCheck: { result: 'no_conflict' },
      })
      .expect(201);
    const client = (await api.get(`/api/clients/${kase.client_id}`).expect(200)).body;
    await api
      .patch(`/api/clients/${kase.client_id}`)
      .send({
        version: client.version,
        contactSafety: {
          ...client.contactSafety,
          safeBy: { ...client.contactSafety.safeBy, phone: false, letter: true },
          interpreterLanguage: 'Polish',
        },
      })
      .expect(200);
    before = await recorded(kase.id);
    expect(before.notes).toHaveLength(2);
    expect(before.notes.find((n: { kind: string }) => n.kind === 'attendance')).toMatchObject({ entry_minutes: 47 });
    expect(before.keyDates).toHaveLength(1);
    expect(before.parties).toHaveLength(1);
    expect(before.conflictChecks.length).toBeGreaterThan(0);
    expect(before.contactSafety).toEqual([
      { safe_by_phone: false, safe_by_letter: true, interpreter_language: 'Polish' },
    ]);
  });

  it('updates the case in place, keeping its id and everything advisers recorded on it', async () => {
    const next = structuredClone(doc);
    // Another sub-category of the case's own category (the list refuses any other).
    const changed = DEFAULT_SUBCATEGORIES[next.cases[2].category].find(
      ([key]) => key !== next.cases[2].subcategory,
    )![0];
    next.cases[2].subcategory = changed;
    next.cases[2].timeEntries!.push({
      on: next.cases[2].openedOn,
      adviserRef: next.cases[2].leadAdviserRef,
      minutes: 12,
      class: 'administration',
      activity: 'funder_reporting',
      mode: 'none',
    });
    const result = (await run(next)).body;
    expect(result).toMatchObject({ status: 'succeeded' });

    const [after] = await h.dataSource.query(
      `SELECT id, subcategory, version FROM cases WHERE organisation_id = $1 AND ref = $2`,
      [manager.organisationId, doc.cases[2].ref],
    );
    expect(after).toMatchObject({ id: kase.id, subcategory: changed });
    expect(after.version).toBeGreaterThan(1);
    expect(await recorded(kase.id)).toEqual(before);
    const entries = await h.dataSource.query(`SELECT count(*)::int AS n FROM time_entries WHERE case_id = $1`, [
      kase.id,
    ]);
    expect(entries[0].n).toBe(next.cases[2].timeEntries!.length);
  });

  it('imported again, duplicates nothing', async () => {
    const count = () =>
      h.dataSource.query(
        `SELECT (SELECT count(*) FROM cases WHERE organisation_id = $1)::int AS cases,
                (SELECT count(*) FROM time_entries WHERE organisation_id = $1)::int AS entries,
                (SELECT count(*) FROM case_notes WHERE organisation_id = $1)::int AS notes,
                (SELECT count(*) FROM key_dates WHERE organisation_id = $1)::int AS key_dates,
                (SELECT count(*) FROM case_parties WHERE organisation_id = $1)::int AS parties`,
        [manager.organisationId],
      );
    const once = await count();
    expect((await run(doc)).body).toMatchObject({ status: 'succeeded' });
    expect((await run(doc)).body).toMatchObject({ status: 'succeeded' });
    expect(await count()).toEqual([{ ...once[0], entries: once[0].entries - 1 }]);
    expect(await recorded(kase.id)).toEqual(before);
  });

  it('a refused re-import changes nothing', async () => {
    const bad = structuredClone(doc);
    bad.cases[2].subcategory = 'eviction';
    bad.cases[3].timeEntries = [{ ...bad.cases[2].timeEntries![0], minutes: 0 }];
    const result = (await run(bad)).body;
    expect(result).toMatchObject({ status: 'failed' });
    const [still] = await h.dataSource.query(`SELECT subcategory FROM cases WHERE id = $1`, [kase.id]);
    expect(still.subcategory).not.toBe('eviction');
    expect(await recorded(kase.id)).toEqual(before);
  });

  it('carries notes, key dates, parties and contact safety through export → import into another organisation → export', async () => {
    const first = await exportDoc(manager.organisationId);
    const exported = first.cases.find((c) => c.ref === doc.cases[2].ref)!;
    const entry47 = exported.timeEntries!.findIndex((t) => t.minutes === 47);
    expect(exported.notes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'attendance',
          body: 'Phone advice on the possession claim',
          timeEntryIndex: entry47,
        }),
        expect.objectContaining({ kind: 'file', body: 'Landlord rang back: hearing adjourned', timeEntryIndex: null }),
      ]),
    );
    expect(exported.keyDates).toEqual([expect.objectContaining({ kind: 'limitation', dueOn: '2030-05-01' })]);
    expect(exported.parties).toEqual([expect.objectContaining({ role: 'opponent', name: 'Riverside Homes Ltd' })]);
    expect(exported.client.contactSafety).toMatchObject({
      safeBy: { phone: false, letter: true },
      interpreterLanguage: 'Polish',
    });

    const copy = await importFile(first, { createOrganisation: true, organisationRef: 'keeps-copy' });
    expect(copy).toMatchObject({ ok: true, counts: { notesAdded: 2, keyDatesAdded: 1, partiesAdded: 1 } });
    if (!copy.ok) return;
    const second = await exportDoc(copy.organisationId);
    const byRef = (d: ImportDocument) => Object.fromEntries(d.cases.map((c: ImportCase) => [c.ref, c]));
    expect(byRef(second)).toEqual(byRef(first));
    const [change] = await h.dataSource.query(`SELECT change FROM key_date_changes WHERE organisation_id = $1`, [
      copy.organisationId,
    ]);
    expect(change).toEqual({ change: 'added' });
  });

  it('importing its own export again adds nothing', async () => {
    const again = await importFile(await exportDoc(manager.organisationId), { organisationId: manager.organisationId });
    expect(again).toMatchObject({ ok: true, counts: { notesAdded: 0, keyDatesAdded: 0, partiesAdded: 0 } });
    const now = await recorded(kase.id);
    expect({ ...now, notes: now.notes.length }).toEqual({ ...before, notes: before.notes.length });
  });

  it('a note whose time entry is no longer in the file keeps the note, unlinked', async () => {
    const fewer = structuredClone(doc);
    fewer.cases[2].timeEntries = fewer.cases[2].timeEntries!.filter((t) => t.minutes !== 47);
    expect((await run(fewer)).body).toMatchObject({ status: 'succeeded' });
    const now = await recorded(kase.id);
    expect(now.notes).toEqual(
      before.notes.map((n: object & { kind: string }) =>
        n.kind === 'attendance' ? { ...n, entry_on: null, entry_minutes: null } : n,
      ),
    );
    expect({ ...now, notes: before.notes }).toEqual(before);
  });
});
