import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';
import { prepareBatchCheck, runBatchCheck, type BatchCheck } from './foreign-key-check.js';

/** The check that stands in for foreign-key triggers when the import writes with them off. */
describe('the import batch check', () => {
  let db: TestDatabase;
  let client: pg.Client;
  let check: BatchCheck;
  let org: string;
  let adviser: string;
  let clientId: string;

  const newCase = async (id = randomUUID()) => {
    await client.query(
      `INSERT INTO cases (id, organisation_id, ref, client_id, category, opened_on, lead_adviser_id, funding_stream, arrival_route)
       VALUES ($1, $2, $3, $4, 'debt', '2025-01-06', $5, 'grant', 'self')`,
      [id, org, `ref-${id}`, clientId, adviser],
    );
    return id;
  };
  const entry = (caseId: string, adviserId = adviser, organisationId = org) =>
    client.query(
      `INSERT INTO time_entries (organisation_id, case_id, adviser_id, "on", minutes, class, activity, mode)
       VALUES ($1, $2, $3, '2025-01-07', 30, 'relationship', 'advice_session', 'phone')`,
      [organisationId, caseId, adviserId],
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    org = (await client.query(`INSERT INTO organisations (ref, name) VALUES ('a', 'A') RETURNING id`)).rows[0].id;
    adviser = (
      await client.query(
        `INSERT INTO users (organisation_id, email, name, role) VALUES ($1, 'a@x.org', 'A', 'adviser') RETURNING id`,
        [org],
      )
    ).rows[0].id;
    clientId = (await client.query(`INSERT INTO clients (organisation_id, ref) VALUES ($1, 'c') RETURNING id`, [org]))
      .rows[0].id;
    check = await prepareBatchCheck(client, ['time_entries', 'feedback']);
    await client.query('BEGIN');
    await client.query(`SET LOCAL session_replication_role = replica`);
  });
  afterAll(async () => {
    await client.query('ROLLBACK');
    await client.end();
    await db.drop();
  });

  it('counts the rows that belong to the batch and finds no broken key in good rows', async () => {
    const kase = await newCase();
    await entry(kase);
    await entry(kase);
    expect(await runBatchCheck(client, check, org, [kase])).toEqual({
      counts: { cases: 1, time_entries: 2, feedback: 0 },
      violated: null,
    });
  });

  it('names the foreign key of a row whose adviser does not exist', async () => {
    const kase = await newCase();
    await entry(kase, randomUUID());
    expect((await runBatchCheck(client, check, org, [kase])).violated).toBe(
      'time_entries_organisation_id_adviser_id_fkey',
    );
  });

  it('misses a row written to a case outside the batch, so the counts disagree', async () => {
    const kase = await newCase();
    await entry(randomUUID());
    expect((await runBatchCheck(client, check, org, [kase])).counts.time_entries).toBe(0);
  });
});
