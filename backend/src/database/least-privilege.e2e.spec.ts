/**
 * The embedded default (no DATABASE_URL): passwords made for each data directory and kept in a
 * file only its owner reads; the app connects as a role that is no superuser, owns no table and
 * cannot change or remove audit rows, even with triggers off; the schema's owner runs migrations.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { databasePasswords, startEmbeddedPostgres, urlFor, type EmbeddedHandle } from './embedded-postgres.js';
import { prepareSchema } from './open-database.js';

const LEGACY_PASSWORD = 'deepvalue-embedded';

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

describe('least privilege on the embedded database', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deepvalue-privilege-'));
  fs.chmodSync(dir, 0o755);
  const log = () => {};
  let handle: EmbeddedHandle;
  const port = () => Number(new URL(handle.url).port);
  const start = async () => {
    handle = await startEmbeddedPostgres({ dataDir: dir, log, exclusive: true });
    await prepareSchema(handle.ownerUrl, handle.url, log);
  };

  beforeAll(start);
  afterAll(async () => {
    await handle?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('makes passwords for this data directory, in a file only its owner can read', async () => {
    const file = path.join(dir, 'database-passwords.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const passwords = databasePasswords(dir);
    expect(passwords.owner).not.toBe(passwords.app);
    expect(passwords.owner.length).toBeGreaterThanOrEqual(32);
    expect(passwords.owner).not.toBe(LEGACY_PASSWORD);
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'deepvalue-privilege-other-'));
    try {
      expect(databasePasswords(other).owner).not.toBe(passwords.owner);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
    await expect(connect(urlFor(port(), LEGACY_PASSWORD, 'postgres'))).rejects.toThrow(
      /password authentication failed/,
    );
  });

  it('connects the app as a role that is no superuser, owns nothing and cannot rewrite the audit log', async () => {
    const app = await connect(handle.url);
    try {
      const [me] = (
        await app.query(
          `SELECT current_user AS role, r.rolsuper AS superuser, r.rolcreaterole AS createrole, r.rolcreatedb AS createdb,
                  (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owned
           FROM pg_roles r WHERE r.rolname = current_user`,
        )
      ).rows;
      expect(me).toEqual({ role: 'deepvalue_app', superuser: false, createrole: false, createdb: false, owned: 0 });

      // It reads and writes casework and adds audit rows, which the chain links.
      const [org] = (
        await app.query(`INSERT INTO organisations (ref, name, kind) VALUES ('lp', 'LP', 'provider') RETURNING id`)
      ).rows;
      const [row] = (
        await app.query(
          `INSERT INTO audit_log (organisation_id, action) VALUES ($1, 'admin') RETURNING chain_seq::int AS seq`,
          [org.id],
        )
      ).rows;
      expect(row.seq).toBe(1);

      for (const sql of [`UPDATE audit_log SET action = 'read'`, `DELETE FROM audit_log`, `TRUNCATE audit_log`])
        await expect(app.query(sql)).rejects.toThrow(/permission denied for table audit_log/);
      await app.query('BEGIN');
      await app.query('SET LOCAL session_replication_role = replica');
      await expect(app.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied for table audit_log/);
      await app.query('ROLLBACK');
      await expect(app.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`)).rejects.toThrow(
        /must be owner/,
      );
      await expect(app.query(`UPDATE audit_chain_heads SET seq = 0`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`CREATE TABLE sneaky (x int)`)).rejects.toThrow(/permission denied for schema public/);
    } finally {
      await app.end();
    }
  });

  it('replaces the old fixed password of a cluster made before passwords were generated', async () => {
    const owner = await connect(handle.ownerUrl);
    await owner.query(`ALTER ROLE postgres PASSWORD '${LEGACY_PASSWORD}'`);
    await owner.end();
    await handle.stop();
    fs.rmSync(path.join(dir, 'database-passwords.json'));

    await start();
    const passwords = databasePasswords(dir);
    expect(passwords.owner).not.toBe(LEGACY_PASSWORD);
    await expect(connect(urlFor(port(), LEGACY_PASSWORD, 'postgres'))).rejects.toThrow(
      /password authentication failed/,
    );
    const again = await connect(handle.ownerUrl);
    await again.end();
    const app = await connect(handle.url);
    expect((await app.query(`SELECT count(*)::int AS n FROM organisations`)).rows).toEqual([{ n: 1 }]);
    await app.end();
  });
});
