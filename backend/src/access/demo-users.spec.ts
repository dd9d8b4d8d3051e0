import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness } from '../../test/harness.js';
import { createDemoUsers, DEMO_PASSWORD } from './demo-users.js';
import { passwordProblem } from './passwords.js';

describe(createDemoUsers.name, () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('creates a user per role for each demo organisation, who can sign in', async () => {
    const provider = { ...(await h.makeOrganisation({ ref: 'Riverside LC' })), kind: 'provider' as const };
    const commissioner = {
      ...(await h.makeOrganisation({ ref: 'county', kind: 'commissioner' })),
      kind: 'commissioner' as const,
    };
    const users = await createDemoUsers(h.dataSource, [provider, commissioner], { demoData: true });
    expect(users.map((u) => `${u.organisationRef}/${u.role}/${u.email}`)).toEqual([
      'Riverside LC/adviser/adviser@riverside-lc.demo.example',
      'Riverside LC/manager/manager@riverside-lc.demo.example',
      'Riverside LC/admin/admin@riverside-lc.demo.example',
      'county/commissioner/commissioner@county.demo.example',
      'county/admin/admin@county.demo.example',
    ]);
    for (const user of users) {
      const res = await h
        .http()
        .post('/api/auth/sign-in')
        .send({ email: user.email, password: DEMO_PASSWORD })
        .expect(200);
      expect(res.body.me.role).toBe(user.role);
    }
    // running it again changes nothing
    await createDemoUsers(h.dataSource, [provider], { demoData: true });
    const [{ n }] = await h.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE organisation_id = $1`, [
      provider.id,
    ]);
    expect(n).toBe(3);
  });

  it('creates nobody outside demo mode', async () => {
    const org = { ...(await h.makeOrganisation({ ref: 'prod-org' })), kind: 'provider' as const };
    expect(await createDemoUsers(h.dataSource, [org], { demoData: false })).toEqual([]);
    expect(await h.dataSource.query(`SELECT 1 FROM users WHERE organisation_id = $1`, [org.id])).toEqual([]);
  });

  it('uses a password the policy accepts', () => {
    expect(passwordProblem(DEMO_PASSWORD)).toBeUndefined();
  });
});
