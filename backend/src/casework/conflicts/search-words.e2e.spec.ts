/**
 * The search splits a name into words twice: in TypeScript for the words typed (nameWords) and in
 * the database for the names it indexes (search_words(), whose words search_keys() indexes). A
 * word split differently on one side is never found, so the two are compared here on real
 * PostgreSQL: names from many languages and scripts, and strings drawn at random from letters,
 * digits, every separator and the characters most likely to be treated differently.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { Random } from '../../interchange/prng.js';
import { nameWords } from './search-words.js';

const NAMES = [
  "  Siobhan O'Brien-Kowalska ",
  'Smith, John (Jr.)',
  'Mary-Jane  O’Neill, Jr.',
  'ŁUKASZ Żółć',
  'José María Pérez-Núñez',
  'Nguyễn Thị Minh Khai',
  'Ólafur Þórðarson',
  'ΟΔΥΣΣΕΥΣ Παπαδόπουλος',
  'İsmail Işık',
  'Anna\u00a0Nowak\ufeff',
  'Müller-Lüdenscheidt & Söhne',
  'Ahmed bin Rashid al-Maktoum',
  'Ngozi Okonkwo-Adébáyọ̀',
  'Дмитрий Шостакович',
  'Αλέξανδρος Παπαδόπουλος',
  'محمد علي',
  '王 小明',
  'Jean-Luc Picard/Locutus',
  'Anne_Marie "Annie" Smith+Jones',
  'D’Arcy; Fitzwilliam: Esq.',
  'Ｊｏｈｎ Ｓｍｉｔｈ',
  'Room 101 Ltd',
  '-- ',
  '',
  'a\tb\nc\r\nd',
];

// Letters (ASCII, accented, other scripts, a combining mark), digits, every separator the split
// knows, apostrophes, and characters near them that are not separators.
const ALPHABET = [
  ...'abcxyzABCXYZ0189',
  ...'éÉøØßłŁżŻıİçÇñÑœŒæÆΣσς',
  ...'ДжЯяΑαשאعب中文',
  '\u0301',
  ...' \t\n\r\f\v,.;:/()&_"+-',
  ..."'’‘`´ʼ",
  ...'!?#@*=[]{}<>|~^%$€£',
  ...'\u0085\u00a0\u1680\u2009\u2013\u2014\u2028\u202f\u3000\ufeff\u200b',
];

function randomNames(count: number): string[] {
  const r = new Random(18, 1, 0);
  return Array.from({ length: count }, () => Array.from({ length: 1 + r.int(24) }, () => r.pick(ALPHABET)).join(''));
}

describe('nameWords and search_words()', () => {
  let db: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  const databaseWords = async (names: string[]): Promise<string[][]> =>
    (
      await client.query<{ words: string[] }>(
        `SELECT search_words(n) AS words FROM unnest($1::text[]) WITH ORDINALITY AS t(n, i) ORDER BY i`,
        [names],
      )
    ).rows.map((r) => r.words);

  it('split names from many languages into the same words', async () => {
    const words = await databaseWords(NAMES);
    expect(NAMES.map((name, i) => ({ name, words: words[i] }))).toEqual(
      NAMES.map((name) => ({ name, words: nameWords(name) })),
    );
    // The split itself is what it says: lower case, apostrophes dropped, at punctuation.
    expect(nameWords("  Siobhan O'Brien-Kowalska ")).toEqual(['siobhan', 'obrien', 'kowalska']);
  });

  it('split 2,000 random strings of letters, digits and separators into the same words', async () => {
    const names = randomNames(2000);
    const words = await databaseWords(names);
    const differ = names.flatMap((name, i) => {
      const typed = nameWords(name);
      return JSON.stringify(typed) === JSON.stringify(words[i]) ? [] : [{ name, typed, database: words[i] }];
    });
    expect(differ).toEqual([]);
  });

  it('index a word under itself and its one-letter deletions, and look a typed word up the same way', async () => {
    const { rows } = await client.query<{ name: string[]; typed: string[] }>(
      `SELECT search_keys('Łukasz O''Brien li') AS name, search_keys($1) AS typed`,
      [nameWords('łukasz')[0]],
    );
    expect(rows[0].name).toEqual([
      ...['łukasz', 'ukasz', 'łkasz', 'łuasz', 'łuksz', 'łukaz', 'łukas'],
      ...['obrien', 'brien', 'orien', 'obien', 'obren', 'obrin', 'obrie'],
      'li',
    ]);
    expect(rows[0].typed).toEqual(rows[0].name.slice(0, 7));
  });
});
