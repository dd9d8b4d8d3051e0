/**
 * Spools an import upload to a temporary file before any body parser sees it, so a large document
 * is streamed to disk instead of being held in memory. Requests without credentials are refused
 * before anything is written.
 */
import type { NextFunction, Request, Response } from 'express';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';

export const MAX_IMPORT_BYTES = 4 * 1024 ** 3;
const PREFIX = 'deepvalue-import-';
/** Older than this, an upload has outlived any import (its process died before deleting it). */
const STALE_AFTER_MS = 24 * 3600_000;

export function removeStaleUploads(dir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(PREFIX)) continue;
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs < STALE_AFTER_MS) continue;
      fs.rmSync(file, { force: true });
      removed.push(file);
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}

export interface UploadRequest extends Request {
  importFile?: string;
  _body?: boolean;
}

export function importUploadMiddleware(req: UploadRequest, res: Response, next: NextFunction): void {
  if (req.method !== 'POST' || req.path !== '/') return next();
  const hasCredentials = Boolean(req.headers.authorization) || /(?:^|;\s*)dv_session=/.test(req.headers.cookie ?? '');
  if (!hasCredentials) return next(); // the auth guard will answer 401; the body is never read
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_IMPORT_BYTES) {
    res
      .status(413)
      .json({ code: 'too_large', errors: [{ path: '', message: 'The file is too large to import in one go' }] });
    return;
  }
  const file = path.join(os.tmpdir(), `${PREFIX}${randomUUID()}`);
  let bytes = 0;
  req.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > MAX_IMPORT_BYTES) req.destroy(new Error('too large'));
  });
  pipeline(req, fs.createWriteStream(file, { mode: 0o600 }))
    .then(() => {
      req.importFile = file;
      req._body = true; // tells body parsers the body has been consumed
      res.on('close', () => fs.rm(file, { force: true }, () => undefined));
      next();
    })
    .catch(() => {
      fs.rm(file, { force: true }, () => undefined);
      if (!res.headersSent)
        res.status(400).json({ code: 'validation', errors: [{ path: '', message: 'The upload did not complete' }] });
    });
}
