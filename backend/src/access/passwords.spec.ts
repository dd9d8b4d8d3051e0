import { describe, expect, it } from '@jest/globals';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';

const OWN_DETAILS = 'must not contain your name, email, organisation or "Deep Value"; choose another';
const owner = { email: 'sam.jones@riverside.example.org', name: 'Sam Jones', organisation: 'Riverside Law Centre' };

describe(passwordProblem.name, () => {
  it.each([
    ['short', 'must be at least 12 characters'],
    ['x'.repeat(257), 'must be at most 256 characters'],
  ])('rejects %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  // The review's examples (all accepted by the old 22-entry block list) and other common patterns.
  it.each(['qwertyqwerty', 'Password12345', 'letmeinletmein', 'password1234', 'aaaaaaaaaaaaaaaa', '123456789012'])(
    'rejects the easily guessed %s',
    (password) => {
      expect(passwordProblem(password)).toMatch(/^is too easy to guess/);
    },
  );

  it.each(['deep-value-demo', 'Riverside Law Centre 1', 'riversidelawcentre', 'sam.jones2024!!', 'SamJones-forever'])(
    'rejects %s, built from the user’s own details or the product’s name',
    (password) => {
      expect(passwordProblem(password, owner)).toBe(OWN_DETAILS);
    },
  );

  it.each(['tidal marmalade 7 bicycles', 'kettle orbit lantern', 'my dog likes carrots on tuesdays'])(
    'accepts the passphrase %s',
    (password) => {
      expect(passwordProblem(password, owner)).toBeUndefined();
    },
  );
});

describe('argon2id hashing', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('tidal marmalade 7 bicycles');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'tidal marmalade 7 bicycles')).toBe(true);
    expect(await verifyPassword(hash, 'tidal marmalade 8 bicycles')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
