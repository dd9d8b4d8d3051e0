import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SHIPPED_LETTER_KEYS } from '@deepvalue/shared';
import { closeCase, makeCase, makeClient, makeStaffedOrganisation, type Staff } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { popplerText } from '../../evidence/testing/pack-files.js';

/** The text of a PDF as a reader sees it (poppler's pdftotext, which .ci/run installs), spaces collapsed. */
function pdfStrings(pdf: Buffer): string {
  const text = popplerText(pdf);
  if (text === null) throw new Error('pdftotext (Debian poppler-utils) is needed to read the letter back');
  return text.replace(/\s+/g, ' ');
}

describe('letters from templates', () => {
  let h: Harness;
  let ours: Staff;
  let theirs: Staff;
  let kase: Record<string, unknown>;

  beforeAll(async () => {
    h = await createHarness();
    [ours, theirs] = await Promise.all([makeStaffedOrganisation(h), makeStaffedOrganisation(h)]);
    kase = await makeCase(h, ours.adviser);
  });
  afterAll(() => h.close());

  const templates = async (user = ours.adviser) =>
    (await h.as(user).get('/api/letter-templates').expect(200)).body as Array<{
      id: string;
      key: string | null;
      name: string;
      body: string;
      version: number;
    }>;
  const download = async (documentId: string) =>
    (
      await h
        .as(ours.adviser)
        .get(`/api/documents/${documentId}/content`)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200)
    ).body as Buffer;
  const generate = (body: object, caseId = String(kase.id), user = ours.adviser) =>
    h.as(user).post(`/api/cases/${caseId}/letters`).send(body);

  it('gives every organisation the three shipped templates when it is made, and reading them writes nothing', async () => {
    const stored = async () =>
      h.dataSource.query(
        `SELECT id, key, version, updated_at FROM letter_templates WHERE organisation_id = $1 ORDER BY id`,
        [ours.organisationId],
      );
    const before = await stored();
    expect(before.map((t: { key: string }) => t.key).sort()).toEqual([...SHIPPED_LETTER_KEYS].sort());
    const first = await templates();
    expect(await stored()).toEqual(before);
    expect(first.map((t) => t.key)).toEqual([...SHIPPED_LETTER_KEYS].sort());
    expect(first.map((t) => t.name).sort()).toEqual(['Client care letter', 'Closing letter', 'Letter of authority']);
    expect(await templates()).toEqual(first);
    const other = await templates(theirs.adviser);
    expect(other.map((t) => t.id).some((id) => first.some((f) => f.id === id))).toBe(false);
  });

  it('generates a client care letter as a PDF with the case’s fields, kept as a document on the case', async () => {
    const care = (await templates()).find((t) => t.key === 'client_care')!;
    const res = await generate({ templateId: care.id }).expect(201);
    expect(res.body).toMatchObject({ caseId: kase.id, contentType: 'application/pdf', source: 'letter' });
    expect(res.body.fileName).toMatch(/^Client care letter .+\.pdf$/);
    const pdf = await download(String(res.body.id));
    const text = pdfStrings(pdf);
    const [row] = await h.dataSource.query(
      `SELECT cl.first_name, cl.last_name, c.ref FROM cases c JOIN clients cl ON cl.organisation_id = c.organisation_id AND cl.id = c.client_id WHERE c.id = $1`,
      [kase.id],
    );
    expect(text).toContain(`Dear ${row.first_name} ${row.last_name}`);
    expect(text).toContain(row.ref);
    expect(text).not.toContain('{{');
    const [audit] = await h.dataSource.query(
      `SELECT action, details FROM audit_log WHERE entity = 'letter' AND $1 = ANY(entity_ids)`,
      [res.body.id],
    );
    expect(audit).toMatchObject({ action: 'create', details: { caseIds: [kase.id] } });
  });

  it('prints a name outside Latin-1 as written in the PDF (the letter embeds a Unicode font)', async () => {
    const client = await makeClient(h, ours.adviser, { firstName: 'Łucja', lastName: 'Wróbel-Żak Ğül' });
    const polish = await makeCase(h, ours.adviser, { clientId: client.id });
    const care = (await templates()).find((t) => t.key === 'client_care')!;
    const res = await generate({ templateId: care.id }, String(polish.id)).expect(201);
    const text = pdfStrings(await download(String(res.body.id)));
    expect(text).toContain('Dear Łucja Wróbel-Żak Ğül');
    expect(text).not.toContain('\ufffd');
  });

  it('generates a DOCX when asked', async () => {
    const authority = (await templates()).find((t) => t.key === 'authority')!;
    const res = await generate({ templateId: authority.id, format: 'docx' }).expect(201);
    expect(res.body.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('refuses a closing letter for a case not closed yet, naming the field it lacks', async () => {
    const closing = (await templates()).find((t) => t.key === 'closing')!;
    const res = await generate({ templateId: closing.id }).expect(422);
    expect(res.body.errors).toEqual([{ path: 'templateId', message: expect.stringContaining('{{case.closedOn}}') }]);
    const closed = await makeCase(h, ours.adviser);
    await closeCase(h, ours.adviser, closed);
    await generate({ templateId: closing.id }, String(closed.id)).expect(201);
  });

  it('lets an admin add, reword and remove templates, refusing unknown fields and removing a shipped one', async () => {
    const body = 'Dear {{client.firstName}}, about {{case.ref}}.';
    await h.as(ours.adviser).post('/api/letter-templates').send({ name: 'Chaser', body }).expect(403);
    const bad = await h
      .as(ours.admin)
      .post('/api/letter-templates')
      .send({ name: 'Bad', body: 'Dear {{client.nickname}} {{case.ref' })
      .expect(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['body', 'body']);
    const made = (await h.as(ours.admin).post('/api/letter-templates').send({ name: 'Chaser', body }).expect(201)).body;
    await h.as(ours.admin).post('/api/letter-templates').send({ name: 'Chaser', body }).expect(409);
    const changed = await h
      .as(ours.admin)
      .patch(`/api/letter-templates/${made.id}`)
      .send({ version: 1, body: `${body} Thanks, {{adviser.name}}` })
      .expect(200);
    expect(changed.body).toMatchObject({ version: 2, updatedByName: expect.any(String) });
    await h.as(ours.admin).patch(`/api/letter-templates/${made.id}`).send({ version: 1, name: 'X' }).expect(409);
    await h.as(theirs.admin).patch(`/api/letter-templates/${made.id}`).send({ version: 2, name: 'X' }).expect(404);
    const shipped = (await templates()).find((t) => t.key === 'authority')!;
    await h.as(ours.admin).delete(`/api/letter-templates/${shipped.id}`).expect(409);
    await h.as(theirs.admin).delete(`/api/letter-templates/${made.id}`).expect(404);
    await h.as(ours.admin).delete(`/api/letter-templates/${made.id}`).expect(204);
    const audit = await h.dataSource.query(
      `SELECT details->>'operation' AS op FROM audit_log WHERE entity = 'letter_template' AND $1 = ANY(entity_ids) ORDER BY id`,
      [made.id],
    );
    expect(audit.map((a: { op: string }) => a.op)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses another organisation’s template or case, and a bad format', async () => {
    const theirsTemplate = (await templates(theirs.adviser))[0];
    await generate({ templateId: theirsTemplate.id }).expect(422);
    const ours1 = (await templates())[0];
    await generate({ templateId: ours1.id }, String(kase.id), theirs.adviser).expect(404);
    const res = await generate({ templateId: ours1.id, format: 'odt' }).expect(400);
    expect(res.body.errors[0].path).toBe('format');
  });
});
