/**
 * A document upload is the raw request body (the file's bytes), with its name in `?fileName=`. No
 * body parser reads it: the middleware marks it deferred, so it stays unread until the auth guard
 * has accepted the session and role and the controller has found the case; only then is it read,
 * up to DOCUMENT_MAX_MB. A refused upload's connection is closed after the answer, not drained.
 */
import { HttpException, HttpStatus } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { DomainError } from '../../common/domain-error.js';
import type { UploadRequest } from '../../interchange/import-upload.middleware.js';

const DOCUMENT_UPLOAD_PATH = /^\/api\/cases\/[^/]+\/documents\/?$/;

export function deferDocumentBody(req: UploadRequest, res: Response, next: NextFunction): void {
  if (req.method === 'POST' && DOCUMENT_UPLOAD_PATH.test(req.path)) {
    req.deferredBody = true;
    res.setHeader('Connection', 'close');
  }
  next();
}

/** The whole body, refused with 413 past `limit` bytes (by its declared length, or as it arrives). */
export async function readDocumentBody(req: UploadRequest, limit: number): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        req.pause();
        req.removeAllListeners('data');
        reject(error);
      };
      req.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > limit) return fail(new TooLarge());
        chunks.push(chunk);
      });
      req.on('end', () => resolve());
      req.on('error', fail);
      req.on('close', () => {
        if (!req.complete) fail(new Error('interrupted'));
      });
    });
  } catch (error) {
    if (error instanceof TooLarge) throw tooLarge(limit);
    throw new DomainError('validation', 'The upload did not complete');
  }
  if (bytes === 0)
    throw new DomainError('validation', 'Send the file as the request body', [
      { path: 'file', message: 'is empty: send the file as the request body' },
    ]);
  return Buffer.concat(chunks, bytes);
}

class TooLarge extends Error {}

function tooLarge(limit: number): HttpException {
  const mb = Math.floor(limit / (1024 * 1024));
  const message = `is larger than the ${mb} MB a document may be (DOCUMENT_MAX_MB)`;
  return new HttpException({ errors: [{ path: 'file', message }] }, HttpStatus.PAYLOAD_TOO_LARGE);
}

/** The name to keep: the last part of any path, trimmed; control characters and empty names refused. */
export function documentFileName(raw: unknown): string {
  const name = typeof raw === 'string' ? (raw.split(/[\\/]/).pop() ?? '').trim() : '';
  const problem =
    typeof raw !== 'string' || name === ''
      ? 'is required: the file’s name, e.g. ?fileName=letter.pdf'
      : name.length > 255
        ? 'must be at most 255 characters'
        : /[\p{Cc}\p{Cs}]/u.test(name)
          ? 'must not contain control characters'
          : undefined;
  if (problem) throw new DomainError('validation', `fileName ${problem}`, [{ path: 'fileName', message: problem }]);
  return name;
}
