/**
 * Funding per period (docs/decisions.md) against real PostgreSQL: the API admins and managers record it
 * with (400/409/422 naming the field, audited), and the pack's "Fiscal value per £1 of funding", whose
 * expected value this test works out itself from the pack's published net fiscal value and the
 * amounts it recorded, under the period matching rules of funding-match.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { VALUE_KIND_LABELS, type EvidencePackPreview, type FundingRecord, type PackTable } from '@deepvalue/shared';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { AS_OF, PERIOD, seedPackFixture } from '../evidence/testing/pack-fixture.js';

const LABEL = 'Fiscal value per £1 of funding';
const H1 = { from: PERIOD.from, to: '2024-06-30' };
const H2 = { from: '2024-07-01', to: PERIOD.to };

describe('funding per period', () => {
  let sut: Harness;
  let manager: TestUser;
  let admin: TestUser;
  let adviser: TestUser;
  let commissioner: TestUser;
  let otherManager: TestUser;

  const record = (user: TestUser, body: Record<string, unknown>) =>
    sut.as(user).post('/api/organisation/funding').send(body);
  const preview = async (user: TestUser, from: string, to: string, extra = '') =>
    (await sut.as(user).get(`/api/evidence-packs/preview?from=${from}&to=${to}&asOf=${AS_OF}${extra}`).expect(200))
      .body as EvidencePackPreview;
  const headline = (pack: EvidencePackPreview) => pack.headlines.find((h) => h.label === LABEL)!;
  /** The published net fiscal value (all cases) ÷ funding, worked out here from the value table. */
  const expected = (pack: EvidencePackPreview, fundingGbp: number) => {
    const table = pack.tables.find((t) => t.name === 'value-summary') as PackTable;
    const fiscal = table.rows.find((r) => r.group_by === 'Overall' && r.kind === VALUE_KIND_LABELS.fiscal)!;
    const per = (s: string) => `£${(Number(fiscal[`net_${s}_gbp`]) / fundingGbp).toFixed(2)}`;
    return { value: per('central'), range: `range ${per('low')} to ${per('high')}` };
  };

  beforeAll(async () => {
    sut = await createHarness();
    const org = await sut.makeOrganisation({ name: 'Northside Law Centre' });
    manager = await sut.makeUser(org.id, 'manager');
    admin = await sut.makeUser(org.id, 'admin');
    adviser = await sut.makeUser(org.id, 'adviser');
    await seedPackFixture(sut.dataSource, org.id, (name) =>
      sut.makeUser(org.id, 'adviser', { name }).then((u) => u.id),
    );
    const other = await sut.makeOrganisation({ name: 'Eastside Advice' });
    otherManager = await sut.makeUser(other.id, 'manager');
    await seedPackFixture(
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
  }, 180_000);
  afterAll(async () => {
    await sut?.close();
  });

  it('says no funding is recorded, instead of giving a number, before any is', async () => {
    const pack = await preview(manager, PERIOD.from, PERIOD.to);
    expect(headline(pack)).toEqual({
      label: LABEL,
      value: 'not available',
      detail: 'no funding recorded for the whole period: Northside Law Centre, no funding recorded',
    });
    expect(pack.meta.funding).toEqual({ totalGbp: null, records: 0, note: headline(pack).detail });
  });

  it('refuses bad input with 400/409/422 naming the field, and never a 500', async () => {
    const good = { periodFrom: H1.from, periodTo: H1.to, amountGbp: 1000, funder: 'County council' };
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ ...good, amountGbp: undefined }, 400, 'amountGbp'],
      [{ ...good, amountGbp: 0 }, 400, 'amountGbp'],
      [{ ...good, amountGbp: -5 }, 400, 'amountGbp'],
      [{ ...good, amountGbp: 10.005 }, 400, 'amountGbp'],
      [{ ...good, amountGbp: '1000' }, 400, 'amountGbp'],
      [{ ...good, periodFrom: '2024-02-30' }, 400, 'periodFrom'],
      [{ ...good, periodTo: 'June' }, 400, 'periodTo'],
      [{ ...good, funder: '  ' }, 400, 'funder'],
      [{ ...good, funder: 'x'.repeat(201) }, 400, 'funder'],
      [{ ...good, periodFrom: '2024-07-01', periodTo: '2024-06-30' }, 422, 'periodTo'],
    ];
    for (const [body, status, path] of cases) {
      const res = await record(manager, body);
      expect({ body, status: res.status }).toEqual({ body, status });
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await sut.as(manager).get('/api/organisation/funding').expect(200)).body).toEqual([]);
  });

  it('is recorded by admins and managers, never overlapping, and audited', async () => {
    const first = (
      await record(manager, {
        periodFrom: H1.from,
        periodTo: H1.to,
        amountGbp: 120000.5,
        funder: 'County council',
      }).expect(201)
    ).body as FundingRecord;
    expect(first).toMatchObject({
      periodFrom: H1.from,
      periodTo: H1.to,
      amountGbp: 120000.5,
      funder: 'County council',
    });
    const clash = await record(admin, { periodFrom: '2024-06-30', periodTo: H2.to, amountGbp: 1, funder: 'Trust' });
    expect(clash.status).toBe(409);
    expect(clash.body.errors).toEqual([
      { path: 'periodFrom', message: `overlaps funding recorded for ${H1.from} to ${H1.to}` },
    ]);
    await record(admin, { periodFrom: H2.from, periodTo: H2.to, amountGbp: 79999.25, funder: 'Trust' }).expect(201);
    const list = (await sut.as(admin).get('/api/organisation/funding').expect(200)).body as FundingRecord[];
    expect(list.map((r) => [r.periodFrom, r.amountGbp])).toEqual([
      [H1.from, 120000.5],
      [H2.from, 79999.25],
    ]);
    const audited = await sut.dataSource.query(
      `SELECT entity_ids FROM audit_log WHERE organisation_id = $1 AND entity = 'organisation_funding' AND action = 'create'
       UNION ALL SELECT entity_ids FROM audit_pending WHERE organisation_id = $1 AND entity = 'organisation_funding' AND action = 'create'`,
      [manager.organisationId],
    );
    expect(audited.length).toBe(2);
    for (const user of [adviser, commissioner]) {
      await sut.as(user).get('/api/organisation/funding').expect(403);
      await record(user, { periodFrom: '2023-01-01', periodTo: '2023-12-31', amountGbp: 1, funder: 'x' }).expect(403);
    }
    // Another organisation sees none of it.
    expect((await sut.as(otherManager).get('/api/organisation/funding').expect(200)).body).toEqual([]);
  });

  it('divides the published net fiscal value by the funding covering the period', async () => {
    const year = await preview(manager, PERIOD.from, PERIOD.to);
    const want = expected(year, 120000.5 + 79999.25);
    expect(headline(year).value).toBe(want.value);
    expect(headline(year).detail).toContain(want.range);
    expect(year.meta.funding).toMatchObject({ totalGbp: 199999.75, records: 2 });
    expect(headline(year).detail).toContain('£199,999.75 recorded for the period (2 records)');
    // Half the year is covered exactly by the first record.
    const half = await preview(manager, H1.from, H1.to);
    expect(headline(half).value).toBe(expected(half, 120000.5).value);
    // A quarter lies inside a record, which is never split.
    const quarter = await preview(manager, H1.from, '2024-03-31');
    expect(headline(quarter)).toMatchObject({ value: 'not available' });
    expect(headline(quarter).detail).toContain(
      `funding recorded for ${H1.from} to ${H1.to} reaches outside the period`,
    );
    // A filtered pack has none: funding pays for the whole service.
    const housing = await preview(manager, PERIOD.from, PERIOD.to, '&category=housing');
    expect(headline(housing)).toMatchObject({ value: 'not available' });
    expect(headline(housing).detail).toContain('filtered');
    expect(JSON.stringify(year.method)).toContain('must together cover every day of it');
  });

  it('needs every organisation’s funding for a commissioner’s combined pack, and then sums it', async () => {
    const before = await preview(commissioner, PERIOD.from, PERIOD.to);
    expect(headline(before)).toEqual({
      label: LABEL,
      value: 'not available',
      detail: 'no funding recorded for the whole period: Eastside Advice, no funding recorded',
    });
    await record(otherManager, {
      periodFrom: PERIOD.from,
      periodTo: PERIOD.to,
      amountGbp: 50000,
      funder: 'Lottery',
    }).expect(201);
    const after = await preview(commissioner, PERIOD.from, PERIOD.to);
    expect(headline(after).value).toBe(expected(after, 120000.5 + 79999.25 + 50000).value);
    expect(after.meta.funding).toMatchObject({ totalGbp: 249999.75, records: 3 });
  });

  it('corrects a record with the same checks, audited, and the pack follows the new amount', async () => {
    const [first, second] = (await sut.as(manager).get('/api/organisation/funding').expect(200))
      .body as FundingRecord[];
    const put = (user: TestUser, id: string, body: Record<string, unknown>) =>
      sut.as(user).put(`/api/organisation/funding/${id}`).send(body);
    const good = {
      periodFrom: first.periodFrom,
      periodTo: first.periodTo,
      amountGbp: 130000,
      funder: 'County council',
    };
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ ...good, amountGbp: 0 }, 400, 'amountGbp'],
      [{ ...good, amountGbp: 'lots' }, 400, 'amountGbp'],
      [{ ...good, periodFrom: '2024-02-30' }, 400, 'periodFrom'],
      [{ ...good, funder: ' ' }, 400, 'funder'],
      [{ ...good, periodTo: '2023-12-31' }, 422, 'periodTo'],
      // Reaching into the second record's period.
      [{ ...good, periodTo: second.periodFrom }, 409, 'periodFrom'],
    ];
    for (const [body, status, path] of cases) {
      const res = await put(manager, first.id, body);
      expect({ body, status: res.status }).toEqual({ body, status });
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    await put(otherManager, first.id, good).expect(404);
    await put(adviser, first.id, good).expect(403);
    await put(commissioner, first.id, good).expect(403);
    await put(manager, 'not-a-uuid', good).expect(400);
    // Its own period does not clash with itself.
    const saved = (await put(admin, first.id, good).expect(200)).body as FundingRecord;
    expect(saved).toMatchObject({ id: first.id, amountGbp: 130000, periodFrom: first.periodFrom });
    const year = await preview(manager, PERIOD.from, PERIOD.to);
    expect(headline(year).value).toBe(expected(year, 130000 + second.amountGbp).value);
    const [audit] = await sut.dataSource.query(
      `SELECT details FROM audit_log WHERE organisation_id = $1 AND entity = 'organisation_funding' AND action = 'update'
       UNION ALL SELECT details FROM audit_pending WHERE organisation_id = $1 AND entity = 'organisation_funding' AND action = 'update'`,
      [manager.organisationId],
    );
    expect(audit.details).toMatchObject({ amountGbp: 130000, before: { amountGbp: first.amountGbp } });
  });

  it('deletes a record of the organisation’s own only, and the pack then has no figure', async () => {
    const [mine] = (await sut.as(manager).get('/api/organisation/funding').expect(200)).body as FundingRecord[];
    await sut.as(otherManager).delete(`/api/organisation/funding/${mine.id}`).expect(404);
    await sut.as(manager).delete('/api/organisation/funding/not-a-uuid').expect(400);
    await sut.as(manager).delete(`/api/organisation/funding/${mine.id}`).expect(204);
    const pack = await preview(manager, PERIOD.from, PERIOD.to);
    expect(headline(pack)).toMatchObject({ value: 'not available' });
    expect(headline(pack).detail).toContain('does not cover every day of the period');
  });
});
