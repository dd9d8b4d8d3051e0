/**
 * Concurrency: two advisers editing the same case never lose an update, and sessions
 * recorded at the same moment by two advisers all count in the per-case facts the reports read.
 * "100 retried submissions with the same idempotency key give one record" is proven in
 * idempotency/idempotency.e2e.spec.ts ('records once under 100 concurrent identical requests').
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_SUBCATEGORIES } from '@deepvalue/shared';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { makeCase, makeStaffedOrganisation } from '../../test/factories.js';

const ROUNDS = 20;
const HOUSING = DEFAULT_SUBCATEGORIES.housing;

describe('two advisers working on the same case at the same time', () => {
  let h: Harness;
  let first: TestUser;
  let second: TestUser;

  beforeAll(async () => {
    h = await createHarness();
    const staff = await makeStaffedOrganisation(h);
    first = staff.adviser;
    second = await h.makeUser(staff.organisationId, 'adviser', { name: 'Second Adviser' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('lets one of two simultaneous edits win, answers the other 409 with the current record, and loses neither', async () => {
    const kase = await makeCase(h, first);
    let version = kase.version as number;
    for (let round = 0; round < ROUNDS; round++) {
      const edits = [
        { user: first, subcategory: HOUSING[round % HOUSING.length][0] },
        { user: second, subcategory: HOUSING[(round + 1) % HOUSING.length][0] },
      ];
      const results = await Promise.all(
        edits.map((e) => h.as(e.user).patch(`/api/cases/${kase.id}`).send({ version, subcategory: e.subcategory })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = results.findIndex((r) => r.status === 409);
      const current = results[loser].body.current;
      expect(current).toMatchObject({ version: version + 1, subcategory: results[1 - loser].body.subcategory });
      // The one who lost sees the other's change and saves theirs on top of it.
      const retry = await h
        .as(edits[loser].user)
        .patch(`/api/cases/${kase.id}`)
        .send({ version: current.version, subcategory: edits[loser].subcategory })
        .expect(200);
      version = retry.body.version;
      expect(version).toBe(current.version + 1);
    }
    const [row] = await h.dataSource.query(`SELECT version FROM cases WHERE id = $1`, [kase.id]);
    expect(row.version).toBe(version);
  });

  it('counts every session recorded at once by both advisers in the case facts', async () => {
    const kase = await makeCase(h, first);
    const sessions = Array.from({ length: 40 }, (_, i) => ({ user: i % 2 ? second : first, minutes: 5 + i }));
    const results = await Promise.all(
      sessions.map((s) =>
        h.as(s.user).post('/api/time-entries/quick').send({
          caseId: kase.id,
          minutes: s.minutes,
          class: 'relationship',
          activity: 'advice_session',
          mode: 'phone',
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(sessions.map(() => 201));
    const [facts] = await h.dataSource.query(
      `SELECT f.relationship_minutes AS facts,
              (SELECT sum(minutes)::int FROM time_entries t WHERE t.case_id = f.case_id AND t.class = 'relationship') AS entries
       FROM case_facts f WHERE f.case_id = $1`,
      [kase.id],
    );
    expect(facts.entries).toBe(sessions.reduce((sum, s) => sum + s.minutes, 0));
    expect(facts.facts).toBe(facts.entries);
  });
});
