/**
 * An import upload is not read by any body parser: it stays unread until the auth guard has
 * accepted the session and the role, and only then does ImportUploadService spool it to disk
 * (import-upload.service.ts). A refused upload is never written anywhere, and its connection is
 * closed after the answer instead of being drained.
 */
import type { NextFunction, Request, Response } from 'express';
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';

export const UPLOAD_PREFIX = 'deepvalue-import-';
/** Older than this, an upload has outlived any import (its process died before deleting it). */
const STALE_AFTER_MS = 24 * 3600_000;

export function removeStaleUploads(dir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(UPLOAD_PREFIX)) continue;
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
  /** The body is left for the import route to read after the session is checked. */
  deferredBody?: boolean;
}

export function deferImportBody(req: UploadRequest, res: Response, next: NextFunction): void {
  if (req.method === 'POST' && (req.path === '/' || req.path === '/spreadsheets')) {
    req.deferredBody = true;
    res.setHeader('Connection', 'close');
  }
  next();
}

export function isDeferred(req: IncomingMessage): boolean {
  return (req as UploadRequest).deferredBody === true;
}
