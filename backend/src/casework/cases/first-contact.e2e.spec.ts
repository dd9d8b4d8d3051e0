/**
 * The client's first contact with the organisation (firstContactOn): optional, defaulting to the day
 * the case was opened, never after it; first-contact latency counts from it, in days and in working
 * days (Monday to Friday) as the measures summary's "seen within 2 / 10 working days".
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeCase, makeStaffedOrganisation, makeTimeEntry, type Staff } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { workingDaysSql } from '../../analytics/measures.sql.js';
import { addDays, workingDaysBetween } from '../../analytics/testing/report-fixture.js';

describe('first contact', () => {
  let h: Harness;
  let org: Staff;

  beforeAll(async () => {
    h = await createHarness();
    org = await makeStaffedOrganisation(h);
  });
  afterAll(async () => {
    await h.close();
  });

  it('defaults to the day the case was opened and may be recorded earlier, never later', async () => {
    const plain = await makeCase(h, org.adviser, { openedOn: '2025-01-06' });
    expect(plain.firstContactOn).toBe('2025-01-06');
    const earlier = await makeCase(h, org.adviser, { openedOn: '2025-01-06', firstContactOn: '2024-12-20' });
    expect(earlier.firstContactOn).toBe('2024-12-20');

    const later = await h
      .as(org.adviser)
      .post('/api/cases')
      .send({
        clientId: plain.clientId,
        category: 'housing',
        openedOn: '2025-01-06',
        firstContactOn: '2025-01-07',
        fundingStream: 'grant',
        arrival: { route: 'self' },
      })
      .expect(422);
    expect(later.body.errors).toEqual([{ path: 'firstContactOn', message: expect.stringMatching(/openedOn/) }]);
    // Moving the opening before the recorded first contact is refused too, naming the field.
    const moved = await h
      .as(org.adviser)
      .patch(`/api/cases/${earlier.id}`)
      .send({ version: earlier.version, openedOn: '2024-12-01' })
      .expect(422);
    expect(moved.body.errors[0].path).toBe('firstContactOn');
    const impossible = await h
      .as(org.adviser)
      .patch(`/api/cases/${earlier.id}`)
      .send({ version: earlier.version, firstContactOn: '2025-02-30' })
      .expect(400);
    expect(impossible.body.errors[0].path).toBe('firstContactOn');
  });

  it('counts latency from the first contact, in days and in working days', async () => {
    // First contact on a Friday, case opened the next Wednesday, first session on the Wednesday after.
    const kase = await makeCase(h, org.adviser, { openedOn: '2025-01-08', firstContactOn: '2025-01-03' });
    await makeTimeEntry(h, org.adviser, kase.id, { on: '2025-01-15' });
    const [facts] = await h.dataSource.query(
      `SELECT first_contact_on::text, (first_relationship_on - first_contact_on) AS days,
              ${workingDaysSql('first_contact_on', 'first_relationship_on')} AS working_days
         FROM case_facts WHERE case_id = $1`,
      [kase.id],
    );
    expect(facts).toEqual({ first_contact_on: '2025-01-03', days: 12, working_days: 8 });
    // The case page's own figure counts from the first contact too, not from the opening (7 days).
    const detail = await h
      .as(org.adviser)
      .get(`/api/cases/${String(kase.id)}`)
      .expect(200);
    expect(detail.body.measures.firstContactLatencyDays).toBe(12);
  });

  it('counts working days as a day-by-day count does, from every weekday, over four weeks', async () => {
    const pairs: Array<[string, string]> = [];
    for (let start = 0; start < 7; start++) {
      for (let length = -2; length <= 28; length++) {
        const from = addDays('2025-03-03', start);
        pairs.push([from, addDays(from, length)]);
      }
    }
    const rows: Array<{ days: number }> = await h.dataSource.query(
      `SELECT ${workingDaysSql('p.from_on', 'p.to_on')} AS days
         FROM unnest($1::date[], $2::date[]) WITH ORDINALITY AS p(from_on, to_on, i) ORDER BY p.i`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
    expect(rows.map((r) => r.days)).toEqual(pairs.map(([from, to]) => workingDaysBetween(from, to)));
  });
});
