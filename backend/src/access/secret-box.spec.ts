import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SecretBox, secretsKeyFor } from './secret-box.js';

describe(SecretBox.name, () => {
  const box = new SecretBox(randomBytes(32));

  it('seals a secret so the stored form does not contain it, and opens it again', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP')).not.toBe(sealed); // a fresh IV each time
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a value that was altered or sealed under another key', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => box.open(`v1:${raw.toString('base64')}`)).toThrow(/could not be decrypted/);
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow(/could not be decrypted/);
  });

  it('reads an older plain value as it is', () => {
    expect(box.open('JBSWY3DPEHPK3PXP')).toBe('JBSWY3DPEHPK3PXP');
    expect(SecretBox.isSealed('JBSWY3DPEHPK3PXP')).toBe(false);
  });
});

describe(secretsKeyFor.name, () => {
  it('uses SECRETS_KEY when given, else makes a key file once in the data directory and keeps it', () => {
    const given = randomBytes(32);
    expect(secretsKeyFor({ secretsKey: given, dataDir: '/nonexistent' })).toBe(given);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-key-'));
    try {
      const first = secretsKeyFor({ secretsKey: undefined, dataDir });
      expect(first).toHaveLength(32);
      expect(secretsKeyFor({ secretsKey: undefined, dataDir })).toEqual(first);
      expect(fs.statSync(path.join(dataDir, 'secrets.key')).mode & 0o077).toBe(0);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
