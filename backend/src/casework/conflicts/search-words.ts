/**
 * The words of a name as the search compares them: the query side of search_words() (migration
 * 1764730000000), which must split a name the same way (search-words.e2e.spec.ts compares the two
 * on real PostgreSQL). Each word typed is then looked up by its search_keys(), computed by the
 * database itself.
 */

/** Apostrophes, dropped: O'Brien is obrien. */
const APOSTROPHES = /['’‘`´ʼ]/g;
/** Spaces named one by one (JavaScript's \s and PostgreSQL's differ), hyphens and punctuation. */
const SEPARATORS = /[ \t\n\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff,.;:/()&_"+-]+/;

/**
 * A letter at a time, as PostgreSQL's lower() does: no final ς for a Σ at the end of a word, and
 * İ is i (JavaScript makes it i and a combining dot).
 */
const lowerLetters = (text: string) => Array.from(text, (ch) => (ch === 'İ' ? 'i' : ch.toLowerCase())).join('');

/** Lower case, apostrophes dropped, split at spaces, hyphens and punctuation (search_words() in SQL). */
export function nameWords(name: string): string[] {
  return lowerLetters(name).replace(APOSTROPHES, '').split(SEPARATORS).filter(Boolean);
}
