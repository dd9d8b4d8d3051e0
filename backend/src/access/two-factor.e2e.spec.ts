import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generate } from 'otplib';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { sessionCookie, setPassword, TEST_PASSWORD } from './testing/passwords.fixture.js';
import { TwoFactorService } from './two-factor.service.js';

describe('two-factor sign-in', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const signIn = (email: string, code?: string) =>
    h
      .http()
      .post('/api/auth/sign-in')
      .send({ email, password: TEST_PASSWORD, ...(code ? { code } : {}) });

  /** A code for a later time step than `epoch`, so it is not a replay of one already used. */
  const codeAt = (secret: string, offsetSeconds = 0) =>
    generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

  async function enrol(user: TestUser): Promise<string> {
    const setup = await h.as(user).post('/api/auth/2fa/setup').expect(200);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Deep%20Value:/);
    await h
      .as(user)
      .post('/api/auth/2fa/enable')
      .send({ code: await codeAt(setup.body.secret) })
      .expect(204);
    return setup.body.secret;
  }

  it('enrols with a code, then asks for a code at sign-in and accepts the right one', async () => {
    const org = await h.makeOrganisation();
    const user = await h.makeUser(org.id, 'adviser');
    await setPassword(h.dataSource, user.id);
    const secret = await enrol(user);

    const noCode = await signIn(user.email).expect(401);
    expect(noCode.body).toMatchObject({ twoFactor: 'code_required', errors: [{ path: 'code' }] });
    await signIn(user.email, '000000').expect(401);
    const ok = await signIn(user.email, await codeAt(secret, 30)).expect(200);
    expect(ok.body.twoFactor).toEqual({ enabled: true, enrolmentRequired: false });
  });

  it('refuses to enable with a wrong code and never returns the secret once enabled', async () => {
    const org = await h.makeOrganisation();
    const user = await h.makeUser(org.id, 'adviser');
    await h.as(user).post('/api/auth/2fa/setup').expect(200);
    const wrong = await h.as(user).post('/api/auth/2fa/enable').send({ code: '123456' }).expect(400);
    expect(wrong.body.errors[0].path).toBe('code');
    await enrol(user);
    await h.as(user).post('/api/auth/2fa/setup').expect(409);
    const me = await h.as(user).get('/api/auth/me').expect(200);
    expect(JSON.stringify(me.body)).not.toMatch(/secret/i);
  });

  it('stores the secret encrypted, and encrypts a plain one left by an older version', async () => {
    const org = await h.makeOrganisation();
    const user = await h.makeUser(org.id, 'adviser');
    await setPassword(h.dataSource, user.id);
    const secret = await enrol(user);
    const stored = async () =>
      (await h.dataSource.query(`SELECT totp_secret FROM users WHERE id = $1`, [user.id]))[0].totp_secret as string;
    expect(await stored()).toMatch(/^v1:/);
    expect(await stored()).not.toContain(secret);

    await h.dataSource.query(`UPDATE users SET totp_secret = $2 WHERE id = $1`, [user.id, secret]); // as before
    await signIn(user.email, await codeAt(secret, 30)).expect(200); // still read
    expect(await h.app.get(TwoFactorService).sealPlainSecrets()).toBeGreaterThanOrEqual(1);
    expect(await stored()).toMatch(/^v1:/);
    // The sealed secret still checks codes (the last used step is cleared, so this one is not a replay).
    await h.dataSource.query(`UPDATE users SET totp_last_step = NULL WHERE id = $1`, [user.id]);
    await signIn(user.email, await codeAt(secret)).expect(200);
  });

  it('accepts a code only once (no replay)', async () => {
    const org = await h.makeOrganisation();
    const user = await h.makeUser(org.id, 'adviser');
    await setPassword(h.dataSource, user.id);
    const secret = await enrol(user);
    const code = await codeAt(secret, 30);
    await signIn(user.email, code).expect(200);
    await signIn(user.email, code).expect(401);
  });

  it('counts wrong codes towards the lockout and audits them', async () => {
    const org = await h.makeOrganisation();
    const user = await h.makeUser(org.id, 'adviser');
    await setPassword(h.dataSource, user.id);
    await enrol(user);
    for (let i = 0; i < 5; i++) await signIn(user.email, '999999').expect(401);
    await signIn(user.email, '999999').expect(429);
    const rows = await h.dataSource.query(
      `SELECT 1 FROM audit_log WHERE action = 'failed_sign_in' AND user_id = $1 AND details->>'reason' = 'wrong_code'`,
      [user.id],
    );
    expect(rows.length).toBe(5);
  });

  it('when the organisation requires it, a manager without two-factor can only enrol until done', async () => {
    const org = await h.makeOrganisation();
    const admin = await h.makeUser(org.id, 'admin');
    const manager = await h.makeUser(org.id, 'manager');
    const adviser = await h.makeUser(org.id, 'adviser');
    await setPassword(h.dataSource, manager.id);
    await enrol(admin);
    const settings = await h.as(admin).get('/api/organisation/settings').expect(200);
    await h
      .as(admin)
      .patch('/api/organisation/settings')
      .send({ requireTwoFactorForManagers: true, version: settings.body.version })
      .expect(200);

    const signedIn = await signIn(manager.email).expect(200);
    expect(signedIn.body.twoFactor).toEqual({ enabled: false, enrolmentRequired: true });
    const cookie = `dv_session=${sessionCookie(signedIn.headers)}`;
    const blocked = await h.http().get('/api/users').set('Cookie', cookie).expect(403);
    expect(blocked.body.twoFactor).toBe('enrolment_required');
    await h.http().get('/api/auth/me').set('Cookie', cookie).expect(200);
    // the setting applies to sessions that already exist, too
    await h.as(manager).get('/api/organisation/settings').expect(403);
    // advisers are not affected
    await h.as(adviser).get('/api/auth/me').expect(200);

    const setup = await h
      .http()
      .post('/api/auth/2fa/setup')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', signedIn.body.csrfToken)
      .expect(200);
    await h
      .http()
      .post('/api/auth/2fa/enable')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', signedIn.body.csrfToken)
      .send({ code: await codeAt(setup.body.secret) })
      .expect(204);
    const me = await h.http().get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body.twoFactor).toEqual({ enabled: true, enrolmentRequired: false });
    // a manager may not turn off what the organisation requires
    await h
      .as(manager)
      .post('/api/auth/2fa/disable')
      .send({ code: await codeAt(setup.body.secret, 30) })
      .expect(403);
  });

  it('lets a user turn two-factor off with a current code, and an admin reset it for a lost phone', async () => {
    const org = await h.makeOrganisation();
    const admin = await h.makeUser(org.id, 'admin');
    const user = await h.makeUser(org.id, 'adviser');
    const secret = await enrol(user);
    await h.as(user).post('/api/auth/2fa/disable').send({ code: '000000' }).expect(400);
    await h
      .as(user)
      .post('/api/auth/2fa/disable')
      .send({ code: await codeAt(secret, 30) })
      .expect(204);
    await enrol(user);
    const reset = await h.as(admin).post(`/api/users/${user.id}/reset-two-factor`).expect(200);
    expect(reset.body.twoFactorEnabled).toBe(false);
    await h.as(user).get('/api/auth/me').expect(401); // reset ends their sessions
  });
});
