/**
 * The measures summary against real PostgreSQL: every figure equals docs/measures.md's definition computed
 * independently in JavaScript over the same generated cases, with and without filters.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { studentT975 } from './statistics/mean-interval.js';
import { wilsonInterval } from './statistics/wilson.js';
import {
  type Fixture,
  isMature,
  mean,
  minutesBeforeProblem,
  SCORE_DEFINITIONS,
  percentile,
  RATE_DEFINITIONS,
  coverageOver,
  firstSessionOn,
  workingDaysBetween,
  rateOver,
  relationshipMinutes,
  seedOrganisation,
  type SimCase,
  totalMinutes,
} from './testing/report-fixture.js';

interface Figure {
  key: string;
  kind: string;
  unit?: string;
  n: number;
  count?: number;
  rate?: number | null;
  ciLow?: number | null;
  ciHigh?: number | null;
  value?: number | null;
  median?: number | null;
  total?: number;
  unknown?: number;
  coverage?: number | null;
  seenWithin?: Array<{ workingDays: number; n: number; count: number }>;
  groups?: Array<{ value: string; count: number; share: number | null; ciLow?: number | null; ciHigh?: number | null }>;
  small: boolean;
  definition: string;
}

const asOf = new Date().toISOString().slice(0, 10);

const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/** A case's relationship quality index: its mean item score (1–5) rescaled to 0–100. */
const rqiOf = (c: SimCase) => {
  const items = c.feedback.flat();
  return ((items.reduce((a, b) => a + b, 0) / items.length - 1) / 4) * 100;
};

function expectedSummary(cases: SimCase[]) {
  const closed = cases.filter((c) => c.closedOn);
  const withTime = closed.filter((c) => totalMinutes(c) > 0);
  const withRel = closed.filter((c) => relationshipMinutes(c) > 0);
  const withFeedback = closed.filter((c) => c.feedback.length > 0);
  const leadMinutes = (c: SimCase) => c.sessions.filter((s) => s.byLead).reduce((sum, s) => sum + s.minutes, 0);
  const bounceKnown = closed.filter((c) => c.priorOrganisations !== null);
  return {
    n: closed.length,
    relationshipTime: {
      mean: mean(closed.map(relationshipMinutes)),
      median: percentile(closed.map(relationshipMinutes), 0.5),
    },
    relationshipShare: {
      n: withTime.length,
      mean: mean(withTime.map((c) => relationshipMinutes(c) / totalMinutes(c))),
    },
    continuity: { n: withRel.length, mean: mean(withRel.map((c) => leadMinutes(c) / relationshipMinutes(c))) },
    // From the client's first contact (the day the case opened unless recorded) to the first session.
    latency: {
      n: withRel.length,
      median: percentile(
        withRel.map((c) => daysBetween(c.firstContactOn ?? c.openedOn, firstSessionOn(c))),
        0.5,
      ),
      seenWithin: [2, 10].map(
        (days) =>
          withRel.filter((c) => workingDaysBetween(c.firstContactOn ?? c.openedOn, firstSessionOn(c)) <= days).length,
      ),
    },
    rqi: {
      n: withFeedback.length,
      mean: mean(withFeedback.map(rqiOf)),
      items: withFeedback.reduce((s, c) => s + c.feedback.flat().length, 0),
    },
    problems: {
      mean: mean(closed.map((c) => c.problems.length)),
      total: closed.reduce((s, c) => s + c.problems.length, 0),
    },
    bounceIn: {
      n: bounceKnown.length,
      unknown: closed.length - bounceKnown.length,
      counts: [0, 1, 2, 3].map((k) => bounceKnown.filter((c) => Math.min(c.priorOrganisations!, 3) === k).length),
    },
  };
}

/** A mean and its 95% t interval worked out from the values themselves. */
function expectedMean(values: number[]) {
  const n = values.length;
  const m = mean(values);
  if (n < 2) return { n, value: m, ciLow: null, ciHigh: null };
  const sd = Math.sqrt(values.reduce((s, x) => s + (x - m!) ** 2, 0) / (n - 1));
  const half = (studentT975(n - 1) * sd) / Math.sqrt(n);
  return { n, value: m, ciLow: m! - half, ciHigh: m! + half };
}

