/**
 * The relationship chain report over generated casework (the generator plants the chain the seeds describe:
 * time → trust and disclosure → problems uncovered and understanding → acceptance → fewer appeals). The API's
 * links must equal the same models fitted here on cases read from the imported document itself (so the SQL reads
 * the right cases and columns; the models are checked against statsmodels in chain-model.spec.ts), the planted
 * chain must show, and commissioners see consenting clients only with case counts rounded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RelationshipChainReport } from '@deepvalue/shared';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { generateDocument } from '../interchange/generator.js';
import type { ImportCase } from '../interchange/import-format.js';
import { ImportService } from '../interchange/import.service.js';
import { mediation, relationshipChain, type ChainCase } from './statistics/chain-model.js';

function chainCaseOf(c: ImportCase): ChainCase {
  const o = c.outcome;
  return {
    relationshipMinutes: (c.timeEntries ?? [])
      .filter((t) => t.class === 'relationship')
      .reduce((sum, t) => sum + t.minutes, 0),
    category: c.category,
    vulnerabilityCount: c.client.vulnerabilities?.length ?? 0,
    fundingStream: c.fundingStream,
    trust: c.adviserAssessment?.trust ?? null,
    disclosure: c.adviserAssessment?.disclosure ?? null,
    problemUncovered: (c.underlyingProblems ?? []).length > 0,
    understood: o?.understood ?? null,
    accepted: o?.accepted ?? null,
    negativeOutcome: o?.result === 'negative',
    appealLodged: o?.result === 'negative' && o.appeal ? o.appeal === 'lodged' : null,
  };
}

describe('GET /api/reports/chain', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deepvalue-chain-'));
  const doc = generateDocument({ cases: 1200, seed: 15, organisation: { ref: 'chain-org', name: 'Chain Org' } });
  const closed = doc.cases.filter((c) => c.closedOn);
  let sut: Harness;
  let manager: TestUser;
  let organisationId: string;
  let report: RelationshipChainReport;

  beforeAll(async () => {
    sut = await createHarness();
    const file = path.join(tmp, 'doc.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    const result = await sut.app.get(ImportService).importFile(file, { createOrganisation: true });
    if (!result.ok) throw new Error(JSON.stringify(result));
    organisationId = result.organisationId;
    manager = await sut.makeUser(organisationId, 'manager');
    report = (await sut.as(manager).get('/api/reports/chain').expect(200)).body as RelationshipChainReport;
  }, 180_000);
  afterAll(async () => {
    await sut?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('fits each link on the closed cases where both ends are recorded, as the document says', () => {
    const expected = relationshipChain(closed.map(chainCaseOf));
    expect(report.n).toBe(closed.length);
    expect(report.links.map((l) => l.key)).toEqual(expected.map((l) => l.key));
    report.links.forEach((link, i) => {
      const e = expected[i];
      expect({ key: link.key, n: link.n, unknown: link.unknown, covariates: link.covariates }).toEqual({
        key: e.key,
        n: e.n,
        unknown: e.unknown,
        covariates: e.covariates,
      });
      expect(link.estimate).toBeCloseTo(e.estimate!, 8);
      expect(link.ciLow).toBeCloseTo(e.ciLow!, 8);
      expect(link.ciHigh).toBeCloseTo(e.ciHigh!, 8);
    });
    expect(report.caveat).toMatch(/not that relationship time caused them/);
    // The appeal step is about negative outcomes: its unknown is those missing understanding or the appeal status.
    const negative = closed.filter((c) => c.outcome?.result === 'negative');
    const appeal = report.links.find((l) => l.key === 'understood_appeal_lodged')!;
    const missing = negative.filter((c) => c.outcome?.understood == null || !c.outcome.appeal).length;
    expect({ n: appeal.n, unknown: appeal.unknown }).toEqual({ n: negative.length - missing, unknown: missing });
  });

  it('shows the chain the generator planted, each link but the last clear of no association', () => {
    const link = (key: string) => report.links.find((l) => l.key === key)!;
    expect(link('time_trust').ciLow).toBeGreaterThan(0);
    expect(link('time_disclosure').ciLow).toBeGreaterThan(1);
    expect(link('disclosure_problem_uncovered').ciLow).toBeGreaterThan(1);
    expect(link('trust_understood').ciLow).toBeGreaterThan(0);
    expect(link('understood_accepted').ciLow).toBeGreaterThan(1);
    // Few negative outcomes with an appeal status here (a wide interval): the direction, not the interval.
    expect(link('understood_appeal_lodged').estimate).toBeLessThan(1);
  });

  it('estimates the share through understanding with a reproducible bootstrap interval', async () => {
    const m = report.mediation;
    const local = mediation(closed.map(chainCaseOf), { replicates: 0 });
    expect(m.n).toBe(local.n);
    expect(m.shareThroughUnderstanding.estimate).toBeCloseTo(local.shareThroughUnderstanding.estimate!, 8);
    expect(m.indirectOddsRatio.estimate).toBeCloseTo(local.indirectOddsRatio.estimate!, 8);
    expect(m.shareThroughUnderstanding.ciLow).toBeGreaterThan(0);
    expect(m.shareThroughUnderstanding.ciLow).toBeLessThan(m.shareThroughUnderstanding.estimate!);
    expect(m.shareThroughUnderstanding.ciHigh).toBeGreaterThan(m.shareThroughUnderstanding.estimate!);
    expect(m.bootstrap).toMatchObject({ seed: 15, replicates: 500 });
    const again = (await sut.as(manager).get('/api/reports/chain').expect(200)).body as RelationshipChainReport;
    expect(again.mediation).toEqual(m);
  });

  it('narrows by the report filters', async () => {
    const debt = (await sut.as(manager).get('/api/reports/chain?category=debt').expect(200))
      .body as RelationshipChainReport;
    expect(debt.n).toBe(closed.filter((c) => c.category === 'debt').length);
    expect(debt.filters).toEqual({ category: 'debt' });
    await sut.as(manager).get('/api/reports/chain?category=astrology').expect(400);
  });

  it('gives a commissioner consenting clients only, with case counts rounded to 5, and no adviser figures', async () => {
    const adviser = await sut.makeUser(organisationId, 'adviser');
    await sut.as(adviser).get('/api/reports/chain').expect(403);
    const commissionerOrg = await sut.makeOrganisation({ kind: 'commissioner' });
    const commissioner = await sut.makeUser(commissionerOrg.id, 'commissioner');
    await sut.dataSource.query(`INSERT INTO organisation_shares (provider_id, commissioner_id) VALUES ($1, $2)`, [
      organisationId,
      commissionerOrg.id,
    ]);
    const shared = (await sut.as(commissioner).get('/api/reports/chain').expect(200)).body as RelationshipChainReport;
    const consenting = closed.filter((c) => c.client.evidenceConsent);
    expect(consenting.length).toBeLessThan(closed.length);
    expect(shared.suppressionThreshold).toBe(5);
    expect(shared.n).toBe(Math.round(consenting.length / 5) * 5);
    const expected = relationshipChain(consenting.map(chainCaseOf));
    shared.links.forEach((link, i) => {
      expect(link.n % 5).toBe(0);
      expect(link.unknown % 5).toBe(0);
      expect(link.estimate).toBeCloseTo(expected[i].estimate!, 8);
    });
    expect(shared.mediation.n % 5).toBe(0);
    await sut.as(commissioner).get(`/api/reports/chain?adviser=${manager.id}`).expect(403);
  });
});
