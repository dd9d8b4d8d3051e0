/**
 * Case notes are not in the import format yet, so an import that would replace a case with notes is
 * refused, naming the case, and changes nothing (it would otherwise delete the notes and their history).
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

const run = (doc: object) =>
  h
    .as(manager)
    .post('/api/imports?wait=true')
    .set('Content-Type', 'application/json')
    .send(JSON.stringify(doc))
    .expect(202);

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
