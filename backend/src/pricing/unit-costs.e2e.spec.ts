/**
 * The versioned unit-cost table and the pricing report against real PostgreSQL: version 1 is the
 * sourced defaults, every save appends a version and leaves the old ones as they were, a stale save
 * gets 409 with the current table, and an empty value stays empty (never 0).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { DEFAULT_UNIT_COSTS, NOT_PRICED } from './unit-cost-defaults.js';
import type { UnitCostRow, UnitCostVersion, UnitCostsView } from '@deepvalue/shared';
import type { PricingReport } from './pricing.service.js';

const editable = (rows: UnitCostRow[]) => rows.map(({ priced: _p, note: _n, ...row }) => row);

/** £34,000 (2009 prices) × 1.4659, the GDP deflator factor to 2024 prices (100 ÷ 68.217, worked out apart). */
const EVICTION_AT_2024_PRICES = 49_840.6;

describe('unit costs', () => {
  let sut: Harness;
  let manager: TestUser;
  let adviser: TestUser;

  beforeAll(async () => {
    sut = await createHarness();
    const org = await sut.makeOrganisation();
    manager = await sut.makeUser(org.id, 'manager');
    adviser = await sut.makeUser(org.id, 'adviser');
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('starts at version 1 holding the sourced defaults, unpriced rows null with the not-priced note', async () => {
    const res = await sut.as(manager).get('/api/unit-costs').expect(200);
    const body = res.body as UnitCostsView;
    expect(body.current.version).toBe(1);
    expect(body.versions.map((v) => v.version)).toEqual([1]);
    expect(editable(body.current.rows)).toEqual(DEFAULT_UNIT_COSTS);
    const tribunal = body.current.rows.find((r) => r.key === 'tribunal_appeal_sscs');
    expect(tribunal).toMatchObject({ valueGbp: null, priced: false, note: NOT_PRICED });
    expect(body.current.rows.find((r) => r.key === 'eviction_public_cost')).toMatchObject({
      valueGbp: 34_000,
      year: 2009,
      priced: true,
      note: null,
    });
    expect(body.current.hourlyCostGbp).toBeNull();
  });

  it('saves an edit as the next version and keeps the earlier version unchanged', async () => {
    const current = (await sut.as(manager).get('/api/unit-costs').expect(200)).body as UnitCostsView;
    const rows = editable(current.current.rows).map((r) =>
      r.key === 'eviction_public_cost'
        ? { ...r, valueGbp: 35_500, source: 'Local authority figures 2024', year: 2024 }
        : r,
    );
    const saved = await sut
      .as(manager)
      .put('/api/unit-costs')
      .send({ basedOnVersion: 1, rows, hourlyCostGbp: 42.5 })
      .expect(200);
    const view = saved.body as UnitCostVersion;
    expect(view.version).toBe(2);
    expect(view.hourlyCostGbp).toBe(42.5);
    expect(view.rows.find((r) => r.key === 'eviction_public_cost')?.valueGbp).toBe(35_500);
    // Unpriced stays null, not 0.
    expect(view.rows.find((r) => r.key === 'tribunal_appeal_sscs')?.valueGbp).toBeNull();
    const [stored] = await sut.dataSource.query(
      `SELECT rows -> 1 -> 'valueGbp' AS v FROM unit_cost_versions WHERE organisation_id = $1 AND version = 2`,
      [manager.organisationId],
    );
    expect(stored.v).toBeNull();

    const first = (await sut.as(manager).get('/api/unit-costs/versions/1').expect(200)).body as UnitCostVersion;
    expect(first.rows.find((r) => r.key === 'eviction_public_cost')?.valueGbp).toBe(34_000);
    expect(first.hourlyCostGbp).toBeNull();
    const list = (await sut.as(manager).get('/api/unit-costs').expect(200)).body as UnitCostsView;
    expect(list.current.version).toBe(2);
    expect(list.versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it('refuses a save based on an old version with 409 and the current table', async () => {
    const res = await sut
      .as(manager)
      .put('/api/unit-costs')
      .send({ basedOnVersion: 1, rows: DEFAULT_UNIT_COSTS })
      .expect(409);
    expect(res.body.code).toBe('stale_version');
    expect(res.body.current.version).toBe(2);
    expect(res.body.current.rows.find((r: UnitCostRow) => r.key === 'eviction_public_cost').valueGbp).toBe(35_500);
  });

  it('keeps the previous mapping, adjustments and hourly cost when a save leaves them out', async () => {
    const res = await sut
      .as(manager)
      .put('/api/unit-costs')
      .send({ basedOnVersion: 2, rows: DEFAULT_UNIT_COSTS })
      .expect(200);
    expect(res.body.version).toBe(3);
    expect(res.body.hourlyCostGbp).toBe(42.5);
    const cleared = await sut
      .as(manager)
      .put('/api/unit-costs')
      .send({ basedOnVersion: 3, rows: DEFAULT_UNIT_COSTS, hourlyCostGbp: null })
      .expect(200);
    expect(cleared.body.hourlyCostGbp).toBeNull();
  });

  it.each([
    ['a zero value', { valueGbp: 0 }, 'rows[0].valueGbp'],
    ['a missing value', { valueGbp: undefined }, 'rows[0].valueGbp'],
    ['a blank source', { source: '  ' }, 'rows[0].source'],
    ['a priced figure with no year', { year: null }, 'rows[0].year'],
    ['a priced figure whose source says there is none', { source: 'No citable figure found' }, 'rows[0].source'],
  ])('rejects %s with the field path', async (_name, change, path) => {
    const rows = DEFAULT_UNIT_COSTS.map((r, i) => (i === 0 ? { ...r, ...change } : r));
    const res = await sut.as(manager).put('/api/unit-costs').send({ basedOnVersion: 4, rows }).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('rejects a £ value on a recorded-amount row and a mapping to an unknown unit cost', async () => {
    const rows = DEFAULT_UNIT_COSTS.map((r) => (r.key === 'benefit_income_recorded' ? { ...r, valueGbp: 100 } : r));
    const recorded = await sut.as(manager).put('/api/unit-costs').send({ basedOnVersion: 4, rows }).expect(400);
    expect(recorded.body.errors[0].path).toBe(
      `rows[${DEFAULT_UNIT_COSTS.findIndex((r) => r.key === 'benefit_income_recorded')}].valueGbp`,
    );
    const mapping = [{ event: 'eviction_avoided', unitCostKey: 'no_such_cost', durationYears: 1, rationale: 'x' }];
    const unknown = await sut
      .as(manager)
      .put('/api/unit-costs')
      .send({ basedOnVersion: 4, rows: DEFAULT_UNIT_COSTS, mapping })
      .expect(400);
    expect(unknown.body.errors[0].path).toBe('mapping[0].unitCostKey');
  });

  it('rejects adjustments out of order (low must be the most cautious)', async () => {
    const sensitivity = {
      low: { deadweight: 0.1, attribution: 0.4, dropOff: 0.5, discountRate: 0 },
      central: { deadweight: 0.25, attribution: 0.25, dropOff: 0.33, discountRate: 0 },
      high: { deadweight: 0.1, attribution: 0.1, dropOff: 0.2, discountRate: 0 },
    };
    const res = await sut
      .as(manager)
      .put('/api/unit-costs')
      .send({ basedOnVersion: 4, rows: DEFAULT_UNIT_COSTS, sensitivity })
      .expect(400);
    expect(res.body.errors[0].path).toBe('sensitivity.central.deadweight');
  });

  it('answers 404 for a version that does not exist', async () => {
    await sut.as(manager).get('/api/unit-costs/versions/99').expect(404);
  });

  it('is not open to advisers', async () => {
    await sut.as(adviser).get('/api/unit-costs').expect(403);
    await sut.as(adviser).put('/api/unit-costs').send({ basedOnVersion: 4, rows: DEFAULT_UNIT_COSTS }).expect(403);
  });

  it('never lets a stored version change', async () => {
    await expect(
      sut.dataSource.query(`UPDATE unit_cost_versions SET hourly_cost_gbp = 1 WHERE organisation_id = $1`, [
        manager.organisationId,
      ]),
    ).rejects.toThrow(/never changed/);
  });

  it('records each save in the audit log', async () => {
    const rows = await sut.dataSource.query(
      `SELECT details FROM audit_log WHERE organisation_id = $1 AND entity = 'unit_costs' AND action = 'update' ORDER BY id`,
      [manager.organisationId],
    );
    expect(rows.map((r: { details: { version: number } }) => r.details.version)).toEqual([2, 3, 4]);
  });
});

describe('GET /api/reports/pricing', () => {
  let sut: Harness;
  let manager: TestUser;
  let commissioner: TestUser;

  beforeAll(async () => {
    sut = await createHarness();
    const org = await sut.makeOrganisation();
    manager = await sut.makeUser(org.id, 'manager');
    const adviser = await sut.makeUser(org.id, 'adviser');
    const funder = await sut.makeOrganisation({ kind: 'commissioner' });
    commissioner = await sut.makeUser(funder.id, 'commissioner');
    await sut.dataSource.query(`INSERT INTO organisation_shares (provider_id, commissioner_id) VALUES ($1, $2)`, [
      org.id,
      funder.id,
    ]);
    // Six housing cases of 2–4 h with an eviction avoided: five with consent, one without.
    for (let i = 0; i < 6; i++) {
      const [client] = await sut.dataSource.query(
        `INSERT INTO clients (organisation_id, ref, evidence_consent) VALUES ($1, $2, $3) RETURNING id`,
        [org.id, `c${i}`, i < 5],
      );
      const [kase] = await sut.dataSource.query(
        `INSERT INTO cases (organisation_id, ref, client_id, category, opened_on, closed_on, lead_adviser_id,
                            funding_stream, arrival_route)
         VALUES ($1, $2, $3, 'housing', '2025-01-06', '2025-02-10', $4, 'grant', 'self') RETURNING id`,
        [org.id, `k${i}`, client.id, adviser.id],
      );
      await sut.dataSource.query(
        `INSERT INTO time_entries (organisation_id, case_id, adviser_id, "on", minutes, class, activity, mode)
         VALUES ($1, $2, $3, '2025-01-06', 150, 'relationship', 'advice_session', 'face_to_face'),
                ($1, $2, $3, '2025-01-07', 90, 'casework', 'letter', 'none')`,
        [org.id, kase.id, adviser.id],
      );
      await sut.dataSource.query(
        `INSERT INTO outcomes (organisation_id, case_id, result) VALUES ($1, $2, 'positive')`,
        [org.id, kase.id],
      );
      await sut.dataSource.query(
        `INSERT INTO outcome_benefits (organisation_id, case_id, type) VALUES ($1, $2, 'eviction_avoided')`,
        [org.id, kase.id],
      );
      // Followed up without a re-contact: a bounce-back avoided (known), which has no default unit cost.
      await sut.dataSource.query(
        `INSERT INTO follow_ups (organisation_id, case_id, "on", recontact) VALUES ($1, $2, '2025-08-10', 'none')`,
        [org.id, kase.id],
      );
    }
    const current = (await sut.as(manager).get('/api/unit-costs')).body as UnitCostsView;
    await sut
      .as(manager)
      .put('/api/unit-costs')
      .send({ basedOnVersion: current.current.version, rows: editable(current.current.rows), hourlyCostGbp: 50 })
      .expect(200);
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('prices a manager’s own cases in full, fiscal and wellbeing apart, with the range', async () => {
    const res = await sut.as(manager).get('/api/reports/pricing?from=2025-01-01&to=2025-12-31').expect(200);
    const report = res.body as PricingReport;
    expect(report.unitCosts.version).toBe(2);
    expect(report.consent).toBe('all_cases');
    const overall = report.groups.find((g) => g.groupBy === 'overall')!;
    expect(overall.cases).toBe(6);
    // 6 cases × 4 hours (150 + 90 minutes) = 24 hours × £50 = £1,200.
    expect(overall.adviserHours).toBe(24);
    expect(overall.adviserCostGbp).toBe(1200);
    const fiscal = overall.kinds.find((k) => k.kind === 'fiscal')!;
    // £34,000 at 2009 prices is £49,840.60 at 2024 prices (GDP deflator factor 1.4659, worked out apart).
    // Gross 6 × £49,840.60 = £299,043.60; net central × 0.75 × 0.75 = £168,212.025; low × 0.36 = £107,655.696;
    // high × 0.81 = £242,225.316 (each published to the penny).
    expect(report.priceYear).toBe(2024);
    expect(fiscal.gross).toBe(299_043.6);
    expect(fiscal.net.low).toBeCloseTo(107_655.696, 1);
    expect(fiscal.net.central).toBeCloseTo(168_212.025, 1);
    expect(fiscal.net.high).toBeCloseTo(242_225.316, 1);
    // Per £1: 168,212.025 ÷ 1,200 = 140.1767 (to four places).
    expect(fiscal.netPerPoundSpent.central).toBeCloseTo(140.1767, 3);
    const wellbeing = overall.kinds.find((k) => k.kind === 'wellbeing')!;
    // HACT temporary to settled housing £8,019 (2015) × 1.3306 = £10,670.08 × 6 = £64,020.48, a separate figure.
    expect(wellbeing.gross).toBe(64_020.48);
    expect(report.unpriced.some((u) => u.note === NOT_PRICED)).toBe(true);
    const band = report.groups.find((g) => g.groupBy === 'band' && g.key === '2-4h')!;
    expect(band.cases).toBe(6);
  });

  it('gives a commissioner only consenting clients, priced with the commissioner’s table from rounded counts', async () => {
    const res = await sut.as(commissioner).get('/api/reports/pricing?from=2025-01-01&to=2025-12-31').expect(200);
    const report = res.body as PricingReport;
    expect(report.consent).toBe('consented_only');
    expect(report.threshold).toBe(5);
    expect(report.unitCosts.version).toBe(1);
    const overall = report.groups.find((g) => g.groupBy === 'overall')!;
    expect(overall.cases).toBe(5);
    expect(overall.kinds.find((k) => k.kind === 'fiscal')!.gross).toBe(5 * EVICTION_AT_2024_PRICES);
    // Debt has no cases: zero is published, not hidden.
    expect(report.groups.find((g) => g.key === 'debt')!.cases).toBe(0);
  });

  it('never gives a count of 1–4 through a £ figure: every £ rests on counts rounded to 5', async () => {
    const [kase] = await sut.dataSource.query(`SELECT id FROM cases WHERE ref = 'k0' AND organisation_id = $1`, [
      manager.organisationId,
    ]);
    await sut.dataSource.query(`UPDATE cases SET category = 'debt' WHERE id = $1`, [kase.id]);
    try {
      const res = await sut.as(commissioner).get('/api/reports/pricing?from=2025-01-01&to=2025-12-31').expect(200);
      const report = res.body as PricingReport;
      // Housing: 4 cases with an eviction avoided are published as 5, and priced as 5 × £49,840.60.
      const housing = report.groups.find((g) => g.key === 'housing')!;
      expect(housing.cases).toBe(5);
      expect(housing.kinds.find((k) => k.kind === 'fiscal')!.gross).toBe(5 * EVICTION_AT_2024_PRICES);
      // 4 h a case × the 5 published cases, not the 16 hours of the 4 real ones.
      expect(housing.adviserHours).toBe(20);
      // Debt: 1 case is published as 0, and so is its £.
      const debt = report.groups.find((g) => g.key === 'debt')!;
      expect(debt.cases).toBe(0);
      expect(debt.kinds.find((k) => k.kind === 'fiscal')!.gross).toBe(0);
      for (const group of report.groups) {
        expect((group.cases as number) % 5).toBe(0);
        expect((group.kinds.find((k) => k.kind === 'fiscal')!.gross as number) % (5 * EVICTION_AT_2024_PRICES)).toBe(0);
      }
      for (const line of report.lines) expect((line.cases as number) % 5).toBe(0);
    } finally {
      await sut.dataSource.query(`UPDATE cases SET category = 'housing' WHERE id = $1`, [kase.id]);
    }
  });

  it('is not open to advisers', async () => {
    const adviser = await sut.makeUser(manager.organisationId, 'adviser');
    await sut.as(adviser).get('/api/reports/pricing').expect(403);
  });

  it('gives per-adviser figures to managers only: a commissioner asking for one adviser gets 403', async () => {
    const adviser = await sut.makeUser(manager.organisationId, 'adviser');
    await sut.as(manager).get(`/api/reports/pricing?adviser=${adviser.id}`).expect(200);
    const res = await sut.as(commissioner).get(`/api/reports/pricing?adviser=${adviser.id}`).expect(403);
    expect(JSON.stringify(res.body)).toMatch(/per adviser/);
  });
});
