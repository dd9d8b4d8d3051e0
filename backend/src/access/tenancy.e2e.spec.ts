/**
 * Cross-organisation test over every route. It reads the OpenAPI document, so a route added later
 * is covered without a change here. Organisation A has a full set of casework and shares its
 * figures with commissioner organisation C. Every route and method is called, with path and query
 * parameters filled with A's ids, as a manager and an admin of organisation B, as C's commissioner
 * and anonymously. No answer may contain A's records, names or references; the commissioner never
 * gets a client-shaped row; and A's data is unchanged afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { makeCasework, type CaseworkFixture } from '../casework/testing/casework-fixture.js';

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  nullable?: boolean;
  minimum?: number;
};
interface Operation {
  parameters?: Array<{ name: string; in: string; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** Routes that would end the caller's own session; they are covered by the auth tests. */
const SKIP = new Set(['POST /api/auth/sign-out', 'POST /api/auth/sign-out-everywhere']);
/** Keys only a client row has. A commissioner must never receive one. */
const CLIENT_KEYS = /"(firstName|lastName|dateOfBirth|postcodeDistrict|first_name|last_name|date_of_birth)"/;
const CASEWORK_PATH =
  /^\/api\/(clients|cases|time-entries|problems|referrals|follow-ups|feedback|notes|parties|conflict-checks|key-dates|documents|file-reviews)(\/|$)/;

