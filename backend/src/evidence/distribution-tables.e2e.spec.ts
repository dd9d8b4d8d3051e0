/**
 * The pack's distribution tables (docs/measures.md) against real PostgreSQL: the retelling burden by arrival route
 * and by bounce-in, acceptance by level of understanding, and underlying problems three ways, each worked
 * out here from the casework tables themselves (not case_facts), rounded as the pack rounds, and found in
 * the preview, the CSV, the XLSX and the PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { BANDS, bandIndexOf, type EvidencePackPreview, type PackTable } from '@deepvalue/shared';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { roundToBase } from '../disclosure/rounding.js';
import { wilsonInterval, wilsonScore } from '../analytics/statistics/wilson.js';
import { DISTRIBUTION_FILE_NAMES } from './tables/distribution-tables.js';
import { AS_OF, PERIOD, seedPackFixture } from './testing/pack-fixture.js';
import { parseCsv, pdfPageCount, popplerText } from './testing/pack-files.js';
import { renderPack } from './writers/render-pack.js';

const QUERY = `from=${PERIOD.from}&to=${PERIOD.to}&asOf=${AS_OF}`;
const r5 = (x: number) => roundToBase(x, 5);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const tableOf = (pack: { tables: PackTable[] }, name: string) => pack.tables.find((t) => t.name === name)!;

/** The consenting closed cases of the period, as the pack counts them, from the casework tables. */
const IN_PACK = `c.organisation_id = $1 AND c.closed_on BETWEEN '${PERIOD.from}' AND '${PERIOD.to}' AND cl.evidence_consent`;

