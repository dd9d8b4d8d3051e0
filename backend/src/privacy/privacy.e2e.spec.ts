import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { makeCasework } from '../casework/testing/casework-fixture.js';
import { RetentionService } from './retention.service.js';

const XSS = `<script>alert("x")</script><img src=x onerror=alert(1)> '; DROP TABLE clients; --`;

describe('privacy: subject access, erasure, retention', () => {
  let h: Harness;
  let orgId: string;
  let manager: TestUser;

  beforeAll(async () => {
    h = await createHarness();
    orgId = (await h.makeOrganisation()).id;
    manager = await h.makeUser(orgId, 'manager');
  });
  afterAll(() => h.close());

  /** Everything the reports read about an organisation's cases. */
  const facts = (organisationId: string) =>
    h.dataSource.query(`SELECT to_jsonb(f) AS row FROM case_facts f WHERE organisation_id = $1 ORDER BY case_id`, [
      organisationId,
    ]);

  it('subject access returns the client, every record of their cases and who looked at them', async () => {
    const data = await makeCasework(h.dataSource, orgId);
    await h.as(manager).get(`/api/cases/${data.caseId}`).expect(200);
    const res = await h.as(manager).get(`/api/clients/${data.clientId}/subject-access`).expect(200);
    expect(res.body.client).toMatchObject({ id: data.clientId, firstName: data.clientFirstName, ref: data.clientRef });
    expect(res.body.cases).toHaveLength(1);
    const [c] = res.body.cases;
    expect(c).toMatchObject({ id: data.caseId, ref: data.caseRef });
    expect(c.timeEntries.map((r: { id: string }) => r.id)).toEqual([data.timeEntryId]);
    expect(c.feedback.map((r: { id: string }) => r.id)).toEqual([data.feedbackId]);
    expect(c.assessments.map((r: { id: string }) => r.id)).toEqual([data.assessmentId]);
    expect(c.problems.map((r: { id: string }) => r.id)).toEqual([data.problemId]);
    expect(c.referrals.map((r: { id: string }) => r.id)).toEqual([data.referralId]);
    expect(c.outcomes.map((r: { id: string }) => r.id)).toEqual([data.outcomeId]);
    expect(c.outcomeBenefits.map((r: { id: string }) => r.id)).toEqual([data.benefitId]);
    expect(c.followUps.map((r: { id: string }) => r.id)).toEqual([data.followUpId]);
    expect(c.notes).toEqual([expect.objectContaining({ id: data.noteId, body: `note about ${data.marker}` })]);
    expect(c.noteRevisions).toEqual([expect.objectContaining({ noteId: data.noteId, revision: 1 })]);
    expect(c.conflictChecks).toEqual([
      expect.objectContaining({ id: data.conflictCheckId, result: 'conflict_can_proceed' }),
    ]);
    expect(c.parties).toEqual([expect.objectContaining({ id: data.partyId, name: `Party ${data.marker}` })]);
    expect(c.keyDates).toEqual([expect.objectContaining({ id: data.keyDateId, kind: 'limitation' })]);
    expect(c.keyDateChanges).toEqual([expect.objectContaining({ keyDateId: data.keyDateId, change: 'added' })]);
    const actions = res.body.auditEntries.map((e: { action: string; entity: string }) => `${e.action}:${e.entity}`);
    expect(actions).toEqual(expect.arrayContaining(['read:case', 'export:client']));
  });

  it('the privacy summary counts every kind of record and says what erasure deletes, empties or keeps', async () => {
    const data = await makeCasework(h.dataSource, orgId);
    const res = await h.as(manager).get(`/api/clients/${data.clientId}/privacy`).expect(200);
    expect(res.body.client).toMatchObject({ id: data.clientId, firstName: data.clientFirstName, erasedAt: null });
    expect(res.body.cases).toEqual([expect.objectContaining({ id: data.caseId, ref: data.caseRef })]);
    const sar = await h.as(manager).get(`/api/clients/${data.clientId}/subject-access`).expect(200);
    const [kase] = sar.body.cases;
    const fates = Object.fromEntries(
      res.body.records.map((r: { key: string; count: number; onErasure: string }) => [r.key, r.onErasure]),
    );
    for (const r of res.body.records) expect(r.count).toBe(kase[r.key].length);
    expect(fates).toMatchObject({
      notes: 'deleted',
      noteRevisions: 'deleted',
      parties: 'deleted',
      documents: 'deleted',
      timeEntries: 'text_cleared',
      fileReviews: 'text_cleared',
      outcomes: 'kept_anonymous',
    });

    await h.as(manager).post(`/api/clients/${data.clientId}/erase`).expect(200);
    const after = await h.as(manager).get(`/api/clients/${data.clientId}/privacy`).expect(200);
    expect(after.body.client).toMatchObject({ firstName: null, lastName: null, erasedAt: expect.any(String) });
    const left = Object.fromEntries(
      after.body.records.map((r: { key: string; count: number; onErasure: string }) => [r.key, r.count]),
    );
    for (const r of res.body.records)
      expect([r.key, left[r.key]]).toEqual([r.key, r.onErasure === 'deleted' ? 0 : r.count]);
    const [logged] = await h.dataSource.query(
      `SELECT entity_ids, details FROM audit_log WHERE user_id = $1 AND details->>'operation' = 'privacy_summary' ORDER BY id LIMIT 1`,
      [manager.id],
    );
    expect(logged).toEqual({
      entity_ids: [data.clientId],
      details: { operation: 'privacy_summary', caseIds: [data.caseId] },
    });
    const adviser = await h.makeUser(orgId, 'adviser');
    await h.as(adviser).get(`/api/clients/${data.clientId}/privacy`).expect(403);
    const otherManager = await h.makeUser((await h.makeOrganisation()).id, 'manager');
    await h.as(otherManager).get(`/api/clients/${data.clientId}/privacy`).expect(404);
  });

  it('the HTML report escapes everything the client or staff typed', async () => {
    const data = await makeCasework(h.dataSource, orgId, { freeText: XSS });
    const res = await h.as(manager).get(`/api/clients/${data.clientId}/subject-access.html`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain(data.clientFirstName);
    expect(res.text).not.toContain('<script>');
    expect(res.text).not.toContain('<img');
    expect(res.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('subject access and erasure are for managers and admins of the organisation only', async () => {
    const data = await makeCasework(h.dataSource, orgId);
    const adviser = await h.makeUser(orgId, 'adviser');
    await h.as(adviser).get(`/api/clients/${data.clientId}/subject-access`).expect(403);
    await h.as(adviser).post(`/api/clients/${data.clientId}/erase`).expect(403);
    const otherManager = await h.makeUser((await h.makeOrganisation()).id, 'manager');
    await h.as(otherManager).get(`/api/clients/${data.clientId}/subject-access`).expect(404);
    await h.as(otherManager).get(`/api/clients/${data.clientId}/subject-access.html`).expect(404);
    await h.as(otherManager).post(`/api/clients/${data.clientId}/erase`).expect(404);
    await h.as(manager).get(`/api/clients/not-a-uuid/subject-access`).expect(400);
  });

  it('erasure removes personal data and free text but leaves every report fact unchanged', async () => {
    const org = (await h.makeOrganisation()).id;
    const orgManager = await h.makeUser(org, 'manager');
    const data = await makeCasework(h.dataSource, org);
    const keep = await makeCasework(h.dataSource, org);
    const before = await facts(org);
    const [totals] = await h.dataSource.query(
      `SELECT count(*)::int AS cases, sum(relationship_minutes)::int AS minutes, sum(vulnerability_count)::int AS vulnerabilities,
              count(*) FILTER (WHERE result = 'positive')::int AS positive
       FROM case_facts WHERE organisation_id = $1`,
      [org],
    );

    const res = await h.as(orgManager).post(`/api/clients/${data.clientId}/erase`).expect(200);
    expect(res.body).toMatchObject({ id: data.clientId, ref: expect.stringMatching(/^erased-[0-9a-f]{12}$/) });

    const [client] = await h.dataSource.query(`SELECT * FROM clients WHERE id = $1`, [data.clientId]);
    expect(client).toMatchObject({
      first_name: null,
      last_name: null,
      date_of_birth: null,
      postcode_district: null,
      email: null,
      phone: null,
      ref: res.body.ref,
      erased_at: expect.any(Date),
    });
    const [kase] = await h.dataSource.query(`SELECT ref FROM cases WHERE id = $1`, [data.caseId]);
    expect(kase.ref).not.toBe(data.caseRef);
    for (const [table, column] of [
      ['time_entries', 'note'],
      ['feedback', 'comment'],
      ['underlying_problems', 'description'],
      ['referrals', 'note'],
    ]) {
      const rows = await h.dataSource.query(`SELECT ${column} AS text FROM ${table} WHERE case_id = $1`, [data.caseId]);
      expect(rows).toEqual([{ text: null }]);
    }
    for (const table of [
      'case_notes',
      'case_note_revisions',
      'case_parties',
      'conflict_checks',
      'key_dates',
      'key_date_changes',
    ]) {
      expect(await h.dataSource.query(`SELECT id FROM ${table} WHERE case_id = $1`, [data.caseId])).toEqual([]);
      expect(await h.dataSource.query(`SELECT id FROM ${table} WHERE case_id = $1`, [keep.caseId])).toHaveLength(1);
    }
    const untouched = await h.dataSource.query(`SELECT first_name FROM clients WHERE id = $1`, [keep.clientId]);
    expect(untouched).toEqual([{ first_name: keep.clientFirstName }]);

    expect(await facts(org)).toEqual(before);
    // Erasure writes with the facts update deferred and does not refresh the cases: that is sound only
    // while no fact is computed from what it clears or deletes. The facts recomputed now must still
    // be the ones kept, or a later write to the case would change the reports' figures.
    await h.dataSource.query(`SELECT refresh_case_facts(ARRAY(SELECT id FROM cases WHERE organisation_id = $1))`, [
      org,
    ]);
    expect(await facts(org)).toEqual(before);
    const [after] = await h.dataSource.query(
      `SELECT count(*)::int AS cases, sum(relationship_minutes)::int AS minutes, sum(vulnerability_count)::int AS vulnerabilities,
              count(*) FILTER (WHERE result = 'positive')::int AS positive
       FROM case_facts WHERE organisation_id = $1`,
      [org],
    );
    expect(after).toEqual(totals);

    const sar = await h.as(orgManager).get(`/api/clients/${data.clientId}/subject-access`).expect(200);
    expect(JSON.stringify(sar.body)).not.toContain(data.marker);
    const [audit] = await h.dataSource.query(
      `SELECT user_id, details FROM audit_log WHERE action = 'erase' AND entity_ids = ARRAY[$1::text]`,
      [data.clientId],
    );
    expect(audit).toMatchObject({ user_id: orgManager.id, details: { reason: 'request', caseIds: [data.caseId] } });

    // erasing again changes nothing and reports the same pseudonym
    const again = await h.as(orgManager).post(`/api/clients/${data.clientId}/erase`).expect(200);
    expect(again.body.ref).toBe(res.body.ref);
  });

  it('retention anonymises clients whose cases all closed longer ago than the setting, and nobody else', async () => {
    const org = await h.makeOrganisation();
    await h.dataSource.query(`UPDATE organisations SET settings = '{"retentionYears": 3}' WHERE id = $1`, [org.id]);
    const old = await makeCasework(h.dataSource, org.id, { openedOn: '2015-01-01', closedOn: '2016-01-01' });
    const recent = await makeCasework(h.dataSource, org.id, { openedOn: '2015-01-01', closedOn: '2099-01-01' });
    const open = await makeCasework(h.dataSource, org.id, { openedOn: '2015-01-01', closedOn: null });
    const retention = h.app.get(RetentionService);

    const dry = await retention.apply({ organisationRef: org.ref, dryRun: true });
    expect(dry).toEqual([
      {
        organisationRef: org.ref,
        retentionYears: 3,
        clients: [{ id: old.clientId, ref: old.clientRef, lastClosedOn: '2016-01-01' }],
        applied: false,
      },
    ]);
    expect(
      (await h.dataSource.query(`SELECT erased_at FROM clients WHERE id = $1`, [old.clientId]))[0].erased_at,
    ).toBeNull();

    const before = await facts(org.id);
    const applied = await retention.apply({ organisationRef: org.ref, dryRun: false });
    expect(applied[0]).toMatchObject({ applied: true, clients: [{ id: old.clientId }] });
    const erased = await h.dataSource.query(
      `SELECT id FROM clients WHERE organisation_id = $1 AND erased_at IS NOT NULL`,
      [org.id],
    );
    expect(erased).toEqual([{ id: old.clientId }]);
    expect([recent.clientId, open.clientId]).not.toContain(erased[0].id);
    expect(await facts(org.id)).toEqual(before);
    const [audit] = await h.dataSource.query(
      `SELECT user_id, details->>'reason' AS reason FROM audit_log WHERE action = 'erase' AND entity_ids = ARRAY[$1::text]`,
      [old.clientId],
    );
    expect(audit).toEqual({ user_id: null, reason: 'retention' });
    expect(await retention.apply({ organisationRef: org.ref, dryRun: true })).toMatchObject([{ clients: [] }]);
  });

  it('retention refuses an unknown organisation reference', async () => {
    await expect(h.app.get(RetentionService).apply({ organisationRef: 'nope', dryRun: true })).rejects.toThrow(
      /not found/,
    );
  });
});
