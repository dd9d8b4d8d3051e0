/**
 * Deterministic generator of `deepvalue.import.v1` casework: demo data, the `seed` CLI
 * command and test data sets. Same options and seed → byte-identical output, on any
 * machine and time zone. Cases are produced one at a time, so a million can be streamed to a file
 * in constant memory. The model behind each case is described in generator-case.ts.
 */
import { generateCase } from './generator-case.js';
import { buildWorld, type GeneratorOptions } from './generator-world.js';
import type { ImportCase, ImportDocument, ImportHeader } from './import-format.js';

export type { GeneratorOptions } from './generator-world.js';

export type GeneratedRecord =
  { type: 'header'; header: ImportHeader } | { type: 'case'; index: number; case: ImportCase };

/** The header first, then each case in order. */
export function* generate(options: GeneratorOptions): Generator<GeneratedRecord> {
  const world = buildWorld(options);
  yield { type: 'header', header: world.header };
  for (let i = 0; i < world.options.cases; i++) yield { type: 'case', index: i, case: generateCase(world, i) };
}

export function generateHeader(options: GeneratorOptions): ImportHeader {
  return buildWorld(options).header;
}

/** The whole document in memory: for small sizes (demo data, tests). */
export function generateDocument(options: GeneratorOptions): ImportDocument {
  const world = buildWorld(options);
  const cases: ImportCase[] = [];
  for (let i = 0; i < world.options.cases; i++) cases.push(generateCase(world, i));
  return { ...world.header, cases };
}

/** Called after every PROGRESS_EVERY cases written, and once at the end. */
export type Progress = (casesWritten: number, totalCases: number) => void;
const PROGRESS_EVERY = 10_000;
/** Lines are gathered into chunks this big: one write per line would dominate the run time. */
const CHUNK_CHARS = 1 << 18;

/**
 * NDJSON: one header line holding everything but `cases`, then one case per line (docs/interchange.md).
 * Honours back-pressure; does not end the stream (it may be stdout).
 */
export async function writeNdjson(
  options: GeneratorOptions,
  stream: NodeJS.WritableStream,
  progress?: Progress,
): Promise<void> {
  const world = buildWorld(options);
  await writeLines(
    stream,
    JSON.stringify(world.header) + '\n',
    world.options.cases,
    (i) => JSON.stringify(generateCase(world, i)) + '\n',
    progress,
  );
}

/**
 * One JSON document, header fields before `cases` (so a streaming importer knows every ref before
 * the first case) and one case per line for readability. JSON.parse of the output equals
 * generateDocument(options).
 */
export async function writeJson(
  options: GeneratorOptions,
  stream: NodeJS.WritableStream,
  progress?: Progress,
): Promise<void> {
  const world = buildWorld(options);
  const n = world.options.cases;
  const head = `${JSON.stringify(world.header).slice(0, -1)},"cases":[\n`;
  await writeLines(
    stream,
    head,
    n,
    (i) => JSON.stringify(generateCase(world, i)) + (i < n - 1 ? ',\n' : '\n'),
    progress,
  );
  await write(stream, ']}\n');
}

async function writeLines(
  stream: NodeJS.WritableStream,
  head: string,
  count: number,
  line: (index: number) => string,
  progress?: Progress,
): Promise<void> {
  let chunk = head;
  for (let i = 0; i < count; i++) {
    chunk += line(i);
    if (chunk.length >= CHUNK_CHARS) {
      await write(stream, chunk);
      chunk = '';
    }
    if (progress && (i + 1) % PROGRESS_EVERY === 0) progress(i + 1, count);
  }
  await write(stream, chunk);
  progress?.(count, count);
}

/** Writes and, when the stream's buffer is full, waits for it to drain (or fail). */
function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (text === '' || stream.write(text)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      stream.off('drain', onDrain);
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}
