/**
 * Case notes and key dates are not in the import format yet, so an import that would replace a case with them is
 * refused, naming the case, and changes nothing (it would otherwise delete them, and a note's history).
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { generateDocument } from './generator.js';

let h: Harness;
let manager: TestUser;

beforeAll(async () => {
  h = await createHarness();
  manager = await h.makeUser((await h.makeOrganisation()).id, 'manager');
});
afterAll(() => h.close());

const run = (doc: object, as = manager) =>
  h.as(as).post('/api/imports?wait=true').set('Content-Type', 'application/json').send(JSON.stringify(doc)).expect(202);

it('refuses to replace a case that has notes, naming it, and keeps the notes', async () => {
  const doc = generateDocument({ cases: 4, seed: 9 });
  expect((await run(doc)).body).toMatchObject({ status: 'succeeded' });
  const ref = doc.cases[2].ref;
  const [kase] = await h.dataSource.query(`SELECT id, version FROM cases WHERE organisation_id = $1 AND ref = $2`, [
    manager.organisationId,
    ref,
  ]);
  await h
    .as(manager)
    .post(`/api/cases/${kase.id}/notes`)
    .send({ kind: 'file', body: 'Landlord rang back' })
    .expect(201);

  const again = (await run(doc)).body;
  expect(again).toMatchObject({ status: 'failed' });
  expect(again.errors).toEqual([{ path: `cases[ref=${ref}]`, message: expect.stringMatching(/has case notes/) }]);
  const notes = await h.dataSource.query(`SELECT body FROM case_notes WHERE case_id = $1`, [kase.id]);
  expect(notes).toEqual([{ body: 'Landlord rang back' }]);

  // Without the noted case, the same import goes through.
  const rest = { ...doc, cases: doc.cases.filter((c) => c.ref !== ref) };
  expect((await run(rest)).body).toMatchObject({ status: 'succeeded' });
});

it('refuses to replace a case that has key dates, naming it and them, and keeps the limitation date', async () => {
  // Its own organisation: the case with notes above would stop these refs importing again.
  const other = await h.makeUser((await h.makeOrganisation()).id, 'manager');
  const doc = generateDocument({ cases: 3, seed: 11 });
  expect((await run(doc, other)).body).toMatchObject({ status: 'succeeded' });
  const ref = doc.cases[1].ref;
  const [kase] = await h.dataSource.query(`SELECT id FROM cases WHERE organisation_id = $1 AND ref = $2`, [
    other.organisationId,
    ref,
  ]);
  await h
    .as(other)
    .post(`/api/cases/${kase.id}/key-dates`)
    .send({ kind: 'limitation', title: 'Disrepair claim limitation', dueOn: '2030-05-01' })
    .expect(201);

  const again = (await run(doc, other)).body;
  expect(again).toMatchObject({ status: 'failed' });
  expect(again.errors).toEqual([
    { path: `cases[ref=${ref}]`, message: expect.stringMatching(/has key dates, which an import cannot carry/) },
  ]);
  const kept = await h.dataSource.query(`SELECT title, due_on::text FROM key_dates WHERE case_id = $1`, [kase.id]);
  expect(kept).toEqual([{ title: 'Disrepair claim limitation', due_on: '2030-05-01' }]);
});
