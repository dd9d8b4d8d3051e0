/**
 * How the built web app is delivered. Vite names every file under /assets by its content hash, so
 * those are cached for a year and never revalidated; index.html (which names the current hashes) is
 * checked on every visit. Static files are gzipped when the browser accepts it; API responses are
 * not, so no response mixes a secret (a CSRF token, a session) with compression (BREACH).
 */
import compression from 'compression';
import type { Request, Response } from 'express';
import path from 'node:path';
import { REPO_ROOT } from './config/config.js';

export const FRONTEND_DIST = path.join(REPO_ROOT, 'frontend', 'dist');

const ASSETS = `${path.sep}assets${path.sep}`;

export const webAppStaticOptions = {
  setHeaders(res: Response, filePath: string): void {
    res.setHeader('Cache-Control', filePath.includes(ASSETS) ? 'public, max-age=31536000, immutable' : 'no-cache');
  },
};

export const webAppCompression = compression({
  filter: (req: Request, res: Response) => !req.path.startsWith('/api/') && compression.filter(req, res),
});
