/**
 * The recorded benefits pricing reads, against real PostgreSQL: each benefit type counted once per
 * case, its £ summed over the case's rows of that type, and a case counted as "without amount" only
 * when none of its rows of that type has one — kept current as benefit rows change; and bounce-backs
 * avoided only among cases someone followed up.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness } from '../../test/harness.js';
import { PricingAggregatesRepository } from './pricing-aggregates.repository.js';

describe('pricing aggregates: recorded benefits', () => {
  let sut: Harness;
  let orgId: string;
  const caseIds: string[] = [];

  const addBenefit = (caseId: string, type: string, amount: number | null) =>
    sut.dataSource.query(
      `INSERT INTO outcome_benefits (organisation_id, case_id, type, amount_gbp) VALUES ($1, $2, $3, $4)`,
      [orgId, caseId, type, amount],
    );

  const events = async () => {
    const aggregates = await sut.app
      .get(PricingAggregatesRepository)
      .aggregates([orgId], { from: '2025-01-01', to: '2025-12-31' }, '2025-12-31', 'all_cases');
    return aggregates.events
      .filter((e) => e.event === 'benefit_awarded' || e.event === 'debt_written_off')
      .map(({ event, count, recordedGbp, countWithoutAmount }) => ({ event, count, recordedGbp, countWithoutAmount }));
  };

  beforeAll(async () => {
    sut = await createHarness();
    orgId = (await sut.makeOrganisation()).id;
    const adviser = await sut.makeUser(orgId, 'adviser');
    for (let i = 0; i < 3; i++) {
      const [client] = await sut.dataSource.query(
        `INSERT INTO clients (organisation_id, ref, evidence_consent) VALUES ($1, $2, true) RETURNING id`,
        [orgId, `c${i}`],
      );
      const [kase] = await sut.dataSource.query(
        `INSERT INTO cases (organisation_id, ref, client_id, category, opened_on, closed_on, lead_adviser_id,
                            funding_stream, arrival_route)
         VALUES ($1, $2, $3, 'welfare_benefits', '2025-02-03', '2025-03-03', $4, 'grant', 'self') RETURNING id`,
        [orgId, `k${i}`, client.id, adviser.id],
      );
      await sut.dataSource.query(
        `INSERT INTO outcomes (organisation_id, case_id, result) VALUES ($1, $2, 'positive')`,
        [orgId, kase.id],
      );
      caseIds.push(kase.id);
    }
    const [a, b, c] = caseIds;
    await addBenefit(a, 'benefit_awarded', 100); // case a: two awards, £100 + £50
    await addBenefit(a, 'benefit_awarded', 50);
    await addBenefit(b, 'benefit_awarded', null); // case b: an award with no £
    await addBenefit(c, 'benefit_awarded', null); // case c: one award without £ and one with £30 …
    await addBenefit(c, 'benefit_awarded', 30);
    await addBenefit(c, 'debt_written_off', 200); // … and £200 of debt written off
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('counts each type once per case and sums its £ over the case’s rows', async () => {
    // benefit_awarded: cases a, b, c → 3; £100 + £50 + £30 = £180; only b has no £ at all → 1.
    // debt_written_off: case c → 1; £200; 0 without £.
    expect(await events()).toEqual([
      { event: 'benefit_awarded', count: 3, recordedGbp: 180, countWithoutAmount: 1 },
      { event: 'debt_written_off', count: 1, recordedGbp: 200, countWithoutAmount: 0 },
    ]);
  });

  it('follows changes to the benefit rows at once', async () => {
    await sut.dataSource.query(`UPDATE outcome_benefits SET amount_gbp = 20 WHERE case_id = $1`, [caseIds[1]]);
    await sut.dataSource.query(`DELETE FROM outcome_benefits WHERE case_id = $1 AND type = 'debt_written_off'`, [
      caseIds[2],
    ]);
    // benefit_awarded: £180 + £20 = £200, every case now has a £; no debt written off is left.
    expect(await events()).toEqual([{ event: 'benefit_awarded', count: 3, recordedGbp: 200, countWithoutAmount: 0 }]);
  });

  it('prices a bounce-back avoided only for a case someone followed up (unknown is not negative)', async () => {
    const bouncesAvoided = async () =>
      (
        await sut.app
          .get(PricingAggregatesRepository)
          .aggregates([orgId], { from: '2025-01-01', to: '2025-12-31' }, '2025-12-31', 'all_cases')
      ).events
        .filter((e) => e.event === 'bounce_back_avoided')
        .reduce((sum, e) => sum + e.count, 0);
    const followUp = (caseId: string, on: string, recontact: string) =>
      sut.dataSource.query(
        `INSERT INTO follow_ups (organisation_id, case_id, "on", recontact) VALUES ($1, $2, $3, $4)`,
        [orgId, caseId, on, recontact],
      );
    // All three cases closed on 2025-03-03, six months before the as-of date; nobody followed them up.
    expect(await bouncesAvoided()).toBe(0);
    const [a, b] = caseIds;
    await followUp(a, '2025-09-01', 'none'); // followed up, did not come back: a bounce-back avoided
    await followUp(b, '2025-05-01', 'same_problem'); // came back about the same problem
    expect(await bouncesAvoided()).toBe(1);
  });

  it('prices a case recording both home kept and eviction avoided once, as an eviction avoided', async () => {
    const housing = async () =>
      (
        await sut.app
          .get(PricingAggregatesRepository)
          .aggregates([orgId], { from: '2025-01-01', to: '2025-12-31' }, '2025-12-31', 'all_cases')
      ).events
        .filter((e) => e.event === 'home_kept' || e.event === 'eviction_avoided')
        .map(({ event, count }) => ({ event, count }))
        .sort((x, y) => x.event.localeCompare(y.event));
    const [a, b, c] = caseIds;
    await addBenefit(a, 'home_kept', null); // a: both → one eviction avoided
    await addBenefit(a, 'eviction_avoided', null);
    await addBenefit(b, 'home_kept', null); // b: home kept only → stays home kept
    await addBenefit(c, 'eviction_avoided', null); // c: eviction avoided only
    expect(await housing()).toEqual([
      { event: 'eviction_avoided', count: 2 },
      { event: 'home_kept', count: 1 },
    ]);
  });
});
