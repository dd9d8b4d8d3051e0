/**
 * Initial JavaScript of the web app, gzipped (target ≤ 200 KB): the scripts index.html loads or
 * preloads, counted as frontend/scripts/check-bundle-size.mjs counts them. Needs a built frontend.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { REPO_ROOT } from '../config/config.js';

export interface BundleFigures {
  kilobytes: number;
  files: number;
}

export function measureBundle(): BundleFigures | undefined {
  const dist = path.join(REPO_ROOT, 'frontend', 'dist');
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return undefined;
  const html = fs.readFileSync(index, 'utf8');
  const files = new Set([...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]));
  let bytes = 0;
  for (const file of files) bytes += zlib.gzipSync(fs.readFileSync(path.join(dist, file))).length;
  return { kilobytes: Math.round((bytes / 1024) * 10) / 10, files: files.size };
}
