import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness } from '../../../test/harness.js';
import { makeCase, makeStaffedOrganisation, type Staff } from '../../../test/factories.js';

describe('client self-completion feedback links', () => {
  let h: Harness;
  let staff: Staff;
  let caseId: string;
  beforeAll(async () => {
    h = await createHarness();
    staff = await makeStaffedOrganisation(h);
    caseId = (await makeCase(h, staff.adviser)).id as string;
  });
  afterAll(async () => {
    await h.close();
  });

  it('lets the client answer once, without signing in, and records the feedback on the case', async () => {
    const link = await h.as(staff.adviser).post(`/api/cases/${caseId}/feedback-links`).expect(201);
    expect(link.body.path).toBe(`/feedback/${link.body.token}`);
    const form = await h.http().get(`/api/feedback-links/${link.body.token}`).expect(200);
    expect(form.body.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(form.body)).not.toContain(caseId); // the page learns nothing about the case
    await h
      .http()
      .post(`/api/feedback-links/${link.body.token}`)
      .send({ items: { time_to_listen: 5, respect: 4 }, comment: 'Thank you' })
      .expect(204);
    const page = await h.as(staff.adviser).get(`/api/cases/${caseId}`).expect(200);
    expect(page.body.feedback).toEqual([
      expect.objectContaining({ items: { time_to_listen: 5, respect: 4 }, source: 'link' }),
    ]);
    await h
      .http()
      .post(`/api/feedback-links/${link.body.token}`)
      .send({ items: { respect: 1 } })
      .expect(404);
    await h.http().get(`/api/feedback-links/${link.body.token}`).expect(404);
    const [audit] = await h.dataSource.query(
      `SELECT action, entity FROM audit_log WHERE details->>'via' = 'client link'`,
    );
    expect(audit).toEqual({ action: 'create', entity: 'feedback' });
  });

  it('refuses bad scores without using up the link, and expired links', async () => {
    const link = await h.as(staff.adviser).post(`/api/cases/${caseId}/feedback-links`).expect(201);
    const bad = await h
      .http()
      .post(`/api/feedback-links/${link.body.token}`)
      .send({ items: { respect: 9 } })
      .expect(400);
    expect(bad.body.errors[0].path).toBe('items.respect');
    await h.http().get(`/api/feedback-links/${link.body.token}`).expect(200);
    await h.dataSource.query(`UPDATE feedback_links SET expires_at = now() - interval '1 minute'`);
    await h.http().get(`/api/feedback-links/${link.body.token}`).expect(404);
    await h.http().get('/api/feedback-links/not-a-token').expect(400);
  });

  it('makes links only for the caller’s own cases', async () => {
    const other = await makeStaffedOrganisation(h);
    await h.as(other.adviser).post(`/api/cases/${caseId}/feedback-links`).expect(404);
  });
});
