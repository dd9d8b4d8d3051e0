import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';

describe('request body errors', () => {
  let sut: Harness;
  let adviser: TestUser;
  beforeAll(async () => {
    sut = await createHarness();
    adviser = await sut.makeUser((await sut.makeOrganisation()).id, 'adviser');
  });
  afterAll(async () => {
    await sut.close();
  });

  it('answers malformed JSON with 400 and a plain message', async () => {
    const res = await sut
      .as(adviser)
      .post('/api/clients')
      .set('Content-Type', 'application/json')
      .send('{"firstName": ')
      .expect(400);
    expect(res.body.errors).toEqual([{ path: '', message: 'The request body is not valid JSON' }]);
  });

  it('answers an oversized body with 413', async () => {
    const res = await sut
      .as(adviser)
      .post('/api/clients')
      .set('Content-Type', 'application/json')
      .send(`{"firstName":"${'x'.repeat(3 * 1024 * 1024)}"}`)
      .expect(413);
    expect(res.body).toEqual({ code: 'too_large', errors: [{ path: '', message: 'The request body is too large' }] });
  });

  it('refuses a JSON array where an object is expected', async () => {
    const res = await sut
      .as(adviser)
      .post('/api/clients')
      .send([{ firstName: 'Ana' }])
      .expect(400);
    expect(res.body.errors).toEqual([{ path: '', message: 'The request body must be a JSON object' }]);
  });
});
