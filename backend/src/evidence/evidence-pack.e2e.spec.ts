/**
 * Evidence packs from seeded casework against real PostgreSQL: the preview and every download format,
 * small-number suppression, consent exclusions, a leak test over every file for every personal detail
 * of the test data, byte-for-byte reproducibility, the commissioner's combined pack, access and audit.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import type { EvidencePackPreview, FeeRateView, FeeTableView, PackTable } from '@deepvalue/shared';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import type { UnitCostsView } from '@deepvalue/shared';
import type { PricingReport } from '../pricing/pricing.service.js';
import { EvidencePackService } from './evidence-pack.service.js';
import { ALL_BANDS, ALL_CATEGORIES, MEASURE_FILE_NAMES, PACK_RATE_FILE_NAMES } from './tables/outcome-tables.js';
import { PACK_MEAN_FILE_NAMES } from './tables/mean-tables.js';
import {
  MEASURES,
  OUTCOME_MEASURES,
  PACK_MEANS,
  PACK_RATES,
  VALUE_KIND_LABELS,
  type ByBandReport,
  type OutcomeMeasure,
  type PackMean,
  type PackRate,
  type TimeVsOutcomeReport,
} from '@deepvalue/shared';
import { bandGroupLabel, roundToBase } from '../disclosure/rounding.js';
import { maturityCutoff } from '../analytics/measures.sql.js';
import { OUTCOME_MEASURE_SQL } from '../analytics/outcome-measures.sql.js';
import { AS_OF, PERIOD, seedPackFixture, type PackFixture } from './testing/pack-fixture.js';
import { parseCsv, pdfPageCount, pdfText, popplerText, xlsxText } from './testing/pack-files.js';
import { formatCell } from './format.js';
import { rateWithN } from './writers/pdf-layout.js';
import { renderPack, sha256, type Manifest, type RenderedPack } from './writers/render-pack.js';
import { readZip } from './writers/zip.js';

const QUERY = `from=${PERIOD.from}&to=${PERIOD.to}&asOf=${AS_OF}`;

function binary(res: { body: unknown }): Buffer {
  return res.body as Buffer;
}

function parseBuffer(
  res: NodeJS.ReadableStream & { setEncoding(e: string): void },
  cb: (e: Error | null, b: Buffer) => void,
) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

const tableOf = (pack: { tables: PackTable[] }, name: string) => pack.tables.find((t) => t.name === name)!;
const rowOf = (table: PackTable, category: string, band: string) =>
  table.rows.find((r) => r.category === category && r.band === band)!;

const MARKERS: Record<string, string> = {
  'evidence-pack.pdf': 'Fixed fee against need',
  'evidence-pack.xlsx': 'Tenant eviction avoided (public money)',
  'manifest.json': 'inputsSha256',
};

/** Every way a secret could be written: as is, and dates also as DD/MM/YYYY. */
function variants(secret: string): string[] {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(secret);
  return date ? [secret, `${date[3]}/${date[2]}/${date[1]}`] : [secret];
}

function leaks(text: string, secrets: string[]): string[] {
  const haystack = text.toLowerCase();
  return secrets.flatMap(variants).filter((s) => haystack.includes(s.toLowerCase()));
}

