import { describe, expect, it } from '@jest/globals';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';

describe(passwordProblem.name, () => {
  it.each([
    ['short', 'must be at least 12 characters'],
    ['Password1234', 'is too common; choose another'],
    ['aaaaaaaaaaaaaaaa', 'is too simple; use more different characters'],
    ['x'.repeat(257), 'must be at most 256 characters'],
  ])('rejects %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it('accepts a long passphrase', () => {
    expect(passwordProblem('tidal marmalade 7 bicycles')).toBeUndefined();
  });
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
