/**
 * Property-based fuzzing of every route in the OpenAPI document: each operation gets
 * generated bad inputs — wrong types, missing and extra fields, huge and unicode strings, boundary
 * numbers, malformed ids in the path and query — as each given user. A request must never get a
 * 5xx, and a request that fails must leave every table's row count as it was (no partial write).
 * fast-check shrinks a failure to a small request that reproduces it.
 */
import fc from 'fast-check';
import type { DataSource } from 'typeorm';

type Json = unknown;

interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  nullable?: boolean;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
}

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  parameters: Array<{ name: string; in: 'path' | 'query' | 'header'; schema?: SchemaObject }>;
  body?: SchemaObject;
  /** Whether the request body may be sent (JSON). */
  json: boolean;
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Operation['parameters']; requestBody?: { content?: Record<string, { schema?: SchemaObject }> } }
    >
  >;
  components?: { schemas?: Record<string, SchemaObject> };
}

export interface FuzzRequest {
  path: string;
  query: string;
  body: Json;
  rawBody?: string;
}

/** Operations that end the caller's session or start a state change without input to fuzz. */
const SKIPPED = new Set(['POST /api/auth/sign-out', 'POST /api/auth/sign-out-everywhere', 'POST /api/auth/2fa/setup']);
/** Path ids that are only ever given malformed or unknown: a real one would delete or erase a fixture. */
const DESTRUCTIVE = /^(delete |post .*\/(erase|reset-password|reset-two-factor)$)/i;
/** Tables written on purpose by a refused request (a record of failed sign-ins is not a partial write). */
const DELIBERATE_ON_FAILURE = new Set(['sign_in_attempts', 'audit_log']);

const uuid = fc.uuid();
const huge = (n: number) => fc.constant('x'.repeat(n));
const badString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'null',
    'NaN',
    '-1',
    '1e400',
    "' OR 1=1 --",
    '../../etc/passwd',
    '😀'.repeat(50),
    '\u202e\u0301',
  ),
  huge(2_000),
);
const badNumber = fc.oneof(
  fc.constantFrom(0, -1, 1.5, -0, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 5e-324),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const badDate = fc.constantFrom(
  '2025-02-30',
  '0000-01-01',
  '9999-12-31',
  '2025-13-01',
  '25-01-01',
  '2025-01-01T00:00:00Z',
  '1899-12-31',
);
const badId = fc.oneof(
  uuid,
  fc.constantFrom(
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
    '1',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '%00',
  ),
  badString,
);
/** Body values only: a URL this long would be refused before the app sees it. */
const anyBad: fc.Arbitrary<Json> = fc.oneof(
  badString,
  huge(300_000),
  badNumber,
  badDate,
  badId,
  fc.constantFrom(null, true, false, [], {}, [[[]]], { nested: { deeper: [1, 'two', null] } }),
  fc.array(fc.oneof(badString, badNumber), { maxLength: 5 }),
  fc.array(fc.constant(1), { minLength: 1000, maxLength: 20_000 }),
);

function resolve(doc: OpenApi, schema: SchemaObject | undefined): SchemaObject | undefined {
  if (!schema) return undefined;
  if (schema.$ref) return resolve(doc, doc.components?.schemas?.[schema.$ref.split('/').pop()!]);
  if (schema.allOf?.length) return resolve(doc, schema.allOf[0]);
  return schema;
}

/** A plausible value, so that the other fields' mutations reach deeper validation. */
function plausible(doc: OpenApi, schema: SchemaObject | undefined, depth = 0): Json {
  const s = resolve(doc, schema);
  if (!s || depth > 4) return null;
  if (s.enum?.length) return s.enum[0];
  switch (s.type) {
    case 'string':
      return s.format === 'date' ? '2025-01-06' : s.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : 'text';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [plausible(doc, s.items, depth + 1)];
    default:
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, plausible(doc, v, depth + 1)]));
  }
}

/** A body built from the schema with some fields wrong, some missing and some extra — or no object at all. */
function badBody(doc: OpenApi, schema: SchemaObject | undefined): fc.Arbitrary<Json> {
  const s = resolve(doc, schema);
  const base = (plausible(doc, s) ?? {}) as Record<string, Json>;
  const keys = Object.keys(base);
  const mutated = fc
    .record({
      wrong: fc.subarray(keys),
      missing: fc.subarray(keys),
      values: fc.array(anyBad, { minLength: keys.length, maxLength: keys.length }),
      extra: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), anyBad, { maxKeys: 2 }),
    })
    .map(({ wrong, missing, values, extra }) => {
      const body: Record<string, Json> = { ...base };
      wrong.forEach((k) => (body[k] = values[keys.indexOf(k)]));
      missing.forEach((k) => delete body[k]);
      return { ...body, ...extra };
    });
  return fc.oneof({ weight: 6, arbitrary: mutated }, { weight: 1, arbitrary: anyBad });
}

