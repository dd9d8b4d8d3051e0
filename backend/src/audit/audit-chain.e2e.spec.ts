/**
 * The audit log's hash chain: rows written through the app and by hand are linked per
 * organisation; a row altered, deleted or inserted out of place behind the app's back (here with
 * the owner's connection and triggers off, as the attack did) is named by `verify` and by
 * the built CLI (`npx tsc -b shared backend` first); concurrent writers never fork the chain.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { assertCliBuilt, runCli } from '../../test/cli.js';
import { createHarness, type Harness } from '../../test/harness.js';
import { AuditChainService, NO_ORGANISATION } from './audit-chain.service.js';
import { AuditService } from './audit.service.js';

describe(AuditChainService.name, () => {
  let h: Harness;
  let sut: AuditChainService;
  let audit: AuditService;
  /** The owner's connection: what an attacker with the superuser could do. */
  let owner: pg.Client;

  beforeAll(async () => {
    h = await createHarness();
    sut = h.app.get(AuditChainService);
    audit = h.app.get(AuditService);
    owner = new pg.Client({ connectionString: h.db.url });
    await owner.connect();
  });
  afterAll(async () => {
    await owner?.end();
    await h?.close();
  });

  /** An organisation with `n` audit rows: some through the API, the rest through the service. */
  async function organisationWithLog(n: number) {
    const org = await h.makeOrganisation();
    const admin = await h.makeUser(org.id, 'admin');
    await h.as(admin).get('/api/users').expect(200);
    const written = Number(
      (await owner.query(`SELECT count(*) FROM audit_log WHERE organisation_id = $1`, [org.id])).rows[0].count,
    );
    for (let i = written; i < n; i += 1)
      await audit.record({
        organisationId: org.id,
        userId: admin.id,
        action: 'read',
        entity: 'cases',
        entityIds: [`${i}`],
      });
    const rows: Array<{ id: string; chain_seq: string }> = (
      await owner.query(
        `SELECT id::text, chain_seq::text FROM audit_log WHERE organisation_id = $1 ORDER BY chain_seq`,
        [org.id],
      )
    ).rows;
    return { org, admin, rows };
  }

  /** Runs SQL as the owner with triggers off, as the append-only trigger would otherwise refuse it. */
  async function behindTheBack(sql: string, params: unknown[]) {
    await owner.query('BEGIN');
    await owner.query('SET LOCAL session_replication_role = replica');
    await owner.query(sql, params);
    await owner.query('COMMIT');
  }

  it('links every row of an organisation in order, from 1, and verifies them', async () => {
    const { org, rows } = await organisationWithLog(6);
    expect(rows.map((r) => Number(r.chain_seq))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await sut.verify(org.id)).toEqual({ organisationId: org.id, rows: 6, lastHash: expect.any(String) });
    // A row inserted by hand, not through the app, is linked just the same.
    await owner.query(
      `INSERT INTO audit_log (organisation_id, action, details) VALUES ($1, 'admin', '{"b": 1, "a": "é"}')`,
      [org.id],
    );
    expect(await sut.verify(org.id)).toEqual({ organisationId: org.id, rows: 7, lastHash: expect.any(String) });
  });

  it('names a row altered after it was written', async () => {
    const { org, rows } = await organisationWithLog(5);
    await behindTheBack(`UPDATE audit_log SET entity_ids = '{someone-else}' WHERE id = $1`, [rows[2].id]);
    expect((await sut.verify(org.id)).broken).toEqual({
      id: rows[2].id,
      position: '3',
      problem: 'its content does not match its hash (altered after it was written)',
    });
  });

  it('names the row after a deleted one, and a chain cut short at its end', async () => {
    const { org, rows } = await organisationWithLog(5);
    await behindTheBack(`DELETE FROM audit_log WHERE id = $1`, [rows[1].id]);
    expect((await sut.verify(org.id)).broken).toEqual({
      id: rows[2].id,
      position: '3',
      problem: 'position 2 is missing before it (deleted)',
    });

    const other = await organisationWithLog(4);
    await behindTheBack(`DELETE FROM audit_log WHERE id = ANY($1::bigint[])`, [[other.rows[2].id, other.rows[3].id]]);
    expect((await sut.verify(other.org.id)).broken).toEqual({
      id: null,
      position: '3',
      problem: 'the chain ends at position 2 but its head records 4 rows (rows deleted from the end)',
    });
  });

  it('names a row inserted out of place, and rows whose places were swapped', async () => {
    const { org, admin, rows } = await organisationWithLog(4);
    // A forged row claims position 2 with the right previous hash and a hash copied from the real one.
    await behindTheBack(
      `INSERT INTO audit_log (organisation_id, user_id, action, entity, chain_seq, prev_hash, hash)
       SELECT organisation_id, $2, 'read', 'cases', chain_seq, prev_hash, hash FROM audit_log WHERE id = $1`,
      [rows[1].id, admin.id],
    );
    const broken = (await sut.verify(org.id)).broken;
    expect(broken?.position).toBe('2');
    expect(broken?.id).not.toBe(rows[1].id);
    expect(broken?.problem).toBe('a second row at position 2 (inserted out of place)');

    const other = await organisationWithLog(4);
    await behindTheBack(`UPDATE audit_log SET chain_seq = CASE id WHEN $1 THEN 3 ELSE 2 END WHERE id IN ($1, $2)`, [
      other.rows[1].id,
      other.rows[2].id,
    ]);
    expect((await sut.verify(other.org.id)).broken).toMatchObject({ id: other.rows[2].id, position: '2' });
  });

  it('keeps one unbroken chain per organisation under concurrent writers', async () => {
    // Sorted: a transaction that writes to several chains takes their locks in one order, as the app does.
    const orgs = [await h.makeOrganisation(), await h.makeOrganisation()].sort((a, b) => a.id.localeCompare(b.id));
    const clients = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const client = new pg.Client({ connectionString: h.db.url });
        await client.connect();
        return client;
      }),
    );
    try {
      // Eight connections committing transactions of several rows at once: half to one organisation, half to both.
      await Promise.all(
        clients.map(async (client, c) => {
          for (let t = 0; t < 5; t += 1) {
            await client.query('BEGIN');
            for (let r = 0; r < 3; r += 1)
              await client.query(
                `INSERT INTO audit_log (organisation_id, action, entity_ids) VALUES ($1, 'read', $2)`,
                [orgs[r === 0 ? 0 : c % 2].id, [`${c}-${t}-${r}`]],
              );
            await client.query('COMMIT');
          }
        }),
      );
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
    const reports = await Promise.all(orgs.map((org) => sut.verify(org.id)));
    expect(reports.map((r) => r.broken)).toEqual([undefined, undefined]);
    expect(reports.reduce((sum, r) => sum + r.rows, 0)).toBe(8 * 5 * 3);
  });

  it('chains rows without an organisation on their own', async () => {
    await h.http().post('/api/auth/sign-in').send({ email: 'nobody@nowhere.example', password: 'wrong-password-1' });
    const report = await sut.verify(NO_ORGANISATION);
    expect(report.broken).toBeUndefined();
    expect(report.rows).toBeGreaterThan(0);
  });

  it('`audit verify` exits 0 when intact and 1 naming the first broken row', async () => {
    assertCliBuilt();
    const { org, rows } = await organisationWithLog(3);
    const intact = await runCli(['audit', 'verify', '--org', org.ref], h.db);
    const [{ hash }] = (
      await owner.query(`SELECT encode(hash, 'hex') AS hash FROM audit_log WHERE id = $1`, [rows[2].id])
    ).rows;
    expect(intact).toMatchObject({ code: 0, stdout: `${org.ref}: 3 row(s), chain intact, last hash ${hash}\n` });

    await behindTheBack(`UPDATE audit_log SET action = 'export' WHERE id = $1`, [rows[0].id]);
    const broken = await runCli(['audit', 'verify'], h.db);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(
      `${org.ref}: BROKEN at row ${rows[0].id} (position 1): its content does not match its hash (altered after it was written)\n`,
    );
    expect(broken.stderr).toMatch(/chain\(s\) broken/);

    const unknown = await runCli(['audit', 'verify', '--org', 'no-such-org'], h.db);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('there is no organisation with reference "no-such-org"');
  });
});
