import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

// argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's 0–4 scale: 3 is "safely unguessable" (about 10^8 guesses and more). */
const MIN_SCORE = 3;

/** Words anyone guessing a Deep Value password tries first (the demo's password, deep-value-demo, is published). */
const PRODUCT_WORDS = ['deepvalue', 'deep', 'value', 'demo', 'casework', 'advice', 'legal', 'law', 'centre', 'center'];

// zxcvbn-ts (maintained, MIT): common-password, English word and name lists plus keyboard patterns.
const estimator = new ZxcvbnFactory({
  translations: english.translations,
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...english.dictionary, product: PRODUCT_WORDS },
});

/** What the password must not be built from: the user's own details and their organisation's. */
export interface PasswordOwner {
  email?: string;
  name?: string;
  organisation?: string;
}

/** Returns a problem with the password, or undefined when it is acceptable. */
export function passwordProblem(password: string, owner: PasswordOwner = {}): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 256) return 'must be at most 256 characters';
  if (containsOwnDetails(password, owner))
    return 'must not contain your name, email, organisation or "Deep Value"; choose another';
  const { score, feedback } = estimator.check(password, ownerWords(owner));
  if (score < MIN_SCORE) {
    const why = feedback.warning ? ` (${feedback.warning.replace(/\.$/, '').toLowerCase()})` : '';
    return `is too easy to guess${why}; a few unrelated words make a strong password`;
  }
  return undefined;
}

/** The owner's details as words, as zxcvbn takes them (so "Riverside Law Centre" also catches "riverside"). */
function ownerWords(owner: PasswordOwner): string[] {
  const parts = [owner.email, owner.email?.split('@')[0], owner.name, owner.organisation];
  return [...new Set(parts.flatMap((part) => (part ? [part, ...part.split(/[^\p{L}\p{N}]+/u)] : [])))].filter(
    (word) => word.length >= 3,
  );
}

/** True when the password, letters and digits only, contains a whole detail of the owner's (or the product's name). */
function containsOwnDetails(password: string, owner: PasswordOwner): boolean {
  const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const squashed = squash(password);
  return [owner.email, owner.email?.split('@')[0], owner.name, owner.organisation, 'Deep Value']
    .map((detail) => (detail ? squash(detail) : ''))
    .some((detail) => detail.length >= 4 && squashed.includes(detail));
}

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