function expectMean(got: Figure, values: number[], closed: number | null) {
  const want = expectedMean(values);
  expect({ key: got.key, n: got.n }).toEqual({ key: got.key, n: want.n });
  expect(want.n).toBeGreaterThan(10);
  expect(got.value).toBeCloseTo(want.value!, 9);
  expect(got.ciLow).toBeCloseTo(want.ciLow!, 9);
  expect(got.ciHigh).toBeCloseTo(want.ciHigh!, 9);
  if (closed !== null)
    expect({ key: got.key, unknown: got.unknown }).toEqual({ key: got.key, unknown: closed - want.n });
}

/**
 * A mean over values in clusters with its cluster-robust 95% interval (CR1, t with clusters − 1 degrees of
 * freedom: statsmodels' OLS on a constant with cov_type='cluster'), worked out from the residuals themselves.
 */
function expectClusterMean(got: Figure, clusters: number[][]) {
  const values = clusters.flat();
  const n = values.length;
  const g = clusters.length;
  const m = mean(values)!;
  const scores = clusters.reduce((s, c) => s + c.reduce((t, x) => t + (x - m), 0) ** 2, 0);
  const half = studentT975(g - 1) * Math.sqrt(((g / (g - 1)) * scores) / (n * n));
  expect({ key: got.key, n: got.n }).toEqual({ key: got.key, n });
  expect(clusters.some((c) => c.length > 1) && g > 10).toBe(true);
  expect(got.value).toBeCloseTo(m, 9);
  expect(got.ciLow).toBeCloseTo(m - half, 9);
  expect(got.ciHigh).toBeCloseTo(m + half, 9);
  // The interval must differ from the one that treats the problems of a case as independent (the old figure).
  expect(got.ciHigh! - got.ciLow!).not.toBeCloseTo(expectedMean(values).ciHigh! - expectedMean(values).ciLow!, 6);
}

/**
 * Shares of items in clusters (each case's problems) with their cluster-robust 95% intervals, worked out from
 * each case's residuals: CR1 variance G ÷ (G − 1) × Σ_c (S_c − n_c·p)² ÷ N², design effect its ratio to
 * p(1 − p) ÷ N (at least 1; Σ n_c² ÷ N at a share of 0 or 1), Wilson at N ÷ the design effect with t(G − 1)
 * (statsmodels' figures in cluster-share-interval.spec).
 */
function expectClusterShares(got: Figure, clusters: string[][]) {
  const n = clusters.flat().length;
  const g = clusters.length;
  expect({ key: got.key, n: got.n }).toEqual({ key: got.key, n });
  expect(clusters.some((c) => c.length > 1) && g > 10).toBe(true);
  const t = studentT975(g - 1);
  let wider = 0;
  for (const group of got.groups!) {
    const p = clusters.flat().filter((x) => x === group.value).length / n;
    const squares = clusters.reduce((s, c) => s + (c.filter((x) => x === group.value).length - c.length * p) ** 2, 0);
    const design =
      p === 0 || p === 1
        ? clusters.reduce((s, c) => s + c.length ** 2, 0) / n
        : Math.max(1, ((g / (g - 1)) * squares * n) / (n * n * p * (1 - p)));
    const m = n / design;
    const centre = (p + (t * t) / (2 * m)) / (1 + (t * t) / m);
    const half = (t / (1 + (t * t) / m)) * Math.sqrt((p * (1 - p)) / m + (t * t) / (4 * m * m));
    expect({ value: group.value, share: group.share }).toEqual({ value: group.value, share: expect.closeTo(p, 12) });
    expect(group.ciLow).toBeCloseTo(p === 0 ? 0 : centre - half, 9);
    expect(group.ciHigh).toBeCloseTo(p === 1 ? 1 : centre + half, 9);
    // Never narrower than the Wilson interval that treats problems as independent (the old figure).
    const plain = wilsonInterval(Math.round(p * n), n);
    expect(group.ciHigh! - group.ciLow!).toBeGreaterThanOrEqual(plain.ciHigh! - plain.ciLow! - 1e-12);
    if (group.ciHigh! - group.ciLow! > plain.ciHigh! - plain.ciLow! + 1e-9) wider += 1;
  }
  expect(wider).toBeGreaterThan(0);
}

