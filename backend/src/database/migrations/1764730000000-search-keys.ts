/**
 * Finding a client or party among a million of each in under 50 ms (docs/benchmarks.md). The words index of
 * 1764650000000 was asked for every word one letter away from each typed word: about 500 keys a
 * word, 25–29 ms of index scan per table at a million people. Instead each name is indexed under
 * its words and every word with one letter deleted ("symmetric delete"), and a search asks for the
 * typed word and its own one-letter deletions: about 7 keys a word. Two words are one letter apart
 * (replaced, dropped, added or two neighbours swapped) exactly when these sets meet; they also meet
 * for a few pairs two letters apart (a letter moved from one end to the other), which the ranking
 * by likeness puts below closer names. Words of one or two letters are taken as they are.
 *
 * search_words() now names the spaces it splits at instead of `\s`, which JavaScript and
 * PostgreSQL read differently (a no-break space, a byte-order mark), and drops the other
 * apostrophes people type (‘ ` ´ ʼ). search-words.ts splits a typed name the same way; lower
 * case there is taken a letter at a time, as PostgreSQL does (a final Σ is σ on both sides).
 * search-words.e2e.spec.ts compares the two on real PostgreSQL.
 *
 * search_keys() is the one definition of the keys, for a name (the index) and for a typed word
 * (the query, conflict-search.ts), on top of search_words(). An expression index keeps itself
 * current on every write, and an erased client's name (set to NULL) leaves no key behind.
 *
 * A reference finds its person too: a client's reference, the client of a case by the case's
 * reference, a party by the reference held for them (a tenancy or National Insurance reference),
 * compared as search_reference() normalises them (upper case, no spaces).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

const CLIENT_NAME_EXPRESSION = `coalesce(first_name, '') || ' ' || coalesce(last_name, '')`;

const SEARCH_WORDS = (apostrophes: string, separators: string) => `
  CREATE OR REPLACE FUNCTION search_words(name text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN array_remove(regexp_split_to_array(regexp_replace(lower(name), '${apostrophes}', '', 'g'), '${separators}+'), '')`;

export class SearchKeys1764730000000 implements MigrationInterface {
  name = 'SearchKeys1764730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX clients_search_words_idx`);
    await q.query(`DROP INDEX case_parties_search_words_idx`);
    await q.query(
      SEARCH_WORDS(
        `[''’‘\`´ʼ]`,
        `[ \\t\\n\\v\\f\\r\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff,.;:/()&_"+-]`,
      ),
    );
    await q.query(`
      CREATE FUNCTION search_keys(name text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN ARRAY(SELECT d.key FROM unnest(search_words(search_keys.name)) AS t(word),
                   LATERAL (SELECT t.word UNION ALL
                            SELECT overlay(t.word PLACING '' FROM g.i FOR 1) FROM generate_series(1, char_length(t.word)) AS g(i)
                             WHERE char_length(t.word) > 2) AS d(key))`);
    await q.query(`
      CREATE FUNCTION search_reference(reference text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN upper(regexp_replace(reference, '\\s+', '', 'g'))`);
    await q.query(`CREATE INDEX clients_search_keys_idx ON clients USING gin (search_keys(${CLIENT_NAME_EXPRESSION}))`);
    await q.query(`CREATE INDEX case_parties_search_keys_idx ON case_parties USING gin (search_keys(name))`);
    await q.query(`
      CREATE INDEX case_parties_search_reference_idx ON case_parties (organisation_id, search_reference(reference))
       WHERE reference IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX case_parties_search_reference_idx`);
    await q.query(`DROP INDEX case_parties_search_keys_idx`);
    await q.query(`DROP INDEX clients_search_keys_idx`);
    await q.query(`DROP FUNCTION search_reference(text)`);
    await q.query(`DROP FUNCTION search_keys(text)`);
    await q.query(SEARCH_WORDS(`[''’]`, `[\\s,.;:/()&_"+-]`));
    await q.query(
      `CREATE INDEX clients_search_words_idx ON clients USING gin (search_words(${CLIENT_NAME_EXPRESSION}))`,
    );
    await q.query(`CREATE INDEX case_parties_search_words_idx ON case_parties USING gin (search_words(name))`);
  }
}
