/**
 * Time against outcome against real PostgreSQL: the bands computed from the roll-ups and from the
 * per-case facts equal an independent count in JavaScript over the same generated cases, for every
 * measure and each single filter; writes show in the report at once.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BANDS, OUTCOME_MEASURES, type BandRate, type OutcomeMeasure } from '@deepvalue/shared';
import { bandGroupLabel, roundToBase } from '../disclosure/rounding.js';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { wilsonInterval } from './statistics/wilson.js';

interface SimCase {
  id?: string;
  category: string;
  funding: string;
  arrival: string;
  vulnerabilities: string[];
  adviser: number;
  openedOn: string;
  closedOn: string | null;
  relMinutes: number;
  result: string | null;
  accepted: boolean | null;
  appeal: string | null;
  problems: number;
  sameProblemRecontactOn: string | null;
}

const CATS = ['housing', 'debt', 'welfare_benefits'];
const FUNDING = ['legal_aid_fixed_fee', 'grant'];
const RESULTS = ['positive', 'partly_positive', 'negative', 'withdrawn', null];
const APPEALS = ['none_needed', 'lodged', 'considered_not_pursued', null];

function simulate(count: number): SimCase[] {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const cases: SimCase[] = [];
  for (let i = 0; i < count; i++) {
    const opened = new Date(Date.UTC(2024, 0, 1 + Math.floor(rnd() * 500)));
    const closedDays = rnd() < 0.85 ? Math.floor(rnd() * 200) : null;
    const closed = closedDays === null ? null : new Date(opened.getTime() + closedDays * 86400000);
    const closedOn = closed?.toISOString().slice(0, 10) ?? null;
    const result = closed ? pick(RESULTS) : null;
    const recontact = closed && rnd() < 0.2 ? new Date(closed.getTime() + Math.floor(rnd() * 240) * 86400000) : null;
    cases.push({
      category: pick(CATS),
      funding: pick(FUNDING),
      arrival: pick(['self', 'referred']),
      vulnerabilities: rnd() < 0.3 ? ['mental_health'] : rnd() < 0.2 ? ['disability', 'language_need'] : [],
      adviser: Math.floor(rnd() * 2),
      openedOn: opened.toISOString().slice(0, 10),
      closedOn,
      relMinutes: pick([0, 30, 59, 60, 90, 150, 240, 300, 479, 480, 900]),
      result,
      // Acceptance and appeal status are recorded with the outcome, so only where there is one.
      accepted: result ? pick([true, false, null]) : null,
      appeal: result ? pick(APPEALS) : null,
      problems: pick([0, 0, 1, 2]),
      sameProblemRecontactOn: recontact?.toISOString().slice(0, 10) ?? null,
    });
  }
  return cases;
}

/** Cases without a re-contact followed up all the same (taken by index, so the simulation is unchanged). */
const followedUpWithoutRecontact = (i: number) => i % 3 !== 0;

function bandOf(minutes: number) {
  return BANDS.findLastIndex((b) => minutes >= b.minMinutes);
}

function addMonths(iso: string, months: number) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** The definitions of docs/measures.md, written independently of the SQL. */
function expected(cases: SimCase[], measure: OutcomeMeasure, asOf: string, keep: (c: SimCase) => boolean) {
  const counts = BANDS.map(() => ({ n: 0, count: 0, unknown: 0 }));
  for (const c of cases) {
    if (!c.closedOn || !keep(c)) continue;
    // Not recorded: the whole the measure is taken from (closed cases; for avoided appeal the negative
    // outcomes) less n, so count the whole here and take n off below.
    if (measure !== 'avoided_appeal' || c.result === 'negative') counts[bandOf(c.relMinutes)].unknown++;
    let eligible = true;
    let success: boolean;
    if (measure === 'positive_outcome') {
      eligible = ['positive', 'partly_positive', 'negative'].includes(c.result ?? '');
      success = c.result === 'positive' || c.result === 'partly_positive';
    } else if (measure === 'accepted') {
      eligible = c.accepted !== null;
      success = c.accepted === true;
    } else if (measure === 'avoided_appeal') {
      // Considered and not pursued because the client accepted the outcome; with no answer, unknown.
      const considered = c.appeal === 'considered_not_pursued';
      eligible = c.result === 'negative' && c.appeal !== null && (!considered || c.accepted !== null);
      success = considered && c.accepted === true;
    } else if (measure === 'problem_uncovered') {
      success = c.problems > 0;
    } else {
      // Mature and followed up: with no follow-up, whether the client came back is unknown.
      const followedUp = c.sameProblemRecontactOn !== null || followedUpWithoutRecontact(cases.indexOf(c));
      eligible = c.closedOn <= addMonths(asOf, -6) && followedUp;
      success = c.sameProblemRecontactOn !== null && c.sameProblemRecontactOn <= addMonths(c.closedOn, 6);
    }
    if (!eligible) continue;
    const band = counts[bandOf(c.relMinutes)];
    band.n++;
    band.unknown--;
    if (success) band.count++;
  }
  return counts;
}

