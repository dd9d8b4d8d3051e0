/**
 * Trends and breakdowns against real PostgreSQL, from the roll-ups and from the per-case facts,
 * compared with counts made independently in JavaScript; per-adviser rows are in name order, never
 * ranked, and for managers only (commissioners see suppressed figures in packs).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { wilsonInterval } from './statistics/wilson.js';
import {
  type Fixture,
  RATE_DEFINITIONS,
  seedOrganisation,
  type SimCase,
  UNKNOWN_DEFINITIONS,
} from './testing/report-fixture.js';

const asOf = new Date().toISOString().slice(0, 10);

interface Row {
  n: number;
  count: number;
  rate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  small: boolean;
}
type Period = Row & { period: string; from: string; to: string; unknown: number; coverage: number | null };
type Group = Row & { key: string; label: string; unknown: number; coverage: number | null };

/** Units in scope and those not recorded, per key (unknown is not negative). */
function expectedUnknowns(cases: SimCase[], measure: string, keysOf: (c: SimCase) => string[]) {
  const out = new Map<string, { scope: number; unknown: number }>();
  for (const c of cases) {
    if (!c.closedOn) continue;
    const u = UNKNOWN_DEFINITIONS[measure](c, asOf);
    for (const key of keysOf(c)) {
      const sum = out.get(key) ?? { scope: 0, unknown: 0 };
      out.set(key, { scope: sum.scope + u.scope, unknown: sum.unknown + u.unknown });
    }
  }
  return out;
}

function expectCoverage(
  rows: Array<{ unknown: number; coverage: number | null }>,
  want: Array<{ scope: number; unknown: number }>,
) {
  expect(rows.map((r) => r.unknown)).toEqual(want.map((w) => w.unknown));
  rows.forEach((r, i) => {
    if (want[i].scope === 0) expect(r.coverage).toBeNull();
    else expect(r.coverage).toBeCloseTo((want[i].scope - want[i].unknown) / want[i].scope, 12);
  });
}

function periodOf(iso: string, period: 'month' | 'quarter') {
  const month = Number(iso.slice(5, 7));
  return period === 'month' ? iso.slice(0, 7) : `${iso.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

function nextPeriodLabel(label: string, period: 'month' | 'quarter') {
  const year = Number(label.slice(0, 4));
  if (period === 'month') {
    const month = Number(label.slice(5, 7));
    return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  }
  const quarter = Number(label.slice(6));
  return quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`;
}

function expectedTrend(cases: SimCase[], measure: string, period: 'month' | 'quarter') {
  const counts = new Map<string, { n: number; count: number }>();
  for (const c of cases) {
    if (!c.closedOn) continue;
    const r = RATE_DEFINITIONS[measure](c, asOf);
    if (r.n === 0) continue;
    const key = periodOf(c.closedOn, period);
    const sum = counts.get(key) ?? { n: 0, count: 0 };
    counts.set(key, { n: sum.n + r.n, count: sum.count + r.count });
  }
  const keys = [...counts.keys()].sort();
  const out: Array<{ period: string; n: number; count: number }> = [];
  if (!keys.length) return out;
  for (let k = keys[0]; k <= keys[keys.length - 1]; k = nextPeriodLabel(k, period)) {
    out.push({ period: k, ...(counts.get(k) ?? { n: 0, count: 0 }) });
  }
  return out;
}

const GROUP_OF: Record<string, (c: SimCase, f: Fixture) => string[]> = {
  category: (c) => [c.category],
  fundingStream: (c) => [c.funding],
  arrival: (c) => [c.arrival],
  office: (c, f) => [c.office === null ? 'none' : f.officeIds[c.office]],
  adviser: (c, f) => [f.adviserIds[c.adviser]],
  vulnerability: (c) => (c.vulnerabilities.length ? c.vulnerabilities : ['none']),
};

function expectedGroups(cases: SimCase[], fixture: Fixture, measure: string, by: string) {
  const counts = new Map<string, { n: number; count: number }>();
  for (const c of cases) {
    if (!c.closedOn) continue;
    const r = RATE_DEFINITIONS[measure](c, asOf);
    if (r.n === 0) continue;
    for (const key of GROUP_OF[by](c, fixture)) {
      const sum = counts.get(key) ?? { n: 0, count: 0 };
      counts.set(key, { n: sum.n + r.n, count: sum.count + r.count });
    }
  }
  return counts;
}

