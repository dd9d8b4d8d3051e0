import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createHarness, type Harness } from '../../test/harness.js';

describe('GET /api/health', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await createHarness();
  });
  afterAll(async () => {
    await sut.close();
  });

  it('reports ok with the database up', async () => {
    const res = await sut.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('reports 503 with db "down" when the database is unreachable, and recovers', async () => {
    // Forbid new connections to this test database and cut the existing ones: the pool cannot reach it.
    const admin = new pg.Client({ connectionString: process.env.TEST_ADMIN_URL });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${sut.db.name} WITH ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [sut.db.name]);
      const down = await sut.http().get('/api/health').expect(503);
      expect(down.body).toMatchObject({ db: 'down', status: 'degraded' });
    } finally {
      await admin.query(`ALTER DATABASE ${sut.db.name} WITH ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    const up = await sut.http().get('/api/health').expect(200);
    expect(up.body.db).toBe('ok');
  });

  it('serves the OpenAPI document', async () => {
    const res = await sut.http().get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/api/health');
  });

  it('refuses a protected route without a session', async () => {
    const res = await sut.http().get('/api/auth/me').expect(401);
    expect(res.body.errors[0].message).toMatch(/sign in/i);
  });
});
