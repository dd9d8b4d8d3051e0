import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { makeCase, makeStaffedOrganisation, OUTCOME, type Staff } from '../../test/factories.js';
import { createHarness, type Harness } from '../../test/harness.js';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';

describe('Idempotency-Key on POST', () => {
  let h: Harness;
  let ours: Staff;
  let theirs: Staff;
  let kase: Record<string, unknown>;
  const entry = { on: '2025-01-06', minutes: 40, class: 'relationship', activity: 'advice_session', mode: 'phone' };

  beforeAll(async () => {
    h = await createHarness();
    [ours, theirs] = await Promise.all([makeStaffedOrganisation(h), makeStaffedOrganisation(h)]);
    kase = await makeCase(h, ours.adviser);
  });
  afterAll(async () => {
    await h.close();
  });

  const entriesWithNote = async (note: string) =>
    (await h.dataSource.query(`SELECT count(*)::int AS n FROM time_entries WHERE note = $1`, [note]))[0].n as number;

  const post = (key: string, body: Record<string, unknown>, user = ours.adviser, caseId = kase.id) =>
    h
      .as(user)
      .post(`/api/cases/${String(caseId)}/time-entries`)
      .set('Idempotency-Key', key)
      .send(body);

  it('replays the first response to a retry with the same key and body, recording once', async () => {
    const key = randomUUID();
    const body = { ...entry, note: 'replayed' };
    const first = await post(key, body).expect(201);
    const retry = await post(key, body).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await entriesWithNote('replayed')).toBe(1);
  });

  it('treats the same body with its keys in another order as the same request', async () => {
    const key = randomUUID();
    await post(key, { ...entry, note: 'reordered' }).expect(201);
    const reordered = Object.fromEntries(Object.entries({ ...entry, note: 'reordered' }).reverse());
    await post(key, reordered).expect(201);
    expect(await entriesWithNote('reordered')).toBe(1);
  });

  it('refuses the same key with a different body or on a different route with 422', async () => {
    const key = randomUUID();
    await post(key, { ...entry, note: 'original' }).expect(201);
    const changed = await post(key, { ...entry, note: 'original', minutes: 41 }).expect(422);
    expect(changed.body).toEqual({
      code: 'idempotency_mismatch',
      errors: [{ path: 'Idempotency-Key', message: 'was already used for a different request; use a new key' }],
    });
    const otherRoute = await h
      .as(ours.adviser)
      .post('/api/clients')
      .set('Idempotency-Key', key)
      .send({ ...entry, note: 'original' })
      .expect(422);
    expect(otherRoute.body.code).toBe('idempotency_mismatch');
    expect(await entriesWithNote('original')).toBe(1);
  });

  it('scopes keys to the organisation', async () => {
    const key = randomUUID();
    const theirCase = await makeCase(h, theirs.adviser);
    await post(key, { ...entry, note: 'scoped' }).expect(201);
    await post(key, { ...entry, note: 'scoped' }, theirs.adviser, theirCase.id).expect(201);
    expect(await entriesWithNote('scoped')).toBe(2);
  });

  it('records once under 100 concurrent identical requests', async () => {
    const key = randomUUID();
    const body = { ...entry, note: 'stampede' };
    const responses = await Promise.all(Array.from({ length: 100 }, () => post(key, body)));
    expect(responses.map((r) => r.status)).toEqual(Array(100).fill(201));
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await entriesWithNote('stampede')).toBe(1);
  });

  it('makes a retry that arrives while the first is running wait for it and replay its response', async () => {
    await h.owner(`
      CREATE FUNCTION slow_entry() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.note = 'slow' THEN PERFORM pg_sleep(0.6); END IF; RETURN NEW; END $$`);
    await h.owner(`CREATE TRIGGER slow_entry BEFORE INSERT ON time_entries FOR EACH ROW EXECUTE FUNCTION slow_entry()`);
    try {
      const key = randomUUID();
      const body = { ...entry, note: 'slow' };
      const first = post(key, body).then((r) => r);
      await new Promise((resolve) => setTimeout(resolve, 150));
      const retry = await post(key, body);
      const done = await first;
      expect(done.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(done.body);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(await entriesWithNote('slow')).toBe(1);
    } finally {
      await h.owner(`DROP TRIGGER slow_entry ON time_entries`);
      await h.owner(`DROP FUNCTION slow_entry()`);
    }
  });

  it('answers 409 to a retry when the first is still running after the wait', async () => {
    await h.owner(`
      CREATE FUNCTION slower_entry() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.note = 'slower' THEN PERFORM pg_sleep(0.8); END IF; RETURN NEW; END $$`);
    await h.owner(
      `CREATE TRIGGER slower_entry BEFORE INSERT ON time_entries FOR EACH ROW EXECUTE FUNCTION slower_entry()`,
    );
    const wait = IdempotencyInterceptor.waitForFirstMs;
    IdempotencyInterceptor.waitForFirstMs = 200;
    try {
      const key = randomUUID();
      const body = { ...entry, note: 'slower' };
      const first = post(key, body).then((r) => r);
      await new Promise((resolve) => setTimeout(resolve, 150));
      const retry = await post(key, body).expect(409);
      expect(retry.body.errors).toEqual([
        { path: 'Idempotency-Key', message: 'is still being processed by an earlier request; retry shortly' },
      ]);
      expect((await first).status).toBe(201);
      await post(key, body).expect(201);
      expect(await entriesWithNote('slower')).toBe(1);
    } finally {
      IdempotencyInterceptor.waitForFirstMs = wait;
      await h.owner(`DROP TRIGGER slower_entry ON time_entries`);
      await h.owner(`DROP FUNCTION slower_entry()`);
    }
  });

  it('starts afresh with a key older than 24 hours', async () => {
    const key = randomUUID();
    await post(key, { ...entry, note: 'expired' }).expect(201);
    await h.dataSource.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE organisation_id = $1 AND key = $2`,
      [ours.organisationId, key],
    );
    const again = await post(key, { ...entry, note: 'expired', minutes: 41 }).expect(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(await entriesWithNote('expired')).toBe(2);
  });

  it('releases the key when the first attempt fails, so a corrected retry goes through', async () => {
    const key = randomUUID();
    const refused = await post(key, { ...entry, note: 'fixed later', adviserId: theirs.adviser.id }).expect(422);
    expect(refused.body.errors[0].path).toBe('adviserId');
    const invalid = await post(key, { ...entry, note: 'fixed later', minutes: 0 }).expect(400);
    expect(invalid.body.errors).toEqual([{ path: 'minutes', message: 'must be at least 1' }]);
    await post(key, { ...entry, note: 'fixed later' }).expect(201);
    expect(await entriesWithNote('fixed later')).toBe(1);
    const [row] = await h.dataSource.query(
      `SELECT status_code, path FROM idempotency_keys WHERE organisation_id = $1 AND key = $2`,
      [ours.organisationId, key],
    );
    expect(row).toEqual({ status_code: 201, path: `/api/cases/${String(kase.id)}/time-entries` });
  });

  it('replays a case close instead of answering "already closed"', async () => {
    const own = await makeCase(h, ours.adviser);
    const key = randomUUID();
    const body = { version: 1, closedOn: '2025-04-30', outcome: OUTCOME };
    const first = await h
      .as(ours.adviser)
      .post(`/api/cases/${own.id}/close`)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(200);
    const retry = await h
      .as(ours.adviser)
      .post(`/api/cases/${own.id}/close`)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(200);
    expect(retry.body).toEqual(first.body);
    const [{ n }] = await h.dataSource.query(`SELECT count(*)::int AS n FROM outcome_benefits WHERE case_id = $1`, [
      own.id,
    ]);
    expect(n).toBe(1);
  });

  it('creates a client once per key, with its duplicate warning replayed too', async () => {
    const key = randomUUID();
    const body = { firstName: 'Once', lastName: 'Only', dateOfBirth: '1990-01-01' };
    const first = await h.as(ours.adviser).post('/api/clients').set('Idempotency-Key', key).send(body).expect(201);
    const retry = await h.as(ours.adviser).post('/api/clients').set('Idempotency-Key', key).send(body).expect(201);
    expect(retry.body).toEqual(first.body);
    const [{ n }] = await h.dataSource.query(`SELECT count(*)::int AS n FROM clients WHERE last_name = 'Only'`);
    expect(n).toBe(1);
  });

  it('records twice without a key', async () => {
    const body = { ...entry, note: 'no key' };
    await h
      .as(ours.adviser)
      .post(`/api/cases/${String(kase.id)}/time-entries`)
      .send(body)
      .expect(201);
    await h
      .as(ours.adviser)
      .post(`/api/cases/${String(kase.id)}/time-entries`)
      .send(body)
      .expect(201);
    expect(await entriesWithNote('no key')).toBe(2);
  });

  it('rejects a malformed key', async () => {
    for (const key of ['has space', 'k'.repeat(201)]) {
      const res = await post(key, { ...entry, note: 'bad key' }).expect(400);
      expect(res.body.errors[0].path).toBe('Idempotency-Key');
    }
    expect(await entriesWithNote('bad key')).toBe(0);
  });

  describe('on routes outside casework', () => {
    it('leaves public routes alone', async () => {
      const res = await h
        .http()
        .post('/api/auth/sign-in')
        .set('Idempotency-Key', randomUUID())
        .send({ email: 'nobody@example.org', password: 'wrong password' });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    });
  });
});
