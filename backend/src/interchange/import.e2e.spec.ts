/**
 * Import and export against real PostgreSQL: all-or-nothing with every error located, idempotent
 * re-import, the export → import → export round trip, the HTTP job, and a 10,000-case file.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { ExportService } from './export.service.js';
import { generateDocument, writeNdjson } from './generator.js';
import type { ImportCase, ImportDocument } from './import-format.js';
import { ImportService } from './import.service.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deepvalue-import-test-'));
const writeDoc = (name: string, doc: unknown) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, JSON.stringify(doc));
  return file;
};

async function exportDoc(sut: Harness, organisationId: string): Promise<ImportDocument> {
  const chunks: string[] = [];
  const sink = new (await import('node:stream')).Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  await sut.app.get(ExportService).writeJson(organisationId, sink);
  return JSON.parse(chunks.join(''));
}

/** Order-insensitive form of a document: cases by ref, list entries sorted by their JSON. */
function canonical(doc: ImportDocument) {
  const sortJson = <T>(xs: T[] | null | undefined) => [...(xs ?? [])].map((x) => JSON.stringify(x)).sort();
  return {
    ...doc,
    advisers: sortJson(doc.advisers),
    partners: sortJson(doc.partners),
    offices: sortJson(doc.offices),
    cases: [...doc.cases]
      .sort((a, b) => a.ref.localeCompare(b.ref))
      .map((c: ImportCase) => ({
        ...c,
        timeEntries: sortJson(c.timeEntries),
        feedback: sortJson(c.feedback),
        underlyingProblems: sortJson(c.underlyingProblems),
        referrals: sortJson(c.referrals),
        followUps: sortJson(c.followUps),
        outcome: c.outcome ? { ...c.outcome, benefits: sortJson(c.outcome.benefits) } : null,
      })),
  };
}

const counts = (sut: Harness, orgId: string) =>
  sut.dataSource.query(
    `SELECT (SELECT count(*) FROM cases WHERE organisation_id = $1)::int AS cases,
            (SELECT count(*) FROM time_entries WHERE organisation_id = $1)::int AS entries,
            (SELECT count(*) FROM clients WHERE organisation_id = $1)::int AS clients,
            (SELECT count(*) FROM case_facts WHERE organisation_id = $1)::int AS facts`,
    [orgId],
  );

