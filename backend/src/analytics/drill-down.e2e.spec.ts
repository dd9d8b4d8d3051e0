/**
 * Drill-down against real PostgreSQL: the number of cases listed equals the figure drilled into
 * (time against outcome per band, the measures summary), page after page; managers only.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OUTCOME_MEASURES } from '@deepvalue/shared';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import {
  ADVISER_NAMES,
  bandOf,
  type Fixture,
  RATE_DEFINITIONS,
  relationshipMinutes,
  seedOrganisation,
} from './testing/report-fixture.js';

const asOf = new Date().toISOString().slice(0, 10);

interface Item {
  id: string;
  ref: string;
  category: string;
  closedOn: string;
  relationshipMinutes: number;
  leadAdviserName: string;
}

describe('GET /api/reports/drill-down', () => {
  let sut: Harness;
  let manager: TestUser;
  let fixture: Fixture;

  beforeAll(async () => {
    sut = await createHarness();
    ({ manager, fixture } = await seedOrganisation(sut, 250, 23));
  }, 180_000);
  afterAll(async () => {
    await sut.close();
  });

  const drill = async (query: string) =>
    (await sut.as(manager).get(`/api/reports/drill-down?${query}`).expect(200)).body;

  it.each(OUTCOME_MEASURES)('lists as many %s cases as each band of time against outcome counts', async (measure) => {
    for (const filters of ['', '&category=debt&fundingStream=grant', '&office=' + fixture.officeIds[0]]) {
      const report = await sut.as(manager).get(`/api/reports/time-vs-outcome?measure=${measure}${filters}`).expect(200);
      for (const [band, figure] of report.body.bands.entries()) {
        const eligible = await drill(`measure=${measure}&band=${band}&outcome=eligible&limit=1${filters}`);
        const success = await drill(`measure=${measure}&band=${band}&outcome=success&limit=1${filters}`);
        expect([band, eligible.total, success.total]).toEqual([band, figure.n, figure.count]);
        expect(eligible.band).toBe(figure.band);
      }
    }
  });

  it.each(['avoided_appeal_overall', 'bounce_out', 'positive_outcome'])(
    'lists as many %s cases as the measures summary counts',
    async (measure) => {
      const summary = await sut.as(manager).get('/api/reports/measures?category=housing').expect(200);
      const figure = summary.body.measures.find((m: { key: string }) => m.key === measure);
      expect((await drill(`measure=${measure}&category=housing`)).total).toBe(figure.n);
      expect((await drill(`measure=${measure}&outcome=success&category=housing`)).total).toBe(figure.count);
    },
  );

  it('pages through exactly the cases the definition picks, with what a supervisor needs to find them', async () => {
    const pages: Item[] = [];
    const totals = new Set<number>();
    for (let offset = 0; ; offset += 7) {
      const page = await drill(`measure=positive_outcome&band=1&outcome=success&limit=7&offset=${offset}`);
      totals.add(page.total);
      pages.push(...page.items);
      if (page.items.length < 7) break;
    }
    const [total] = totals;
    expect(totals.size).toBe(1);
    const beyond = await drill(`measure=positive_outcome&band=1&outcome=success&limit=7&offset=${total + 7}`);
    expect([beyond.total, beyond.items]).toEqual([total, []]);
    const want = fixture.cases.filter(
      (c) =>
        c.closedOn && bandOf(relationshipMinutes(c)) === 1 && RATE_DEFINITIONS.positive_outcome(c, asOf).count === 1,
    );
    expect(total).toBe(want.length);
    expect(pages.map((i) => i.id).sort()).toEqual(want.map((c) => c.id).sort());
    expect(new Set(pages.map((i) => i.id)).size).toBe(pages.length);
    const closedOn = pages.map((i) => i.closedOn);
    expect(closedOn).toEqual([...closedOn].sort().reverse());
    for (const item of pages) {
      const c = fixture.cases.find((x) => x.id === item.id)!;
      expect(item).toEqual({
        id: c.id,
        ref: c.ref,
        category: c.category,
        closedOn: c.closedOn,
        relationshipMinutes: relationshipMinutes(c),
        leadAdviserName: ADVISER_NAMES[c.adviser],
      });
    }
  });

  it('is for managers only: commissioners and advisers are refused', async () => {
    const commissionerOrg = await sut.makeOrganisation({ kind: 'commissioner' });
    const commissioner = await sut.makeUser(commissionerOrg.id, 'commissioner');
    await sut.dataSource.query(`INSERT INTO organisation_shares (provider_id, commissioner_id) VALUES ($1, $2)`, [
      fixture.orgId,
      commissionerOrg.id,
    ]);
    await sut.as(commissioner).get('/api/reports/drill-down?measure=positive_outcome').expect(403);
    const adviser = await sut.makeUser(fixture.orgId, 'adviser');
    await sut.as(adviser).get('/api/reports/drill-down?measure=positive_outcome').expect(403);
  });

  it('shows a manager none of another organisation’s cases', async () => {
    const other = await sut.makeOrganisation();
    const otherManager = await sut.makeUser(other.id, 'manager');
    const res = await sut.as(otherManager).get('/api/reports/drill-down').expect(200);
    expect(res.body.total).toBe(0);
    await sut.as(otherManager).get(`/api/reports/drill-down?organisation=${fixture.orgId}`).expect(403);
  });

  it('rejects a bad band, outcome, page or a measure counted in referrals', async () => {
    const res = await sut
      .as(manager)
      .get('/api/reports/drill-down?band=5&outcome=maybe&limit=0&measure=referral_completion')
      .expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'band',
      'limit',
      'measure',
      'outcome',
    ]);
  });
});