describe('tenancy: no route leaks another organisation’s data', () => {
  let h: Harness;
  let a: CaseworkFixture;
  let orgA: { id: string; ref: string };
  let commissionerOrg: { id: string; ref: string };
  let aUsers: TestUser[];
  let callers: Array<{ label: string; user?: TestUser; forbidden: string[] }>;
  let doc: OpenApi;

  const snapshotA = async () => {
    const tables = [
      'clients',
      'cases',
      'time_entries',
      'feedback',
      'adviser_assessments',
      'underlying_problems',
      'referrals',
      'outcomes',
      'outcome_benefits',
      'follow_ups',
      'case_notes',
      'case_note_revisions',
      'case_parties',
      'conflict_checks',
      'key_dates',
      'key_date_changes',
      'case_documents',
      'letter_templates',
      'file_reviews',
      'case_legal_aid',
      'offices',
      'partners',
      'users',
      'feedback_items',
    ];
    const out: Record<string, unknown> = {};
    for (const table of tables) {
      out[table] = await h.dataSource.query(
        `SELECT to_jsonb(t) - 'last_sign_in_at' AS row FROM ${table} t WHERE organisation_id = $1 ORDER BY 1::text`,
        [orgA.id],
      );
    }
    out.organisation = await h.dataSource.query(`SELECT settings, version FROM organisations WHERE id = $1`, [orgA.id]);
    out.shares = await h.dataSource.query(`SELECT commissioner_id FROM organisation_shares WHERE provider_id = $1`, [
      orgA.id,
    ]);
    return out;
  };

  beforeAll(async () => {
    h = await createHarness();
    orgA = await h.makeOrganisation({ ref: `org-a-${Date.now().toString(36)}`, name: 'Organisation A' });
    const orgB = await h.makeOrganisation({ name: 'Organisation B' });
    commissionerOrg = await h.makeOrganisation({ kind: 'commissioner', name: 'Commissioner C' });
    const aManager = await h.makeUser(orgA.id, 'manager');
    const aAdmin = await h.makeUser(orgA.id, 'admin');
    a = await makeCasework(h.dataSource, orgA.id);
    aUsers = [aManager, aAdmin];
    await h.dataSource.query(`INSERT INTO organisation_shares (provider_id, commissioner_id) VALUES ($1, $2)`, [
      orgA.id,
      commissionerOrg.id,
    ]);
    await h.dataSource.query(`INSERT INTO feedback_items (organisation_id, key, label) VALUES ($1, $2, $3)`, [
      orgA.id,
      `item_${a.marker}`,
      `Label ${a.marker}`,
    ]);
    // A's audit log has entries about its records, as it would in use
    await h.as(aManager).get(`/api/cases/${a.caseId}`).expect(200);
    await h.as(aManager).get(`/api/clients`).expect(200);
    // B has data of its own, so list routes have something to return
    await makeCasework(h.dataSource, orgB.id);

    const aSecrets = [
      ...a.recordIds,
      ...aUsers.map((u) => u.id),
      ...aUsers.map((u) => u.email),
      a.adviserEmail,
      a.clientRef,
      a.caseRef,
      a.clientFirstName,
      a.clientLastName,
      a.marker,
    ];
    const aOrganisation = [orgA.id, orgA.ref, 'Organisation A'];
    callers = [
      { label: 'manager of B', user: await h.makeUser(orgB.id, 'manager'), forbidden: [...aSecrets, ...aOrganisation] },
      { label: 'admin of B', user: await h.makeUser(orgB.id, 'admin'), forbidden: [...aSecrets, ...aOrganisation] },
      { label: 'adviser of B', user: await h.makeUser(orgB.id, 'adviser'), forbidden: [...aSecrets, ...aOrganisation] },
      // A shares with C, so C may know A exists and see its aggregates, but never its records
      { label: 'commissioner C', user: await h.makeUser(commissionerOrg.id, 'commissioner'), forbidden: aSecrets },
      { label: 'anonymous', forbidden: [...aSecrets, ...aOrganisation] },
    ];
    doc = (await h.http().get('/api/openapi.json').expect(200)).body;
  });
  afterAll(() => h.close());

  /** A's id for a path parameter, from the collection it follows (`/cases/{id}` → A's case). */
  function pathValues(path: string, param: string): string[] {
    const segments = path.split('/');
    const before = segments[segments.indexOf(`{${param}}`) - 1];
    const byCollection: Record<string, string> = {
      clients: a.clientId,
      cases: a.caseId,
      'time-entries': a.timeEntryId,
      feedback: a.feedbackId,
      problems: a.problemId,
      referrals: a.referralId,
      'follow-ups': a.followUpId,
      notes: a.noteId,
      parties: a.partyId,
      'key-dates': a.keyDateId,
      documents: a.documentId,
      'letter-templates': a.letterTemplateId,
      partners: a.partnerId,
      offices: a.officeId,
      users: a.adviserId,
      shares: commissionerOrg.ref,
      organisations: orgA.id,
    };
    const known = byCollection[before];
    return known ? [known] : [...a.recordIds, orgA.id, orgA.ref];
  }

  function queryValue(name: string): string | undefined {
    if (/organisation/i.test(name)) return orgA.id;
    if (/^case/i.test(name)) return a.caseId;
    if (/^client/i.test(name)) return a.clientId;
    if (/adviser|^user/i.test(name)) return a.adviserId;
    if (/office/i.test(name)) return a.officeId;
    if (/partner/i.test(name)) return a.partnerId;
    if (/^search$|^q$/i.test(name)) return a.clientLastName;
    if (/^entityId$/.test(name)) return a.caseId;
    if (name === 'month') return '2024-06'; // the month A's case closed: its contract report
    return undefined;
  }

  function resolve(schema: Schema | undefined): Schema | undefined {
    if (!schema?.$ref) return schema;
    return doc.components?.schemas?.[schema.$ref.split('/').pop()!];
  }

  /** A plausible body from the schema, pointing every id at A's records; booleans false so no setting turns on. */
  function example(schema: Schema | undefined, key = '', depth = 0): unknown {
    const s = resolve(schema);
    if (!s || depth > 4) return undefined;
    if (s.allOf) return Object.assign({}, ...s.allOf.map((part) => example(part, key, depth + 1)));
    if (s.enum?.length) return s.enum[0];
    if (s.type === 'array') return [example(s.items, key, depth + 1)].filter((v) => v !== undefined);
    if (s.type === 'object' || s.properties) {
      const out: Record<string, unknown> = {};
      for (const [name, prop] of Object.entries(s.properties ?? {})) out[name] = example(prop, name, depth + 1);
      return out;
    }
    if (s.type === 'boolean') return false;
    if (s.type === 'integer' || s.type === 'number') return Math.max(1, s.minimum ?? 1);
    if (s.format === 'uuid' || /Id$/.test(key)) return queryValue(key.replace(/Id$/, '')) ?? a.caseId;
    if (s.format === 'date' || /(On|Date|date)$/.test(key)) return '2024-03-01';
    if (/email/i.test(key)) return `probe-${Math.random().toString(36).slice(2)}@probe.example`;
    if (key === 'commissionerRef') return commissionerOrg.ref;
    return `probe-${Math.random().toString(36).slice(2, 8)}`;
  }

  interface Call {
    method: (typeof METHODS)[number];
    path: string;
    query: Record<string, string>;
    body?: unknown;
  }

  function calls(): Call[] {
    const out: Call[] = [];
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const op = operations[method];
        if (!op || SKIP.has(`${method.toUpperCase()} ${template}`)) continue;
        const params = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        let paths = [template];
        for (const param of params) {
          paths = paths.flatMap((p) =>
            pathValues(template, param).map((v) => p.replace(`{${param}}`, encodeURIComponent(v))),
          );
        }
        const query: Record<string, string> = {};
        for (const p of op.parameters ?? []) {
          const value = p.in === 'query' ? queryValue(p.name) : undefined;
          if (value) query[p.name] = value;
        }
        const schema = op.requestBody?.content?.['application/json']?.schema;
        for (const path of paths) {
          out.push({ method, path, query: {}, body: method === 'get' || method === 'delete' ? undefined : {} });
          out.push({
            method,
            path,
            query,
            body: method === 'get' || method === 'delete' ? undefined : example(schema),
          });
        }
      }
    }
    return out;
  }

  it('reads the OpenAPI document with the casework and admin routes in it', () => {
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/cases/{id}', '/api/clients', '/api/users', '/api/audit']));
    // The casework essentials' routes, named one by one: a route missing from the document would
    // escape this test and the fuzz test, which read the same document.
    expect(paths).toEqual(
      expect.arrayContaining([
        ...['notes', 'key-dates', 'parties', 'documents', 'conflict-checks', 'file-reviews'].map(
          (r) => `/api/cases/{id}/${r}`,
        ),
        '/api/cases/{id}/letters',
        '/api/cases/{id}/reassign',
        '/api/notes',
        '/api/notes/{id}',
        '/api/notes/{id}/history',
        '/api/key-dates',
        '/api/key-dates/{id}',
        '/api/parties/{id}',
        '/api/documents/{id}/content',
        '/api/documents/{id}',
        '/api/letter-templates',
        '/api/letter-templates/{id}',
        '/api/conflict-checks/search',
        '/api/file-reviews/due',
        '/api/advisers',
        '/api/outbox',
        '/api/clients/{id}/privacy',
        '/api/clients/{id}/subject-access',
        '/api/clients/{id}/erase',
      ]),
    );
    expect(calls().length).toBeGreaterThan(50);
  });

  interface Probe {
    what: string;
    path: string;
    status: number;
    text: string;
    leaked: string[];
  }

  async function probe(
    user: TestUser | undefined,
    label: string,
    forbidden: string[],
    only?: Call['method'],
  ): Promise<Probe[]> {
    const out: Probe[] = [];
    for (const call of calls().filter((c) => !only || c.method === only)) {
      let req = h.http()[call.method](call.path).query(call.query);
      if (user) req = req.set('Authorization', `Bearer ${user.token}`);
      const res = call.body === undefined ? await req : await req.send(call.body as object);
      const text = res.text ?? '';
      // A value the caller sent may come back (e.g. the filters a report applied); that is no leak.
      const sent = `${call.path} ${JSON.stringify(call.query)} ${JSON.stringify(call.body ?? '')}`;
      out.push({
        what: `${label}: ${call.method.toUpperCase()} ${call.path}?${new URLSearchParams(call.query)} → ${res.status}`,
        path: call.path,
        status: res.status,
        text,
        leaked: forbidden.filter((secret) => text.includes(secret) && !sent.includes(secret)),
      });
    }
    return out;
  }

  it('no caller from another organisation, nor a commissioner, nor anyone signed out, sees A’s data', async () => {
    const before = await snapshotA();
    const problems: string[] = [];
    for (const caller of callers) {
      for (const { what, path, status, text, leaked } of await probe(caller.user, caller.label, caller.forbidden)) {
        if (leaked.length) problems.push(`${what} leaked ${leaked.join(', ')}`);
        if (status >= 500) problems.push(`${what} failed: ${text.slice(0, 200)}`);
        if (caller.label.startsWith('commissioner')) {
          if (CLIENT_KEYS.test(text)) problems.push(`${what} returned a client-shaped row`);
          if (CASEWORK_PATH.test(path) && status !== 403) problems.push(`${what}: expected 403`);
        }
        if (!caller.user && status < 400 && !/^\/api\/(health|openapi|auth\/sign-in|auth\/set-password)/.test(path))
          problems.push(`${what}: answered without a sign-in`);
      }
      // the caller's own session must have survived, or the calls above proved nothing
      if (caller.user) {
        const me = await h.http().get('/api/auth/me').set('Authorization', `Bearer ${caller.user.token}`);
        if (me.status !== 200 || me.body.twoFactor?.enrolmentRequired)
          problems.push(`${caller.label}: session no longer usable (${me.status})`);
      }
    }
    expect(problems).toEqual([]);
    expect(await snapshotA()).toEqual(before);

    // The probe is sharp: called by A's own manager, the same reads do reach A's records.
    const own = await probe(aUsers[0], 'manager of A', [a.clientFirstName, a.caseRef], 'get');
    const reached = own.filter((p) => p.leaked.length).map((p) => p.path);
    expect(reached).toEqual(
      expect.arrayContaining([`/api/cases/${a.caseId}`, `/api/clients/${a.clientId}`, '/api/clients']),
    );
    // Every route × four callers: about a minute alone on two cores, more beside other test files.
  }, 240_000);
});