describe(ImportService.name, () => {
  let sut: Harness;
  let importer: ImportService;
  const doc = generateDocument({ cases: 150, seed: 7, organisation: { ref: 'imp-org', name: 'Import Org' } });

  beforeAll(async () => {
    sut = await createHarness();
    importer = sut.app.get(ImportService);
  });
  afterAll(async () => {
    await sut.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('imports a valid document, creating the organisation, with facts for every case', async () => {
    const result = await importer.importFile(writeDoc('valid.json', doc), { createOrganisation: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const entries = doc.cases.reduce((n, c) => n + (c.timeEntries?.length ?? 0), 0);
    const [row] = await counts(sut, result.organisationId);
    expect(row).toEqual({ cases: 150, entries, clients: new Set(doc.cases.map((c) => c.client.ref)).size, facts: 150 });
    const [{ minutes }] = await sut.dataSource.query(
      `SELECT sum(relationship_minutes)::int AS minutes FROM case_facts WHERE organisation_id = $1`,
      [result.organisationId],
    );
    const expected = doc.cases
      .flatMap((c) => c.timeEntries ?? [])
      .filter((t) => t.class === 'relationship')
      .reduce((n, t) => n + t.minutes, 0);
    expect(minutes).toBe(expected);
    // The report roll-ups, which the import rebuilds at its end, count every closed case once.
    const [closed] = await sut.dataSource.query(
      `SELECT (SELECT count(*) FROM case_facts WHERE organisation_id = $1 AND closed_on IS NOT NULL)::int AS facts,
              (SELECT sum(n_closed) FROM case_rollups WHERE organisation_id = $1 AND dim = 'all')::int AS bands,
              (SELECT sum(n_closed) FROM case_pattern_rollups WHERE organisation_id = $1 AND dim = 'all')::int AS patterns`,
      [result.organisationId],
    );
    expect(closed.facts).toBe(doc.cases.filter((c) => c.closedOn).length);
    expect(closed).toEqual({ facts: closed.facts, bands: closed.facts, patterns: closed.facts });
  });

  it('re-importing the same document changes nothing', async () => {
    const [orgRow] = await sut.dataSource.query(`SELECT id FROM organisations WHERE ref = 'imp-org'`);
    const before = await exportDoc(sut, orgRow.id);
    const result = await importer.importFile(writeDoc('again.json', doc), { createOrganisation: true });
    expect(result.ok && result.counts.replacedCases).toBe(150);
    const [row] = await counts(sut, orgRow.id);
    expect(row.cases).toBe(150);
    expect(canonical(await exportDoc(sut, orgRow.id))).toEqual(canonical(before));
  });

  it('refuses a document with errors in several places, listing each, and writes nothing', async () => {
    const bad = structuredClone(doc) as unknown as {
      organisation: { ref: string };
      cases: Array<Record<string, unknown>>;
    };
    bad.organisation.ref = 'bad-org';
    (bad.cases[3].timeEntries as Array<Record<string, unknown>>)[0].minutes = 0;
    bad.cases[12].category = 'astrology';
    bad.cases[40].closedOn = '2020-01-01';
    bad.cases[41].leadAdviserRef = 'a-nobody';
    bad.cases[99].surprise = true;
    const result = await importer.importFile(writeDoc('bad.json', bad), { createOrganisation: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'cases[3].timeEntries[0].minutes',
        'cases[12].category',
        'cases[40].closedOn',
        'cases[41].leadAdviserRef',
        'cases[99].surprise',
      ]),
    );
    expect(await sut.dataSource.query(`SELECT 1 FROM organisations WHERE ref = 'bad-org'`)).toEqual([]);
  });

  it('reports malformed JSON with its location and writes nothing', async () => {
    const file = path.join(tmp, 'broken.ndjson');
    const lines = [
      JSON.stringify({ ...doc, cases: undefined, organisation: { ref: 'broken', name: 'B' } }),
      JSON.stringify(doc.cases[0]),
      '{"ref": "c-x",',
    ];
    fs.writeFileSync(file, lines.join('\n'));
    const result = await importer.importFile(file, { createOrganisation: true });
    expect(result).toMatchObject({ ok: false, errors: [{ path: 'line 3' }] });
    expect(await sut.dataSource.query(`SELECT 1 FROM organisations WHERE ref = 'broken'`)).toEqual([]);
  });

  it('refuses a file that is not UTF-8 instead of storing "�", and writes nothing', async () => {
    const file = path.join(tmp, 'latin1.ndjson');
    const header = JSON.stringify({ ...doc, cases: undefined, organisation: { ref: 'latin1', name: 'L' } });
    const [before, after] = JSON.stringify(doc.cases[0]).split(/(?<="ref":")/);
    fs.writeFileSync(
      file,
      Buffer.concat([Buffer.from(`${header}\n${before}`), Buffer.from([0xe9]), Buffer.from(after)]),
    );
    const result = await importer.importFile(file, { createOrganisation: true });
    expect(result).toMatchObject({
      ok: false,
      errors: [{ path: '', message: expect.stringMatching(/not valid UTF-8/) }],
    });
    expect(await sut.dataSource.query(`SELECT 1 FROM organisations WHERE ref = 'latin1'`)).toEqual([]);
  });

  it('round-trips: export → import into an empty organisation → export gives the same document', async () => {
    const [orgRow] = await sut.dataSource.query(`SELECT id FROM organisations WHERE ref = 'imp-org'`);
    const first = await exportDoc(sut, orgRow.id);
    const other = await createHarness(); // another database: an empty organisation with the same ref
    try {
      const result = await other.app
        .get(ImportService)
        .importFile(writeDoc('export.json', first), { createOrganisation: true });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const second = await exportDoc(other, result.organisationId);
      expect(canonical(second)).toEqual(canonical(first));
      expect(first.cases).toHaveLength(150);
    } finally {
      await other.close();
    }
  });

  it('imports a 10,000-case NDJSON file', async () => {
    const file = path.join(tmp, 'big.ndjson');
    const out = fs.createWriteStream(file);
    await writeNdjson({ cases: 10000, seed: 11, organisation: { ref: 'big-org', name: 'Big' } }, out);
    await new Promise<void>((resolve) => out.end(resolve));
    const phases = new Set<string>();
    const result = await importer.importFile(file, { createOrganisation: true }, (p) => phases.add(p.phase));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.counts.cases).toBe(10000);
    expect(phases).toEqual(new Set(['validating', 'writing']));
    const [row] = await counts(sut, result.organisationId);
    expect(row.facts).toBe(10000);
  }, 240_000);
});

describe('POST /api/imports and GET /api/exports/casework', () => {
  let sut: Harness;
  let manager: TestUser;
  beforeAll(async () => {
    sut = await createHarness();
    const org = await sut.makeOrganisation();
    manager = await sut.makeUser(org.id, 'manager');
  });
  afterAll(async () => {
    await sut.close();
  });

  it('imports into the caller’s organisation as a job and exports it again', async () => {
    const doc = generateDocument({ cases: 40, seed: 3 });
    const started = await sut
      .as(manager)
      .post('/api/imports')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(doc))
      .expect(202);
    expect(started.body).toMatchObject({ status: 'running' });
    let job = started.body;
    for (let i = 0; i < 100 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await sut.as(manager).get(`/api/imports/${job.id}`).expect(200)).body;
    }
    expect(job).toMatchObject({ status: 'succeeded', casesRead: 40, progress: 1 });
    const exported = await sut.as(manager).get('/api/exports/casework').expect(200);
    expect(JSON.parse(exported.text).cases).toHaveLength(40);
  });

  it('answers a failed import with every error when asked to wait', async () => {
    const lines = generateDocument({ cases: 3, seed: 4 });
    const header = { ...lines, cases: undefined };
    const body = [
      JSON.stringify(header),
      JSON.stringify({ ...lines.cases[0], fundingStream: 'lottery' }),
      JSON.stringify({ ...lines.cases[1], openedOn: '2025-02-30' }),
    ].join('\n');
    const res = await sut
      .as(manager)
      .post('/api/imports?wait=true')
      .set('Content-Type', 'application/x-ndjson')
      .send(body)
      .expect(202);
    expect(res.body.status).toBe('failed');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'cases[0].fundingStream',
      'cases[1].openedOn',
    ]);
  });

  it('is for managers only', async () => {
    const adviser = await sut.makeUser(manager.organisationId, 'adviser');
    await sut.as(adviser).post('/api/imports').send('{}').expect(403);
    await sut.as(adviser).get('/api/exports/casework').expect(403);
  });
});
