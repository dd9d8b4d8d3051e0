/**
 * Reads a deepvalue.import.v1 file without holding it in memory: NDJSON (a header line, then one
 * case per line) line by line, or a JSON document with stream-json (header in one pass with the
 * cases skipped, cases in a second pass one element at a time).
 */
import fs from 'node:fs';
import readline from 'node:readline';
import chain from 'stream-chain';
import { parser } from 'stream-json';
import { ignore } from 'stream-json/filters/ignore.js';
import { pick } from 'stream-json/filters/pick.js';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import { streamValues } from 'stream-json/streamers/stream-values.js';
import type { FieldError } from '../common/domain-error.js';
import { utf8Checker } from '../common/hostile-input.js';

export type ImportFileFormat = 'ndjson' | 'json';

export class ImportReadError extends Error {
  constructor(readonly error: FieldError) {
    super(`${error.path ? `${error.path}: ` : ''}${error.message}`);
  }
}

/** Refuses a file that is not UTF-8: read as text, its bad bytes would be stored as "�". */
export async function checkUtf8(file: string): Promise<void> {
  const utf8 = utf8Checker();
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) if (!utf8.push(chunk)) throw notUtf8();
  if (!utf8.end()) throw notUtf8();
}

const notUtf8 = () =>
  new ImportReadError({ path: '', message: 'the file is not valid UTF-8 text; save it as UTF-8 and import it again' });

/** NDJSON when the first line is, on its own, a JSON object without `cases`. */
export async function detectFormat(file: string): Promise<ImportFileFormat> {
  const first = await firstLine(file);
  try {
    const value: unknown = JSON.parse(first);
    return value !== null && typeof value === 'object' && !Array.isArray(value) && !('cases' in value)
      ? 'ndjson'
      : 'json';
  } catch {
    return 'json';
  }
}

async function firstLine(file: string): Promise<string> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  try {
    for await (const line of lines) if (line.trim()) return line;
    return '';
  } finally {
    lines.close();
  }
}

export async function readHeader(file: string, format: ImportFileFormat): Promise<unknown> {
  if (format === 'ndjson') {
    const line = await firstLine(file);
    try {
      return JSON.parse(line);
    } catch (error) {
      throw new ImportReadError({ path: 'line 1', message: `is not valid JSON (${(error as Error).message})` });
    }
  }
  const pipeline = chain([fs.createReadStream(file), parser(), ignore({ filter: 'cases' }), streamValues()]);
  try {
    for await (const item of pipeline as AsyncIterable<{ value: unknown }>) return item.value;
  } catch (error) {
    throw new ImportReadError({ path: '', message: `the file is not valid JSON (${(error as Error).message})` });
  }
  throw new ImportReadError({ path: '', message: 'the file is empty' });
}

export interface CaseItem {
  index: number;
  value: unknown;
  /** Bytes of the file read so far, for progress. */
  bytesRead: number;
}

export async function* readCases(file: string, format: ImportFileFormat): AsyncGenerator<CaseItem> {
  const input = fs.createReadStream(file);
  if (format === 'ndjson') {
    const lines = readline.createInterface({ input, crlfDelay: Infinity });
    let lineNumber = 0;
    let index = 0;
    for await (const line of lines) {
      lineNumber++;
      if (lineNumber === 1 || !line.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new ImportReadError({
          path: `line ${lineNumber}`,
          message: `is not valid JSON (${(error as Error).message})`,
        });
      }
      yield { index: index++, value, bytesRead: input.bytesRead };
    }
    return;
  }
  const pipeline = chain([input, parser(), pick({ filter: 'cases' }), streamArray()]);
  try {
    for await (const item of pipeline as AsyncIterable<{ key: number; value: unknown }>) {
      yield { index: item.key, value: item.value, bytesRead: input.bytesRead };
    }
  } catch (error) {
    if (error instanceof ImportReadError) throw error;
    throw new ImportReadError({ path: '', message: `the file is not valid JSON (${(error as Error).message})` });
  }
}
