/**
 * Avoided appeal as docs/measures.md defines it — considered and not pursued *because the client understood
 * and accepted the outcome* — in generated data where many appeals considered and not pursued were
 * not accepted, have no answer, or were dropped for another reason: the measures report, pricing and
 * the evidence pack all count only the real ones, each checked against a count made here from the
 * imported document itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BANDS, bandIndexOf, type EvidencePackPreview, type MeasuresSummary } from '@deepvalue/shared';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { roundingBaseFor, roundToBase } from '../disclosure/rounding.js';
import { MIN_DISCLOSURE_THRESHOLD } from '../disclosure/threshold.js';
import { generateDocument } from '../interchange/generator.js';
import type { ImportCase } from '../interchange/import-format.js';
import { ImportService } from '../interchange/import.service.js';

const FROM = '2024-01-01';
const TO = '2026-12-31';
const AS_OF = '2026-12-31';

type Outcome = NonNullable<ImportCase['outcome']>;
const considered = (o: Outcome) => o.appeal === 'considered_not_pursued';
const ruledOut = (o: Outcome) => !!o.appealNotPursuedReason && o.appealNotPursuedReason !== 'accepted_outcome';
const avoided = (o: Outcome) => considered(o) && o.accepted === true && !ruledOut(o);
const known = (o: Outcome) => !!o.appeal && (!considered(o) || o.accepted != null || ruledOut(o));

describe('avoided appeals in generated data', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deepvalue-avoided-'));
  const doc = generateDocument({ cases: 900, seed: 15, organisation: { ref: 'avoided-org', name: 'Avoided Org' } });
  const closed = doc.cases.filter((c) => c.closedOn && c.outcome);
  const outcomes = closed.map((c) => c.outcome!);
  let sut: Harness;
  let manager: TestUser;

  beforeAll(async () => {
    sut = await createHarness();
    const file = path.join(tmp, 'doc.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    const result = await sut.app.get(ImportService).importFile(file, { createOrganisation: true });
    if (!result.ok) throw new Error(JSON.stringify(result));
    manager = await sut.makeUser(result.organisationId, 'manager');
  }, 120_000);
  afterAll(async () => {
    await sut?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('has appeals considered and not pursued that are not avoided appeals', () => {
    const notAvoided = outcomes.filter((o) => considered(o) && !avoided(o));
    expect(notAvoided.filter((o) => o.accepted === false).length).toBeGreaterThan(20);
    expect(notAvoided.filter((o) => o.accepted == null).length).toBeGreaterThan(5);
    expect(notAvoided.filter((o) => o.accepted === true && ruledOut(o)).length).toBeGreaterThan(5);
    expect(outcomes.filter(avoided).length).toBeGreaterThan(50);
  });

  it('the measures report counts only avoided appeals, over the cases where it is known', async () => {
    const summary = (await sut.as(manager).get(`/api/reports/measures?from=${FROM}&to=${TO}`).expect(200))
      .body as MeasuresSummary;
    const figure = (key: string) => summary.measures.find((m) => m.key === key) as { n: number; count: number };
    expect(figure('avoided_appeal_overall')).toMatchObject({
      count: outcomes.filter(avoided).length,
      n: outcomes.filter(known).length,
    });
    const negative = outcomes.filter((o) => o.result === 'negative');
    expect(figure('avoided_appeal')).toMatchObject({
      count: negative.filter(avoided).length,
      n: negative.filter(known).length,
    });
    expect(figure('avoided_appeal_overall').count).toBeLessThan(outcomes.filter(considered).length);
  });

  it('pricing counts only avoided appeals', async () => {
    const report = (await sut.as(manager).get(`/api/reports/pricing?from=${FROM}&to=${TO}`).expect(200)).body as {
      lines: Array<{ event: string; cases: number }>;
      unpriced: Array<{ event: string; cases: number }>;
    };
    const appeals = [...report.lines, ...report.unpriced].filter((l) => l.event === 'avoided_appeal');
    expect(appeals.length).toBeGreaterThan(0);
    for (const line of appeals) expect(line.cases).toBe(outcomes.filter(avoided).length);
  });

  it('the evidence pack counts and prices only avoided appeals of consenting clients', async () => {
    const pack = (
      await sut.as(manager).get(`/api/evidence-packs/preview?from=${FROM}&to=${TO}&asOf=${AS_OF}`).expect(200)
    ).body as EvidencePackPreview;
    const consentingCases = closed.filter((c) => c.client.evidenceConsent);
    // The pack publishes counts rounded to base 5 (disclosure/rounding.ts): each single relationship-time band
    // over all categories must be the rounded count of consenting negative outcomes in it, under the new definition.
    const table = pack.tables.find((t) => t.name === 'time-vs-outcome-avoided-appeal')!;
    const base = roundingBaseFor(MIN_DISCLOSURE_THRESHOLD);
    const bandOf = (c: ImportCase) =>
      BANDS[
        bandIndexOf(
          (c.timeEntries ?? []).filter((t) => t.class === 'relationship').reduce((sum, t) => sum + t.minutes, 0),
        )
      ].label;
    const bandLabels = new Set<string>(BANDS.map((b) => b.label));
    const published = table.rows.filter(
      (r) => r.category === 'All categories' && bandLabels.has(String(r.band)) && typeof r.n === 'number',
    );
    expect(published.length).toBeGreaterThan(2);
    for (const row of published) {
      const outcomesInCell = consentingCases
        .filter((c) => c.outcome!.result === 'negative' && bandOf(c) === row.band)
        .map((c) => c.outcome!);
      expect({ band: row.band, n: row.n, count: row.count }).toEqual({
        band: row.band,
        n: roundToBase(outcomesInCell.filter(known).length, base),
        count: roundToBase(outcomesInCell.filter(avoided).length, base),
      });
    }

    const priced = pack.tables
      .filter((t) => t.name === 'value-by-outcome' || t.name === 'not-priced')
      .flatMap((t) => t.rows)
      .filter((r) => r.event === 'Avoided appeal');
    expect(priced.length).toBeGreaterThan(0);
    // Priced from the published counts: each band's avoided appeals rounded, summed over the bands.
    const avoidedCases = consentingCases.filter((c) => avoided(c.outcome!));
    const publishedAvoided = BANDS.reduce(
      (sum, b) => sum + roundToBase(avoidedCases.filter((c) => bandOf(c) === b.label).length, base),
      0,
    );
    for (const row of priced) expect(row.cases).toBe(publishedAvoided);
  });
});
