import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifyPassword } from '../access/passwords.js';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';
import { DEMO_PASSWORD, ensureDemoData } from './demo-data.js';
import pg from 'pg';

describe(ensureDemoData.name, () => {
  let db: TestDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('loads two sharing organisations with ≥ 2,000 cases and a user per role, once', async () => {
    const log: string[] = [];
    const first = await ensureDemoData(db.appUrl, (m) => log.push(m), 2000);
    const { rows: orgs } = await client.query(
      `SELECT o.kind, count(c.id)::int AS cases FROM organisations o LEFT JOIN cases c ON c.organisation_id = o.id GROUP BY o.id ORDER BY o.kind, cases`,
    );
    expect(orgs.map((o) => o.kind)).toEqual(['commissioner', 'provider', 'provider']);
    expect(orgs[1].cases + orgs[2].cases).toBe(2000);
    const { rows: shares } = await client.query(`SELECT count(*)::int AS n FROM organisation_shares`);
    expect(shares[0].n).toBe(2);
    expect(first.users.map((u) => u.role).sort()).toEqual([
      'admin',
      'admin',
      'admin',
      'adviser',
      'adviser',
      'commissioner',
      'manager',
      'manager',
    ]);
    const { rows: users } = await client.query(`SELECT email, password_hash FROM users WHERE email = $1`, [
      first.users.find((u) => u.role === 'adviser')!.email,
    ]);
    expect(await verifyPassword(users[0].password_hash, DEMO_PASSWORD)).toBe(true);
    const { rows: led } = await client.query(
      `SELECT count(*)::int AS n FROM cases c JOIN users u ON u.id = c.lead_adviser_id WHERE u.email = $1`,
      [users[0].email],
    );
    expect(led[0].n).toBeGreaterThan(0); // the demo adviser has cases of their own

    const again = await ensureDemoData(db.appUrl, (m) => log.push(m), 2000);
    expect(again.users).toEqual(first.users);
    const { rows: count } = await client.query(`SELECT count(*)::int AS n FROM cases`);
    expect(count[0].n).toBe(2000);
  }, 120_000);

  it('every outcome measure shows something real in the demo: more relationship time, better results', async () => {
    const { rows } = await client.query(
      `SELECT band, avg((result IN ('positive','partly_positive'))::int)::float8 AS positive, avg(accepted::int)::float8 AS accepted
       FROM case_facts WHERE result IN ('positive','partly_positive','negative') GROUP BY band ORDER BY band`,
    );
    expect(rows[4].positive).toBeGreaterThan(rows[0].positive);
    expect(rows[4].accepted).toBeGreaterThan(rows[0].accepted);
  });

  it('gives every legally aided case its LAA details with a UFN, and each provider an office account', async () => {
    const { rows } = await client.query(
      `SELECT count(*)::int AS aided, count(l.id)::int AS detailed, count(l.ufn)::int AS numbered
         FROM cases c LEFT JOIN case_legal_aid l ON l.organisation_id = c.organisation_id AND l.case_id = c.id
        WHERE c.funding_stream IN ('legal_aid_fixed_fee', 'legal_aid_escape')`,
    );
    expect(rows[0].aided).toBeGreaterThan(300);
    expect(rows[0].detailed).toBe(rows[0].aided);
    expect(rows[0].numbered).toBe(rows[0].aided);
    const { rows: orgs } = await client.query(
      `SELECT settings->>'legalAidOfficeAccount' AS account FROM organisations WHERE kind = 'provider' ORDER BY ref`,
    );
    expect(orgs.map((o) => o.account)).toEqual(['DEMO02', 'DEMO01']);
  });
});
