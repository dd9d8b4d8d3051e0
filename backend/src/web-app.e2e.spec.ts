/**
 * The built web app as the server delivers it: hashed assets cached for a year and gzipped,
 * index.html revalidated on every visit, API responses never compressed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { createHarness, type Harness } from '../test/harness.js';
import { FRONTEND_DIST } from './web-app.js';

describe('web app delivery', () => {
  let sut: Harness;
  let script: string;

  beforeAll(async () => {
    const index = path.join(FRONTEND_DIST, 'index.html');
    if (!fs.existsSync(index)) throw new Error(`${index} is missing: run \`npm run build\` first`);
    script = /src="(\/assets\/[^"]+\.js)"/.exec(fs.readFileSync(index, 'utf8'))![1];
    sut = await createHarness();
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('serves index.html to be checked on every visit', async () => {
    const res = await sut.http().get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves a hashed script gzipped and cached for a year', async () => {
    const res = await sut.http().get(script).set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.text).toBe(fs.readFileSync(path.join(FRONTEND_DIST, script), 'utf8'));
  });

  it('never compresses an API response', async () => {
    const res = await sut.http().get('/api/health').set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