/** Understanding, trust, personal development, retelling and underlying problems. */
function checkExtras(got: Record<string, Figure>, cases: SimCase[]) {
  const closed = cases.filter((c) => c.closedOn);
  for (const [key, valueOf] of Object.entries(SCORE_DEFINITIONS))
    expectMean(
      got[key],
      closed.map(valueOf).filter((v): v is number => v !== null),
      closed.length,
    );
  const told = closed.map((c) => c.extras?.timesToldStory ?? null);
  const toldKnown = told.filter((t): t is number => t !== null);
  expect(got.times_told_story.unknown).toBe(closed.length - toldKnown.length);
  expect(got.times_told_story.groups!.map((g) => g.count)).toEqual(
    [0, 1, 2, 3].map((k) => toldKnown.filter((t) => Math.min(t, 3) === k).length),
  );
  const problems = closed.flatMap((c) => c.problems.map((p) => ({ c, p })));
  const actions = ['handled_in_house', 'referred_warm', 'signposted', 'client_declined'];
  expect(got.problem_actions.groups!.map((g) => [g.value, g.count])).toEqual(
    actions.map((a) => [a, problems.filter(({ p }) => p.action === a).length]),
  );
  const results = ['positive', 'partly_positive', 'negative', 'withdrawn', 'lost_contact'];
  expect(got.problem_results.groups!.map((g) => [g.value, g.count])).toEqual(
    results.map((r) => [r, problems.filter(({ p }) => p.result === r).length]),
  );
  expect(got.problem_results.unknown).toBe(problems.filter(({ p }) => !p.result).length);
  const withProblems = closed.filter((c) => c.problems.length > 0);
  expectClusterShares(
    got.problem_actions,
    withProblems.map((c) => c.problems.map((p) => p.action)),
  );
  expectClusterShares(
    got.problem_results,
    withProblems
      .map((c) => c.problems.flatMap((p) => (p.result ? [p.result] : [])))
      .filter((results) => results.length > 0),
  );
  expect(got.problem_time_before).toMatchObject({ unknown: 0, coverage: got.problem_time_before.n ? 1 : null });
  expectClusterMean(
    got.problem_time_before,
    closed.filter((c) => c.problems.length > 0).map((c) => c.problems.map((p) => minutesBeforeProblem(c, p))),
  );
}

