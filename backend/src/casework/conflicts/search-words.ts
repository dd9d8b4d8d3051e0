/**
 * The words of a name as the search compares them, and the words one letter away from a word
 * typed: the query side of search_words() (migration 1764650000000), which must split a name the
 * same way.
 */

/** Lower case, apostrophes dropped, split at spaces, hyphens and punctuation (search_words() in SQL). */
export function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[\s,.;:/()&_"+-]+/)
    .filter(Boolean);
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The word and every word one letter away from it: a letter replaced, dropped, added or two
 * neighbours swapped. Letters from a–z and the word's own (so "łukasz" can lose or double its ł).
 * A word of one or two letters is taken as typed: one letter away from it is almost every short word.
 */
export function oneLetterAway(word: string): string[] {
  if (word.length <= 2) return [word];
  const letters = [...new Set([...ALPHABET, ...word])];
  const chars = [...word];
  const out = new Set<string>([word]);
  for (let i = 0; i <= chars.length; i++) {
    const before = chars.slice(0, i).join('');
    const after = chars.slice(i).join('');
    for (const l of letters) out.add(before + l + after);
    if (i < chars.length) {
      const rest = chars.slice(i + 1).join('');
      out.add(before + rest);
      for (const l of letters) out.add(before + l + rest);
      if (i + 1 < chars.length) out.add(before + chars[i + 1] + chars[i] + chars.slice(i + 2).join(''));
    }
  }
  return [...out];
}
