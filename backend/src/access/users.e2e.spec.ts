import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { setPassword, TEST_PASSWORD } from './testing/passwords.fixture.js';

describe('user administration', () => {
  let h: Harness;
  let orgId: string;
  let admin: TestUser;

  beforeAll(async () => {
    h = await createHarness();
    orgId = (await h.makeOrganisation()).id;
    admin = await h.makeUser(orgId, 'admin');
  });
  afterAll(() => h.close());

  const tokenOf = (url: string) => new URL(url, 'http://x').searchParams.get('token')!;

  it('invites a user with a one-time set-password link; the user sets a password and signs in', async () => {
    const invited = await h
      .as(admin)
      .post('/api/users')
      .send({ email: 'New.Adviser@Test.Example', name: 'New Adviser', role: 'adviser' })
      .expect(201);
    expect(invited.body.user).toMatchObject({
      email: 'new.adviser@test.example',
      role: 'adviser',
      invitePending: true,
    });
    expect(invited.body.setPasswordUrl).toMatch(/^\/set-password\?token=[\w-]{40,}$/);
    const token = tokenOf(invited.body.setPasswordUrl);

    const weak = await h.http().post('/api/auth/set-password').send({ token, password: 'password1234' }).expect(400);
    expect(weak.body.errors).toEqual([{ path: 'password', message: expect.stringMatching(/^is too easy to guess/) }]);
    // The user's own name is refused even in an otherwise long password.
    const own = await h
      .http()
      .post('/api/auth/set-password')
      .send({ token, password: 'New Adviser 2026!' })
      .expect(400);
    expect(own.body.errors).toEqual([
      { path: 'password', message: 'must not contain your name, email, organisation or "Deep Value"; choose another' },
    ]);
    await h.http().post('/api/auth/set-password').send({ token, password: TEST_PASSWORD }).expect(204);
    await h.http().post('/api/auth/set-password').send({ token, password: TEST_PASSWORD }).expect(400); // used up
    await h
      .http()
      .post('/api/auth/sign-in')
      .send({ email: 'new.adviser@test.example', password: TEST_PASSWORD })
      .expect(200);

    const list = await h.as(admin).get('/api/users').expect(200);
    expect(list.body.find((u: { id: string }) => u.id === invited.body.user.id)).toMatchObject({
      invitePending: false,
    });
    expect(JSON.stringify(list.body)).not.toMatch(/password_hash|passwordHash|totp/i);
  });

  it('refuses an email already in use and a role the organisation cannot have', async () => {
    const taken = await h
      .as(admin)
      .post('/api/users')
      .send({ email: admin.email, name: 'X', role: 'adviser' })
      .expect(409);
    expect(taken.body.errors[0].path).toBe('email');
    const role = await h
      .as(admin)
      .post('/api/users')
      .send({ email: 'commissioner-in-provider@test.example', name: 'X', role: 'commissioner' })
      .expect(400);
    expect(role.body.errors[0].path).toBe('role');
  });

  it('says nothing about emails of other organisations: inviting one is an ordinary invite', async () => {
    const elsewhere = await h.makeUser((await h.makeOrganisation()).id, 'adviser', { name: 'Elsewhere' });
    await setPassword(h.dataSource, elsewhere.id, 'their own password 77');
    const fresh = await h
      .as(admin)
      .post('/api/users')
      .send({ email: 'never.seen@test.example', name: 'Sam', role: 'adviser' })
      .expect(201);
    const invited = await h
      .as(admin)
      .post('/api/users')
      .send({ email: elsewhere.email, name: 'Sam', role: 'adviser' })
      .expect(201);
    const shape = (body: { user: Record<string, unknown> }) => ({
      ...body,
      user: { ...body.user, id: 'id', email: 'email' },
      token: 'token',
      setPasswordUrl: 'url',
      expiresAt: 'at',
    });
    expect(shape(invited.body)).toEqual(shape(fresh.body));
    expect(invited.body.user).toMatchObject({ email: elsewhere.email, name: 'Sam', invitePending: true });

    // The invite is real: the link sets a password for an account of this organisation, and each
    // account signs in with its own password; the other organisation's user is untouched.
    const token = new URL(invited.body.setPasswordUrl, 'http://x').searchParams.get('token')!;
    await h.http().post('/api/auth/set-password').send({ token, password: TEST_PASSWORD }).expect(204);
    const here = await h.http().post('/api/auth/sign-in').send({ email: elsewhere.email, password: TEST_PASSWORD });
    expect([here.status, here.body.me?.organisationId]).toEqual([200, orgId]);
    const there = await h
      .http()
      .post('/api/auth/sign-in')
      .send({ email: elsewhere.email, password: 'their own password 77' });
    expect([there.status, there.body.me?.organisationId]).toEqual([200, elsewhere.organisationId]);
    const [theirs] = await h.dataSource.query(`SELECT name, organisation_id FROM users WHERE id = $1`, [elsewhere.id]);
    expect(theirs).toEqual({ name: 'Elsewhere', organisation_id: elsewhere.organisationId });

    // Within the organisation a second invite of the same email is still a clear 409.
    const again = await h
      .as(admin)
      .post('/api/users')
      .send({ email: elsewhere.email, name: 'Sam again', role: 'adviser' })
      .expect(409);
    expect(again.body.errors).toEqual([{ path: 'email', message: 'is already used by a user of this organisation' }]);
  });

  it('deactivating a user ends their sessions; a stale version gets 409', async () => {
    const user = await h.makeUser(orgId, 'adviser');
    await h.as(user).get('/api/auth/me').expect(200);
    const [{ version }] = await h.dataSource.query(`SELECT version FROM users WHERE id = $1`, [user.id]);
    const res = await h.as(admin).patch(`/api/users/${user.id}`).send({ active: false, version }).expect(200);
    expect(res.body).toMatchObject({ active: false, version: version + 1 });
    await h.as(user).get('/api/auth/me').expect(401);
    const stale = await h.as(admin).patch(`/api/users/${user.id}`).send({ role: 'manager', version }).expect(409);
    expect(stale.body.code).toBe('stale_version');
    const audit = await h.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'update' AND entity = 'user' AND entity_ids = ARRAY[$1::text]`,
      [user.id],
    );
    expect(audit).toEqual([{ details: { fields: ['active'] } }]);
  });

  it('an admin cannot deactivate or demote themselves', async () => {
    const [{ version }] = await h.dataSource.query(`SELECT version FROM users WHERE id = $1`, [admin.id]);
    await h.as(admin).patch(`/api/users/${admin.id}`).send({ active: false, version }).expect(403);
    await h.as(admin).patch(`/api/users/${admin.id}`).send({ role: 'manager', version }).expect(403);
  });

  it('reset-password issues a new link and voids the earlier one', async () => {
    const user = await h.makeUser(orgId, 'adviser');
    const first = await h.as(admin).post(`/api/users/${user.id}/reset-password`).expect(200);
    const second = await h.as(admin).post(`/api/users/${user.id}/reset-password`).expect(200);
    await h
      .http()
      .post('/api/auth/set-password')
      .send({ token: tokenOf(first.body.setPasswordUrl), password: TEST_PASSWORD })
      .expect(400);
    await h
      .http()
      .post('/api/auth/set-password')
      .send({ token: tokenOf(second.body.setPasswordUrl), password: TEST_PASSWORD })
      .expect(204);
    await h.as(user).get('/api/auth/me').expect(401); // setting a password ends existing sessions
  });

  it('is for admins of the same organisation only', async () => {
    const manager = await h.makeUser(orgId, 'manager');
    await h.as(manager).get('/api/users').expect(403);
    const otherOrg = await h.makeOrganisation();
    const otherAdmin = await h.makeUser(otherOrg.id, 'admin');
    const user = await h.makeUser(orgId, 'adviser');
    const list = await h.as(otherAdmin).get('/api/users').expect(200);
    expect(list.body.map((u: { id: string }) => u.id)).toEqual([otherAdmin.id]);
    await h.as(otherAdmin).patch(`/api/users/${user.id}`).send({ active: false, version: 1 }).expect(404);
    await h.as(otherAdmin).post(`/api/users/${user.id}/reset-password`).expect(404);
    await h.as(admin).patch(`/api/users/not-a-uuid`).send({ version: 1 }).expect(400);
  });
});
