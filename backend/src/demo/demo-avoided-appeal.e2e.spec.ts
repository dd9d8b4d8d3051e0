/**
 * Avoided appeals on the demo data itself (issue 15's "Must show"): the demo as `npm start` loads it (same
 * generator, default size), and Riverside's figure — appeals considered and not pursued *because the client
 * understood and accepted the outcome* — counted here from the raw casework rows (outcomes, cases, clients,
 * time entries; not case_facts), then found in the measures report, pricing and the evidence pack.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BANDS, bandIndexOf, type EvidencePackPreview, type MeasuresSummary } from '@deepvalue/shared';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { loadConfig } from '../config/config.js';
import { roundingBaseFor, roundToBase } from '../disclosure/rounding.js';
import { MIN_DISCLOSURE_THRESHOLD } from '../disclosure/threshold.js';
import { ensureDemoData } from './demo-data.js';

const PACK = { from: '2025-04-01', to: '2026-03-31', asOf: '2026-12-31' };

interface Row {
  closedOn: string;
  consent: boolean;
  result: string;
  appeal: string | null;
  accepted: boolean | null;
  reason: string | null;
  minutes: number;
}

const considered = (r: Row) => r.appeal === 'considered_not_pursued';
const avoided = (r: Row) =>
  considered(r) && r.accepted === true && (r.reason === null || r.reason === 'accepted_outcome');

describe('avoided appeals on the demo data', () => {
  let sut: Harness;
  let manager: TestUser;
  let rows: Row[];

  beforeAll(async () => {
    sut = await createHarness();
    await ensureDemoData(sut.db.appUrl, () => {}, loadConfig({} as NodeJS.ProcessEnv).demoCases);
    const [{ id }] = await sut.dataSource.query(`SELECT id FROM organisations WHERE ref = 'riverside-law-centre'`);
    manager = await sut.makeUser(id, 'manager');
    rows = await sut.dataSource.query(
      `SELECT c.closed_on::text AS "closedOn", cl.evidence_consent AS consent, o.result, o.appeal, o.accepted,
              o.appeal_not_pursued_reason AS reason,
              (SELECT coalesce(sum(te.minutes), 0)::int FROM time_entries te
                WHERE te.organisation_id = c.organisation_id AND te.case_id = c.id AND te.class = 'relationship') AS minutes
         FROM cases c
         JOIN clients cl ON cl.organisation_id = c.organisation_id AND cl.id = c.client_id
         JOIN outcomes o ON o.organisation_id = c.organisation_id AND o.case_id = c.id
        WHERE c.organisation_id = $1 AND c.closed_on IS NOT NULL`,
      [id],
    );
  }, 600_000);
  afterAll(async () => {
    await sut?.close();
  });

  it('has appeals considered and not pursued that are not avoided: not accepted, no answer, another reason', () => {
    const notAvoided = rows.filter((r) => considered(r) && !avoided(r));
    expect(notAvoided.filter((r) => r.accepted === false).length).toBeGreaterThan(10);
    expect(notAvoided.filter((r) => r.accepted === null).length).toBeGreaterThan(5);
    expect(notAvoided.filter((r) => r.accepted === true).length).toBeGreaterThan(5);
    expect(rows.filter(avoided).length).toBeGreaterThan(50);
  });

  it('the measures report and pricing count only the avoided appeals', async () => {
    const summary = (await sut.as(manager).get('/api/reports/measures').expect(200)).body as MeasuresSummary;
    const figure = (key: string) => summary.measures.find((m) => m.key === key) as { count: number };
    expect(figure('avoided_appeal_overall').count).toBe(rows.filter(avoided).length);
    expect(figure('avoided_appeal').count).toBe(rows.filter((r) => r.result === 'negative' && avoided(r)).length);
    const pricing = (await sut.as(manager).get('/api/reports/pricing').expect(200)).body as {
      lines: Array<{ event: string; cases: number }>;
      unpriced: Array<{ event: string; cases: number }>;
    };
    const lines = [...pricing.lines, ...pricing.unpriced].filter((l) => l.event === 'avoided_appeal');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.cases).toBe(rows.filter(avoided).length);
  });

  it('the evidence pack for 2025/26 counts only consenting avoided appeals, rounded per band', async () => {
    const query = `from=${PACK.from}&to=${PACK.to}&asOf=${PACK.asOf}`;
    const pack = (await sut.as(manager).get(`/api/evidence-packs/preview?${query}`).expect(200))
      .body as EvidencePackPreview;
    const base = roundingBaseFor(MIN_DISCLOSURE_THRESHOLD);
    const inPack = rows.filter((r) => r.consent && r.closedOn >= PACK.from && r.closedOn <= PACK.to);
    const perBand = (pick: (r: Row) => boolean) =>
      BANDS.reduce(
        (sum, _, j) => sum + roundToBase(inPack.filter((r) => pick(r) && bandIndexOf(r.minutes) === j).length, base),
        0,
      );
    const priced = pack.tables
      .filter((t) => t.name === 'value-by-outcome' || t.name === 'not-priced')
      .flatMap((t) => t.rows)
      .filter((r) => r.event === 'Avoided appeal');
    expect(priced.length).toBeGreaterThan(0);
    for (const row of priced) expect(row.cases).toBe(perBand(avoided));
    // Counting every appeal considered would have given more.
    expect(perBand(considered)).toBeGreaterThan(perBand(avoided));
  });
});
