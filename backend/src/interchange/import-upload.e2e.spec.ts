/**
 * POST /api/imports reads its body only after the session and the role are accepted, refuses a
 * body over IMPORT_MAX_MB with 413, and leaves no spooled file behind a refused or broken upload.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { UPLOAD_PREFIX } from './import-upload.middleware.js';

const MB = 1024 * 1024;

interface Answer {
  status: number;
  body: { code?: string; errors?: Array<{ message: string }> };
}

describe('POST /api/imports: the upload', () => {
  let h: Harness;
  let port: number;
  let spoolDir: string;
  let manager: TestUser;
  let adviser: TestUser;

  beforeAll(async () => {
    spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-spool-test-'));
    h = await createHarness({ env: { IMPORT_MAX_MB: '1', IMPORT_SPOOL_DIR: spoolDir } });
    const org = await h.makeOrganisation();
    manager = await h.makeUser(org.id, 'manager');
    adviser = await h.makeUser(org.id, 'adviser');
    const server = h.app.getHttpServer() as http.Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(spoolDir, { recursive: true, force: true });
  });

  const spooled = () => fs.readdirSync(spoolDir).filter((name) => name.startsWith(UPLOAD_PREFIX));

  /** Starts an upload; the test writes the body. `answer` settles with the response, or undefined after `waitMs`. */
  function startUpload(headers: Record<string, string | number>) {
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/imports',
      headers: { 'Content-Type': 'application/x-ndjson', ...headers },
    });
    req.on('error', () => undefined); // the server may close the connection once it has answered
    const response = new Promise<Answer>((resolve) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
      });
    });
    const answer = (waitMs: number) =>
      Promise.race([response, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), waitMs))]);
    return { req, answer };
  }

  async function until(check: () => boolean, ms = 3000): Promise<boolean> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (check()) return true;
      await new Promise((r) => setTimeout(r, 20));
    }
    return check();
  }

  it('answers 401 to a made-up session before reading the body, writing nothing to disk', async () => {
    const { req, answer } = startUpload({ Cookie: 'dv_session=made-up', 'Content-Length': 300 * MB });
    req.write(Buffer.alloc(MB, 'x'));
    const res = await answer(3000);
    const filesMeanwhile = spooled();
    req.destroy();
    expect(res?.status).toBe(401);
    expect(res?.body.code).toBe('unauthenticated');
    expect(filesMeanwhile).toEqual([]);
    expect(spooled()).toEqual([]);
  });

  it('answers 403 to a role that may not import before reading the body', async () => {
    const { req, answer } = startUpload({ Authorization: `Bearer ${adviser.token}`, 'Content-Length': 300 * MB });
    req.write(Buffer.alloc(MB, 'x'));
    const res = await answer(3000);
    const filesMeanwhile = spooled();
    req.destroy();
    expect(res?.status).toBe(403);
    expect(filesMeanwhile).toEqual([]);
  });

  it('refuses a declared size over IMPORT_MAX_MB with 413 and a clear message', async () => {
    const { req, answer } = startUpload({ Authorization: `Bearer ${manager.token}`, 'Content-Length': 2 * MB });
    req.write(Buffer.alloc(MB / 2, 'x'));
    const res = await answer(3000);
    req.destroy();
    expect(res?.status).toBe(413);
    expect(res?.body.code).toBe('too_large');
    expect(res?.body.errors?.[0].message).toMatch(/larger than the 1 MB an upload may be \(IMPORT_MAX_MB\)/);
    expect(spooled()).toEqual([]);
  });

  it('refuses a streamed (chunked) body once it passes IMPORT_MAX_MB, removing what was spooled', async () => {
    const { req, answer } = startUpload({ Authorization: `Bearer ${manager.token}` });
    for (let i = 0; i < 4; i++) req.write(Buffer.alloc(MB / 2, 'x'));
    const res = await answer(5000);
    req.destroy();
    expect(res?.status).toBe(413);
    expect(res?.body.errors?.[0].message).toMatch(/IMPORT_MAX_MB/);
    expect(await until(() => spooled().length === 0)).toBe(true);
  });

  it('removes the spooled file of an interrupted upload at once', async () => {
    const { req } = startUpload({ Authorization: `Bearer ${manager.token}`, 'Content-Length': MB - 1 });
    req.write(Buffer.alloc(MB / 4, 'x'));
    const appeared = await until(() => spooled().length === 1);
    req.destroy();
    expect(appeared).toBe(true);
    expect(await until(() => spooled().length === 0)).toBe(true);
  });

  it('still imports a document within the limit', async () => {
    const res = await h
      .as(manager)
      .post('/api/imports?wait=true')
      .set('Content-Type', 'application/json')
      .send('{"format": "deepvalue.import.v1"')
      .expect(202);
    expect(res.body.status).toBe('failed'); // read and parsed: the document itself is malformed
    expect(spooled()).toEqual([]);
  });
});
