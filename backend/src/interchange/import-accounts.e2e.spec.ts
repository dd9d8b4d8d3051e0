/**
 * An import is casework, not account management: it may point at the organisation's existing
 * users (by ref or email) and add advisers as records that cannot sign in, but it never creates a
 * sign-in account, never renames a user or changes their email, says nothing about emails of other
 * organisations, and its audit row says what it did.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { generateDocument } from './generator.js';
import type { ImportDocument } from './import-format.js';

describe('imports and user accounts', () => {
  let h: Harness;
  let orgId: string;
  let manager: TestUser;
  let admin: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    h = await createHarness();
    orgId = (await h.makeOrganisation()).id;
    manager = await h.makeUser(orgId, 'manager');
    admin = await h.makeUser(orgId, 'admin', { name: 'Ada Admin' });
    outsider = await h.makeUser((await h.makeOrganisation()).id, 'adviser', { name: 'Olu Outsider' });
  });
  afterAll(() => h.close());

  const user = async (id: string) =>
    (await h.dataSource.query(`SELECT name, email, password_hash, organisation_id FROM users WHERE id = $1`, [id]))[0];

  /** A small document whose three advisers are the admin's email, a new email and another organisation's. */
  const document = (names: string[]): ImportDocument => {
    const doc = generateDocument({ cases: 6, seed: 5 });
    const [a, b, c] = doc.advisers;
    doc.advisers = [
      { ...a, name: names[0], email: admin.email },
      { ...b, name: names[1], email: 'brand.new@adviser.example' },
      { ...c, name: names[2], email: outsider.email },
    ];
    const refs = doc.advisers.map((x) => x.ref);
    doc.cases.forEach((kase, i) => {
      kase.leadAdviserRef = refs[i % 3];
      for (const t of kase.timeEntries ?? []) t.adviserRef = refs[i % 3];
    });
    return doc;
  };

  const run = (doc: ImportDocument, fileName = 'advisers.json') =>
    h
      .as(manager)
      .post(`/api/imports?wait=true&fileName=${encodeURIComponent(fileName)}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(doc))
      .expect(202);

  it('links existing users by email, adds others as records without sign-in, and renames nobody', async () => {
    const usersBefore = await h.dataSource.query(`SELECT count(*)::int AS n FROM users`);
    const doc = document(['Renamed By Import', 'Brand New', 'Renamed Outsider']);
    const job = (await run(doc)).body;
    expect(job).toMatchObject({ status: 'succeeded', errors: [] });

    expect(await user(admin.id)).toMatchObject({ name: 'Ada Admin', email: admin.email });
    expect(await user(outsider.id)).toMatchObject({ name: 'Olu Outsider', email: outsider.email });
    // The admin's email made the admin this adviser: the cases point at the admin's account.
    const [{ led }] = await h.dataSource.query(
      `SELECT count(*)::int AS led FROM cases WHERE organisation_id = $1 AND lead_adviser_id = $2`,
      [orgId, admin.id],
    );
    expect(led).toBe(2);
    // Nobody can sign in with an email an import brought in.
    expect(await h.dataSource.query(`SELECT id FROM users WHERE email = 'brand.new@adviser.example'`)).toEqual([]);
    const records = await h.dataSource.query(
      `SELECT ref, name, email, password_hash FROM users WHERE organisation_id = $1 AND ref = ANY($2) ORDER BY name`,
      [orgId, [doc.advisers[1].ref, doc.advisers[2].ref]],
    );
    expect(records).toEqual([
      { ref: doc.advisers[1].ref, name: 'Brand New', email: null, password_hash: null },
      { ref: doc.advisers[2].ref, name: 'Renamed Outsider', email: null, password_hash: null },
    ]);
    const [{ n }] = await h.dataSource.query(`SELECT count(*)::int AS n FROM users`);
    expect(n).toBe(usersBefore[0].n + 2);

    // Importing again under the refs now known changes no account either.
    const again = (await run(document(['Renamed Again', 'Brand New', 'Renamed Outsider']))).body;
    expect(again).toMatchObject({ status: 'succeeded' });
    expect(await user(admin.id)).toMatchObject({ name: 'Ada Admin', email: admin.email });
  });

  it('audits what the import did: the file, and the cases and entries it created and replaced', async () => {
    const doc = document(['A', 'B', 'C']);
    doc.cases = doc.cases.slice(0, 4);
    const entries = doc.cases.reduce((sum, c) => sum + (c.timeEntries?.length ?? 0), 0);
    const job = (await run(doc, 'march.json')).body;
    expect(job.status).toBe('succeeded');
    const rows = await h.dataSource.query(
      `SELECT user_id, entity, details FROM audit_log WHERE organisation_id = $1 AND action = 'import' ORDER BY id`,
      [orgId],
    );
    expect(rows.at(-1)).toEqual({
      user_id: manager.id,
      entity: 'import',
      details: {
        jobId: job.id,
        fileName: 'march.json',
        status: 'succeeded',
        cases: { created: 0, replaced: 4 },
        timeEntries: entries,
        added: { notes: 0, keyDates: 0, parties: 0 },
        clients: expect.objectContaining({ created: 0 }),
        advisers: { existingUsers: 1, recordsCreated: 0, recordsUpdated: 2 },
      },
    });
    // One row per import, not an empty one for the request and another for the job.
    expect(rows.filter((r: { details: { jobId?: string } | null }) => !r.details?.jobId)).toEqual([]);
  });

  it('audits a refused import too, with its error count', async () => {
    const doc = document(['A', 'B', 'C']);
    (doc.cases[0] as unknown as Record<string, unknown>).category = 'astrology';
    const job = (await run(doc, 'bad.json')).body;
    expect(job.status).toBe('failed');
    const [row] = await h.dataSource.query(
      `SELECT details FROM audit_log WHERE organisation_id = $1 AND action = 'import' ORDER BY id DESC LIMIT 1`,
      [orgId],
    );
    expect(row.details).toEqual({ jobId: job.id, fileName: 'bad.json', status: 'failed', errorCount: 1 });
  });
});
