import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { SharesService } from './shares.service.js';

describe('organisation settings and commissioner shares', () => {
  let h: Harness;
  let provider: { id: string; ref: string };
  let commissioner: { id: string; ref: string };
  let admin: TestUser;
  let commissionerUser: TestUser;

  beforeAll(async () => {
    h = await createHarness();
    provider = await h.makeOrganisation({ name: 'Riverside Law Centre' });
    commissioner = await h.makeOrganisation({ kind: 'commissioner', name: 'County Council' });
    admin = await h.makeUser(provider.id, 'admin');
    commissionerUser = await h.makeUser(commissioner.id, 'commissioner');
  });
  afterAll(() => h.close());

  it('shows the defaults, saves a change with its version and refuses a stale one', async () => {
    const initial = await h.as(admin).get('/api/organisation/settings').expect(200);
    expect(initial.body).toEqual({
      suppressionThreshold: 5,
      retentionYears: 6,
      requireTwoFactorForManagers: false,
      legalAidOfficeAccount: null,
      legalAidScheduleRef: null,
      legalAidHourlyRateGbp: null,
      legalAidTravelRateGbp: null,
      legalAidVatRegistered: null,
      version: 1,
    });
    const changed = await h
      .as(admin)
      .patch('/api/organisation/settings')
      .send({ retentionYears: 7, suppressionThreshold: 10, version: 1 })
      .expect(200);
    expect(changed.body).toEqual({
      suppressionThreshold: 10,
      retentionYears: 7,
      requireTwoFactorForManagers: false,
      legalAidOfficeAccount: null,
      legalAidScheduleRef: null,
      legalAidHourlyRateGbp: null,
      legalAidTravelRateGbp: null,
      legalAidVatRegistered: null,
      version: 2,
    });
    const stale = await h
      .as(admin)
      .patch('/api/organisation/settings')
      .send({ retentionYears: 8, version: 1 })
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', current: { retentionYears: 7, version: 2 } });
    const bad = await h
      .as(admin)
      .patch('/api/organisation/settings')
      .send({ retentionYears: 0, suppressionThreshold: 'x', version: 2 })
      .expect(400);
    expect([...new Set(bad.body.errors.map((e: { path: string }) => e.path))].sort()).toEqual([
      'retentionYears',
      'suppressionThreshold',
    ]);
    // The disclosure threshold can only be raised above its floor of 5 (docs/decisions.md).
    const lowered = await h
      .as(admin)
      .patch('/api/organisation/settings')
      .send({ suppressionThreshold: 4, version: 2 })
      .expect(400);
    expect(lowered.body.errors.map((e: { path: string }) => e.path)).toEqual(['suppressionThreshold']);
    const [audit] = await h.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'update' AND entity = 'organisation_settings' AND organisation_id = $1`,
      [provider.id],
    );
    expect(audit.details.fields.sort()).toEqual(['retentionYears', 'suppressionThreshold']);
  });

  it('is for admins only', async () => {
    const manager = await h.makeUser(provider.id, 'manager');
    await h.as(manager).get('/api/organisation/settings').expect(403);
    await h.as(manager).get('/api/shares').expect(403);
    await h.as(manager).post('/api/shares').send({ commissionerRef: commissioner.ref }).expect(403);
  });

  it('an admin shares with a commissioner, who then sees the organisation (id, ref, name only); revoking ends it', async () => {
    const shares = h.app.get(SharesService);
    await h.as(commissionerUser).get('/api/organisations/shared-with-me').expect(200, []);

    const created = await h.as(admin).post('/api/shares').send({ commissionerRef: commissioner.ref }).expect(201);
    expect(created.body).toMatchObject({
      commissioner: { id: commissioner.id, ref: commissioner.ref, name: 'County Council' },
    });
    await h.as(admin).post('/api/shares').send({ commissionerRef: commissioner.ref }).expect(201); // idempotent
    const list = await h.as(admin).get('/api/shares').expect(200);
    expect(list.body).toHaveLength(1);

    const seen = await h.as(commissionerUser).get('/api/organisations/shared-with-me').expect(200);
    expect(seen.body).toEqual([{ id: provider.id, ref: provider.ref, name: 'Riverside Law Centre' }]);
    expect(await shares.sharedOrganisationIds(commissioner.id)).toEqual([provider.id]);

    await h.as(admin).delete(`/api/shares/${commissioner.ref}`).expect(204);
    await h.as(commissionerUser).get('/api/organisations/shared-with-me').expect(200, []);
    expect(await shares.sharedOrganisationIds(commissioner.id)).toEqual([]);
    const audit = await h.dataSource.query(
      `SELECT details->>'operation' AS op FROM audit_log WHERE action = 'share' AND organisation_id = $1 ORDER BY id`,
      [provider.id],
    );
    expect(audit.map((r: { op: string }) => r.op)).toEqual(['grant', 'revoke']);
  });

  it('refuses to share with an organisation that is not a commissioner', async () => {
    const other = await h.makeOrganisation();
    const res = await h.as(admin).post('/api/shares').send({ commissionerRef: other.ref }).expect(404);
    expect(res.body.errors[0].path).toBe('commissionerRef');
    await h.as(admin).post('/api/shares').send({ commissionerRef: "x' OR '1'='1" }).expect(404);
  });

  it('lists commissioner organisations for an admin to choose from', async () => {
    const res = await h.as(admin).get('/api/organisations/commissioners').expect(200);
    expect(res.body).toEqual(
      expect.arrayContaining([{ id: commissioner.id, ref: commissioner.ref, name: 'County Council' }]),
    );
    expect(res.body.map((o: { id: string }) => o.id)).not.toContain(provider.id);
  });
});
