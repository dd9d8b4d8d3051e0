import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { BODY_LIMIT } from '../app.js';
import { makeCasework, type CaseworkFixture } from '../casework/testing/casework-fixture.js';

const NASTY = [
  `<script>alert('x')</script>`,
  `"><img src=x onerror=alert(1)>`,
  `'; DROP TABLE clients; --`,
  `' OR '1'='1`,
  `Robert'); DELETE FROM audit_log; --`,
  `%_\\ ${'${7*7}'} {{7*7}}`,
];

describe('hardening: headers, body limits and hostile input', () => {
  let h: Harness;
  let orgId: string;
  let adviser: TestUser;
  let admin: TestUser;
  let data: CaseworkFixture;

  beforeAll(async () => {
    h = await createHarness();
    orgId = (await h.makeOrganisation()).id;
    adviser = await h.makeUser(orgId, 'adviser');
    admin = await h.makeUser(orgId, 'admin');
    data = await makeCasework(h.dataSource, orgId, { adviserId: adviser.id });
  });
  afterAll(() => h.close());

  it('sends a strict Content-Security-Policy and the other security headers', async () => {
    const res = await h.http().get('/api/health');
    const csp = res.headers['content-security-policy'];
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['strict-transport-security']).toBeUndefined(); // only behind HTTPS (SECURE_COOKIES)
  });

  it('relaxes only style-src, only for the API documentation page', async () => {
    const res = await h.http().get('/api/docs/');
    expect(res.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it(`refuses a JSON body over ${BODY_LIMIT} with 413`, async () => {
    const big = JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(3 * 1024 * 1024) });
    const res = await h.http().post('/api/auth/sign-in').set('Content-Type', 'application/json').send(big).expect(413);
    expect(res.body.code).toBe('too_large');
  });

  it('refuses malformed JSON with 400, not 500', async () => {
    const res = await h
      .http()
      .post('/api/auth/sign-in')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.example", ')
      .expect(400);
    expect(res.body.code).toBe('validation');
  });

  it.each(NASTY)('stores and returns client free text verbatim, as JSON: %s', async (text) => {
    const created = await h
      .as(adviser)
      .post('/api/clients')
      .send({ firstName: text.slice(0, 100), lastName: 'Hostile' })
      .expect(201);
    expect(created.headers['content-type']).toMatch(/^application\/json/);
    const read = await h.as(adviser).get(`/api/clients/${created.body.id}`).expect(200);
    expect(read.body.firstName).toBe(text.slice(0, 100));

    const entry = await h
      .as(adviser)
      .post(`/api/cases/${data.caseId}/time-entries`)
      .send({ on: '2024-02-01', minutes: 10, class: 'casework', activity: 'letter', mode: 'none', note: text })
      .expect(201);
    expect(entry.body.note).toBe(text);
  });

  it.each(NASTY)('treats a search filter as text: %s', async (text) => {
    const res = await h
      .as(adviser)
      .get(`/api/clients?search=${encodeURIComponent(text)}`)
      .expect(200);
    expect(
      res.body.items.every((c: { firstName: string | null }) => (c.firstName ?? '').includes(text.slice(0, 100))),
    ).toBe(true);
    const cases = await h
      .as(adviser)
      .get(`/api/cases?search=${encodeURIComponent(text)}`)
      .expect(200);
    expect(cases.body.items).toEqual([]);
    const [{ n }] = await h.dataSource.query(`SELECT count(*)::int AS n FROM clients WHERE id = $1`, [data.clientId]);
    expect(n).toBe(1);
  });

  it.each(NASTY)('stores a hostile user name verbatim: %s', async (text) => {
    const res = await h
      .as(admin)
      .post('/api/users')
      .send({ email: `u${Math.random().toString(36).slice(2)}@test.example`, name: text, role: 'adviser' })
      .expect(201);
    expect(res.body.user.name).toBe(text);
    const list = await h.as(admin).get('/api/users').expect(200);
    expect(list.body.map((u: { name: string }) => u.name)).toContain(text);
  });

  it('rejects a hostile email address and unknown fields', async () => {
    await h.as(admin).post('/api/users').send({ email: `x'--@`, name: 'X', role: 'adviser' }).expect(400);
    const res = await h
      .as(admin)
      .post('/api/users')
      .send({ email: 'ok@test.example', name: 'X', role: 'adviser', isAdmin: true })
      .expect(400);
    expect(res.body.errors).toContainEqual({ path: 'isAdmin', message: 'is not a known field' });
  });

  it('audits writes with the names of the fields sent, never their values', async () => {
    const user = await h.makeUser(orgId, 'adviser');
    const created = await h
      .as(user)
      .post('/api/clients')
      .send({ firstName: 'Secretname', lastName: 'Person' })
      .expect(201);
    const [row] = await h.dataSource.query(
      `SELECT entity_ids, details FROM audit_log WHERE user_id = $1 AND action = 'create' AND entity = 'client'`,
      [user.id],
    );
    expect(row.entity_ids).toEqual([created.body.id]);
    expect(row.details.fields.sort()).toEqual(['firstName', 'lastName']);
    expect(JSON.stringify(row)).not.toContain('Secretname');
  });
});
