/**
 * Finding a client or party among a million of each (target p95 ≤ 50 ms, docs/benchmarks.md): the words of
 * each name as an array, in a GIN index, so a search asks for the words typed and every word one
 * letter away from each (casework/conflicts/search-words.ts builds them) and reads only the people
 * who have a match for every word, in whatever order. The trigram indexes of 1764200000310 stay:
 * the search falls back to them when no name is that close (two letters wrong, half a word).
 *
 * search_words() is the one definition of a name's words on the database side: lower case,
 * apostrophes dropped (O'Brien is obrien), split at spaces, hyphens and punctuation.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PeopleSearchWords1764650000000 implements MigrationInterface {
  name = 'PeopleSearchWords1764650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION search_words(name text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN array_remove(regexp_split_to_array(regexp_replace(lower(name), '[''’]', '', 'g'), '[\\s,.;:/()&_"+-]+'), '')`);
    await q.query(`
      CREATE INDEX clients_search_words_idx ON clients
        USING gin (search_words(coalesce(first_name, '') || ' ' || coalesce(last_name, '')))`);
    await q.query(`CREATE INDEX case_parties_search_words_idx ON case_parties USING gin (search_words(name))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX case_parties_search_words_idx`);
    await q.query(`DROP INDEX clients_search_words_idx`);
    await q.query(`DROP FUNCTION search_words(text)`);
  }
}
