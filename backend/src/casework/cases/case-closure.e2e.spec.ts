import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { closeCase, makeCase, makeStaffedOrganisation, OUTCOME, type Staff } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { todayInLondon } from '../../common/dates.js';

describe('closing and reopening a case', () => {
  let h: Harness;
  let org: Staff;

  beforeAll(async () => {
    h = await createHarness();
    org = await makeStaffedOrganisation(h);
  });
  afterAll(async () => {
    await h.close();
  });

  const facts = async (caseId: unknown) =>
    (
      await h.dataSource.query(
        `SELECT closed_on::text, result, accepted, appeal, benefit_types, benefit_amounts_gbp FROM case_facts WHERE case_id = $1`,
        [caseId],
      )
    )[0];

  it('records the closing date, the outcome and its benefits together', async () => {
    const kase = await makeCase(h, org.adviser, { openedOn: '2025-01-06' });
    const res = await h
      .as(org.adviser)
      .post(`/api/cases/${kase.id}/close`)
      .send({
        version: 1,
        closedOn: '2025-04-30',
        outcome: {
          ...OUTCOME,
          benefits: [
            { type: 'benefit_awarded', amountGbp: 4120.5 },
            { type: 'eviction_avoided', amountGbp: null },
          ],
        },
      })
      .expect(200);
    expect(res.body).toMatchObject({
      id: kase.id,
      status: 'closed',
      closedOn: '2025-04-30',
      version: 2,
      outcome: {
        result: 'positive',
        understood: 5,
        accepted: true,
        appeal: 'considered_not_pursued',
        confidenceBefore: 2,
        confidenceAfter: 4,
        wouldSeekAdviceEarlier: true,
        couldHandleSimilar: false,
      },
    });
    expect(res.body.outcome.benefits).toEqual(
      expect.arrayContaining([
        { type: 'benefit_awarded', amountGbp: 4120.5 },
        { type: 'eviction_avoided', amountGbp: null },
      ]),
    );
    expect(await facts(kase.id)).toEqual({
      closed_on: '2025-04-30',
      result: 'positive',
      accepted: true,
      appeal: 'considered_not_pursued',
      benefit_types: ['benefit_awarded', 'eviction_avoided'],
      // £ per type beside the types, in the same order; none recorded for the eviction avoided.
      benefit_amounts_gbp: [4120.5, null],
    });
  });

  it('closes with only a result; the rest of the outcome may be left out', async () => {
    const kase = await makeCase(h, org.adviser);
    const res = await h
      .as(org.adviser)
      .post(`/api/cases/${kase.id}/close`)
      .send({ version: 1, closedOn: todayInLondon(), outcome: { result: 'lost_contact' } })
      .expect(200);
    expect(res.body.outcome).toEqual({
      result: 'lost_contact',
      benefits: [],
      understood: null,
      accepted: null,
      appeal: null,
      appealNotPursuedReason: null,
      confidenceBefore: null,
      confidenceAfter: null,
      wouldSeekAdviceEarlier: null,
      couldHandleSimilar: null,
    });
  });

  it('records why an appeal was not pursued, in the outcome and the facts', async () => {
    const kase = await makeCase(h, org.adviser, { openedOn: '2025-01-06' });
    const outcome = { ...OUTCOME, accepted: false, appealNotPursuedReason: 'client_could_not_face_it' };
    const res = await h
      .as(org.adviser)
      .post(`/api/cases/${kase.id}/close`)
      .send({ version: 1, closedOn: '2025-04-30', outcome })
      .expect(200);
    expect(res.body.outcome).toMatchObject({
      appeal: 'considered_not_pursued',
      appealNotPursuedReason: 'client_could_not_face_it',
    });
    const [row] = await h.dataSource.query(`SELECT appeal_not_pursued_reason FROM case_facts WHERE case_id = $1`, [
      kase.id,
    ]);
    expect(row.appeal_not_pursued_reason).toBe('client_could_not_face_it');
  });

  it('refuses a reason that does not fit the appeal status or the acceptance, naming the field', async () => {
    const kase = await makeCase(h, org.adviser, { openedOn: '2025-01-06' });
    const close = (outcome: object) =>
      h.as(org.adviser).post(`/api/cases/${kase.id}/close`).send({ version: 1, closedOn: '2025-04-30', outcome });
    for (const outcome of [
      { ...OUTCOME, appeal: 'lodged', appealNotPursuedReason: 'out_of_time' },
      { ...OUTCOME, accepted: false, appealNotPursuedReason: 'accepted_outcome' },
    ]) {
      const res = await close(outcome).expect(400);
      expect(res.body.errors).toEqual([{ path: 'outcome.appealNotPursuedReason', message: expect.any(String) }]);
    }
    const unknown = await close({ ...OUTCOME, appealNotPursuedReason: 'bored' }).expect(400);
    expect(unknown.body.errors[0].path).toBe('outcome.appealNotPursuedReason');
    expect((await h.as(org.adviser).get(`/api/cases/${kase.id}`).expect(200)).body.closedOn).toBeNull();
  });

  it('leaves the case open and without an outcome when writing a benefit fails', async () => {
    const kase = await makeCase(h, org.adviser);
    // A database-side failure the DTO cannot foresee, on the last statement of the close.
    await h.owner(`
      CREATE FUNCTION fail_benefit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'benefit write failed'; END $$`);
    await h.owner(
      `CREATE TRIGGER fail_benefit BEFORE INSERT ON outcome_benefits FOR EACH ROW EXECUTE FUNCTION fail_benefit()`,
    );
    try {
      const res = await h.as(org.adviser).post(`/api/cases/${kase.id}/close`).send({
        version: 1,
        closedOn: '2025-04-30',
        outcome: OUTCOME,
      });
      expect(res.status).toBe(500);
    } finally {
      await h.owner(`DROP TRIGGER fail_benefit ON outcome_benefits`);
      await h.owner(`DROP FUNCTION fail_benefit()`);
    }
    const [row] = await h.dataSource.query(`SELECT closed_on, version FROM cases WHERE id = $1`, [kase.id]);
    expect(row).toEqual({ closed_on: null, version: 1 });
    const outcomes = await h.dataSource.query(`SELECT 1 FROM outcomes WHERE case_id = $1`, [kase.id]);
    expect(outcomes).toEqual([]);
    expect((await facts(kase.id)).closed_on).toBeNull();
    await closeCase(h, org.adviser, kase);
  });

  it('refuses a stale version with the current case, changing nothing', async () => {
    const kase = await makeCase(h, org.adviser);
    await h.as(org.adviser).patch(`/api/cases/${kase.id}`).send({ version: 1, subcategory: 'disrepair' }).expect(200);
    const res = await h
      .as(org.adviser)
      .post(`/api/cases/${kase.id}/close`)
      .send({ version: 1, closedOn: '2025-04-30', outcome: OUTCOME })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'stale_version', current: { id: kase.id, version: 2, closedOn: null } });
    expect(await h.dataSource.query(`SELECT 1 FROM outcomes WHERE case_id = $1`, [kase.id])).toEqual([]);
  });

  it('refuses to close a closed case', async () => {
    const kase = await makeCase(h, org.adviser);
    const closed = await closeCase(h, org.adviser, kase);
    const res = await h
      .as(org.adviser)
      .post(`/api/cases/${kase.id}/close`)
      .send({ version: closed.version, closedOn: '2025-05-01', outcome: OUTCOME })
      .expect(409);
    expect(res.body.errors).toEqual([{ path: 'id', message: 'was already closed on 2025-04-30; reopen it first' }]);
  });

  it('refuses a closing date before the opening date, naming closedOn', async () => {
    const kase = await makeCase(h, org.adviser, { openedOn: '2025-03-01' });
    const res = await h
      .as(org.adviser)
      .post(`/api/cases/${kase.id}/close`)
      .send({ version: 1, closedOn: '2025-02-28', outcome: OUTCOME })
      .expect(422);
    expect(res.body.errors).toEqual([
      { path: 'closedOn', message: 'must be on or after the date the case was opened (2025-03-01; got 2025-02-28)' },
    ]);
  });

  it('rejects a bad outcome with nested paths', async () => {
    const kase = await makeCase(h, org.adviser);
    const res = await h
      .as(org.adviser)
      .post(`/api/cases/${kase.id}/close`)
      .send({
        version: 1,
        closedOn: '2025-02-30',
        outcome: {
          result: 'won',
          benefits: [
            { type: 'lottery', amountGbp: 5 },
            { type: 'home_kept', amountGbp: 10_000_000 },
            { type: 'home_kept', amountGbp: 1.234 },
            { type: 'home_kept', amountGbp: '12' },
            'cash',
          ],
          understood: 6,
          accepted: 'yes',
          appeal: 'maybe',
          confidenceBefore: 0,
          confidenceAfter: 2.5,
          mood: 'happy',
        },
      })
      .expect(400);
    expect(res.body.errors).toEqual([
      { path: 'closedOn', message: 'must be a real date written YYYY-MM-DD' },
      { path: 'outcome.mood', message: 'is not a known field' },
      { path: 'outcome.result', message: expect.stringMatching(/^must be one of: positive, partly_positive/) },
      { path: 'outcome.benefits[0].type', message: expect.stringMatching(/^must be one of: eviction_avoided/) },
      { path: 'outcome.benefits[1].amountGbp', message: 'must be less than 10000000' },
      { path: 'outcome.benefits[2].amountGbp', message: 'must have at most 2 decimal places' },
      { path: 'outcome.benefits[3].amountGbp', message: 'must be an amount in pounds' },
      { path: 'outcome.benefits[4]', message: 'must be an object' },
      { path: 'outcome.understood', message: 'must be a whole number from 1 to 5' },
      { path: 'outcome.accepted', message: 'must be true or false' },
      { path: 'outcome.appeal', message: expect.stringMatching(/^must be one of: none_needed, lodged/) },
      { path: 'outcome.confidenceBefore', message: 'must be a whole number from 1 to 5' },
      { path: 'outcome.confidenceAfter', message: 'must be a whole number from 1 to 5' },
    ]);
  });

  it('requires the outcome, as an object', async () => {
    const kase = await makeCase(h, org.adviser);
    const missing = await h
      .as(org.adviser)
      .post(`/api/cases/${kase.id}/close`)
      .send({ version: 1, closedOn: '2025-04-30' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ path: 'outcome', message: 'is required' }]);
    for (const outcome of [null, 'positive', [{ result: 'positive' }]]) {
      const res = await h
        .as(org.adviser)
        .post(`/api/cases/${kase.id}/close`)
        .send({ version: 1, closedOn: '2025-04-30', outcome })
        .expect(400);
      expect(res.body.errors[0].path).toBe('outcome');
    }
    const benefits = await h
      .as(org.adviser)
      .post(`/api/cases/${kase.id}/close`)
      .send({ version: 1, closedOn: '2025-04-30', outcome: { result: 'positive', benefits: { type: 'home_kept' } } })
      .expect(400);
    expect(benefits.body.errors).toEqual([{ path: 'outcome.benefits', message: 'must be a list' }]);
  });

  describe('reopen', () => {
    it('clears the closing date and removes the outcome so reports stop counting it as closed', async () => {
      const kase = await makeCase(h, org.adviser);
      const closed = await closeCase(h, org.adviser, kase);
      const res = await h
        .as(org.adviser)
        .post(`/api/cases/${kase.id}/reopen`)
        .send({ version: closed.version })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'open', closedOn: null, outcome: null, version: 3 });
      expect(await facts(kase.id)).toEqual({
        closed_on: null,
        result: null,
        accepted: null,
        appeal: null,
        benefit_types: [],
        benefit_amounts_gbp: [],
      });
      expect(await h.dataSource.query(`SELECT 1 FROM outcome_benefits WHERE case_id = $1`, [kase.id])).toEqual([]);
      const again = await closeCase(
        h,
        org.adviser,
        { ...kase, version: res.body.version },
        {
          closedOn: '2025-06-01',
          outcome: { result: 'negative', appeal: 'lodged' },
        },
      );
      expect(again).toMatchObject({ closedOn: '2025-06-01', outcome: { result: 'negative', benefits: [] } });
    });

    it('refuses to reopen an open case or with a stale version', async () => {
      const kase = await makeCase(h, org.adviser);
      const open = await h.as(org.adviser).post(`/api/cases/${kase.id}/reopen`).send({ version: 1 }).expect(409);
      expect(open.body.errors).toEqual([{ path: 'id', message: 'is open; only a closed case can be reopened' }]);
      await closeCase(h, org.adviser, kase);
      const stale = await h.as(org.adviser).post(`/api/cases/${kase.id}/reopen`).send({ version: 1 }).expect(409);
      expect(stale.body).toMatchObject({ code: 'stale_version', current: { status: 'closed', version: 2 } });
    });

    it('requires a version', async () => {
      const kase = await makeCase(h, org.adviser);
      const res = await h.as(org.adviser).post(`/api/cases/${kase.id}/reopen`).send({}).expect(400);
      expect(res.body.errors).toEqual([{ path: 'version', message: 'is required' }]);
    });
  });
});
