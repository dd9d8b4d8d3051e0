import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { makeCasework, type CaseworkFixture } from '../casework/testing/casework-fixture.js';

describe('audit log', () => {
  let h: Harness;
  let orgId: string;
  let admin: TestUser;
  let adviser: TestUser;
  let data: CaseworkFixture;

  beforeAll(async () => {
    h = await createHarness();
    orgId = (await h.makeOrganisation()).id;
    admin = await h.makeUser(orgId, 'admin');
    adviser = await h.makeUser(orgId, 'adviser');
    data = await makeCasework(h.dataSource, orgId);
  });
  afterAll(() => h.close());

  const rowsFor = (userId: string, action: string, entity: string) =>
    h.dataSource.query(
      `SELECT entity_ids, details, ip FROM audit_log WHERE user_id = $1 AND action = $2 AND entity = $3 ORDER BY id`,
      [userId, action, entity],
    );

  it('a read of a case writes an audit row naming the case and its client, before the response', async () => {
    const user = await h.makeUser(orgId, 'adviser');
    await h.as(user).get(`/api/cases/${data.caseId}`).expect(200);
    const rows = await rowsFor(user.id, 'read', 'case');
    expect(rows).toEqual([
      {
        entity_ids: [data.caseId],
        details: expect.objectContaining({ clientIds: [data.clientId] }),
        ip: expect.any(String),
      },
    ]);
  });

  it('a list view logs exactly the records shown', async () => {
    const user = await h.makeUser(orgId, 'adviser');
    const res = await h.as(user).get(`/api/clients?search=${data.marker}`).expect(200);
    const shown = res.body.items.map((c: { id: string }) => c.id);
    expect(shown).toEqual([data.clientId]);
    const rows = await rowsFor(user.id, 'read', 'client');
    expect(rows.map((r: { entity_ids: string[] }) => r.entity_ids)).toEqual([shown]);
  });

  it('a bulk export of casework is logged, though its body is streamed', async () => {
    const manager = await h.makeUser(orgId, 'manager');
    await h.as(manager).get('/api/exports/casework?format=ndjson').expect(200);
    expect(await rowsFor(manager.id, 'export', 'casework')).toHaveLength(1);
  });

  it('a refused read (another organisation) is not logged as a read', async () => {
    const other = await h.makeUser((await h.makeOrganisation()).id, 'manager');
    await h.as(other).get(`/api/cases/${data.caseId}`).expect(404);
    expect(await rowsFor(other.id, 'read', 'case')).toEqual([]);
  });

  it('the database refuses to change or remove audit rows: the app role lacks the right, the owner meets the trigger', async () => {
    const [{ owner, me, superuser }] = await h.dataSource.query(
      `SELECT pg_get_userbyid(relowner) AS owner, current_user AS me,
              (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser
       FROM pg_class WHERE relname = 'audit_log'`,
    );
    expect(owner).not.toBe(me); // the app's role owns nothing…
    expect(superuser).toBe(false);
    for (const sql of [`UPDATE audit_log SET action = 'read'`, `DELETE FROM audit_log`, `TRUNCATE audit_log`])
      await expect(h.dataSource.query(sql)).rejects.toThrow(/permission denied for table audit_log/);
    // …even with triggers off, which it may set for imports,
    await expect(
      h.dataSource.transaction(async (m) => {
        await m.query(`SET LOCAL session_replication_role = replica`);
        await m.query(`DELETE FROM audit_log`);
      }),
    ).rejects.toThrow(/permission denied for table audit_log/);
    await expect(h.dataSource.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`)).rejects.toThrow(
      /must be owner/,
    );
    await expect(h.dataSource.query(`UPDATE audit_chain_heads SET seq = 0`)).rejects.toThrow(/permission denied/);
    // …and the owner, who has the right, meets the append-only trigger.
    await expect(h.owner(`UPDATE audit_log SET action = 'read'`)).rejects.toThrow(/append-only/);
    await expect(h.owner(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(h.owner(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    const [{ n }] = await h.dataSource.query(`SELECT count(*)::integer AS n FROM audit_log`);
    expect(n).toBeGreaterThan(0);
  });

  it('admins list and filter their organisation’s entries, newest first, paginated', async () => {
    await h.as(adviser).get(`/api/cases/${data.caseId}`).expect(200);
    const page = await h.as(admin).get(`/api/audit?action=read&entity=case&user=${adviser.id}&limit=1`).expect(200);
    expect(page.body).toMatchObject({ total: expect.any(Number), limit: 1, offset: 0 });
    expect(page.body.items).toEqual([
      expect.objectContaining({ action: 'read', entity: 'case', userId: adviser.id, entityIds: [data.caseId] }),
    ]);
    const today = new Date().toISOString().slice(0, 10);
    const dated = await h.as(admin).get(`/api/audit?from=${today}&to=${today}&entityId=${data.caseId}`).expect(200);
    expect(dated.body.total).toBeGreaterThan(0);
    const none = await h.as(admin).get(`/api/audit?to=2000-01-01`).expect(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });
    await h.as(admin).get(`/api/audit?from=yesterday`).expect(400);
    await h.as(admin).get(`/api/audit?action=steal`).expect(400);
  });

  it('filters by client (their record and every case of theirs) and names clients and cases, logging that read', async () => {
    const other = await makeCasework(h.dataSource, orgId);
    await h.as(adviser).get(`/api/cases/${data.caseId}`).expect(200);
    await h.as(adviser).get(`/api/clients/${data.clientId}`).expect(200);
    await h.as(adviser).get(`/api/cases/${other.caseId}`).expect(200);
    await h.as(adviser).get(`/api/cases/${data.caseId}/notes`).expect(200);
    const page = await h.as(admin).get(`/api/audit?client=${data.clientId}&user=${adviser.id}&limit=500`).expect(200);
    const named = (e: { entityIds: string[]; details: Record<string, string[]> | null }) => [
      ...e.entityIds,
      ...(e.details?.clientIds ?? []),
      ...(e.details?.caseIds ?? []),
    ];
    expect(page.body.items.length).toBeGreaterThanOrEqual(3);
    for (const entry of page.body.items) expect(named(entry)).toEqual(expect.arrayContaining([expect.any(String)]));
    for (const entry of page.body.items) {
      expect(entry.userId).toBe(adviser.id);
      expect(named(entry).some((id) => id === data.clientId || id === data.caseId)).toBe(true);
    }
    expect(page.body.items.map((e: { entity: string }) => e.entity)).toEqual(
      expect.arrayContaining(['case', 'client', 'note']),
    );
    expect(JSON.stringify(page.body.items)).not.toContain(other.caseId);
    const fullName = `${data.clientFirstName} ${data.clientLastName}`;
    expect(page.body.names).toMatchObject({
      [data.clientId]: fullName,
      [data.caseId]: `${fullName} · ${data.caseRef}`,
    });
    expect(Object.keys(page.body.names)).not.toContain(other.caseId);
    const [logged] = await h.dataSource.query(
      `SELECT entity_ids FROM audit_log WHERE user_id = $1 AND details->>'operation' = 'audit_log_names' ORDER BY id DESC LIMIT 1`,
      [admin.id],
    );
    expect(logged.entity_ids).toEqual([data.clientId]);
    await h.as(admin).get(`/api/audit?client=not-a-client`).expect(400);
    const stranger = await h.as(admin).get(`/api/audit?client=${crypto.randomUUID()}`).expect(200);
    expect(stranger.body).toMatchObject({ items: [], total: 0, names: {} });
  });

  it('shows no other organisation’s entries and is for admins only', async () => {
    const otherOrg = (await h.makeOrganisation()).id;
    const otherAdmin = await h.makeUser(otherOrg, 'admin');
    const res = await h.as(otherAdmin).get(`/api/audit?limit=500`).expect(200);
    expect(JSON.stringify(res.body)).not.toContain(data.caseId);
    await h.as(adviser).get('/api/audit').expect(403);
    await h
      .as(await h.makeUser(orgId, 'manager'))
      .get('/api/audit/export')
      .expect(403);
  });

  it('treats SQL in filters as plain text', async () => {
    const res = await h
      .as(admin)
      .get(`/api/audit?entity=${encodeURIComponent("case' OR '1'='1")}`)
      .expect(200);
    expect(res.body).toMatchObject({ items: [], total: 0 });
    const byId = await h
      .as(admin)
      .get(`/api/audit?entityId=${encodeURIComponent("x'); DROP TABLE audit_log; --")}`)
      .expect(200);
    expect(byId.body.total).toBe(0);
    await h
      .as(admin)
      .get(`/api/audit?user=${encodeURIComponent("' OR 1=1 --")}`)
      .expect(400);
  });

  it('exports the filtered log as CSV, neutralising spreadsheet formulas, and logs the export', async () => {
    await h.dataSource.query(
      `INSERT INTO audit_log (organisation_id, user_id, action, entity, details) VALUES ($1, $2, 'admin', '=HYPERLINK("http://evil")', '{"x": 1}')`,
      [orgId, admin.id],
    );
    const res = await h.as(admin).get('/api/audit/export?action=admin').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toBe('id,at,user_id,user_name,user_email,action,entity,entity_ids,ip,details');
    expect(res.text).toContain(`'=HYPERLINK`);
    expect(res.text).not.toMatch(/,=HYPERLINK/);
    const exports = await rowsFor(admin.id, 'export', 'audit_log');
    expect(exports).toEqual([expect.objectContaining({ details: { filters: { action: 'admin' } } })]);
  });
});
