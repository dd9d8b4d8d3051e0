/**
 * Input no route can store or should walk, refused for every route before it reaches one, with
 * 400 and a plain message: JSON nested deeper than any request needs, bodies that are not valid
 * UTF-8 (they would otherwise be stored with "�" in place of the bad bytes), and NUL characters,
 * which PostgreSQL text cannot hold — in a JSON body (`\u0000`) or anywhere in the URL (`%00`).
 */
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TextDecoder } from 'node:util';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from './domain-error.js';

/** Deeper than any request body of the API (the deepest DTO nests a few levels). */
export const MAX_JSON_DEPTH = 32;

export const NOT_UTF8 = 'The request body is not valid UTF-8 text';
export const TOO_DEEP = `The request body nests more than ${MAX_JSON_DEPTH} levels deep`;
export const NUL_IN_TEXT = 'must not contain the NUL character';

/** What is wrong with a JSON body's bytes, if anything, found in one pass without parsing. */
export function jsonBodyProblem(buf: Buffer): string | undefined {
  if (!isUtf8(buf)) return NOT_UTF8;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const byte = buf[i];
    if (inString) {
      if (byte === 0x5c /* \ */) {
        // \u0000 is the escape of NUL; any other escape is skipped whole.
        if (buf[i + 1] === 0x75 /* u */ && buf.toString('latin1', i + 2, i + 6) === '0000') return NUL_IN_TEXT;
        i++;
      } else if (byte === 0x22 /* " */) inString = false;
      else if (byte === 0) return NUL_IN_TEXT;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b /* { */ || byte === 0x5b /* [ */) {
      if (++depth > MAX_JSON_DEPTH) return TOO_DEEP;
    } else if (byte === 0x7d /* } */ || byte === 0x5d /* ] */) depth--;
  }
  return undefined;
}

/**
 * Checks a stream's bytes are UTF-8 as they arrive (a character may span chunks): `push` each
 * chunk, then `end`; each says false once a byte is not UTF-8 (or the stream ends inside a character).
 */
export function utf8Checker(): { push(chunk: Buffer): boolean; end(): boolean } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decodes = (chunk?: Buffer) => {
    try {
      if (chunk) decoder.decode(chunk, { stream: true });
      else decoder.decode();
      return true;
    } catch {
      return false;
    }
  };
  return { push: (chunk) => decodes(chunk), end: () => decodes() };
}

/** body-parser's `verify` hook: throws a 400 before the body is parsed, naming the field that holds a NUL. */
export function verifyJsonBody(req: IncomingMessage, _res: ServerResponse, buf: Buffer, encoding: string): void {
  if (!/^utf-?8$/i.test(encoding)) return; // UTF-16/32 bodies: body-parser decodes and checks them
  const problem = jsonBodyProblem(buf);
  if (!problem) return;
  const errors = [{ path: problem === NUL_IN_TEXT ? nulPath(buf) : '', message: problem }];
  throw Object.assign(new Error(problem), { status: 400, expose: true, type: 'entity.verify.failed', errors });
}

/** The path (as validation names fields: `rows[0].label`) of the first key or text holding a NUL. */
function nulPath(buf: Buffer): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(buf.toString('utf8'));
  } catch {
    return '';
  }
  const find = (value: unknown, path: string): string | undefined => {
    if (typeof value === 'string') return value.includes('\0') ? path : undefined;
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) {
        const found = find(item, `${path}[${i}]`);
        if (found !== undefined) return found;
      }
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const at = path ? `${path}.${key.replaceAll('\0', '')}` : key.replaceAll('\0', '');
        if (key.includes('\0')) return at;
        const found = find(item, at);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  return find(parsed, '') ?? '';
}

/** Refuses a URL carrying a NUL character (`%00`), naming the query parameter when it is in one. */
export function refuseNulInUrl(req: Request, _res: Response, next: NextFunction): void {
  if (!/%00/.test(req.url)) return next();
  const query = req.url.includes('?') ? new URLSearchParams(req.url.slice(req.url.indexOf('?') + 1)) : undefined;
  const field = [...(query?.entries() ?? [])].find(([key, value]) => `${key}${value}`.includes('\0'))?.[0] ?? '';
  next(new DomainError('validation', NUL_IN_TEXT, [{ path: field, message: NUL_IN_TEXT }]));
}
