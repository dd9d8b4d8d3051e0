/**
 * The measures in detail (GET /api/reports/measures?detail=true) against real PostgreSQL: every cell
 * equals the definition worked out again in JavaScript over the same generated cases, with a filter
 * and without; and `report measures` carries the same tables (report.command.e2e compares the bytes).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DetailTable } from '@deepvalue/shared';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { clusterMedian } from './statistics/cluster-median.js';
import { studentT975 } from './statistics/mean-interval.js';
import { wilsonInterval } from './statistics/wilson.js';
import {
  bandOf,
  mean,
  minutesBeforeProblem,
  RATE_DEFINITIONS,
  relationshipMinutes,
  SCORE_DEFINITIONS,
  seedOrganisation,
  type Fixture,
  type SimCase,
} from './testing/report-fixture.js';

const asOf = new Date().toISOString().slice(0, 10);

type Cell = { kind: 'mean'; of: (c: SimCase) => number | null } | { kind: 'rate'; measure: string };

const rqiOf = (c: SimCase) => {
  const items = c.feedback.flat();
  return items.length ? ((items.reduce((a, b) => a + b, 0) / items.length - 1) / 4) * 100 : null;
};
const told = (k: number) => (c: SimCase) => {
  const t = c.extras?.timesToldStory ?? null;
  return t === null ? { n: 0, count: 0 } : { n: 1, count: Math.min(t, 3) === k ? 1 : 0 };
};
const score = (key: string): Cell => ({ kind: 'mean', of: SCORE_DEFINITIONS[key] });
const rate = (measure: string): Cell => ({ kind: 'rate', measure });
const OUTCOMES = [rate('positive_outcome'), rate('accepted'), rate('problem_uncovered')];
const TOLD = [...[0, 1, 2, 3].map((k) => rate(`told_${k}`)), score('did_not_repeat_story')];
const rates: Record<string, (c: SimCase, asOf: string) => { n: number; count: number }> = {
  ...RATE_DEFINITIONS,
  ...Object.fromEntries([0, 1, 2, 3].map((k) => [`told_${k}`, told(k)])),
};
const rqiGroup = (c: SimCase) => {
  const r = rqiOf(c);
  return r === null ? null : String(r < 25 ? 0 : r < 50 ? 1 : r < 75 ? 2 : 3);
};

/** Each table: the column a case falls in (null: left out) and what each row counts. */
const EXPECTED: Record<string, { column: (c: SimCase) => string | null; rows: Cell[] }> = {
  by_band: {
    column: (c) => String(bandOf(relationshipMinutes(c))),
    rows: [
      score('understood'),
      score('trust'),
      rate('full_disclosure'),
      { kind: 'mean', of: rqiOf },
      score('confidence_change'),
      rate('confidence_improved'),
      rate('would_seek_advice_earlier'),
      rate('could_handle_similar'),
    ],
  },
  by_understanding: {
    column: (c) => (c.extras?.understood == null ? null : String(c.extras.understood)),
    rows: [rate('accepted'), rate('avoided_appeal_overall')],
  },
  by_trust: { column: (c) => (c.extras?.trust == null ? null : String(c.extras.trust)), rows: OUTCOMES },
  by_disclosure: { column: (c) => c.extras?.disclosure ?? null, rows: OUTCOMES },
  by_rqi: { column: rqiGroup, rows: OUTCOMES },
  retelling_by_arrival: { column: (c) => c.arrival, rows: TOLD },
  retelling_by_bounce_in: {
    column: (c) => (c.priorOrganisations === null ? null : String(Math.min(c.priorOrganisations, 3))),
    rows: TOLD,
  },
};

/** The median time before a problem surfaced: over the closed cases' problems, its interval from whole cases. */
function expectProblemMedian(table: DetailTable | undefined, closed: SimCase[]) {
  // Cases in id order, as the report takes them, so the seeded resampling draws the same cases.
  const clusters = [...closed]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => c.problems.map((p) => minutesBeforeProblem(c, p)))
    .filter((m) => m.length);
  const values = clusters.flat().sort((a, b) => a - b);
  const mid = (values.length - 1) / 2;
  const median = (values[Math.floor(mid)] + values[Math.ceil(mid)]) / 2;
  expect(values.length).toBeGreaterThan(20);
  const [figure] = table!.rows[0].figures;
  expect({ kind: figure.kind, n: figure.n }).toEqual({ kind: 'median', n: values.length });
  expect(figure.kind === 'rate' ? null : figure.value).toBe(median);
  // The interval: the cluster bootstrap over the problems' minutes worked out here from the sessions.
  const want = clusterMedian(clusters);
  expect({ ciLow: figure.ciLow, ciHigh: figure.ciHigh }).toEqual({ ciLow: want.ciLow, ciHigh: want.ciHigh });
  expect(figure.ciLow!).toBeLessThanOrEqual(median);
  expect(figure.ciHigh!).toBeGreaterThanOrEqual(median);
}

