/**
 * Sign-in throttling by account and address together: parallel guesses cannot pass the allowance,
 * delays grow with each further failure, and failures from one address never stop the right
 * password from another.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHarness, type Harness } from '../../test/harness.js';
import { ACCOUNT_ATTEMPTS, FIRST_DELAY_SECONDS, SOURCE_ATTEMPTS } from './sign-in-throttle.service.js';
import { setPassword, TEST_PASSWORD } from './testing/passwords.fixture.js';

describe('sign-in throttling', () => {
  let h: Harness;
  let orgId: string;
  let addresses = 0;

  beforeAll(async () => {
    // Behind a proxy, so each test can sign in from addresses of its own (X-Forwarded-For).
    h = await createHarness({ env: { TRUST_PROXY: 'true' } });
    orgId = (await h.makeOrganisation()).id;
  });
  afterAll(() => h.close());

  const newAddress = () => `198.51.100.${++addresses}`;

  async function userWithPassword() {
    const user = await h.makeUser(orgId, 'adviser');
    await setPassword(h.dataSource, user.id);
    return user;
  }

  const signIn = (email: string, from: string, password = TEST_PASSWORD) =>
    h.http().post('/api/auth/sign-in').set('X-Forwarded-For', from).send({ email, password });

  const checked = async (email: string) => {
    const [{ n }] = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log
        WHERE action = 'failed_sign_in' AND details->>'email' = $1 AND details->>'reason' = 'wrong_password'`,
      [email],
    );
    return n as number;
  };

  /** As if the wait asked for had passed. */
  const waitPasses = (source: string) =>
    h.dataSource.query(`UPDATE sign_in_attempts SET next_allowed_at = now() WHERE source = $1`, [source]);

  it(`checks at most ${ACCOUNT_ATTEMPTS} of 40 parallel wrong passwords; the rest get 429`, async () => {
    const user = await userWithPassword();
    const from = newAddress();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(user.email, from, `wrong password ${i}`)),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 401)).toHaveLength(ACCOUNT_ATTEMPTS);
    expect(await checked(user.email)).toBe(ACCOUNT_ATTEMPTS);
  });

  it(`signs in with the right password from another address after ${ACCOUNT_ATTEMPTS} wrong ones from one address`, async () => {
    const user = await userWithPassword();
    const attacker = newAddress();
    for (let i = 0; i < ACCOUNT_ATTEMPTS; i++) await signIn(user.email, attacker, `wrong password ${i}`).expect(401);
    const refused = await signIn(user.email, attacker).expect(429);
    expect(refused.body.code).toBe('too_many_requests');
    expect(refused.body.errors[0].message).toBe(`Too many attempts; try again in ${FIRST_DELAY_SECONDS} seconds`);
    expect(Number(refused.headers['retry-after'])).toBe(FIRST_DELAY_SECONDS);
    await signIn(user.email, newAddress()).expect(200);
    // and the owner's success does not lift the attacker's wait
    await signIn(user.email, attacker).expect(429);
  });

  it('doubles the wait with each further failure from the same address', async () => {
    const user = await userWithPassword();
    const from = newAddress();
    for (let i = 0; i < ACCOUNT_ATTEMPTS; i++) await signIn(user.email, from, `wrong password ${i}`).expect(401);
    await waitPasses(from);
    await signIn(user.email, from, 'wrong once more').expect(401); // checked once the wait has passed
    const second = await signIn(user.email, from).expect(429);
    expect(Number(second.headers['retry-after'])).toBe(2 * FIRST_DELAY_SECONDS);
    expect(second.body.errors[0].message).toBe('Too many attempts; try again in 1 minute');
    await waitPasses(from);
    await signIn(user.email, from, 'and again').expect(401);
    const third = await signIn(user.email, from).expect(429);
    expect(Number(third.headers['retry-after'])).toBe(4 * FIRST_DELAY_SECONDS);
    await waitPasses(from);
    await signIn(user.email, from).expect(200); // the right password, once the wait has passed
  });

  it('a successful sign-in clears earlier failures of the account from that address', async () => {
    const user = await userWithPassword();
    const from = newAddress();
    for (let i = 0; i < ACCOUNT_ATTEMPTS - 1; i++) await signIn(user.email, from, `wrong password ${i}`).expect(401);
    await signIn(user.email, from).expect(200);
    for (let i = 0; i < ACCOUNT_ATTEMPTS - 1; i++) await signIn(user.email, from, `wrong again ${i}`).expect(401);
    await signIn(user.email, from).expect(200);
  });

  it('slows an address that fails across many accounts, and only that address', async () => {
    const sprayer = newAddress();
    for (let i = 0; i < SOURCE_ATTEMPTS; i++)
      await signIn(`spray-${i}-${Date.now()}@test.example`, sprayer, 'not a real password').expect(401);
    const user = await userWithPassword();
    const res = await signIn(user.email, sprayer).expect(429);
    expect(res.body.errors[0].message).toMatch(/^Too many attempts; try again in \d+ seconds?$/);
    await signIn(user.email, newAddress()).expect(200);
  }, 120_000);
});
