/**
 * Import jobs whose process died: a job nobody holds the lock of is reported failed (with nothing
 * written) the next time anyone looks at it; a job still held elsewhere stays running; uploads left
 * in the spool directory are removed once they are a day old.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { INTERRUPTED } from './import-jobs.service.js';
import { removeStaleUploads } from './import-upload.middleware.js';

describe('interrupted import jobs', () => {
  let sut: Harness;
  let manager: TestUser;

  const runningJob = async (): Promise<string> => {
    const [row] = await sut.dataSource.query(
      `INSERT INTO import_jobs (organisation_id, user_id, status) VALUES ($1, $2, 'running') RETURNING id`,
      [manager.organisationId, manager.id],
    );
    return row.id;
  };

  beforeAll(async () => {
    sut = await createHarness();
    const org = await sut.makeOrganisation();
    manager = await sut.makeUser(org.id, 'manager');
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('reports a running job whose process has gone as failed, saying nothing was written', async () => {
    const id = await runningJob();
    const res = await sut.as(manager).get(`/api/imports/${id}`).expect(200);
    expect(res.body).toMatchObject({ status: 'failed', errors: [{ path: '', message: INTERRUPTED }] });
    expect(res.body.finishedAt).not.toBeNull();
    const [row] = await sut.dataSource.query(`SELECT status FROM import_jobs WHERE id = $1`, [id]);
    expect(row.status).toBe('failed');
  });

  it('leaves a job running while another process holds it, and fails it once that process is gone', async () => {
    const id = await runningJob();
    const other = new pg.Client({ connectionString: sut.db.url });
    await other.connect();
    await other.query(`SELECT pg_advisory_lock(hashtext('import_job'), hashtext($1))`, [id]);
    const alive = await sut.as(manager).get(`/api/imports/${id}`).expect(200);
    expect(alive.body.status).toBe('running');
    await other.end(); // as if that process were killed: its connection, and so its lock, go with it
    const gone = await sut.as(manager).get(`/api/imports/${id}`).expect(200);
    expect(gone.body.status).toBe('failed');
  });

  it('removes spooled uploads a day old, and nothing else', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-spool-'));
    try {
      const write = (name: string, ageHours: number) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, '{}');
        const at = new Date(Date.now() - ageHours * 3600_000);
        fs.utimesSync(file, at, at);
        return file;
      };
      const stale = write('deepvalue-import-old.job', 25);
      write('deepvalue-import-fresh', 1);
      write('someone-elses-file', 48);
      expect(removeStaleUploads(dir)).toEqual([stale]);
      expect(fs.readdirSync(dir).sort()).toEqual(['deepvalue-import-fresh', 'someone-elses-file']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
