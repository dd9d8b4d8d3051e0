import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness } from '../../test/harness.js';
import { ABSOLUTE_TIMEOUT_HOURS, IDLE_TIMEOUT_MINUTES } from './session.service.js';
import { sessionCookie, setPassword, TEST_PASSWORD } from './testing/passwords.fixture.js';

describe('sign-in and sessions', () => {
  let h: Harness;
  let orgId: string;

  beforeAll(async () => {
    h = await createHarness();
    orgId = (await h.makeOrganisation()).id;
  });
  afterAll(() => h.close());

  async function userWithPassword(role: 'adviser' | 'manager' | 'admin' = 'adviser') {
    const user = await h.makeUser(orgId, role);
    await setPassword(h.dataSource, user.id);
    return user;
  }

  const signIn = (email: string, password = TEST_PASSWORD, cookie?: string) => {
    const req = h.http().post('/api/auth/sign-in').send({ email, password });
    return cookie ? req.set('Cookie', `dv_session=${cookie}`) : req;
  };

  it('signs in with the right password, setting an httpOnly SameSite=Strict cookie', async () => {
    const user = await userWithPassword();
    const res = await signIn(user.email.toUpperCase()).expect(200);
    expect(res.body.me).toMatchObject({ id: user.id, role: 'adviser', organisationId: orgId });
    expect(res.body.csrfToken).toEqual(expect.any(String));
    expect(res.body.twoFactor).toEqual({ enabled: false, enrolmentRequired: false });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toMatch(/Secure/); // SECURE_COOKIES is off in tests
    const cookie = sessionCookie(res.headers);
    await h.http().get('/api/auth/me').set('Cookie', `dv_session=${cookie}`).expect(200);
  });

  it('refuses a wrong password with the same message as an unknown email, and audits both', async () => {
    const user = await userWithPassword();
    const wrong = await signIn(user.email, 'not the password at all').expect(401);
    const unknown = await signIn('nobody-here@test.example').expect(401);
    expect(wrong.body.errors).toEqual(unknown.body.errors);
    const rows = await h.dataSource.query(
      `SELECT user_id, organisation_id, details FROM audit_log WHERE action = 'failed_sign_in' AND details->>'email' = ANY($1)`,
      [[user.email, 'nobody-here@test.example']],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          user_id: user.id,
          organisation_id: orgId,
          details: expect.objectContaining({ reason: 'wrong_password' }),
        }),
        expect.objectContaining({ user_id: null, details: expect.objectContaining({ reason: 'unknown_email' }) }),
      ]),
    );
  });

  it('refuses a deactivated user', async () => {
    const user = await userWithPassword();
    await h.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [user.id]);
    await signIn(user.email).expect(401);
  });

  it('rotates the session on sign-in: the old session token stops working', async () => {
    const user = await userWithPassword();
    const first = sessionCookie((await signIn(user.email).expect(200)).headers)!;
    const second = sessionCookie((await signIn(user.email, TEST_PASSWORD, first).expect(200)).headers)!;
    expect(second).not.toBe(first);
    await h.http().get('/api/auth/me').set('Cookie', `dv_session=${first}`).expect(401);
    await h.http().get('/api/auth/me').set('Cookie', `dv_session=${second}`).expect(200);
  });

  it(`ends a session idle for more than ${IDLE_TIMEOUT_MINUTES} minutes`, async () => {
    const user = await h.makeUser(orgId, 'adviser');
    await h.as(user).get('/api/auth/me').expect(200);
    await h.dataSource.query(
      `UPDATE sessions SET last_seen_at = now() - make_interval(mins => $2 + 1) WHERE user_id = $1`,
      [user.id, IDLE_TIMEOUT_MINUTES],
    );
    await h.as(user).get('/api/auth/me').expect(401);
    expect(await h.dataSource.query(`SELECT 1 FROM sessions WHERE user_id = $1`, [user.id])).toHaveLength(0);
  });

  it('keeps an active session alive: each request moves the idle clock', async () => {
    const user = await h.makeUser(orgId, 'adviser');
    await h.dataSource.query(
      `UPDATE sessions SET last_seen_at = now() - make_interval(mins => $2 - 1) WHERE user_id = $1`,
      [user.id, IDLE_TIMEOUT_MINUTES],
    );
    await h.as(user).get('/api/auth/me').expect(200);
    const [row] = await h.dataSource.query(
      `SELECT now() - last_seen_at < interval '1 minute' AS fresh FROM sessions WHERE user_id = $1`,
      [user.id],
    );
    expect(row.fresh).toBe(true);
  });

  it(`ends a session after ${ABSOLUTE_TIMEOUT_HOURS} hours however active`, async () => {
    const user = await h.makeUser(orgId, 'adviser');
    const [row] = await h.dataSource.query(
      `SELECT expires_at - created_at AS lifetime FROM sessions WHERE user_id = $1`,
      [user.id],
    );
    expect(row.lifetime).toMatchObject({ hours: ABSOLUTE_TIMEOUT_HOURS });
    await h.dataSource.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      user.id,
    ]);
    await h.as(user).get('/api/auth/me').expect(401);
  });

  it('signs out everywhere: every session of the user ends, others keep theirs', async () => {
    const user = await userWithPassword();
    const other = await h.makeUser(orgId, 'adviser');
    const a = sessionCookie((await signIn(user.email).expect(200)).headers)!;
    const b = await signIn(user.email).expect(200);
    await h
      .http()
      .post('/api/auth/sign-out-everywhere')
      .set('Cookie', `dv_session=${sessionCookie(b.headers)}`)
      .set('X-CSRF-Token', b.body.csrfToken)
      .expect(204);
    await h.http().get('/api/auth/me').set('Cookie', `dv_session=${a}`).expect(401);
    await h.as(other).get('/api/auth/me').expect(200);
    const [row] = await h.dataSource.query(`SELECT details FROM audit_log WHERE action = 'sign_out' AND user_id = $1`, [
      user.id,
    ]);
    expect(row.details).toEqual({ everywhere: true });
  });

  it('signs out this session only', async () => {
    const user = await userWithPassword();
    const a = await signIn(user.email).expect(200);
    const b = sessionCookie((await signIn(user.email).expect(200)).headers)!;
    await h
      .http()
      .post('/api/auth/sign-out')
      .set('Cookie', `dv_session=${sessionCookie(a.headers)}`)
      .set('X-CSRF-Token', a.body.csrfToken)
      .expect(204);
    await h
      .http()
      .get('/api/auth/me')
      .set('Cookie', `dv_session=${sessionCookie(a.headers)}`)
      .expect(401);
    await h.http().get('/api/auth/me').set('Cookie', `dv_session=${b}`).expect(200);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const user = await userWithPassword();
    const res = await signIn(user.email).expect(200);
    const cookie = `dv_session=${sessionCookie(res.headers)}`;
    await h.http().post('/api/auth/sign-out').set('Cookie', cookie).expect(403);
    await h.http().post('/api/auth/sign-out').set('Cookie', cookie).set('X-CSRF-Token', 'forged').expect(403);
    await h.http().post('/api/auth/sign-out').set('Cookie', cookie).set('X-CSRF-Token', res.body.csrfToken).expect(204);
  });

  it('audits a successful sign-in with the address', async () => {
    const user = await userWithPassword();
    await signIn(user.email).expect(200);
    const [row] = await h.dataSource.query(
      `SELECT ip, organisation_id FROM audit_log WHERE action = 'sign_in' AND user_id = $1`,
      [user.id],
    );
    expect(row.organisation_id).toBe(orgId);
    expect(row.ip).toEqual(expect.any(String));
  });
});