function operations(doc: OpenApi): Operation[] {
  const list: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content ?? {};
      list.push({
        method: method as Operation['method'],
        path,
        parameters: op.parameters ?? [],
        body: content['application/json']?.schema,
        json: 'application/json' in content,
      });
    }
  }
  return list;
}

const pathValue = (value: Json) => encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value));

function requestFor(doc: OpenApi, op: Operation, realIds: (path: string) => string[]): fc.Arbitrary<FuzzRequest> {
  const destructive = DESTRUCTIVE.test(`${op.method} ${op.path}`);
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const real = destructive ? [] : realIds(op.path);
  const idArb = real.length ? fc.oneof(fc.constantFrom(...real), badId) : badId;
  const pathArb = fc
    .tuple(...pathParams.map((p) => (/id$/i.test(p.name) ? idArb : fc.oneof(badString, badNumber))))
    .map((values) => pathParams.reduce((path, p, i) => path.replace(`{${p.name}}`, pathValue(values[i])), op.path));
  const queryArb = fc
    .tuple(...queryParams.map(() => fc.option(fc.oneof(badString, badNumber, badDate, badId), { nil: undefined })))
    .map((values) =>
      queryParams
        .map((p, i) => (values[i] === undefined ? '' : `${encodeURIComponent(p.name)}=${pathValue(values[i])}`))
        .filter(Boolean)
        .join('&'),
    );
  const bodyArb: fc.Arbitrary<{ body: Json; rawBody?: string }> = op.json
    ? fc.oneof(
        { weight: 8, arbitrary: badBody(doc, op.body).map((body) => ({ body })) },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom('{"a":', '[1,2', 'not json', '{"__proto__":{"x":1}}')
            .map((raw) => ({ body: undefined, rawBody: raw })),
        },
      )
    : fc.constant({ body: undefined });
  return fc.record({ path: pathArb, query: queryArb, b: bodyArb }).map(({ path, query, b }) => ({ path, query, ...b }));
}

/** Row counts of every table, in one statement. */
export async function rowCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const [row] = await dataSource.query(`
    SELECT coalesce(json_object_agg(relname, (xpath('/row/n/text()',
             query_to_xml(format('SELECT count(*) AS n FROM %I.%I', 'public', relname), false, true, '')))[1]::text::int), '{}') AS counts
    FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`);
  return row.counts;
}

export type Method = Operation['method'];

export interface FuzzOptions<U extends { role: string }> {
  runs: number;
  users: U[];
  dataSource: DataSource;
  /** The app's /api/openapi.json. */
  openApi: unknown;
  /** Sends one request as the user (a JSON body, a raw body, or none). */
  send(
    user: U,
    method: Method,
    url: string,
    body: { json?: unknown; raw?: string },
  ): Promise<{ status: number; body: unknown }>;
  /** Existing ids to put in a route's path (so bodies reach validation beyond the id). */
  realIds: (path: string) => string[];
  /** Called with each operation as it starts (progress). */
  onOperation?: (name: string) => void;
}

export interface FuzzReport {
  operations: number;
  requests: number;
  statuses: Record<string, number>;
}

export async function fuzzEveryRoute<U extends { role: string }>(options: FuzzOptions<U>): Promise<FuzzReport> {
  const doc = options.openApi as OpenApi;
  const { dataSource } = options;
  const ops = operations(doc).filter((op) => !SKIPPED.has(`${op.method.toUpperCase()} ${op.path}`));
  const statuses: Record<string, number> = {};
  let requests = 0;
  for (const op of ops) {
    const name = `${op.method.toUpperCase()} ${op.path}`;
    options.onOperation?.(name);
    for (const user of options.users) {
      await fc.assert(
        fc.asyncProperty(requestFor(doc, op, options.realIds), async (req) => {
          const before = await rowCounts(dataSource);
          const url = `${req.path}${req.query ? `?${req.query}` : ''}`;
          const res = await options.send(user, op.method, url, { json: req.body, raw: req.rawBody });
          requests++;
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status >= 500)
            throw new Error(`${name} as ${user.role} answered ${res.status}: ${JSON.stringify(res.body)}`);
          if (res.status >= 400) {
            const after = await rowCounts(dataSource);
            const changed = Object.keys(after).filter((t) => after[t] !== before[t] && !DELIBERATE_ON_FAILURE.has(t));
            if (changed.length) {
              throw new Error(
                `${name} as ${user.role} answered ${res.status} but changed ${changed.map((t) => `${t} ${before[t]}→${after[t]}`).join(', ')}`,
              );
            }
          }
        }),
        { numRuns: options.runs, endOnFailure: true },
      );
    }
  }
  return { operations: ops.length, requests, statuses };
}