describe('GET /api/reports/measures', () => {
  let sut: Harness;
  let manager: TestUser;
  let fixture: Fixture;

  beforeAll(async () => {
    sut = await createHarness();
    ({ manager, fixture } = await seedOrganisation(sut, 300));
  }, 180_000);
  afterAll(async () => {
    await sut.close();
  });

  const byKey = (figures: Figure[]) => Object.fromEntries(figures.map((f) => [f.key, f]));

  function checkSummary(body: { n: number; measures: Figure[] }, cases: SimCase[]) {
    const want = expectedSummary(cases);
    const got = byKey(body.measures);
    expect(body.n).toBe(want.n);
    expect(got.relationship_time.value).toBeCloseTo(want.relationshipTime.mean!, 9);
    expect(got.relationship_time.median).toBeCloseTo(want.relationshipTime.median!, 9);
    expect(got.relationship_time.n).toBe(want.n);
    expect(got.relationship_share).toMatchObject({ n: want.relationshipShare.n });
    expect(got.relationship_share.value).toBeCloseTo(want.relationshipShare.mean!, 9);
    expect(got.continuity.n).toBe(want.continuity.n);
    expect(got.continuity.value).toBeCloseTo(want.continuity.mean!, 9);
    expect(got.first_contact_latency.n).toBe(want.latency.n);
    expect(got.first_contact_latency.value).toBeCloseTo(want.latency.median!, 9);
    expect(
      got.first_contact_latency.seenWithin!.map((s) => ({ workingDays: s.workingDays, n: s.n, count: s.count })),
    ).toEqual([
      { workingDays: 2, n: want.latency.n, count: want.latency.seenWithin[0] },
      { workingDays: 10, n: want.latency.n, count: want.latency.seenWithin[1] },
    ]);
    expect(got.rqi).toMatchObject({ n: want.rqi.n, total: want.rqi.items });
    expect(got.rqi.value).toBeCloseTo(want.rqi.mean!, 9);
    expectMean(got.rqi, cases.filter((c) => c.closedOn && c.feedback.length > 0).map(rqiOf), want.n);
    expect(got.underlying_problems.total).toBe(want.problems.total);
    expect(got.underlying_problems.value).toBeCloseTo(want.problems.mean!, 9);
    expect(got.bounce_in.n).toBe(want.bounceIn.n);
    expect(got.bounce_in.unknown).toBe(want.bounceIn.unknown);
    expect(got.bounce_in.groups!.map((g) => g.count)).toEqual(want.bounceIn.counts);
    // Each group's share with its Wilson interval, and the coverage beside n (as the other distributions).
    expect(got.bounce_in.groups!.map((g) => ({ rate: g.share, ciLow: g.ciLow, ciHigh: g.ciHigh }))).toEqual(
      want.bounceIn.counts.map((count) => wilsonInterval(count, want.bounceIn.n)),
    );
    if (want.bounceIn.n + want.bounceIn.unknown > 0)
      expect(got.bounce_in.coverage).toBeCloseTo(want.bounceIn.n / (want.bounceIn.n + want.bounceIn.unknown), 12);
    checkExtras(got, cases);
    for (const measure of Object.keys(RATE_DEFINITIONS)) {
      const expected = rateOver(cases, measure, asOf);
      const w = wilsonInterval(expected.count, expected.n);
      expect({ key: measure, n: got[measure].n, count: got[measure].count }).toEqual({ key: measure, ...expected });
      expect(got[measure].ciLow).toBe(w.ciLow);
      expect(got[measure].ciHigh).toBe(w.ciHigh);
      expect(got[measure].small).toBe(expected.n < 10);
      // Beside n: the cases in scope where the thing is not recorded, and the share where it is.
      const covered = coverageOver(cases, measure, asOf);
      expect({ key: measure, unknown: got[measure].unknown }).toEqual({ key: measure, unknown: covered.unknown });
      if (covered.coverage === null) expect(got[measure].coverage).toBeNull();
      else expect(got[measure].coverage).toBeCloseTo(covered.coverage, 12);
    }
  }

  it('gives every measure of docs/measures.md as the definitions say, with Wilson intervals for the rates', async () => {
    const res = await sut.as(manager).get('/api/reports/measures').expect(200);
    checkSummary(res.body, fixture.cases);
    expect(res.body.caveat).toMatch(/not that relationship time caused/);
    expect(res.body.filters).toEqual({});
    const keys = res.body.measures.map((m: Figure) => m.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'relationship_time',
        'relationship_share',
        'continuity',
        'first_contact_latency',
        'rqi',
        'underlying_problems',
        'problem_uncovered',
        'positive_outcome',
        'accepted',
        'avoided_appeal',
        'avoided_appeal_overall',
        'bounce_in',
        'bounce_out',
        'bounce_back',
        'referral_completion',
      ]),
    );
    for (const m of res.body.measures) expect(m.definition.length).toBeGreaterThan(10);
  });

  it.each([
    ['category=debt', (c: SimCase) => c.category === 'debt'],
    ['fundingStream=grant&arrival=self', (c: SimCase) => c.funding === 'grant' && c.arrival === 'self'],
    ['vulnerability=language_need', (c: SimCase) => c.vulnerabilities.includes('language_need')],
    [
      'from=2025-01-01&to=2025-12-31',
      (c: SimCase) => !!c.closedOn && c.closedOn >= '2025-01-01' && c.closedOn <= '2025-12-31',
    ],
  ])('applies the filter %s to every measure', async (query, keep) => {
    const res = await sut.as(manager).get(`/api/reports/measures?${query}`).expect(200);
    checkSummary(res.body, fixture.cases.filter(keep));
  });

  it('filters by office and by adviser', async () => {
    const office = await sut.as(manager).get(`/api/reports/measures?office=${fixture.officeIds[1]}`).expect(200);
    checkSummary(
      office.body,
      fixture.cases.filter((c) => c.office === 1),
    );
    const adviser = await sut.as(manager).get(`/api/reports/measures?adviser=${fixture.adviserIds[2]}`).expect(200);
    checkSummary(
      adviser.body,
      fixture.cases.filter((c) => c.adviser === 2),
    );
  });

  it('counts bounce-back only among cases closed at least six months ago and followed up', async () => {
    const res = await sut.as(manager).get('/api/reports/measures').expect(200);
    const bounceBack = byKey(res.body.measures).bounce_back;
    const mature = fixture.cases.filter((c) => c.closedOn && isMature(c, asOf));
    const followedUp = mature.filter((c) => c.followedUp || c.recontactOn !== null);
    expect(bounceBack.n).toBe(followedUp.length);
    // Mature cases nobody followed up are unknown, not "no bounce-back".
    expect(bounceBack.unknown).toBe(mature.length - followedUp.length);
    expect(bounceBack.unknown).toBeGreaterThan(10);
  });

  it('counts a closed case with no outcome and no referral out as unknown, not bounced out', async () => {
    const res = await sut.as(manager).get('/api/reports/measures').expect(200);
    const bounceOut = byKey(res.body.measures).bounce_out;
    const closed = fixture.cases.filter((c) => c.closedOn);
    const unknown = closed.filter((c) => c.result === null && c.referralsOut.length === 0);
    expect(unknown.length).toBeGreaterThan(10);
    expect(bounceOut).toMatchObject({ n: closed.length - unknown.length, unknown: unknown.length });
  });

  it('changes at once when a record changes', async () => {
    const target = fixture.cases.find((c) => c.closedOn && c.result === 'negative')!;
    const before = byKey((await sut.as(manager).get('/api/reports/measures').expect(200)).body.measures);
    await sut.dataSource.query(`UPDATE outcomes SET result = 'positive' WHERE case_id = $1`, [target.id]);
    const after = byKey((await sut.as(manager).get('/api/reports/measures').expect(200)).body.measures);
    expect(after.positive_outcome.count).toBe(before.positive_outcome.count! + 1);
    await sut.dataSource.query(`UPDATE outcomes SET result = 'negative' WHERE case_id = $1`, [target.id]);
  });

  it('is for managers: advisers and commissioners are refused', async () => {
    const adviser = await sut.makeUser(fixture.orgId, 'adviser');
    await sut.as(adviser).get('/api/reports/measures').expect(403);
    const commissionerOrg = await sut.makeOrganisation({ kind: 'commissioner' });
    const commissioner = await sut.makeUser(commissionerOrg.id, 'commissioner');
    await sut.dataSource.query(`INSERT INTO organisation_shares (provider_id, commissioner_id) VALUES ($1, $2)`, [
      fixture.orgId,
      commissionerOrg.id,
    ]);
    await sut.as(commissioner).get('/api/reports/measures').expect(403);
    await sut.as(commissioner).get(`/api/reports/measures?adviser=${fixture.adviserIds[0]}`).expect(403);
  });

  it('rejects bad filters with the field named', async () => {
    const res = await sut.as(manager).get('/api/reports/measures?category=cats&to=2024-13-01').expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['category', 'to']);
  });
});
