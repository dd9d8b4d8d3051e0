import { describe, expect, it } from '@jest/globals';
import { nameWords, oneLetterAway } from './search-words.js';

describe('search words', () => {
  it('splits a name as search_words() does: lower case, apostrophes dropped, at spaces, hyphens and punctuation', () => {
    expect(nameWords("  Siobhan O'Brien-Kowalska ")).toEqual(['siobhan', 'obrien', 'kowalska']);
    expect(nameWords('Smith, John (Jr.)')).toEqual(['smith', 'john', 'jr']);
    expect(nameWords('-- ')).toEqual([]);
  });

  it('gives every word one letter away and nothing further', () => {
    const near = new Set(oneLetterAway('smith'));
    for (const w of ['smith', 'smyth', 'smth', 'smitth', 'msith', 'smiths', 'asmith']) expect(near.has(w)).toBe(true);
    for (const w of ['smyht', 'smythe', 'mth', 'jones']) expect(near.has(w)).toBe(false);
    // Letters of the word itself, beyond a–z, can be dropped, doubled or moved.
    expect(oneLetterAway('żółć')).toEqual(expect.arrayContaining(['żółćć', 'żłć', 'zółć']));
    expect(oneLetterAway('li')).toEqual(['li']);
  });
});