describe('trends and breakdowns', () => {
  let sut: Harness;
  let manager: TestUser;
  let fixture: Fixture;

  beforeAll(async () => {
    sut = await createHarness();
    ({ manager, fixture } = await seedOrganisation(sut, 300, 11));
  }, 180_000);
  afterAll(async () => {
    await sut.close();
  });

  function checkRows(rows: Row[]) {
    for (const row of rows) {
      const w = wilsonInterval(row.count, row.n);
      expect([row.rate, row.ciLow, row.ciHigh]).toEqual([w.rate, w.ciLow, w.ciHigh]);
      expect(row.small).toBe(row.n < 10);
    }
  }

  describe('GET /api/reports/trends', () => {
    it.each([
      ['positive_outcome', 'month', '', () => true],
      ['positive_outcome', 'quarter', '', () => true],
      ['bounce_back', 'quarter', '&category=housing', (c: SimCase) => c.category === 'housing'],
      [
        'accepted',
        'month',
        '&category=debt&fundingStream=grant',
        (c: SimCase) => c.category === 'debt' && c.funding === 'grant',
      ],
      ['bounce_out', 'quarter', '', () => true],
      ['avoided_appeal_overall', 'quarter', '&from=2025-01-01', (c: SimCase) => (c.closedOn ?? '') >= '2025-01-01'],
      [
        'referral_completion',
        'quarter',
        '&vulnerability=mental_health',
        (c: SimCase) => c.vulnerabilities.includes('mental_health'),
      ],
    ] as const)('gives %s per %s%s by closing date', async (measure, period, query, keep) => {
      const res = await sut
        .as(manager)
        .get(`/api/reports/trends?measure=${measure}&period=${period}${query}`)
        .expect(200);
      const want = expectedTrend(fixture.cases.filter(keep), measure, period);
      expect(res.body.periods.map((p: Period) => ({ period: p.period, n: p.n, count: p.count }))).toEqual(want);
      expect(res.body.n).toBe(want.reduce((s, p) => s + p.n, 0));
      expect(res.body.count).toBe(want.reduce((s, p) => s + p.count, 0));
      checkRows(res.body.periods);
      // Beside each period's n, and the report's: the cases in scope where the thing is not recorded.
      const unknowns = expectedUnknowns(fixture.cases.filter(keep), measure, (c) => [periodOf(c.closedOn!, period)]);
      expectCoverage(
        res.body.periods,
        res.body.periods.map((p: Period) => unknowns.get(p.period) ?? { scope: 0, unknown: 0 }),
      );
      const all = [...unknowns.values()].reduce(
        (a, b) => ({ scope: a.scope + b.scope, unknown: a.unknown + b.unknown }),
        {
          scope: 0,
          unknown: 0,
        },
      );
      expectCoverage([res.body], [all]);
      expect(res.body.caveat).toMatch(/not that relationship time caused/);
      expect(res.body.measure).toBe(measure);
    });

    it('gives each period its first and last day', async () => {
      const res = await sut.as(manager).get('/api/reports/trends?period=quarter').expect(200);
      const q = res.body.periods.find((p: Period) => p.period === '2025-Q1');
      expect([q.from, q.to]).toEqual(['2025-01-01', '2025-03-31']);
      const m = (await sut.as(manager).get('/api/reports/trends').expect(200)).body.periods.find(
        (p: Period) => p.period === '2024-02',
      );
      expect([m.from, m.to]).toEqual(['2024-02-01', '2024-02-29']);
    });

    it('rejects an unknown measure or period, naming it', async () => {
      const res = await sut.as(manager).get('/api/reports/trends?measure=joy&period=week').expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['measure', 'period']);
    });
  });

  describe('GET /api/reports/breakdown', () => {
    it.each([
      ['category', 'positive_outcome', ''],
      ['fundingStream', 'accepted', ''],
      ['arrival', 'bounce_back', ''],
      ['office', 'positive_outcome', ''],
      ['office', 'avoided_appeal', '&category=housing'],
      ['vulnerability', 'problem_uncovered', ''],
      ['vulnerability', 'referral_completion', ''],
      ['category', 'bounce_out', '&arrival=self'],
      ['adviser', 'positive_outcome', ''],
      ['adviser', 'referral_completion', '&category=debt'],
    ])('gives %s groups of %s%s as counted case by case', async (by, measure, query) => {
      const res = await sut.as(manager).get(`/api/reports/breakdown?by=${by}&measure=${measure}${query}`).expect(200);
      const keep = (c: SimCase) =>
        (!query.includes('category=housing') || c.category === 'housing') &&
        (!query.includes('category=debt') || c.category === 'debt') &&
        (!query.includes('arrival=self') || c.arrival === 'self');
      const cases = fixture.cases.filter(keep);
      const want = expectedGroups(cases, fixture, measure, by);
      const got = new Map(res.body.groups.map((g: Group) => [g.key, { n: g.n, count: g.count }]));
      expect(got).toEqual(want);
      checkRows(res.body.groups);
      // n counts each case once, even where groups overlap.
      const total = cases.filter((c) => c.closedOn).map((c) => RATE_DEFINITIONS[measure](c, asOf));
      expect(res.body.n).toBe(total.reduce((s, r) => s + r.n, 0));
      expect(res.body.count).toBe(total.reduce((s, r) => s + r.count, 0));
      // Beside each group's n, and the report's (each case once): the cases where it is not recorded.
      const unknowns = expectedUnknowns(cases, measure, (c) => GROUP_OF[by](c, fixture));
      expectCoverage(
        res.body.groups,
        res.body.groups.map((g: Group) => unknowns.get(g.key)!),
      );
      const once = expectedUnknowns(cases, measure, () => ['all']).get('all')!;
      expectCoverage([res.body], [once]);
    });

    it('lists advisers by name with the supervision note, never by rate', async () => {
      const res = await sut.as(manager).get('/api/reports/breakdown?by=adviser&measure=positive_outcome').expect(200);
      const labels = res.body.groups.map((g: Group) => g.label);
      expect(labels).toEqual(['Ann Brown', 'Mo Clark', 'Zoe Adams']);
      expect(res.body.note).toMatch(/supervision/);
      expect(res.body.note).toMatch(/not a ranking/);
      expect(res.body.groups.map((g: Group) => g.key)).toEqual([1, 2, 0].map((i) => fixture.adviserIds[i]));
    });

    it('lists enumerated groups in the vocabulary order and names offices', async () => {
      const categories = await sut.as(manager).get('/api/reports/breakdown?by=category').expect(200);
      expect(categories.body.groups.map((g: Group) => g.key)).toEqual([
        'housing',
        'welfare_benefits',
        'debt',
        'employment',
      ]);
      expect(categories.body.groups[0].label).toBe('Housing');
      const offices = await sut.as(manager).get('/api/reports/breakdown?by=office').expect(200);
      expect(offices.body.groups.map((g: Group) => g.label)).toEqual(['East', 'North', 'No office recorded']);
      const vulnerability = await sut.as(manager).get('/api/reports/breakdown?by=vulnerability').expect(200);
      expect(vulnerability.body.groups.at(-1).key).toBe('none');
      expect(vulnerability.body.note).toMatch(/counts in each of its groups/);
    });

    it('never shows a commissioner a row about one adviser', async () => {
      const commissionerOrg = await sut.makeOrganisation({ kind: 'commissioner' });
      const commissioner = await sut.makeUser(commissionerOrg.id, 'commissioner');
      await sut.dataSource.query(`INSERT INTO organisation_shares (provider_id, commissioner_id) VALUES ($1, $2)`, [
        fixture.orgId,
        commissionerOrg.id,
      ]);
      await sut.as(commissioner).get('/api/reports/breakdown?by=adviser').expect(403);
      await sut.as(commissioner).get(`/api/reports/breakdown?by=category&adviser=${fixture.adviserIds[0]}`).expect(403);
      await sut.as(commissioner).get(`/api/reports/trends?adviser=${fixture.adviserIds[0]}`).expect(403);
      // Trends and breakdowns are the organisation's own reports, whatever the dimension.
      await sut.as(commissioner).get('/api/reports/breakdown?by=office').expect(403);
      await sut.as(commissioner).get('/api/reports/trends').expect(403);
    });

    it('requires a known dimension', async () => {
      const res = await sut.as(manager).get('/api/reports/breakdown?by=postcode').expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['by']);
    });
  });

  describe('GET /api/reports/advisers', () => {
    it('lists every lead adviser of a closed case, deactivated ones too, by name: the breakdown’s advisers', async () => {
      const breakdown = await sut.as(manager).get('/api/reports/breakdown?by=adviser&measure=positive_outcome');
      const keys = breakdown.body.groups.map((g: Group) => g.key).filter((key: string) => key !== 'none');
      const idle = await sut.makeUser(fixture.orgId, 'adviser', { name: 'Al Idle' }); // leads no closed case
      const [left] = fixture.adviserIds;
      await sut.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [left]);
      try {
        const res = await sut.as(manager).get('/api/reports/advisers').expect(200);
        expect(res.body).toEqual([1, 2, 0].map((i) => ({ id: fixture.adviserIds[i], name: fixture.adviserNames[i] })));
        expect(res.body.map((a: { id: string }) => a.id)).toEqual(keys);
        expect(res.body.map((a: { id: string }) => a.id)).not.toContain(idle.id);
      } finally {
        await sut.dataSource.query(`UPDATE users SET active = true WHERE id = $1`, [left]);
      }
    });

    it('is for the organisation’s managers only', async () => {
      const commissionerOrg = await sut.makeOrganisation({ kind: 'commissioner' });
      const commissioner = await sut.makeUser(commissionerOrg.id, 'commissioner');
      await sut.as(commissioner).get('/api/reports/advisers').expect(403);
      const adviser = await sut.makeUser(fixture.orgId, 'adviser');
      await sut.as(adviser).get('/api/reports/advisers').expect(403);
    });
  });
});