describe('evidence packs', () => {
  let sut: Harness;
  let manager: TestUser;
  let adviser: TestUser;
  let commissioner: TestUser;
  let fixture: PackFixture;
  let second: PackFixture;
  let providerRef: string;

  beforeAll(async () => {
    sut = await createHarness();
    const org = await sut.makeOrganisation({ name: 'Northside Law Centre' });
    providerRef = org.ref;
    manager = await sut.makeUser(org.id, 'manager');
    adviser = await sut.makeUser(org.id, 'adviser');
    fixture = await seedPackFixture(sut.dataSource, org.id, (name) =>
      sut.makeUser(org.id, 'adviser', { name }).then((u) => u.id),
    );
    const current = (await sut.as(manager).get('/api/unit-costs').expect(200)).body as UnitCostsView;
    await sut
      .as(manager)
      .put('/api/unit-costs')
      .send({
        basedOnVersion: current.current.version,
        rows: current.current.rows.map(({ priced: _p, note: _n, ...row }) => row),
        hourlyCostGbp: 45,
      })
      .expect(200);
    const fee = (category: string, effectiveFrom: string, fixedFeeGbp: number) => ({
      category,
      effectiveFrom,
      fixedFeeGbp,
      hourlyRateGbp: 52,
      source: 'Civil Legal Aid (Remuneration) Regulations 2013; local hourly rate',
    });
    await sut
      .as(manager)
      .put('/api/fee-rates')
      .send({
        version: 0,
        rows: [
          fee('housing', '2013-04-01', 157),
          fee('housing', '2024-06-01', 170),
          fee('debt', '2013-04-01', 180),
          fee('welfare_benefits', '2014-01-01', 208),
        ],
      })
      .expect(200);

    const other = await sut.makeOrganisation({ name: 'Eastside Advice' });
    await sut.dataSource.query(`UPDATE organisations SET settings = '{"suppressionThreshold": 7}' WHERE id = $1`, [
      other.id,
    ]);
    second = await seedPackFixture(
      sut.dataSource,
      other.id,
      (name) => sut.makeUser(other.id, 'adviser', { name }).then((u) => u.id),
      { cases: 100, salt: 2 },
    );
    const funder = await sut.makeOrganisation({ name: 'City Funders', kind: 'commissioner' });
    commissioner = await sut.makeUser(funder.id, 'commissioner');
    await sut.dataSource.query(
      `INSERT INTO organisation_shares (provider_id, commissioner_id) VALUES ($1, $3), ($2, $3)`,
      [org.id, other.id, funder.id],
    );
  }, 120_000);
  afterAll(async () => {
    await sut?.close();
  });

  describe('preview', () => {
    let pack: EvidencePackPreview;
    beforeAll(async () => {
      pack = (await sut.as(manager).get(`/api/evidence-packs/preview?${QUERY}`).expect(200)).body;
    });

    it('rounds a band resting on 3 cases to 5, and merges it with its neighbour where a rate needs more', () => {
      const cases = tableOf(pack, 'cases');
      expect(rowOf(cases, ALL_CATEGORIES, '≥ 8 h').cases).toBe(5);
      const positive = tableOf(pack, 'time-vs-outcome-positive-outcome');
      const bands = positive.rows.filter((r) => r.category === ALL_CATEGORIES && r.band !== ALL_BANDS);
      expect(bands.map((r) => r.band)).toEqual(['< 1 h', '1–2 h', '2–4 h', '4 h and over']);
      expect(positive.description).toContain('"4 h and over"');
    });

    it('shows every band of every outcome measure with a rate and interval, hiding none', () => {
      for (const table of pack.tables.filter((t) => t.name.startsWith('time-vs-outcome-'))) {
        const rows = table.rows.filter((r) => r.category === ALL_CATEGORIES);
        for (const row of rows) {
          expect([table.name, row.band, typeof row.rate, typeof row.ci_low]).toEqual([
            table.name,
            row.band,
            'number',
            'number',
          ]);
          expect(row.n as number).toBeGreaterThanOrEqual(10);
        }
        // The total is the sum of the rounded bands.
        const bands = rows.filter((r) => r.band !== ALL_BANDS);
        expect(rows.find((r) => r.band === ALL_BANDS)!.n).toBe(bands.reduce((s, r) => s + (r.n as number), 0));
        for (const row of table.rows)
          for (const key of ['n', 'count']) expect(JSON.stringify(row[key])).not.toMatch(/<|\[c\]/);
      }
      const adjusted = tableOf(pack, 'adjusted-estimates');
      expect(adjusted.rows.every((r) => typeof r.n === 'number')).toBe(true);
    });

    it('shows beside n the cases not recorded for each outcome measure, worked out from rounded figures only', async () => {
      // Per band of consenting closed cases: the raw counts each outcome's "not recorded" rests on (the whole
      // less n, each rounded to 5 before the subtraction).
      const raw: Array<Record<string, number>> = await sut.dataSource.query(
        `SELECT f.band, count(*)::int AS cases,
                count(*) FILTER (WHERE f.result IN ('positive', 'partly_positive', 'negative'))::int AS rated,
                count(*) FILTER (WHERE f.result IN ('positive', 'partly_positive'))::int AS positive,
                count(*) FILTER (WHERE f.accepted IS NOT NULL)::int AS asked,
                count(*) FILTER (WHERE f.closed_on <= $4 AND f.followed_up)::int AS followed_up
           FROM case_facts f
          WHERE f.organisation_id = $1 AND f.evidence_consent AND f.closed_on BETWEEN $2 AND $3
          GROUP BY 1`,
        [manager.organisationId, PERIOD.from, PERIOD.to, maturityCutoff(AS_OF, 6)],
      );
      const r5 = (band: number, key: string) => roundToBase(raw.find((r) => r.band === band)?.[key] ?? 0, 5);
      const perBand: Record<OutcomeMeasure, (j: number) => number> = {
        positive_outcome: (j) => r5(j, 'cases') - r5(j, 'rated'),
        accepted: (j) => r5(j, 'cases') - r5(j, 'asked'),
        // Negative outcomes as positive outcome publishes them (n less count), less avoided appeal's n.
        avoided_appeal: (j) => Math.max(0, r5(j, 'rated') - r5(j, 'positive') - avoidedN[j]),
        problem_uncovered: () => 0,
        bounce_back: (j) => r5(j, 'cases') - r5(j, 'followed_up'),
      };
      const avoided: Array<Record<string, number>> = await sut.dataSource.query(
        `SELECT f.band, count(*)::int AS n FROM case_facts f
          WHERE f.organisation_id = $1 AND f.evidence_consent AND f.closed_on BETWEEN $2 AND $3
            AND ${OUTCOME_MEASURE_SQL.avoided_appeal.eligible} GROUP BY 1`,
        [manager.organisationId, PERIOD.from, PERIOD.to],
      );
      const avoidedN = [0, 1, 2, 3, 4].map((j) => roundToBase(avoided.find((r) => r.band === j)?.n ?? 0, 5));
      const bandsOf = (label: unknown) => {
        for (let from = 0; from < 5; from++)
          for (let to = from; to < 5; to++) if (bandGroupLabel(from, to) === label) return { from, to };
        throw new Error(`no bands for ${String(label)}`);
      };
      let recorded = 0;
      for (const m of OUTCOME_MEASURES) {
        const table = tableOf(pack, MEASURE_FILE_NAMES[m]);
        expect(table.columns.map((c) => c.key)).toContain('not_recorded');
        const rows = table.rows.filter((r) => r.category === ALL_CATEGORIES && r.band !== ALL_BANDS);
        const expected = rows.map((r) => {
          const { from, to } = bandsOf(r.band);
          let sum = 0;
          for (let j = from; j <= to; j++) sum += perBand[m](j);
          return sum;
        });
        expect([m, rows.map((r) => r.not_recorded)]).toEqual([m, expected]);
        const all = table.rows.find((r) => r.category === ALL_CATEGORIES && r.band === ALL_BANDS)!;
        expect([m, all.not_recorded]).toEqual([m, expected.reduce((a, b) => a + b, 0)]);
        recorded += expected.reduce((a, b) => a + b, 0);
      }
      // The fixture leaves acceptance unasked on withdrawn cases and follows nobody up: not all zero.
      expect(tableOf(pack, MEASURE_FILE_NAMES.bounce_back).description).toContain('too soon to tell');
      expect(recorded).toBeGreaterThan(0);
    });

    it('publishes bounce-out and referral completion by band under the same rounding, counted apart', async () => {
      // Worked out from the outcome rows themselves (the fixture records no referrals out): per band of
      // consenting closed cases with an outcome, those withdrawn or lost contact.
      const raw: Array<{ band: number; n: number; count: number }> = await sut.dataSource.query(
        `SELECT f.band, count(*)::int AS n,
                count(*) FILTER (WHERE o.result IN ('withdrawn', 'lost_contact'))::int AS count
           FROM case_facts f JOIN outcomes o ON o.organisation_id = f.organisation_id AND o.case_id = f.case_id
          WHERE f.organisation_id = $1 AND f.evidence_consent AND f.closed_on BETWEEN $2 AND $3
          GROUP BY 1`,
        [manager.organisationId, PERIOD.from, PERIOD.to],
      );
      const rounded = (key: 'n' | 'count') => raw.reduce((s, r) => s + roundToBase(r[key], 5), 0);
      const bounceOut = tableOf(pack, 'by-band-bounce-out');
      const overall = rowOf(bounceOut, ALL_CATEGORIES, ALL_BANDS);
      expect(overall.n).toBe(rounded('n'));
      expect(overall.count).toBe(rounded('count'));
      expect(overall.rate).toBeCloseTo(rounded('count') / rounded('n'), 4);
      const bands = bounceOut.rows.filter((r) => r.category === ALL_CATEGORIES && r.band !== ALL_BANDS);
      expect(bands.length).toBeGreaterThanOrEqual(2);
      for (const row of bands) {
        expect(typeof row.rate).toBe('number');
        expect((row.n as number) % 5).toBe(0);
        expect((row.count as number) % 5).toBe(0);
      }
      // No referrals out recorded: no rate, never a 0% rate.
      const referrals = rowOf(tableOf(pack, 'by-band-referral-completion'), ALL_CATEGORIES, ALL_BANDS);
      expect(referrals).toMatchObject({ n: 0, rate: null });
    });

    it('publishes RQI, bounce-in and the other means by band with n, cases not recorded and a rounded mean', async () => {
      // Worked out from the feedback rows: each case's mean item score rescaled to 0–100, per band.
      const raw: Array<{ band: number; n: number; sum: string }> = await sut.dataSource.query(
        `SELECT f.band, count(*)::int AS n,
                sum(((SELECT avg(v::numeric) FROM jsonb_each_text(fb.items) AS e(k, v)) - 1) / 4 * 100)::text AS sum
           FROM case_facts f JOIN feedback fb ON fb.organisation_id = f.organisation_id AND fb.case_id = f.case_id
          WHERE f.organisation_id = $1 AND f.evidence_consent AND f.closed_on BETWEEN $2 AND $3
          GROUP BY 1`,
        [manager.organisationId, PERIOD.from, PERIOD.to],
      );
      const rqi = tableOf(pack, 'by-band-rqi');
      const overall = rowOf(rqi, ALL_CATEGORIES, ALL_BANDS);
      const n = raw.reduce((s, r) => s + roundToBase(r.n, 5), 0);
      const exact = raw.reduce((s, r) => s + Number(r.sum), 0) / raw.reduce((s, r) => s + r.n, 0);
      expect(overall.n).toBe(n);
      expect(overall.not_recorded).toBe(0);
      // The step: the first of 1, 2, 5 × 10^k at least 25 ÷ the smallest n the rounded n stands for.
      const lowest = raw.reduce((s, r) => s + Math.max(0, roundToBase(r.n, 5) - 2), 0);
      const step = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20].find((p) => p * lowest >= 25)!;
      expect(overall.mean).toBeCloseTo(Math.round(exact / step) * step, 9);
      expect(overall.ci_low as number).toBeLessThan(overall.mean as number);
      expect(overall.ci_high as number).toBeGreaterThan(overall.mean as number);
      for (const row of rqi.rows.filter((r) => r.category === ALL_CATEGORIES && r.band !== ALL_BANDS)) {
        expect((row.n as number) % 5).toBe(0);
        expect(row.n as number).toBeGreaterThanOrEqual(10);
        expect(typeof row.mean).toBe('number');
      }
      // No prior organisations recorded in the fixture: every case is "not recorded", and there is no mean (never 0).
      const bounceIn = rowOf(tableOf(pack, 'by-band-bounce-in'), ALL_CATEGORIES, ALL_BANDS);
      expect(bounceIn).toMatchObject({
        n: 0,
        mean: null,
        not_recorded: rowOf(tableOf(pack, 'cases'), ALL_CATEGORIES, ALL_BANDS).cases,
      });
      for (const name of ['by-band-continuity', 'by-band-confidence-change', 'by-band-confidence-improved'])
        expect(tableOf(pack, name).columns.map((c) => c.key)).toEqual(expect.arrayContaining(['n', 'not_recorded']));
    });

    it('counts only consenting clients and says how many cases were left out', () => {
      const consent = tableOf(pack, 'consent-exclusions');
      const cases = tableOf(pack, 'cases');
      const bandTotal = cases.rows
        .filter((r) => r.category === ALL_CATEGORIES && r.band !== ALL_BANDS)
        .reduce((sum, r) => sum + (r.cases as number), 0);
      expect(Math.abs(bandTotal - fixture.consenting)).toBeLessThanOrEqual(10);
      expect(consent.rows).toEqual([
        { group: 'Counted: client consented', cases: bandTotal },
        { group: 'Excluded: client did not consent', cases: roundToBase(fixture.withoutConsent, 5) },
      ]);
      expect(rowOf(cases, ALL_CATEGORIES, ALL_BANDS).cases).toBe(bandTotal);
      const who = pack.method.find((s) => s.heading === 'Who is counted')!;
      expect(who.paragraphs.join(' ')).toContain(`${roundToBase(fixture.withoutConsent, 5)} closed cases`);
    });

    it('gives every published rate its n and 95% interval, and no published count below 5', () => {
      for (const table of pack.tables.filter((t) => t.name.startsWith('time-vs-outcome-'))) {
        for (const row of table.rows) {
          if (typeof row.rate === 'number') {
            expect(typeof row.n).toBe('number');
            expect(row.ci_low as number).toBeLessThanOrEqual(row.rate);
            expect(row.ci_high as number).toBeGreaterThanOrEqual(row.rate);
          }
          for (const key of ['n', 'count']) {
            const value = row[key];
            if (typeof value === 'number') expect(value === 0 || value >= 5).toBe(true);
          }
        }
      }
    });

    it('claims Nesta level 2 and no more, with the association caveat', () => {
      expect(pack.headlines.find((h) => h.label === 'Strength of evidence')!.value).toBe('Nesta level 2');
      const text = JSON.stringify(pack.method);
      expect(text).toContain('reaches level 2 and claims no more');
      expect(text).toContain('not that relationship time caused them');
    });

    it('prices evictions avoided at £34,000 of 2009 public money each, uprated to 2024 prices, apart from wellbeing', () => {
      const lines = tableOf(pack, 'value-by-outcome');
      const eviction = lines.rows.find(
        (r) => r.event === 'Eviction avoided' && r.unit_cost === 'Tenant eviction avoided (public money)',
      )!;
      // Priced from the published count: each band's evictions rounded to 5, summed.
      expect(eviction.cases).toBe(fixture.evictionsAvoidedByBand.reduce((s, n) => s + roundToBase(n, 5), 0));
      // £34,000 at 2009 prices × the GDP deflator factor 100 ÷ 68.217 = 1.4659 (worked out apart) = £49,840.60.
      expect(eviction.gross_gbp).toBe(Number(((eviction.cases as number) * 49_840.6).toFixed(2)));
      expect(pack.meta.unitCosts.priceYear).toBe(2024);
      const costs = tableOf(pack, 'unit-costs');
      expect(costs.rows.find((r) => r.key === 'eviction_public_cost')).toMatchObject({
        value_gbp: 34_000,
        year: 2009,
        deflator_factor: 1.4659,
        value_at_price_year_gbp: 49_840.6,
      });
      const pricing = pack.method.find((m) => m.heading === 'Pricing')!.paragraphs.join(' ');
      expect(pricing).toContain('uprated from its own price year to 2024 prices');
      expect(pricing).toContain('priced once, as eviction avoided');
      const summary = tableOf(pack, 'value-summary');
      const overall = summary.rows.filter((r) => r.group_by === 'Overall');
      expect(overall.map((r) => r.kind)).toEqual([
        'Fiscal value (public money saved)',
        'Wellbeing value (value to the person)',
        'Money to clients (benefits gained, debt written off)',
      ]);
      expect(pack.meta.unitCosts).toMatchObject({ version: 2, hourlyCostGbp: 45 });
      const notPriced = tableOf(pack, 'not-priced');
      expect(notPriced.rows.some((r) => r.note === 'not priced — enter your local figure')).toBe(true);
      // The fiscal total says how many events it leaves out: those of the not-priced table of that kind.
      const fiscalLeftOut = notPriced.rows
        .filter((r) => r.kind === 'Fiscal value (public money saved)')
        .reduce((n, r) => n + (r.cases as number), 0);
      expect(fiscalLeftOut).toBeGreaterThan(0);
      expect(overall[0].events_not_priced).toBe(fiscalLeftOut);
      const headline = pack.headlines.find((h) => h.label === 'Fiscal value (public money saved)')!;
      expect(headline.detail).toContain(`leaves out ${fiscalLeftOut} events not priced`);
      expect(headline.value).not.toMatch(/^£0$/);
    });

    it('gives the median hours a category took, as percentile_cont does', async () => {
      const [row] = await sut.dataSource.query(
        `SELECT round((percentile_cont(0.5) WITHIN GROUP (ORDER BY total_minutes) / 60)::numeric, 1)::float8 AS h
           FROM case_facts WHERE organisation_id = $1 AND category = 'debt' AND evidence_consent
            AND closed_on BETWEEN $2 AND $3`,
        [manager.organisationId, PERIOD.from, PERIOD.to],
      );
      expect(tableOf(pack, 'fixed-fee-vs-need').rows.find((r) => r.category === 'Debt')!.median_hours).toBe(row.h);
    });

    it('sets the hours each case took against the fixed fee in force when it opened', () => {
      const fee = tableOf(pack, 'fixed-fee-vs-need');
      const housing = fee.rows.find((r) => r.category === 'Housing')!;
      // Two housing fees were in force during 2024; at £52 an hour they pay for 3.0 and 3.3 hours.
      expect(housing).toMatchObject({
        fixed_fee_min_gbp: 157,
        fixed_fee_max_gbp: 170,
        hourly_rate_min_gbp: 52,
        hourly_rate_max_gbp: 52,
        hours_paid_for_min: 3,
        hours_paid_for_max: 3.3,
      });
      const debt = fee.rows.find((r) => r.category === 'Debt')!;
      expect(debt).toMatchObject({ fixed_fee_min_gbp: 180, fixed_fee_max_gbp: 180, hours_paid_for_max: 3.5 });
      for (const row of [housing, debt]) {
        if (typeof row.cases !== 'number') continue;
        // Each count is rounded to the nearest 5 (±2), so the parts add up to the cases within 6.
        const parts = (row.cases_within_fee as number) + (row.cases_beyond_fee as number);
        expect(Math.abs(parts - row.cases)).toBeLessThanOrEqual(6);
        expect([row.cases_within_fee, row.cases_beyond_fee, row.cases].every((x) => (x as number) % 5 === 0)).toBe(
          true,
        );
        expect(typeof row.median_hours).toBe('number');
      }
      expect(fee.rows.find((r) => r.category === 'Employment')!.note).toBe(
        'No fixed fee for this category in the fee table.',
      );
    });

    it('names no adviser filter and refuses one', async () => {
      await sut.as(manager).get(`/api/evidence-packs/preview?${QUERY}&adviser=${adviser.id}`).expect(400);
    });

    it('needs the period', async () => {
      const res = await sut.as(manager).get('/api/evidence-packs/preview').expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['from', 'to']));
    });
  });

  describe('downloads', () => {
    const download = async (format: string) => {
      const res = await sut
        .as(manager)
        .get(`/api/evidence-packs/download?${QUERY}&format=${format}`)
        .buffer(true)
        .parse(parseBuffer as never)
        .expect(200);
      return { bytes: binary(res), type: res.headers['content-type'], disposition: res.headers['content-disposition'] };
    };

    it('gives an XLSX with a Method sheet and one sheet per measure', async () => {
      const file = await download('xlsx');
      if (process.env.DV_KEEP_PACK) fs.writeFileSync(path.join(process.env.DV_KEEP_PACK, 'api.xlsx'), file.bytes);
      expect(file.type).toContain('spreadsheetml');
      expect(file.disposition).toContain(`deep-value-evidence-pack-${PERIOD.from}-to-${PERIOD.to}.xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
      const names = workbook.worksheets.map((w) => w.name);
      expect(names[0]).toBe('Method');
      expect(names).toEqual(
        expect.arrayContaining([
          'Cases',
          'Positive outcome',
          'Outcome accepted',
          'Avoided appeal',
          'Problem uncovered',
          'Bounce-back',
          'Adjusted estimates',
          'Fixed fee vs need',
          'Value',
          'Consent',
        ]),
      );
      const method = workbook.getWorksheet('Method')!;
      const methodText: string[] = [];
      method.eachRow((row) => row.eachCell((cell) => methodText.push(String(cell.value))));
      const joined = methodText.join('\n');
      expect(joined).toContain('Nesta Standards of Evidence level 2');
      expect(joined).toContain('Tenant eviction avoided (public money)');
      expect(joined).toContain('People of Influence');
      expect(joined).toContain('not priced — enter your local figure');
      expect(joined).toContain(`${roundToBase(fixture.withoutConsent, 5)} closed cases`);
      expect(workbook.created.toISOString()).toBe(`${AS_OF}T00:00:00.000Z`);
    });

    it('gives an A4 PDF of several pages with the chart and the method', async () => {
      const file = await download('pdf');
      if (process.env.DV_KEEP_PACK) fs.writeFileSync(path.join(process.env.DV_KEEP_PACK, 'api.pdf'), file.bytes);
      expect(file.type).toBe('application/pdf');
      expect(file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdfPageCount(file.bytes)).toBeGreaterThanOrEqual(7);
      const text = pdfText(file.bytes);
      for (const expected of [
        'Deep value evidence pack',
        'Outcomes and relationship time',
        'Method and caveats',
        'Page 1 of',
        'More measures by relationship time',
      ])
        expect(text).toContain(expected);
      // Page 1 is the plain-English summary, with the headline chart, in the pack's own words.
      const first = popplerText(file.bytes, { page: 1 });
      const pack = (await sut.as(manager).get(`/api/evidence-packs/preview?${QUERY}`).expect(200))
        .body as EvidencePackPreview;
      if (first !== null) {
        const oneLine = first.replace(/\s+/g, ' ');
        expect(oneLine).toContain('In brief');
        expect(oneLine).toContain('Positive outcome by relationship time (all categories)');
        for (const section of pack.summary.sections) {
          expect(oneLine).toContain(section.heading);
          for (const p of section.paragraphs) expect(oneLine).toContain(p.slice(0, 60));
        }
        expect(oneLine).toMatch(/predicts a positive or partly positive outcome in \d+% of cases given 4 hours/);
        expect(oneLine).toMatch(/Every £1 spent on adviser time went with about £\d+\.\d\d/);
        expect(oneLine).toContain('Nesta level 2 of 5');
        expect(oneLine).not.toMatch(/legal_aid|funding: |category: /);
      }
    });

    it('gives the CSV files and manifest as a zip whose hashes match the manifest', async () => {
      const file = await download('csv-zip');
      const entries = readZip(file.bytes);
      const manifest = JSON.parse(entries.find((e) => e.path === 'manifest.json')!.bytes.toString('utf8')) as Manifest;
      const csvs = entries.filter((e) => e.path.startsWith('csv/'));
      expect(csvs.map((e) => e.path)).toEqual(
        expect.arrayContaining(['csv/cases.csv', 'csv/time-vs-outcome-positive-outcome.csv']),
      );
      for (const csv of csvs) {
        expect(manifest.files.find((f) => f.path === csv.path)!.sha256).toBe(sha256(csv.bytes));
        const rows = parseCsv(csv.bytes.toString('utf8'));
        expect(rows.length).toBeGreaterThan(1);
        expect(new Set(rows.map((r) => r.length)).size).toBe(1);
      }
      const cases = parseCsv(csvs.find((e) => e.path === 'csv/cases.csv')!.bytes.toString('utf8'));
      expect(cases[0]).toEqual(['category', 'band', 'cases']);
      expect(cases).toContainEqual([ALL_CATEGORIES, '≥ 8 h', '5']);
      expect(manifest).toMatchObject({
        period: PERIOD,
        asOf: AS_OF,
        unitCosts: { version: 2 },
        generatedAt: `${AS_OF}T00:00:00.000Z`,
        suppressionThreshold: 5,
      });
      expect(manifest.inputsSha256).toMatch(/^[0-9a-f]{64}$/);
      const whole = readZip((await download('zip')).bytes).map((e) => e.path);
      expect(whole).toEqual(expect.arrayContaining(['evidence-pack.xlsx', 'evidence-pack.pdf', 'manifest.json']));
    });

    it('records the preview in the audit log as a read of the pack', async () => {
      const rows = await sut.dataSource.query(
        `SELECT details FROM audit_log WHERE user_id = $1 AND action = 'read' AND entity = 'evidence_pack'`,
        [manager.id],
      );
      expect(rows.length).toBeGreaterThanOrEqual(1);
      expect(rows[0].details).toMatchObject({ operation: 'preview', period: PERIOD });
    });

    it('records each download in the audit log as an export', async () => {
      const rows = await sut.dataSource.query(
        `SELECT details FROM audit_log WHERE user_id = $1 AND action = 'export' AND entity = 'evidence_pack'`,
        [manager.id],
      );
      expect(rows.length).toBeGreaterThanOrEqual(3);
      expect(rows[0].details).toMatchObject({ period: PERIOD, unitCostVersion: 2 });
    });
  });

  describe('leak test', () => {
    let rendered: RenderedPack;
    beforeAll(async () => {
      const packs = sut.app.get(EvidencePackService);
      const scope = await packs.scopeForRefs({ org: providerRef });
      // Uncompressed PDF streams so the text can be read back without a PDF library.
      rendered = await renderPack(await packs.build(scope, { ...PERIOD, asOf: AS_OF }), { pdfCompress: false });
    });

    it('finds no client name, date of birth, postcode, reference, id, free text or adviser name in any file', () => {
      expect(fixture.secrets.length).toBeGreaterThan(2000);
      for (const file of rendered.files) {
        const text = file.path.endsWith('.xlsx')
          ? xlsxText(file.bytes)
          : file.path.endsWith('.pdf')
            ? pdfText(file.bytes)
            : file.bytes.toString('utf8');
        // The reading works: each file shows what it should.
        expect(text).toContain(MARKERS[file.path] ?? ',');
        expect(text.length).toBeGreaterThan(50);
        expect({ file: file.path, leaks: leaks(text, [...fixture.secrets, ...second.secrets]) }).toEqual({
          file: file.path,
          leaks: [],
        });
      }
    });

    it('finds none in the PDF as a PDF reader extracts it either', () => {
      const pdf = rendered.files.find((f) => f.path === 'evidence-pack.pdf')!.bytes;
      const text = popplerText(pdf);
      if (text === null) return; // poppler-utils not installed: the reader above still ran
      expect(text).toContain('Deep value evidence pack');
      expect(leaks(text, fixture.secrets)).toEqual([]);
    });
  });

  describe('reproducibility', () => {
    it('gives byte-identical files and manifest for the same inputs', async () => {
      const packs = sut.app.get(EvidencePackService);
      const scope = await packs.scopeForRefs({ org: providerRef });
      const request = { ...PERIOD, asOf: AS_OF };
      const first = await renderPack(await packs.build(scope, request));
      await new Promise((resolve) => setTimeout(resolve, 2100)); // a zip entry's time has 2-second steps
      const again = await renderPack(await packs.build(scope, request));
      expect(again.files.map((f) => f.path)).toEqual(first.files.map((f) => f.path));
      for (const [i, file] of first.files.entries()) {
        expect({ path: file.path, same: file.bytes.equals(again.files[i].bytes) }).toEqual({
          path: file.path,
          same: true,
        });
      }
      expect(again.manifest).toEqual(first.manifest);
    });

    it('shows the build date apart from the as-of date, and keeps the input checksum across build dates', async () => {
      const on = async (builtOn: string) =>
        (await sut.as(manager).get(`/api/evidence-packs/preview?${QUERY}&builtOn=${builtOn}`).expect(200)).body as {
          meta: { builtOn: string; asOf: string };
          inputsSha256: string;
        };
      const [a, b] = [await on('2026-12-02'), await on('2026-12-03')];
      expect([a.meta.asOf, a.meta.builtOn, b.meta.builtOn]).toEqual([AS_OF, '2026-12-02', '2026-12-03']);
      expect(a.inputsSha256).toBe(b.inputsSha256);
      const today = (await sut.as(manager).get(`/api/evidence-packs/preview?${QUERY}`).expect(200)).body;
      expect(today.meta.builtOn).toBe(new Date().toISOString().slice(0, 10));
      await sut.as(manager).get(`/api/evidence-packs/preview?${QUERY}&builtOn=2026-02-30`).expect(400);
    });

    it('changes the input checksum when the inputs change', async () => {
      const a = await sut.as(manager).get(`/api/evidence-packs/preview?${QUERY}`).expect(200);
      const b = await sut.as(manager).get(`/api/evidence-packs/preview?${QUERY}&category=housing`).expect(200);
      const c = await sut.as(manager).get(`/api/evidence-packs/preview?${QUERY}&unitCostVersion=1`).expect(200);
      expect(new Set([a.body.inputsSha256, b.body.inputsSha256, c.body.inputsSha256]).size).toBe(3);
      expect(c.body.meta.unitCosts.version).toBe(1);
      expect(b.body.meta.filters).toEqual({ Category: 'Housing' });
    });

    it('re-creates a pack made before the fee table changed, from the version its manifest names', async () => {
      const before = (await sut.as(manager).get(`/api/evidence-packs/preview?${QUERY}`).expect(200))
        .body as EvidencePackPreview;
      const saved = (await sut.as(manager).get('/api/fee-rates').expect(200)).body as FeeTableView;
      expect(before.meta.feeTables).toEqual([expect.objectContaining({ version: saved.version })]);
      const writable = ({
        category,
        effectiveFrom,
        fixedFeeGbp,
        escapeThresholdGbp,
        hourlyRateGbp,
        source,
      }: FeeRateView) => ({ category, effectiveFrom, fixedFeeGbp, escapeThresholdGbp, hourlyRateGbp, source });
      const rows = saved.rows.map(writable);
      const raised = rows.map((r) => (r.category === 'debt' ? { ...r, fixedFeeGbp: 256 } : r));
      await sut.as(manager).put('/api/fee-rates').send({ version: saved.version, rows: raised }).expect(200);

      const latest = (await sut.as(manager).get(`/api/evidence-packs/preview?${QUERY}`).expect(200))
        .body as EvidencePackPreview;
      expect(latest.meta.feeTables[0].version).toBe(saved.version + 1);
      expect(tableOf(latest, 'fixed-fee-vs-need')).not.toEqual(tableOf(before, 'fixed-fee-vs-need'));
      const recreated = (
        await sut.as(manager).get(`/api/evidence-packs/preview?${QUERY}&feeTableVersion=${saved.version}`).expect(200)
      ).body as EvidencePackPreview;
      expect(recreated.meta.feeTables).toEqual(before.meta.feeTables);
      expect(recreated.tables).toEqual(before.tables);
      expect(recreated.inputsSha256).toBe(before.inputsSha256);

      const missing = await sut.as(manager).get(`/api/evidence-packs/preview?${QUERY}&feeTableVersion=99`).expect(400);
      expect(missing.body.errors[0].path).toBe('feeTableVersion');
      // Back to the original fees (as a new version) for the tests that follow.
      await sut
        .as(manager)
        .put('/api/fee-rates')
        .send({ version: saved.version + 1, rows })
        .expect(200);
    });
  });

  describe('commissioner', () => {
    it('combines the organisations sharing with them at the strictest threshold', async () => {
      const res = await sut.as(commissioner).get(`/api/evidence-packs/preview?${QUERY}`).expect(200);
      const pack = res.body as EvidencePackPreview;
      expect(pack.meta.organisations.map((o) => o.name).sort()).toEqual(['Eastside Advice', 'Northside Law Centre']);
      expect(pack.meta.commissioner?.name).toBe('City Funders');
      expect(pack.meta.threshold).toBe(7);
      const cases = tableOf(pack, 'cases');
      expect(
        Math.abs((rowOf(cases, ALL_CATEGORIES, ALL_BANDS).cases as number) - fixture.consenting - second.consenting),
      ).toBeLessThanOrEqual(25);
      // 3 long cases in each organisation: 6, rounded to the nearest 10 (the base for a threshold of 7).
      expect(rowOf(cases, ALL_CATEGORIES, '≥ 8 h').cases).toBe(10);
      expect(cases.description).toContain('rounded to the nearest 10');
      expect(pack.meta.unitCosts.version).toBe(1);
    });

    it('shows on screen exactly the cells the pack publishes, for the same scope, period and filters', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const period = `from=${PERIOD.from}&to=${PERIOD.to}`;
      for (const filter of ['', '&category=housing', '&fundingStream=legal_aid_fixed_fee']) {
        const pack = (
          await sut.as(commissioner).get(`/api/evidence-packs/preview?${period}&asOf=${today}${filter}`).expect(200)
        ).body as EvidencePackPreview;
        for (const measure of OUTCOME_MEASURES) {
          const screen = (
            await sut
              .as(commissioner)
              .get(`/api/reports/time-vs-outcome?measure=${measure}&${period}${filter}`)
              .expect(200)
          ).body as TimeVsOutcomeReport;
          const table = tableOf(pack, MEASURE_FILE_NAMES[measure]);
          const round4 = (x: number | null) => (x === null ? null : Number(x.toFixed(4)));
          const fromScreen = [
            ...screen.bands.map((b) => ({
              band: b.label,
              n: b.n,
              not_recorded: b.unknown,
              count: b.count,
              rate: round4(b.rate),
              ci_low: round4(b.ciLow),
              ci_high: round4(b.ciHigh),
            })),
            { band: ALL_BANDS, n: screen.n },
          ];
          const fromPack = table.rows
            .filter((r) => r.category === ALL_CATEGORIES)
            .map(({ band, n, not_recorded, count, rate, ci_low, ci_high }) =>
              band === ALL_BANDS ? { band, n } : { band, n, not_recorded, count, rate, ci_low, ci_high },
            );
          expect([filter, measure, fromScreen]).toEqual([filter, measure, fromPack]);
          const adjusted = tableOf(pack, 'adjusted-estimates').rows.find((r) => r.measure === MEASURES[measure].label)!;
          expect([measure, screen.adjusted?.n]).toEqual([measure, adjusted.n]);
        }
        // The live pricing report publishes the pack's £ figures, priced from the same rounded counts.
        const pricing = (await sut.as(commissioner).get(`/api/reports/pricing?${period}${filter}`).expect(200))
          .body as PricingReport;
        const groupBy = { overall: 'Overall', category: 'Category', band: 'Relationship time' } as const;
        const fromPricingScreen = pricing.groups.flatMap((g) =>
          g.kinds.map((k) => ({
            group_by: groupBy[g.groupBy],
            group: g.label,
            kind: k.label,
            cases: g.cases,
            adviser_hours: g.adviserHours,
            gross_gbp: k.gross,
            net_central_gbp: k.net.central,
            net_per_pound_central: k.netPerPoundSpent.central,
          })),
        );
        const fromPackValue = tableOf(pack, 'value-summary').rows.map(
          ({ group_by, group, kind, cases, adviser_hours, gross_gbp, net_central_gbp, net_per_pound_central }) => ({
            group_by,
            group,
            kind,
            cases,
            adviser_hours,
            gross_gbp,
            net_central_gbp,
            net_per_pound_central,
          }),
        );
        expect([filter, fromPricingScreen]).toEqual([filter, fromPackValue]);
      }
    });

    it('gives the same cells in the preview, every CSV, every XLSX sheet and the PDF outcome table', async () => {
      const query = `from=${PERIOD.from}&to=${PERIOD.to}&asOf=${AS_OF}`;
      const get = async (format: string) =>
        binary(
          await sut
            .as(commissioner)
            .get(`/api/evidence-packs/download?${query}&format=${format}`)
            .buffer(true)
            .parse(parseBuffer as never)
            .expect(200),
        );
      const pack = (await sut.as(commissioner).get(`/api/evidence-packs/preview?${query}`).expect(200))
        .body as EvidencePackPreview;
      const csvs = readZip(await get('csv-zip'));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await get('xlsx')) as unknown as ArrayBuffer);
      let compared = 0;
      for (const table of pack.tables.filter((t) => !t.partOfMethod && t.note === null)) {
        const keys = table.columns.map((c) => c.key);
        const csv = parseCsv(csvs.find((e) => e.path === `csv/${table.name}.csv`)!.bytes.toString('utf8'));
        expect([table.name, csv]).toEqual([
          table.name,
          [keys, ...table.rows.map((row) => keys.map((k) => (row[k] === null ? '' : String(row[k]))))],
        ]);
        // The sheet: title, description, header, then the rows, numbers as numbers.
        const sheet = workbook.getWorksheet(table.sheet)!;
        const fromSheet = table.rows.map((_, k) =>
          keys.map((_, c) => {
            const value = sheet.getCell(4 + k, c + 1).value;
            return typeof value === 'number' || typeof value === 'string' ? value : null;
          }),
        );
        const fromPreview = table.rows.map((row) =>
          table.columns.map((c) => (row[c.key] === null ? formatCell(null, c.kind) : row[c.key])),
        );
        expect([table.name, fromSheet]).toEqual([table.name, fromPreview]);
        compared += table.rows.length * keys.length;
      }
      expect(compared).toBeGreaterThan(500);
      // The PDF's table of every outcome measure by band: each rate (n) the preview gives, and not recorded.
      const pdf = await get('pdf');
      if (popplerText(pdf, { page: 1 }) === null) return; // poppler-utils not installed: the formats above still agree
      const pages = [...Array(pdfPageCount(pdf)).keys()].map((i) => popplerText(pdf, { page: i + 1 })!);
      const page = pages.find((t) => t.includes('Every outcome measure by relationship time'))!;
      const oneLine = page.replace(/\s+/g, ' ');
      for (const m of OUTCOME_MEASURES) {
        const rows = tableOf(pack, MEASURE_FILE_NAMES[m]).rows.filter((r) => r.category === ALL_CATEGORIES);
        const all = rows.find((r) => r.band === ALL_BANDS)!;
        const cells = [...rows.map((r) => rateWithN(r.rate, r.n)), formatCell(all.not_recorded, 'count')];
        for (const cell of cells) expect([m, oneLine.includes(cell), cell]).toEqual([m, true, cell]);
      }
    });

    it('shows each rate and mean by band on screen exactly as the pack publishes it (GET /reports/by-band)', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const period = `from=${PERIOD.from}&to=${PERIOD.to}`;
      for (const filter of ['', '&category=housing']) {
        const pack = (
          await sut.as(commissioner).get(`/api/evidence-packs/preview?${period}&asOf=${today}${filter}`).expect(200)
        ).body as EvidencePackPreview;
        for (const measure of [...PACK_RATES, ...PACK_MEANS]) {
          const screen = (
            await sut.as(commissioner).get(`/api/reports/by-band?measure=${measure}&${period}${filter}`).expect(200)
          ).body as ByBandReport;
          const name =
            measure in PACK_RATE_FILE_NAMES
              ? PACK_RATE_FILE_NAMES[measure as PackRate]
              : PACK_MEAN_FILE_NAMES[measure as PackMean];
          expect([filter, screen.table]).toEqual([filter, tableOf(pack, name)]);
          expect(screen.suppressionThreshold).toBe(10);
        }
      }
      const bad = await sut.as(commissioner).get(`/api/reports/by-band?measure=positive&${period}`).expect(400);
      expect(bad.body.errors[0].path).toBe('measure');
      await sut.as(manager).get(`/api/reports/by-band?measure=rqi&${period}`).expect(403);
    });

    it('logs the preview and each download in every organisation whose data the pack holds', async () => {
      const orgs = (await sut.dataSource.query(
        `SELECT id, name FROM organisations WHERE name IN ('City Funders', 'Northside Law Centre', 'Eastside Advice')`,
      )) as Array<{ id: string; name: string }>;
      const rowsIn = async (action: string) =>
        Object.fromEntries(
          await Promise.all(
            orgs.map(async (o) => {
              const found = await sut.dataSource.query(
                `SELECT details FROM audit_log WHERE organisation_id = $1 AND user_id = $2 AND action = $3
                   AND entity = 'evidence_pack' ORDER BY id`,
                [o.id, commissioner.id, action],
              );
              return [o.name, found.map((r: { details: Record<string, unknown> }) => r.details)];
            }),
          ),
        );
      const before = { read: await rowsIn('read'), export: await rowsIn('export') };
      await sut.as(commissioner).get(`/api/evidence-packs/preview?${QUERY}`).expect(200);
      await sut.as(commissioner).get(`/api/evidence-packs/download?${QUERY}&format=manifest`).expect(200);
      for (const [action, operation] of [
        ['read', 'preview'],
        ['export', 'download'],
      ] as const) {
        const after = await rowsIn(action);
        for (const name of ['City Funders', 'Northside Law Centre', 'Eastside Advice']) {
          expect([name, after[name].length]).toEqual([name, before[action][name].length + 1]);
          expect(after[name].at(-1)).toMatchObject({ operation, period: PERIOD, organisationIds: expect.any(Array) });
        }
        expect(after['Northside Law Centre'].at(-1)).toMatchObject({ commissioner: { name: 'City Funders' } });
      }
    });

    it('gives the manager’s figures when it prices one provider with that provider’s table', async () => {
      const mine = (await sut.as(manager).get(`/api/evidence-packs/preview?${QUERY}`).expect(200))
        .body as EvidencePackPreview;
      const one = `${QUERY}&organisation=${manager.organisationId}`;
      const theirs = (
        await sut.as(commissioner).get(`/api/evidence-packs/preview?${one}&pricedWith=provider`).expect(200)
      ).body as EvidencePackPreview;
      expect(theirs.tables).toEqual(mine.tables);
      // That includes the provider's unit-cost table (docs/decisions.md: it can be read back from the £ anyway).
      expect(tableOf(theirs, 'unit-costs').rows.length).toBeGreaterThan(0);
      expect(theirs.headlines).toEqual(mine.headlines);
      expect(theirs.meta.unitCosts).toEqual(mine.meta.unitCosts);
      expect(mine.headlines.find((h) => h.label === 'Priced with')!.value).toBe('Unit costs of Northside Law Centre');
      // By default the commissioner's own table prices it, and the headline says whose.
      const own = (await sut.as(commissioner).get(`/api/evidence-packs/preview?${one}`).expect(200))
        .body as EvidencePackPreview;
      expect(own.headlines.find((h) => h.label === 'Priced with')!.value).toBe('Unit costs of City Funders');
    });

    it('prices a combined pack’s own counts with each provider’s table: one set of figures, no part above its whole', async () => {
      // Both at the combined threshold, so each provider's own pack is rounded at the combined pack's base.
      const [north] = await sut.dataSource.query(`SELECT id, settings FROM organisations WHERE id = $1`, [
        manager.organisationId,
      ]);
      await sut.dataSource.query(`UPDATE organisations SET settings = '{"suppressionThreshold": 7}' WHERE id = $1`, [
        north.id,
      ]);
      const preview = async (extra: string) =>
        (await sut.as(commissioner).get(`/api/evidence-packs/preview?${QUERY}${extra}`).expect(200))
          .body as EvidencePackPreview;
      const MONEY = ['gross_gbp', 'net_low_gbp', 'net_central_gbp', 'net_high_gbp'];
      const rowsOf = (pack: EvidencePackPreview) => tableOf(pack, 'value-summary').rows;
      // Every table the same (the default unit costs): the same £ as the pack priced with the commissioner's.
      const sameTables = rowsOf(await preview('&pricedWith=provider'));
      const commissioners = rowsOf(await preview(''));
      let same = 0;
      sameTables.forEach((row, r) =>
        MONEY.forEach((key) => {
          if (typeof row[key] !== 'number') return;
          expect([row.group, row.kind, key, row[key]]).toEqual([row.group, row.kind, key, commissioners[r][key]]);
          same += 1;
        }),
      );
      expect(same).toBeGreaterThanOrEqual(40);
      // Northside's own table prices every unit-rate outcome at twice the default, so its table tells.
      const current = (await sut.as(manager).get('/api/unit-costs').expect(200)).body as UnitCostsView;
      const rows = current.current.rows.map(({ priced: _p, note: _n, ...row }) => row);
      const doubled = rows.map((r) =>
        r.basis === 'unit_rate' && r.valueGbp !== null ? { ...r, valueGbp: r.valueGbp * 2 } : r,
      );
      await sut
        .as(manager)
        .put('/api/unit-costs')
        .send({ basedOnVersion: current.current.version, rows: doubled, hourlyCostGbp: current.current.hourlyCostGbp })
        .expect(200);
      try {
        const [east] = await sut.dataSource.query(`SELECT id FROM organisations WHERE name = 'Eastside Advice'`);
        const each = await preview('&pricedWith=provider');
        const singles = await Promise.all(
          [north.id, east.id].map((id) => preview(`&organisation=${id}&pricedWith=provider`)),
        );
        expect(each.headlines.find((h) => h.label === 'Priced with')!.value).toBe(
          'Each provider’s own unit-cost table',
        );
        expect(each.meta.commissioner?.name).toBe('City Funders');
        expect(each.summary.sections[0].paragraphs[0]).toMatch(
          /^The 2 organisations sharing their figures with City Funders/,
        );
        expect(each.meta.unitCosts.eachProvider!.map((p) => p.organisationRef).sort()).toEqual(
          singles.map((p) => p.meta.unitCosts.organisationRef).sort(),
        );
        expect(JSON.stringify(each.method)).toContain('Priced with each provider’s own unit-cost table');
        // The counts are the combined pack's own, whoever prices it.
        const byCommissioner = await preview('');
        expect(tableOf(each, 'cases')).toEqual(tableOf(byCommissioner, 'cases'));
        // The providers' inputs and the value of each outcome are not published.
        for (const name of ['unit-costs', 'adjustments', 'benefit-mapping', 'value-by-outcome']) {
          expect([name, tableOf(each, name).rows]).toEqual([name, []]);
          expect(tableOf(each, name).note).toMatch(/^Not published/);
        }
        // Each figure lies between the default table's (Eastside) and twice it (Northside), and the fiscal
        // overall strictly between: Northside's share is priced at its own doubled costs.
        const valueRows = rowsOf(each);
        const theirs = rowsOf(byCommissioner);
        let compared = 0;
        valueRows.forEach((row, r) =>
          MONEY.forEach((key) => {
            const [v, d] = [row[key], theirs[r][key]];
            if (typeof v !== 'number' || typeof d !== 'number') return;
            expect([row.group, row.kind, key, v >= d - 0.01 && v <= 2 * d + 0.01]).toEqual([
              row.group,
              row.kind,
              key,
              true,
            ]);
            compared += 1;
          }),
        );
        expect(compared).toBeGreaterThanOrEqual(20);
        const overall = (pack: EvidencePackPreview, kind: string) =>
          rowsOf(pack).find((r) => r.group_by === 'Overall' && r.kind === kind)!;
        const fiscal = overall(each, VALUE_KIND_LABELS.fiscal).gross_gbp as number;
        const fiscalByCommissioner = overall(byCommissioner, VALUE_KIND_LABELS.fiscal).gross_gbp as number;
        expect(fiscal).toBeGreaterThan(fiscalByCommissioner);
        expect(fiscal).toBeLessThan(2 * fiscalByCommissioner);
        // No part above its whole; the overall is the sum of the bands.
        for (const kind of Object.values(VALUE_KIND_LABELS)) {
          const whole = overall(each, kind);
          const parts = valueRows.filter((r) => r.group_by !== 'Overall' && r.kind === kind);
          for (const key of [...MONEY, 'adviser_hours', 'adviser_cost_gbp'])
            for (const part of parts)
              if (typeof part[key] === 'number')
                expect([part.group, kind, key, (part[key] as number) <= (whole[key] as number) + 0.01]).toEqual([
                  part.group,
                  kind,
                  key,
                  true,
                ]);
          const bands = parts.filter((r) => r.group_by === 'Relationship time').map((r) => r.gross_gbp);
          if (bands.every((v) => typeof v === 'number'))
            expect(Math.abs((bands as number[]).reduce((t, v) => t + v, 0) - (whole.gross_gbp as number))).toBeLessThan(
              0.05,
            );
        }
        // A version names one table: refused, naming the field.
        const version = await sut
          .as(commissioner)
          .get(`/api/evidence-packs/preview?${QUERY}&pricedWith=provider&unitCostVersion=1`)
          .expect(400);
        expect(version.body.errors.map((e: { path: string }) => e.path)).toEqual(['unitCostVersion']);
      } finally {
        await sut.dataSource.query(`UPDATE organisations SET settings = $2 WHERE id = $1`, [
          north.id,
          JSON.stringify(north.settings),
        ]);
        const latest = (await sut.as(manager).get('/api/unit-costs').expect(200)).body as UnitCostsView;
        await sut
          .as(manager)
          .put('/api/unit-costs')
          .send({ basedOnVersion: latest.current.version, rows, hourlyCostGbp: current.current.hourlyCostGbp })
          .expect(200);
      }
    });

    it('has value per £1 out of the box, costing adviser time at the cited Legal Help rate', async () => {
      const own = (await sut.as(commissioner).get(`/api/evidence-packs/preview?${QUERY}`).expect(200))
        .body as EvidencePackPreview;
      expect(own.meta.unitCosts.hourlyCostGbp).toBe(65.35);
      expect(own.meta.unitCosts.hourlyCostSource).toContain('SI 2025/1248');
      expect(own.headlines.find((h) => h.label === 'Fiscal value per £1 of adviser time')!.value).toMatch(/^£\d/);
      expect(JSON.stringify(own.method)).toContain('£65.35 an hour (the default');
    });

    it('can build for one sharing organisation, and managers only for their own', async () => {
      const [other] = await sut.dataSource.query(`SELECT id FROM organisations WHERE name = 'Eastside Advice'`);
      const one = await sut.as(commissioner).get(`/api/evidence-packs/preview?${QUERY}&organisation=${other.id}`);
      expect(one.status).toBe(200);
      expect(one.body.meta.organisations).toHaveLength(1);
      await sut.as(manager).get(`/api/evidence-packs/preview?${QUERY}&organisation=${other.id}`).expect(403);
    });

    it('puts none of a provider’s own unit costs in the combined pack or the commissioner’s screens (leak test)', async () => {
      // Northside's own table with figures found nowhere else: one unit cost, its source and the hourly cost.
      const current = (await sut.as(manager).get('/api/unit-costs').expect(200)).body as UnitCostsView;
      const rows = current.current.rows.map(({ priced: _p, note: _n, ...row }) => row);
      const k = rows.findIndex((r) => r.basis === 'unit_rate' && r.valueGbp !== null);
      const secret = [{ ...rows[k], valueGbp: 98765.43, source: 'PROVIDER-OWN-SOURCE' }];
      await sut
        .as(manager)
        .put('/api/unit-costs')
        .send({
          basedOnVersion: current.current.version,
          rows: rows.map((r, i) => (i === k ? secret[0] : r)),
          hourlyCostGbp: 47.31,
        })
        .expect(200);
      const marks = ['98765', '98,765', 'PROVIDER-OWN-SOURCE', '47.31'];
      const found = (text: string) => marks.filter((m) => text.includes(m));
      /**
       * Secrets a published £ gives back as a published count or hours × the secret, to the penny ("£/count").
       * To the penny, not a quotient within 1p: £5,677.88 ÷ 120 is within 1p of 47.31 by chance (105 hours at
       * two providers' costs, and an unrelated count of 120 problems).
       */
      const dividingBack = (pack: EvidencePackPreview, secrets: number[]) => {
        const cells = (kinds: string[]) =>
          pack.tables.flatMap((t) =>
            t.columns
              .filter((c) => kinds.includes(c.kind))
              .flatMap((c) => t.rows.map((r) => r[c.key]))
              .filter((v): v is number => typeof v === 'number' && v > 0),
          );
        const divisors = [...new Set(cells(['count', 'hours']))];
        const hits: string[] = [];
        for (const gbp of new Set(cells(['gbp'])))
          for (const d of divisors)
            for (const secret of secrets) if (Math.abs(gbp - secret * d) < 0.006) hits.push(`${gbp}/${d}`);
        return hits;
      };
      const filesOf = async (user: TestUser, extra = '') => {
        const get = async (format: string) =>
          binary(
            await sut
              .as(user)
              .get(`/api/evidence-packs/download?${QUERY}${extra}&format=${format}`)
              .buffer(true)
              .parse(parseBuffer as never)
              .expect(200),
          );
        const preview = await sut.as(user).get(`/api/evidence-packs/preview?${QUERY}${extra}`).expect(200);
        const pdf = await get('pdf');
        return [
          JSON.stringify(preview.body),
          ...readZip(await get('csv-zip')).map((e) => e.bytes.toString('utf8')),
          xlsxText(await get('xlsx')),
          pdfText(pdf),
          popplerText(pdf) ?? '',
        ].join('\n');
      };
      try {
        // The reading works: the provider's own pack shows its own figures.
        expect(found(await filesOf(manager))).toEqual(expect.arrayContaining(['PROVIDER-OWN-SOURCE', '47.31']));
        expect(found(await filesOf(commissioner))).toEqual([]);
        // Priced with each provider's own table: neither the figures nor anything dividing back to them.
        expect(found(await filesOf(commissioner, '&pricedWith=provider'))).toEqual([]);
        const preview = async (user: TestUser, extra = '') =>
          (await sut.as(user).get(`/api/evidence-packs/preview?${QUERY}${extra}`).expect(200))
            .body as EvidencePackPreview;
        const mine = await preview(manager);
        const uprated = tableOf(mine, 'unit-costs').rows.find((r) => r.key === secret[0].key)!
          .value_at_price_year_gbp as number;
        const secrets = [98765.43, 47.31, ...[1, 2, 3, 4, 5].map((years) => uprated * years)];
        // The check finds them where they are published: the provider's own pack.
        expect(dividingBack(mine, secrets).length).toBeGreaterThan(0);
        expect(dividingBack(await preview(commissioner, '&pricedWith=provider'), secrets)).toEqual([]);
        const period = `from=${PERIOD.from}&to=${PERIOD.to}`;
        const screens = await Promise.all(
          [`/api/reports/pricing?${period}`, `/api/reports/by-band?measure=rqi&${period}`].map(async (url) =>
            JSON.stringify((await sut.as(commissioner).get(url).expect(200)).body),
          ),
        );
        expect(found(screens.join('\n'))).toEqual([]);
      } finally {
        const latest = (await sut.as(manager).get('/api/unit-costs').expect(200)).body as UnitCostsView;
        await sut
          .as(manager)
          .put('/api/unit-costs')
          .send({ basedOnVersion: latest.current.version, rows, hourlyCostGbp: 45 })
          .expect(200);
      }
    });
  });

  it('is not open to advisers', async () => {
    await sut.as(adviser).get(`/api/evidence-packs/preview?${QUERY}`).expect(403);
    await sut.as(adviser).get(`/api/evidence-packs/download?${QUERY}&format=pdf`).expect(403);
  });
});
