/**
 * Receives an import upload, after the auth guard has accepted the caller: streams the body to a
 * temporary file (a large document is never held in memory), refusing it with 413 past
 * IMPORT_MAX_MB, and with 400 when it is not valid UTF-8 (decoding it would store "�" in place of
 * the bad bytes). A refused or interrupted upload's file is removed at once.
 */
import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../common/domain-error.js';
import { utf8Checker } from '../common/hostile-input.js';
import { AppConfigService } from '../config/app-config.service.js';
import { UPLOAD_PREFIX, type UploadRequest } from './import-upload.middleware.js';

const NOT_UTF8_FILE = 'The file is not valid UTF-8 text; save it as UTF-8 and upload it again';

class TooLarge extends Error {}
class NotUtf8 extends Error {}

@Injectable()
export class ImportUploadService {
  constructor(private readonly config: AppConfigService) {}

  /**
   * The path of the spooled body; the caller owns the file and deletes it. With `binary`, the body
   * is not checked as UTF-8 (a spreadsheet workbook is a zip; its reader checks it).
   */
  async receive(req: UploadRequest, { binary = false } = {}): Promise<string> {
    const { importMaxBytes: limit, importSpoolDir } = this.config.get();
    if (Number(req.headers['content-length'] ?? 0) > limit) throw tooLarge(limit);
    const file = path.join(importSpoolDir, `${UPLOAD_PREFIX}${randomUUID()}`);
    let bytes: number;
    try {
      bytes = await spool(req, file, limit, binary);
    } catch (error) {
      fs.rmSync(file, { force: true });
      if (error instanceof TooLarge) throw tooLarge(limit);
      if (error instanceof NotUtf8)
        throw new DomainError('validation', NOT_UTF8_FILE, [{ path: '', message: NOT_UTF8_FILE }]);
      throw new DomainError('validation', 'The upload did not complete');
    }
    if (bytes === 0) {
      fs.rmSync(file, { force: true });
      throw new DomainError(
        'validation',
        binary ? 'Send the spreadsheet as the request body' : 'Send a deepvalue.import.v1 document as the request body',
      );
    }
    return file;
  }
}

/**
 * Writes the body to `file`, counting bytes. Past the limit it stops reading but leaves the
 * connection open, so the 413 still reaches the client (the connection closes after it).
 */
function spool(req: UploadRequest, file: string, limit: number, binary: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(file, { mode: 0o600 });
    const utf8 = utf8Checker();
    let bytes = 0;
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      req.unpipe(out);
      req.pause();
      out.destroy();
      reject(error);
    };
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limit) return fail(new TooLarge());
      if (!binary && !utf8.push(chunk)) fail(new NotUtf8());
    });
    req.on('error', fail);
    req.on('close', () => {
      if (!req.complete) fail(new Error('The upload was interrupted'));
    });
    out.on('error', fail);
    out.on('finish', () => {
      if (failed) return;
      if (binary || utf8.end()) resolve(bytes);
      else fail(new NotUtf8()); // ends inside a character
    });
    req.pipe(out);
  });
}

function tooLarge(limit: number): HttpException {
  const mb = Math.floor(limit / (1024 * 1024));
  const message = `The file is larger than the ${mb} MB an upload may be (IMPORT_MAX_MB); import it with \`npm run deepvalue -- import\` instead`;
  return new HttpException({ errors: [{ path: '', message }] }, HttpStatus.PAYLOAD_TOO_LARGE);
}