function expectTables(all: DetailTable[], cases: SimCase[]) {
  const closed = cases.filter((c) => c.closedOn);
  expectProblemMedian(
    all.find((t) => t.key === 'problem_time_before'),
    closed,
  );
  const tables = all.filter((t) => t.key !== 'problem_time_before');
  expect(tables.map((t) => t.key)).toEqual(Object.keys(EXPECTED));
  let cells = 0;
  for (const table of tables) {
    const spec = EXPECTED[table.key];
    expect({ table: table.key, rows: table.rows.length }).toEqual({ table: table.key, rows: spec.rows.length });
    spec.rows.forEach((cell, i) => {
      const row = table.rows[i];
      let counted = 0;
      table.columns.forEach((column, j) => {
        const inColumn = closed.filter((c) => spec.column(c) === column.key);
        const got = row.figures[j];
        const where = { table: table.key, row: row.key, column: column.label };
        if (cell.kind === 'mean') {
          const values = inColumn.map(cell.of).filter((v): v is number => v !== null);
          counted += values.length;
          expect({ ...where, n: got.n }).toEqual({ ...where, n: values.length });
          if (got.kind !== 'mean') throw new Error(`${row.key} is not a mean`);
          const m = mean(values);
          if (m === null) expect(got.value).toBeNull();
          else expect(got.value).toBeCloseTo(m, 9);
          if (values.length > 1) {
            const sd = Math.sqrt(values.reduce((s, x) => s + (x - m!) ** 2, 0) / (values.length - 1));
            const half = (studentT975(values.length - 1) * sd) / Math.sqrt(values.length);
            expect(got.ciLow).toBeCloseTo(m! - half, 9);
            expect(got.ciHigh).toBeCloseTo(m! + half, 9);
          }
        } else {
          const want = inColumn.reduce(
            (total, c) => {
              const r = rates[cell.measure](c, asOf);
              return { n: total.n + r.n, count: total.count + r.count };
            },
            { n: 0, count: 0 },
          );
          counted += want.n;
          expect({ ...where, n: got.n, count: got.kind === 'rate' ? got.count : null }).toEqual({ ...where, ...want });
          if (got.kind === 'rate')
            expect({ ...where, lo: got.ciLow, hi: got.ciHigh }).toEqual({
              ...where,
              lo: wilsonInterval(want.count, want.n).ciLow,
              hi: wilsonInterval(want.count, want.n).ciHigh,
            });
        }
        cells++;
      });
      expect({ table: table.key, row: row.key, unknown: row.unknown }).toEqual({
        table: table.key,
        row: row.key,
        unknown: closed.length - counted,
      });
    });
  }
  expect(cells).toBeGreaterThan(100);
}

describe('the measures in detail', () => {
  let sut: Harness;
  let manager: TestUser;
  let fixture: Fixture;

  beforeAll(async () => {
    sut = await createHarness();
    ({ manager, fixture } = await seedOrganisation(sut, 400, 11));
  }, 180_000);
  afterAll(async () => {
    await sut.close();
  });

  it('gives every cell as the definitions say, with its n, interval and the cases left out', async () => {
    const res = await sut.as(manager).get('/api/reports/measures?detail=true').expect(200);
    expectTables(res.body.details, fixture.cases);
  });

  it('applies the filters to every table', async () => {
    const res = await sut.as(manager).get('/api/reports/measures?detail=true&category=debt&arrival=self').expect(200);
    expectTables(
      res.body.details,
      fixture.cases.filter((c) => c.category === 'debt' && c.arrival === 'self'),
    );
  });

  it('leaves the tables out unless asked, and refuses a bad flag naming it', async () => {
    const res = await sut.as(manager).get('/api/reports/measures').expect(200);
    expect(res.body.details).toBeUndefined();
    const bad = await sut.as(manager).get('/api/reports/measures?detail=yes').expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['detail']);
  });

  it('is for managers: commissioners and advisers are refused (disclosure control)', async () => {
    const adviser = await sut.makeUser(fixture.orgId, 'adviser');
    await sut.as(adviser).get('/api/reports/measures?detail=true').expect(403);
    const commissionerOrg = await sut.makeOrganisation({ kind: 'commissioner' });
    const commissioner = await sut.makeUser(commissionerOrg.id, 'commissioner');
    await sut.dataSource.query(`INSERT INTO organisation_shares (provider_id, commissioner_id) VALUES ($1, $2)`, [
      fixture.orgId,
      commissionerOrg.id,
    ]);
    await sut.as(commissioner).get('/api/reports/measures?detail=true').expect(403);
  });
});