describe('the evidence pack’s distribution tables', () => {
  let sut: Harness;
  let manager: TestUser;
  let pack: EvidencePackPreview;

  beforeAll(async () => {
    sut = await createHarness();
    const org = await sut.makeOrganisation({ name: 'Westside Advice' });
    manager = await sut.makeUser(org.id, 'manager');
    await seedPackFixture(sut.dataSource, org.id, (name) =>
      sut.makeUser(org.id, 'adviser', { name }).then((u) => u.id),
    );
    // CASE rather than an array subscript, and joined on organisation_id too: on a Citus cluster, this
    // UPDATE with (ARRAY[…])[i] in SET and the organisation as a parameter crashed the coordinator
    // (Citus 13.2.2, signal 11; docs/scaling.md). The same values.
    // Give the fixture what these tables read, by each case's place in reference order (no randomness):
    // story counts 0–4 with some unknown, both arrival routes, bounce-in with some unknown, understanding
    // 1–5 with some unknown, and problems with every action and result, some with no result: every problem
    // of a case with the same action (alike within cases), results spread across each case's problems.
    await sut.dataSource.query(
      `UPDATE cases c SET times_told_story_before = CASE WHEN k % 11 = 0 THEN NULL ELSE k % 5 END,
                          arrival_route = CASE WHEN k % 3 = 0 THEN 'referred' ELSE 'self' END,
                          prior_organisations_contacted = CASE WHEN k % 7 = 0 THEN NULL ELSE k % 4 END
         FROM (SELECT organisation_id, id, row_number() OVER (ORDER BY id) AS k FROM cases WHERE organisation_id = $1) o
        WHERE c.organisation_id = o.organisation_id AND c.id = o.id`,
      [org.id],
    );
    await sut.dataSource.query(
      `UPDATE outcomes t SET understood = CASE WHEN k % 13 = 0 THEN NULL ELSE 1 + (k * 7) % 5 END
         FROM (SELECT organisation_id, id, row_number() OVER (ORDER BY case_id) AS k FROM outcomes WHERE organisation_id = $1) o
        WHERE t.organisation_id = o.organisation_id AND t.id = o.id`,
      [org.id],
    );
    await sut.dataSource.query(
      `UPDATE underlying_problems p
          SET action = CASE r % 4 WHEN 0 THEN 'handled_in_house' WHEN 1 THEN 'referred_warm' WHEN 2 THEN 'signposted'
                                  ELSE 'client_declined' END,
              result = CASE k % 6 WHEN 0 THEN 'positive' WHEN 1 THEN 'partly_positive' WHEN 2 THEN 'negative'
                                  WHEN 3 THEN 'withdrawn' WHEN 4 THEN 'lost_contact' END
         FROM (SELECT organisation_id, id, row_number() OVER (ORDER BY case_id, id) AS k,
                      dense_rank() OVER (ORDER BY case_id) AS r
                 FROM underlying_problems WHERE organisation_id = $1) o
        WHERE p.organisation_id = o.organisation_id AND p.id = o.id`,
      [org.id],
    );
    pack = (await sut.as(manager).get(`/api/evidence-packs/preview?${QUERY}`).expect(200)).body;
  }, 180_000);
  afterAll(async () => {
    await sut?.close();
  });

  const closedCases = () =>
    tableOf(pack, 'cases').rows.find((r) => r.band === 'All bands' && r.category === 'All categories')!.cases as number;

  async function caseCounts() {
    return (await sut.dataSource.query(
      `SELECT c.arrival_route AS route, CASE WHEN c.times_told_story_before < 3 THEN c.times_told_story_before
                                                WHEN c.times_told_story_before >= 3 THEN 3 END AS told,
              CASE WHEN c.prior_organisations_contacted < 3 THEN c.prior_organisations_contacted
                   WHEN c.prior_organisations_contacted >= 3 THEN 3 END AS prior, o.understood, o.accepted, count(*)::int AS cases
         FROM cases c JOIN clients cl ON cl.organisation_id = c.organisation_id AND cl.id = c.client_id
         LEFT JOIN outcomes o ON o.organisation_id = c.organisation_id AND o.case_id = c.id
        WHERE ${IN_PACK}
        GROUP BY 1, 2, 3, 4, 5`,
      [manager.organisationId],
    )) as Array<{
      route: string;
      told: number | null;
      prior: number | null;
      understood: number | null;
      accepted: boolean | null;
      cases: number;
    }>;
  }

  /** Each group's rows as [cases, share] and the shares' Wilson intervals from the rounded counts. */
  function expectGroup(table: PackTable, group: string, exact: number[]) {
    const rows = table.rows.filter((r) => r.group === group && r.told !== 'Not recorded');
    const rounded = exact.map(r5);
    expect(rows.map((r) => r.cases)).toEqual(rounded);
    const n = sum(rounded);
    rows.forEach((row, t) => {
      if (n < 10) return expect(row.share).toBeNull();
      const w = wilsonInterval(rounded[t], n);
      expect(row.share as number).toBeCloseTo(rounded[t] / n, 4);
      expect(row.n).toBe(n);
      expect(row.ci_low as number).toBeCloseTo(w.ciLow!, 4);
      expect(row.ci_high as number).toBeCloseTo(w.ciHigh!, 4);
    });
  }

  it('publishes the retelling burden by arrival route: rounded counts, shares of each route, and the cases not recorded', async () => {
    const raw = await caseCounts();
    const table = tableOf(pack, DISTRIBUTION_FILE_NAMES.retellingByArrival);
    expect(table.note).toBeNull();
    expect(table.description).toContain('rounded to the nearest 5;');
    const exact = (route?: string) =>
      [0, 1, 2, 3].map((t) =>
        sum(raw.filter((r) => r.told === t && (!route || r.route === route)).map((r) => r.cases)),
      );
    expectGroup(table, 'Came by themselves', exact('self'));
    expectGroup(table, 'Referred by an organisation', exact('referred'));
    // Every route together: the sums of the rounded routes, never rounded again.
    const all = [0, 1, 2, 3].map((t) => r5(exact('self')[t]) + r5(exact('referred')[t]));
    const allRows = table.rows.filter((r) => r.group === 'All arrival routes');
    expect(allRows.slice(0, 4).map((r) => r.cases)).toEqual(all);
    expect(allRows[4]).toMatchObject({ told: 'Not recorded', cases: Math.max(0, closedCases() - sum(all)) });
    expect(sum(raw.filter((r) => r.told === null).map((r) => r.cases))).toBeGreaterThan(0);
  });

  it('publishes the retelling burden by bounce-in over the cases where both are recorded', async () => {
    const raw = await caseCounts();
    const table = tableOf(pack, DISTRIBUTION_FILE_NAMES.retellingByBounceIn);
    const exact = (prior: number) =>
      [0, 1, 2, 3].map((t) => sum(raw.filter((r) => r.told === t && r.prior === prior).map((r) => r.cases)));
    ['None', '1', '2', '3 or more'].forEach((group, p) => expectGroup(table, group, exact(p)));
    const all = [0, 1, 2, 3].map((t) => sum([0, 1, 2, 3].map((p) => r5(exact(p)[t]))));
    const notRecorded = table.rows.find((r) => r.told === 'Not recorded')!;
    expect(notRecorded.cases).toBe(Math.max(0, closedCases() - sum(all)));
  });

  it('publishes acceptance by level of understanding, leaving out cases where either is not recorded', async () => {
    const raw = await caseCounts();
    const table = tableOf(pack, DISTRIBUTION_FILE_NAMES.acceptanceByUnderstanding);
    expect(table.note).toBeNull();
    const known = raw.filter((r) => r.understood !== null && r.accepted !== null);
    const levels = [1, 2, 3, 4, 5].map((level) => {
      const at = known.filter((r) => r.understood === level);
      return { n: r5(sum(at.map((r) => r.cases))), count: r5(sum(at.filter((r) => r.accepted).map((r) => r.cases))) };
    });
    for (const [k, level] of levels.entries()) {
      const row = table.rows[k];
      expect(row).toMatchObject({ understood: String(k + 1), n: level.n, count: level.count, not_recorded: null });
      expect(row.rate as number).toBeCloseTo(level.count / level.n, 4);
      expect(row.ci_low as number).toBeCloseTo(wilsonInterval(level.count, level.n).ciLow!, 4);
    }
    const n = sum(levels.map((l) => l.n));
    expect(table.rows[5]).toMatchObject({ understood: 'All levels', n, not_recorded: Math.max(0, closedCases() - n) });
    // Cases with no understanding or no acceptance recorded are left out, never counted as "no".
    expect(sum(raw.filter((r) => r.understood === null || r.accepted === null).map((r) => r.cases))).toBeGreaterThan(5);
  });

  it('publishes underlying problems by action, by their own result and by relationship time before they surfaced', async () => {
    const problems: Array<{ caseId: string; action: string; result: string | null; minutes: number }> =
      await sut.dataSource.query(
        `SELECT up.case_id AS "caseId", up.action, up.result,
              (SELECT coalesce(sum(te.minutes), 0)::int FROM time_entries te
                WHERE te.organisation_id = up.organisation_id AND te.case_id = up.case_id
                  AND te.class = 'relationship' AND te."on" <= up.uncovered_on) AS minutes
         FROM underlying_problems up
         JOIN cases c ON c.organisation_id = up.organisation_id AND c.id = up.case_id
         JOIN clients cl ON cl.organisation_id = c.organisation_id AND cl.id = c.client_id
        WHERE ${IN_PACK}`,
        [manager.organisationId],
      );
    const table = tableOf(pack, DISTRIBUTION_FILE_NAMES.underlyingProblems);
    expect(table.note).toBeNull();
    const way = (name: string) => table.rows.filter((r) => r.way === name);
    const count = (pred: (p: (typeof problems)[number]) => boolean) => r5(problems.filter(pred).length);
    const actions = ['handled_in_house', 'referred_warm', 'signposted', 'client_declined'].map((a) =>
      count((p) => p.action === a),
    );
    expect(way('What was done').map((r) => r.problems)).toEqual([...actions, sum(actions)]);
    const results = ['positive', 'partly_positive', 'negative', 'withdrawn', 'lost_contact'].map((x) =>
      count((p) => p.result === x),
    );
    const resultRows = way('Their own result');
    expect(resultRows.map((r) => r.problems)).toEqual([...results, sum(results), count((p) => p.result === null)]);
    // Shares of the problems with a result: "Not recorded" is left out, never counted as negative.
    expect(resultRows[2].share as number).toBeCloseTo(results[2] / sum(results), 4);
    expect(resultRows[6]).toMatchObject({ part: 'Not recorded', share: null });
    const bands = BANDS.map((_, j) => count((p) => bandIndexOf(p.minutes) === j));
    expect(way('Relationship time before it surfaced').map((r) => r.problems)).toEqual([...bands, sum(bands)]);
    expect(problems.length).toBeGreaterThan(50);

    // Each way's intervals allow for problems of one case being alike: Wilson's at the rounded problems ÷ the
    // way's design effect, the largest of its groups' (worked out here from each case's residuals) rounded
    // up to a quarter.
    const designEffects: number[] = [];
    const checkWay = (name: string, groupOf: (p: (typeof problems)[number]) => string | null, groups: string[]) => {
      const counted = problems.filter((p) => groupOf(p) !== null);
      const cases = new Map<string, typeof counted>();
      for (const p of counted) cases.set(p.caseId, [...(cases.get(p.caseId) ?? []), p]);
      const byCase = [...cases.values()];
      const n = counted.length;
      const d = Math.max(
        ...groups.map((g) => {
          const p = counted.filter((x) => groupOf(x) === g).length / n;
          if (p === 0 || p === 1) return sum(byCase.map((c) => c.length ** 2)) / n;
          const squares = sum(byCase.map((c) => (c.filter((x) => groupOf(x) === g).length - c.length * p) ** 2));
          const v = ((byCase.length / (byCase.length - 1)) * squares) / n ** 2;
          return Math.max(1, (v * n) / (p * (1 - p)));
        }),
      );
      const published = Math.ceil(d * 4) / 4;
      designEffects.push(published);
      const rows = way(name).slice(0, groups.length);
      const total = sum(rows.map((r) => r.problems as number));
      for (const row of rows) {
        const w = wilsonScore((row.problems as number) / total, total / published);
        expect({ part: row.part, d: row.design_effect }).toEqual({ part: row.part, d: published });
        expect(row.ci_low as number).toBeCloseTo(w.ciLow!, 4);
        expect(row.ci_high as number).toBeCloseTo(w.ciHigh!, 4);
      }
    };
    checkWay('What was done', (p) => p.action, ['handled_in_house', 'referred_warm', 'signposted', 'client_declined']);
    checkWay('Their own result', (p) => p.result, [
      'positive',
      'partly_positive',
      'negative',
      'withdrawn',
      'lost_contact',
    ]);
    checkWay('Relationship time before it surfaced', (p) => String(bandIndexOf(p.minutes)), ['0', '1', '2', '3', '4']);
    // Problems of a case share one action here, so that way's intervals are clearly wider than Wilson's.
    expect(designEffects[0]).toBeGreaterThan(1);
  });

  it('writes every distribution table to its CSV, its own sheet and the PDF', async () => {
    const rendered = await renderPack(pack);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      rendered.files.find((f) => f.path === 'evidence-pack.xlsx')!.bytes as unknown as ArrayBuffer,
    );
    const pdf = rendered.files.find((f) => f.path === 'evidence-pack.pdf')!.bytes;
    const pages =
      popplerText(pdf) === null
        ? null
        : [...Array(pdfPageCount(pdf)).keys()].map((i) => popplerText(pdf, { page: i + 1 })!);
    for (const name of Object.values(DISTRIBUTION_FILE_NAMES)) {
      const table = tableOf(pack, name);
      const csv = parseCsv(rendered.files.find((f) => f.path === `csv/${name}.csv`)!.bytes.toString('utf8'));
      expect(csv[0]).toEqual(table.columns.map((c) => c.key));
      expect(csv.length).toBe(table.rows.length + 1);
      expect(workbook.getWorksheet(table.sheet)?.getCell(1, 1).value).toBe(table.title);
      if (pages) expect([name, pages.some((p) => p.includes(table.title))]).toEqual([name, true]);
    }
  });
});