describe('GET /api/reports/time-vs-outcome', () => {
  let sut: Harness;
  let manager: TestUser;
  let adviserIds: string[];
  let orgId: string;
  const cases = simulate(400);

  beforeAll(async () => {
    sut = await createHarness();
    orgId = (await sut.makeOrganisation()).id;
    manager = await sut.makeUser(orgId, 'manager');
    adviserIds = [(await sut.makeUser(orgId, 'adviser')).id, (await sut.makeUser(orgId, 'adviser')).id];
    const q = (sql: string, params: unknown[]) => sut.dataSource.query(sql, params);
    for (const [i, c] of cases.entries()) {
      const [client] = await q(
        `INSERT INTO clients (organisation_id, ref, vulnerabilities, evidence_consent) VALUES ($1, $2, $3, true) RETURNING id`,
        [orgId, `cl-${i}`, c.vulnerabilities],
      );
      const [row] = await q(
        `INSERT INTO cases (organisation_id, ref, client_id, category, opened_on, closed_on, lead_adviser_id, funding_stream, arrival_route)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [orgId, `c-${i}`, client.id, c.category, c.openedOn, c.closedOn, adviserIds[c.adviser], c.funding, c.arrival],
      );
      c.id = row.id;
      if (c.relMinutes > 0) {
        await q(
          `INSERT INTO time_entries (organisation_id, case_id, adviser_id, "on", minutes, class, activity, mode)
           VALUES ($1, $2, $3, $4, $5, 'relationship', 'advice_session', 'face_to_face')`,
          [orgId, c.id, adviserIds[c.adviser], c.openedOn, c.relMinutes],
        );
      }
      await q(
        `INSERT INTO time_entries (organisation_id, case_id, adviser_id, "on", minutes, class, activity, mode)
         VALUES ($1, $2, $3, $4, 45, 'casework', 'letter', 'none')`,
        [orgId, c.id, adviserIds[c.adviser], c.openedOn],
      );
      if (c.result) {
        await q(
          `INSERT INTO outcomes (organisation_id, case_id, result, accepted, appeal) VALUES ($1, $2, $3, $4, $5)`,
          [orgId, c.id, c.result, c.accepted, c.appeal],
        );
      }
      for (let p = 0; p < c.problems; p++) {
        await q(
          `INSERT INTO underlying_problems (organisation_id, case_id, category, uncovered_on, action) VALUES ($1, $2, 'debt', $3, 'handled_in_house')`,
          [orgId, c.id, c.openedOn],
        );
      }
      if (c.sameProblemRecontactOn) {
        await q(
          `INSERT INTO follow_ups (organisation_id, case_id, "on", recontact) VALUES ($1, $2, $3, 'same_problem')`,
          [orgId, c.id, c.sameProblemRecontactOn],
        );
      } else if (followedUpWithoutRecontact(i) && c.closedOn) {
        await q(`INSERT INTO follow_ups (organisation_id, case_id, "on", recontact) VALUES ($1, $2, $3, 'none')`, [
          orgId,
          c.id,
          addMonths(c.closedOn, 6),
        ]);
      }
    }
  });
  afterAll(async () => {
    await sut.close();
  });

  const asOf = new Date().toISOString().slice(0, 10);

  it.each(OUTCOME_MEASURES)('counts %s per band as the definition says, with Wilson intervals', async (measure) => {
    const res = await sut.as(manager).get(`/api/reports/time-vs-outcome?measure=${measure}`).expect(200);
    const want = expected(cases, measure, asOf, () => true);
    expect(res.body.bands.map((b: BandRate) => ({ n: b.n, count: b.count, unknown: b.unknown }))).toEqual(want);
    for (const band of res.body.bands) {
      const w = wilsonInterval(band.count, band.n);
      expect(band.ciLow).toBe(w.ciLow);
      expect(band.small).toBe(band.n < 10);
    }
    expect(res.body.caveat).toMatch(/not that relationship time caused/);
    expect(
      res.body.adjusted.covariates.length === 0 || res.body.adjusted.covariates[0] === 'log2 relationship time',
    ).toBe(true);
  });

  it.each([
    ['category=debt', (c: SimCase) => c.category === 'debt'],
    ['fundingStream=grant', (c: SimCase) => c.funding === 'grant'],
    ['arrival=referred', (c: SimCase) => c.arrival === 'referred'],
    ['vulnerability=mental_health', (c: SimCase) => c.vulnerabilities.includes('mental_health')],
    ['from=2024-06-01&to=2024-12-31', (c: SimCase) => c.closedOn! >= '2024-06-01' && c.closedOn! <= '2024-12-31'],
    [
      'category=housing&fundingStream=legal_aid_fixed_fee',
      (c: SimCase) => c.category === 'housing' && c.funding === 'legal_aid_fixed_fee',
    ],
  ])('applies the filter %s', async (query, keep) => {
    for (const measure of ['positive_outcome', 'bounce_back'] as const) {
      const res = await sut.as(manager).get(`/api/reports/time-vs-outcome?measure=${measure}&${query}`).expect(200);
      expect(res.body.bands.map((b: BandRate) => ({ n: b.n, count: b.count, unknown: b.unknown }))).toEqual(
        expected(cases, measure, asOf, keep),
      );
    }
  });

  it('filters by adviser through the roll-ups', async () => {
    const res = await sut.as(manager).get(`/api/reports/time-vs-outcome?adviser=${adviserIds[1]}`).expect(200);
    const want = expected(cases, 'positive_outcome', asOf, (c) => c.adviser === 1);
    expect(res.body.bands.map((b: BandRate) => ({ n: b.n, count: b.count, unknown: b.unknown }))).toEqual(want);
  });

  it('changes at once when a time entry changes', async () => {
    const target = cases.find((c) => c.closedOn && c.result === 'positive' && c.relMinutes === 30)!;
    const before = await sut.as(manager).get('/api/reports/time-vs-outcome').expect(200);
    await sut.dataSource.query(`UPDATE time_entries SET minutes = 500 WHERE case_id = $1 AND class = 'relationship'`, [
      target.id,
    ]);
    target.relMinutes = 500; // keep the simulation in step for the tests that follow
    const after = await sut.as(manager).get('/api/reports/time-vs-outcome').expect(200);
    expect(after.body.bands[0].n).toBe(before.body.bands[0].n - 1);
    expect(after.body.bands[4].n).toBe(before.body.bands[4].n + 1);
    expect(after.body.bands[4].count).toBe(before.body.bands[4].count + 1);
  });

  it('gives the bands alone, the same as in the full report, with adjusted=false', async () => {
    const full = await sut.as(manager).get('/api/reports/time-vs-outcome?measure=accepted').expect(200);
    const bands = await sut.as(manager).get('/api/reports/time-vs-outcome?measure=accepted&adjusted=false').expect(200);
    expect(full.body.adjusted.n).toBeGreaterThan(0);
    expect(bands.body.adjusted).toBeNull();
    expect({ ...bands.body, adjusted: full.body.adjusted }).toEqual(full.body);
    const bad = await sut.as(manager).get('/api/reports/time-vs-outcome?adjusted=later').expect(400);
    expect(bad.body.errors).toEqual([{ path: 'adjusted', message: 'must be true or false' }]);
  });

  it('rejects a bad filter with the field named', async () => {
    const res = await sut
      .as(manager)
      .get('/api/reports/time-vs-outcome?measure=happiness&from=2024-02-30x&office=nope')
      .expect(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['from', 'measure', 'office']);
  });

  it('refuses advisers and shows a commissioner nothing of an organisation that does not share', async () => {
    const adviser = await sut.makeUser(orgId, 'adviser');
    await sut.as(adviser).get('/api/reports/time-vs-outcome').expect(403);
    const commissionerOrg = await sut.makeOrganisation({ kind: 'commissioner' });
    const commissioner = await sut.makeUser(commissionerOrg.id, 'commissioner');
    const none = await sut.as(commissioner).get('/api/reports/time-vs-outcome').expect(200);
    expect(none.body.n).toBe(0);
    await sut.dataSource.query(`INSERT INTO organisation_shares (provider_id, commissioner_id) VALUES ($1, $2)`, [
      orgId,
      commissionerOrg.id,
    ]);
    // A commissioner counts only consenting clients, and sees every count rounded to the nearest 5, the
    // total as the sum of the rounded bands and rates from rounded counts, so no small count is exact.
    await sut.dataSource.query(`UPDATE clients SET evidence_consent = false WHERE ref IN ('cl-0', 'cl-1', 'cl-2')`);
    const consenting = cases.filter((_, i) => i > 2);
    const shared = await sut.as(commissioner).get('/api/reports/time-vs-outcome').expect(200);
    const want = expected(consenting, 'positive_outcome', asOf, () => true);
    expect(shared.body.suppressionThreshold).toBe(5);
    let total = 0;
    for (const band of shared.body.bands as BandRate[]) {
      const from = BANDS.findIndex((b) => b.band === band.band);
      const to = BANDS.findIndex((b) => b.maxMinutes === band.maxMinutes);
      const sum = (key: 'n' | 'count') => want.slice(from, to + 1).reduce((acc, w) => acc + roundToBase(w[key], 5), 0);
      expect({ label: band.label, n: band.n, count: band.count, suppressed: band.suppressed }).toEqual({
        label: bandGroupLabel(from, to),
        n: sum('n'),
        count: sum('count'),
        suppressed: false,
      });
      if (band.n! >= 10) expect(band.rate).toBe(band.count! / band.n!);
      total += band.n!;
    }
    expect(shared.body.n).toBe(total);
    expect(shared.body.adjusted.n).toBe(total);
    // Bands first: the same published bands, without the estimate.
    const bandsOnly = await sut.as(commissioner).get('/api/reports/time-vs-outcome?adjusted=false').expect(200);
    expect(bandsOnly.body.adjusted).toBeNull();
    expect(bandsOnly.body.bands).toEqual(shared.body.bands);
    await sut.as(commissioner).get(`/api/reports/time-vs-outcome?adviser=${adviserIds[0]}`).expect(403);
  });

  it('merges small bands for a commissioner instead of hiding them, and labels the merged band', async () => {
    const commissionerOrg = await sut.makeOrganisation({ kind: 'commissioner' });
    const commissioner = await sut.makeUser(commissionerOrg.id, 'commissioner');
    await sut.dataSource.query(`INSERT INTO organisation_shares (provider_id, commissioner_id) VALUES ($1, $2)`, [
      orgId,
      commissionerOrg.id,
    ]);
    const res = await sut
      .as(commissioner)
      .get('/api/reports/time-vs-outcome?category=debt&fundingStream=grant&arrival=self')
      .expect(200);
    const bands = res.body.bands as BandRate[];
    expect(bands.some((b) => b.suppressed)).toBe(false);
    // Consecutive groups covering every band, each with a rate unless a single group is all there is.
    expect(bands[0].minMinutes).toBe(0);
    expect(bands.at(-1)!.maxMinutes).toBeNull();
    for (let k = 1; k < bands.length; k++) expect(bands[k].minMinutes).toBe(bands[k - 1].maxMinutes);
    if (bands.length > 1) for (const b of bands) expect(b.n!).toBeGreaterThanOrEqual(10);
    for (const b of bands) expect(b.n! % 5).toBe(0);
  });
});
