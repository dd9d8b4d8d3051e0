import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeCase, makeClient, makeStaffedOrganisation, type Staff } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';

const NOT_ASKED = { phone: null, text: null, voicemail: null, email: null, letter: null, visit: null };

describe('contact safety', () => {
  let h: Harness;
  let ours: Staff;

  beforeAll(async () => {
    h = await createHarness();
    ours = await makeStaffedOrganisation(h);
  });
  afterAll(async () => {
    await h.close();
  });

  it('is recorded with a new client, shown on the client and on the case, and replaced whole on an edit', async () => {
    const client = await makeClient(h, ours.adviser, {
      contactSafety: {
        safeBy: { phone: true, letter: false, voicemail: false },
        preferredChannel: 'phone',
        note: ' Only after 3pm; her partner opens the post ',
        interpreterLanguage: 'Tigrinya',
        largePrint: true,
      },
    });
    const expected = {
      safeBy: { ...NOT_ASKED, phone: true, letter: false, voicemail: false },
      preferredChannel: 'phone',
      note: 'Only after 3pm; her partner opens the post',
      interpreterLanguage: 'Tigrinya',
      bsl: false,
      largePrint: true,
      otherAdaptations: null,
    };
    expect(client.contactSafety).toEqual(expected);
    const kase = await makeCase(h, ours.adviser, { clientId: client.id });
    const detail = await h.as(ours.adviser).get(`/api/cases/${kase.id}`).expect(200);
    expect(detail.body.client.contactSafety).toEqual(expected);

    const edited = await h
      .as(ours.adviser)
      .patch(`/api/clients/${client.id}`)
      .send({ version: client.version, contactSafety: { safeBy: { email: true }, bsl: true } })
      .expect(200);
    expect(edited.body.contactSafety).toEqual({
      safeBy: { ...NOT_ASKED, email: true },
      preferredChannel: null,
      note: null,
      interpreterLanguage: null,
      bsl: true,
      largePrint: false,
      otherAdaptations: null,
    });
    // An edit without contactSafety leaves it as it is.
    const other = await h
      .as(ours.adviser)
      .patch(`/api/clients/${client.id}`)
      .send({ version: edited.body.version, phone: '07700 900999' })
      .expect(200);
    expect(other.body.contactSafety).toEqual(edited.body.contactSafety);
  });

  it('refuses a preferred way that is marked not safe, and bad values, naming the field', async () => {
    const client = await makeClient(h, ours.adviser);
    const res = await h
      .as(ours.adviser)
      .patch(`/api/clients/${client.id}`)
      .send({
        version: client.version,
        contactSafety: {
          safeBy: { letter: false, phone: 'yes' },
          preferredChannel: 'letter',
          interpreterLanguage: 'x'.repeat(101),
        },
      })
      .expect(400);
    expect(res.body.errors.map((e: { path: string; message: string }) => `${e.path}: ${e.message}`).sort()).toEqual([
      'contactSafety.interpreterLanguage: must be at most 100 characters',
      'contactSafety.preferredChannel: is marked not safe',
      'contactSafety.safeBy.phone: must be true or false',
    ]);
    const [row] = await h.dataSource.query(`SELECT safe_by_letter, version FROM clients WHERE id = $1`, [client.id]);
    expect(row).toEqual({ safe_by_letter: null, version: client.version });
  });

  it('is cleared by erasure', async () => {
    const client = await makeClient(h, ours.adviser, {
      contactSafety: { safeBy: { phone: false }, bsl: true, largePrint: true, note: 'n', otherAdaptations: 'o' },
    });
    await h.as(ours.manager).post(`/api/clients/${client.id}/erase`).expect(200);
    const [row] = await h.dataSource.query(
      `SELECT safe_by_phone, bsl, large_print, contact_note, other_adaptations FROM clients WHERE id = $1`,
      [client.id],
    );
    expect(row).toEqual({
      safe_by_phone: null,
      bsl: false,
      large_print: false,
      contact_note: null,
      other_adaptations: null,
    });
  });
});
