import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Document, Packer, Paragraph } from 'docx';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeCase, makeStaffedOrganisation, type Staff } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { TINY_PDF } from '../../common/testing/fuzz-fixture.js';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6300010000050001' +
    '0d0a2db40000000049454e44ae426082',
  'hex',
);

describe('documents on a case', () => {
  let h: Harness;
  let ours: Staff;
  let theirs: Staff;
  let caseId: string;

  beforeAll(async () => {
    h = await createHarness({ env: { DOCUMENT_MAX_MB: '1' } });
    [ours, theirs] = await Promise.all([makeStaffedOrganisation(h), makeStaffedOrganisation(h)]);
    caseId = String((await makeCase(h, ours.adviser)).id);
  });
  afterAll(() => h.close());

  const upload = (content: Buffer, fileName: string | undefined, user = ours.adviser, id = caseId) =>
    h
      .as(user)
      .post(`/api/cases/${id}/documents${fileName === undefined ? '' : `?fileName=${encodeURIComponent(fileName)}`}`)
      .set('Content-Type', 'application/octet-stream')
      .send(content);
  const count = async () =>
    Number((await h.dataSource.query(`SELECT count(*) AS n FROM case_documents`))[0].n as string);

  it('keeps a PDF, an image and a Word file with the type read from the content, and lists them', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Tenancy')] }] }));
    // Names that lie about the type: the content decides.
    const pdf = await upload(TINY_PDF, 'C:\\Users\\me\\decision.docx').expect(201);
    expect(pdf.body).toEqual({
      id: expect.any(String),
      caseId,
      fileName: 'decision.docx',
      contentType: 'application/pdf',
      sizeBytes: TINY_PDF.length,
      sha256: createHash('sha256').update(TINY_PDF).digest('hex'),
      source: 'upload',
      uploadedById: ours.adviser.id,
      uploadedByName: expect.any(String),
      createdAt: expect.any(String),
      version: 1,
    });
    const png = await upload(PNG, 'photo.pdf').expect(201);
    expect(png.body.contentType).toBe('image/png');
    const word = await upload(Buffer.from(docx), 'Letter from landlord — April.docx').expect(201);
    expect(word.body.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');

    const list = await h.as(ours.manager).get(`/api/cases/${caseId}/documents`).expect(200);
    expect(list.body.map((d: { fileName: string }) => d.fileName).sort()).toEqual(
      ['Letter from landlord — April.docx', 'decision.docx', 'photo.pdf'].sort(),
    );
    expect(JSON.stringify(list.body)).not.toContain('content"');
    const [audit] = await h.dataSource.query(
      `SELECT action, details FROM audit_log WHERE entity = 'document' AND $1 = ANY(entity_ids) ORDER BY id LIMIT 1`,
      [pdf.body.id],
    );
    expect(audit).toMatchObject({ action: 'create', details: { caseIds: [caseId] } });
  });

  it('downloads the same bytes as an attachment, and audits every download', async () => {
    const doc = (await upload(PNG, 'Évidence "1".png').expect(201)).body;
    const auditRows = () =>
      h.dataSource.query(
        `SELECT action, user_id, details FROM audit_log WHERE entity = 'document' AND $1 = ANY(entity_ids) AND action = 'read'`,
        [doc.id],
      ) as Promise<Array<{ action: string; user_id: string; details: { operation: string; caseIds: string[] } }>>;
    for (const user of [ours.adviser, ours.manager]) {
      const res = await h
        .as(user)
        .get(`/api/documents/${doc.id}/content`)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(Buffer.compare(res.body as Buffer, PNG)).toBe(0);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="_vidence _1_.png"; filename*=UTF-8''%C3%89vidence%20%221%22.png`,
      );
      expect(res.headers['cache-control']).toBe('private, no-store');
    }
    const rows = await auditRows();
    expect(rows.map((r) => r.user_id)).toEqual([ours.adviser.id, ours.manager.id]);
    expect(rows[0].details).toMatchObject({ operation: 'download', caseIds: [caseId] });
  });

  it('refuses what is not a PDF, image or Word file, an empty body and a missing name, writing nothing', async () => {
    const before = await count();
    const html = await upload(Buffer.from('<html><script>alert(1)</script></html>'), 'report.pdf').expect(422);
    expect(html.body.errors).toEqual([{ path: 'file', message: expect.stringMatching(/^is not a file type/) }]);
    const zip = await upload(Buffer.from('504b0304140000000000', 'hex'), 'a.docx');
    expect([400, 422]).toContain(zip.status);
    const exe = await upload(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 'setup.pdf').expect(422);
    expect(exe.body.errors[0]).toMatchObject({ path: 'file' });
    expect((await upload(Buffer.alloc(0), 'empty.pdf').expect(400)).body.errors[0].path).toBe('file');
    expect((await upload(TINY_PDF, undefined).expect(400)).body.errors[0].path).toBe('fileName');
    expect((await upload(TINY_PDF, 'a\u0007.pdf').expect(400)).body.errors[0].path).toBe('fileName');
    expect((await upload(TINY_PDF, 'x'.repeat(256)).expect(400)).body.errors[0].path).toBe('fileName');
    expect(await count()).toBe(before);
  });

  it('refuses a file over DOCUMENT_MAX_MB with 413, by its declared length and by what arrives', async () => {
    const before = await count();
    const big = Buffer.concat([TINY_PDF, Buffer.alloc(1024 * 1024)]);
    const res = await upload(big, 'big.pdf').expect(413);
    expect(res.body.errors[0]).toEqual({ path: 'file', message: expect.stringContaining('DOCUMENT_MAX_MB') });
    // Chunked, without a Content-Length: the limit is counted as the bytes arrive.
    const status = await new Promise<number>((resolve, reject) => {
      const server = h.app.getHttpServer() as http.Server;
      if (!server.listening) server.listen(0);
      const { port } = server.address() as AddressInfo;
      const req = http.request(
        {
          port,
          method: 'POST',
          path: `/api/cases/${caseId}/documents?fileName=big.pdf`,
          headers: { Authorization: `Bearer ${ours.adviser.token}`, 'Transfer-Encoding': 'chunked' },
        },
        (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 20; i++) req.write(Buffer.alloc(64 * 1024));
      req.end();
    });
    expect(status).toBe(413);
    expect(await count()).toBe(before);
  });

  it('reads no body before the session, the role and the case are accepted', async () => {
    const before = await count();
    await h
      .http()
      .post(`/api/cases/${caseId}/documents?fileName=a.pdf`)
      .set('Content-Type', 'application/json')
      .send('{"not": "read"}')
      .expect(401);
    const commissioner = await h.makeUser((await h.makeOrganisation({ kind: 'commissioner' })).id, 'commissioner');
    await upload(TINY_PDF, 'a.pdf', commissioner).expect(403);
    await upload(TINY_PDF, 'a.pdf', theirs.adviser).expect(404);
    expect(await count()).toBe(before);
  });

  it('keeps another organisation out of the list, the content and removal', async () => {
    const doc = (await upload(TINY_PDF, 'private.pdf').expect(201)).body;
    await h.as(theirs.manager).get(`/api/cases/${caseId}/documents`).expect(404);
    await h.as(theirs.manager).get(`/api/documents/${doc.id}/content`).expect(404);
    await h.as(theirs.admin).delete(`/api/documents/${doc.id}`).expect(404);
    await h.as(ours.adviser).get(`/api/documents/not-an-id/content`).expect(400);
    await h.as(ours.adviser).delete(`/api/documents/${doc.id}?version=7`).expect(409);
    await h.as(ours.adviser).delete(`/api/documents/${doc.id}?version=1`).expect(204);
    await h.as(ours.adviser).get(`/api/documents/${doc.id}/content`).expect(404);
  });

  it('lists documents in subject access without their bytes, and erasure removes them', async () => {
    const clientId = String(
      (await h.dataSource.query(`SELECT client_id FROM cases WHERE id = $1`, [caseId]))[0].client_id,
    );
    const sar = await h.as(ours.manager).get(`/api/clients/${clientId}/subject-access`).expect(200);
    const listed = sar.body.cases[0].documents as Array<Record<string, unknown>>;
    expect(listed.length).toBeGreaterThanOrEqual(4);
    expect(listed[0]).toMatchObject({ fileName: expect.any(String), contentType: expect.any(String) });
    expect(listed.every((d) => !('content' in d))).toBe(true);
    const html = await h.as(ours.manager).get(`/api/clients/${clientId}/subject-access.html`).expect(200);
    expect(html.text).toContain('photo.pdf');

    await h.as(ours.manager).post(`/api/clients/${clientId}/erase`).expect(200);
    const [{ n }] = await h.dataSource.query(`SELECT count(*)::int AS n FROM case_documents WHERE case_id = $1`, [
      caseId,
    ]);
    expect(n).toBe(0);
  });
});
