import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

const COMMON_PASSWORDS = new Set([
  '123456789012',
  'password1234',
  'passwordpassword',
  'qwertyuiopas',
  '111111111111',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'administrator',
  'changeme1234',
  'password123!',
  'qwerty123456',
  'abcdefghijkl',
  '1234567890ab',
  'monkey123456',
  'football1234',
  'sunshine1234',
  'trustno1trustno1',
  'correcthorsebatterystaple',
  'passw0rdpassw0rd',
  'deepvaluedeepvalue',
  'lawcentre1234',
]);

/** Returns a problem with the password, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 256) return 'must be at most 256 characters';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'is too common; choose another';
  if (new Set(password).size < 4) return 'is too simple; use more different characters';
  return undefined;
}

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
