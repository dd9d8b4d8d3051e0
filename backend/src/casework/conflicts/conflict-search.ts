/**
 * The search behind a conflict check (and the search for a client or party): people and
 * organisations of one organisation whose name is like the one given, or whose date of birth is
 * the one given. Results are ranked by name similarity (pg_trgm: the share of three-letter pieces
 * in common, so word order costs nothing), with a same date of birth and a same postcode district
 * adding to it.
 *
 * Which names are like the one given: first, those with a word within one letter of each word
 * typed, in any order (a GIN index on each name's words and their one-letter deletions,
 * search_keys() of migration 1764730000000, answers it directly among a million people). Only when
 * no name is that close, those whose trigram similarity reaches 0.3 (two letters wrong in a word,
 * half a word typed): that index must read every name sharing a common three-letter piece, which at
 * a million people is too slow to ask every time.
 *
 * What is typed may also be a reference: a client's, a case's (its client is found) or the one
 * held for a party; an exact match ranks above any name.
 *
 * The name expressions are exactly those of the indexes in migrations 1764200000310-conflict-checks
 * and 1764730000000-search-keys, so the planner can use them.
 */
import type { ConflictMatchField } from '@deepvalue/shared';
import type { EntityManager } from 'typeorm';
import { nameWords } from './search-words.js';

export const CLIENT_SEARCH_NAME = `lower(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, ''))`;
export const PARTY_SEARCH_NAME = `lower(p.name)`;
const CLIENT_KEYS = `search_keys(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, ''))`;
const PARTY_KEYS = `search_keys(p.name)`;
/** Words of a search looked up in the words index; a longer name is matched on its first four. */
const MAX_WORDS = 4;

/** How much a same reference, date of birth and postcode district add to a name's similarity (0–1). */
const REFERENCE_WEIGHT = 1;
const BIRTH_WEIGHT = 0.5;
const DISTRICT_WEIGHT = 0.15;
/** pg_trgm's default similarity_threshold, which the `%` operator applies: a name at or above it matched. */
const NAME_THRESHOLD = 0.3;
/** Candidates read from each table before ranking; the best `limit` of them are returned. */
const CANDIDATES = 50;

export interface PeopleSearch {
  name: string;
  dateOfBirth?: string | null;
  postcodeDistrict?: string | null;
  /** Leave out this client (the case's own client, when checking them). */
  exceptClientId?: string | null;
  /** Leave out this party (the party being checked). */
  exceptPartyId?: string | null;
  limit?: number;
}

export interface PersonMatch {
  source: 'client' | 'party';
  id: string;
  /** The client, for a client; null for a party. */
  clientId: string | null;
  /** The party's case; null for a client. */
  caseId: string | null;
  score: number;
  matchedOn: ConflictMatchField[];
}

/** Lower-case, single spaces: the form the name indexes hold. */
export const searchName = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

type Row = {
  source: 'client' | 'party';
  id: string;
  client_id: string | null;
  case_id: string | null;
  name_score: number;
  same_birth: boolean;
  same_district: boolean;
  by_name: boolean;
  by_reference: boolean;
};

/** Clients, then parties, whose name meets `clientName` / `partyName`, best first; parameters as in searchPeople. */
function nameBranches(clientName: string, partyName: string): string {
  const score = (name: string, t: string) =>
    `similarity(${name}, $2::text) + CASE WHEN ${t}.date_of_birth = $3::date THEN ${BIRTH_WEIGHT} ELSE 0 END
       + CASE WHEN ${t}.postcode_district = $4::text THEN ${DISTRICT_WEIGHT} ELSE 0 END`;
  return `(SELECT 'client' AS source, c.id, c.id AS client_id, NULL::uuid AS case_id,
               similarity(${CLIENT_SEARCH_NAME}, $2::text) AS name_score,
               c.date_of_birth = $3::date AS same_birth, c.postcode_district = $4::text AS same_district, true AS by_name, false AS by_reference
          FROM clients c
         WHERE c.organisation_id = $1 AND ${clientName} AND c.id IS DISTINCT FROM $5::uuid
         ORDER BY ${score(CLIENT_SEARCH_NAME, 'c')} DESC, c.id LIMIT $7)
       UNION ALL
       (SELECT 'party', p.id, NULL::uuid, p.case_id, similarity(${PARTY_SEARCH_NAME}, $2::text),
               p.date_of_birth = $3::date, p.postcode_district = $4::text, true, false
          FROM case_parties p
         WHERE p.organisation_id = $1 AND ${partyName} AND p.id IS DISTINCT FROM $6::uuid
         ORDER BY ${score(PARTY_SEARCH_NAME, 'p')} DESC, p.id LIMIT $7)`;
}

/** People born on the day given, whatever their name. */
const BIRTH_BRANCHES = `(SELECT 'client', c.id, c.id, NULL::uuid, similarity(${CLIENT_SEARCH_NAME}, $2::text), true,
               c.postcode_district = $4::text, false, false
          FROM clients c
         WHERE c.organisation_id = $1 AND c.date_of_birth = $3::date AND c.id IS DISTINCT FROM $5::uuid
         LIMIT $7)
       UNION ALL
       (SELECT 'party', p.id, NULL::uuid, p.case_id, similarity(${PARTY_SEARCH_NAME}, $2::text), true,
               p.postcode_district = $4::text, false, false
          FROM case_parties p
         WHERE p.organisation_id = $1 AND p.date_of_birth = $3::date AND p.id IS DISTINCT FROM $6::uuid
         LIMIT $7)`;

/** The client or case whose reference is the one typed ($8), and parties holding it. */
const REFERENCE_BRANCHES = `(SELECT 'client', c.id, c.id, NULL::uuid, similarity(${CLIENT_SEARCH_NAME}, $2::text),
               c.date_of_birth = $3::date, c.postcode_district = $4::text, false, true
          FROM clients c
         WHERE c.organisation_id = $1 AND c.ref IN ($8::text, search_reference($8::text)) AND c.id IS DISTINCT FROM $5::uuid)
       UNION ALL
       (SELECT 'client', c.id, c.id, NULL::uuid, similarity(${CLIENT_SEARCH_NAME}, $2::text),
               c.date_of_birth = $3::date, c.postcode_district = $4::text, false, true
          FROM cases k JOIN clients c ON c.organisation_id = k.organisation_id AND c.id = k.client_id
         WHERE k.organisation_id = $1 AND k.ref IN ($8::text, search_reference($8::text)) AND c.id IS DISTINCT FROM $5::uuid)
       UNION ALL
       (SELECT 'party', p.id, NULL::uuid, p.case_id, similarity(${PARTY_SEARCH_NAME}, $2::text),
               p.date_of_birth = $3::date, p.postcode_district = $4::text, false, true
          FROM case_parties p
         WHERE p.organisation_id = $1 AND p.reference IS NOT NULL AND search_reference(p.reference) = search_reference($8::text)
           AND p.id IS DISTINCT FROM $6::uuid
         LIMIT $7)`;

/** One row a person, with what each branch that found them said. */
const CANDIDATES_SQL = (branches: string[]) => `WITH candidates AS (${branches.join('\n       UNION ALL\n       ')})
     SELECT source, id, client_id, case_id, max(name_score) AS name_score,
            coalesce(bool_or(same_birth), false) AS same_birth, coalesce(bool_or(same_district), false) AS same_district,
            bool_or(by_name) AS by_name, bool_or(by_reference) AS by_reference
       FROM candidates GROUP BY source, id, client_id, case_id`;

export async function searchPeople(m: EntityManager, organisationId: string, s: PeopleSearch): Promise<PersonMatch[]> {
  const params = [
    organisationId,
    searchName(s.name),
    s.dateOfBirth ?? null,
    s.postcodeDistrict ?? null,
    s.exceptClientId ?? null,
    s.exceptPartyId ?? null,
    CANDIDATES,
    s.name.trim(),
  ];
  // Each branch is limited on its own, so each can be answered from its index; UNION ALL then ranks.
  const words = nameWords(s.name).slice(0, MAX_WORDS);
  const close = (keys: string) => words.map((_, i) => `${keys} && search_keys($${9 + i}::text)`).join(' AND ');
  const others = [REFERENCE_BRANCHES, ...(s.dateOfBirth ? [BIRTH_BRANCHES] : [])];
  let rows: Row[] = [];
  if (words.length) {
    rows = await m.query(CANDIDATES_SQL([nameBranches(close(CLIENT_KEYS), close(PARTY_KEYS)), ...others]), [
      ...params,
      ...words,
    ]);
  }
  if (!rows.some((r) => r.by_name || r.by_reference)) {
    rows = await m.query(
      CANDIDATES_SQL([nameBranches(`${CLIENT_SEARCH_NAME} % $2::text`, `${PARTY_SEARCH_NAME} % $2::text`), ...others]),
      params,
    );
  }
  return rows
    .map((r) => {
      const matchedOn: ConflictMatchField[] = [];
      if (r.name_score >= NAME_THRESHOLD || r.by_name) matchedOn.push('name');
      if (r.same_birth) matchedOn.push('dateOfBirth');
      if (r.same_district) matchedOn.push('postcodeDistrict');
      if (r.by_reference) matchedOn.push('reference');
      const score =
        r.name_score +
        (r.by_reference ? REFERENCE_WEIGHT : 0) +
        (r.same_birth ? BIRTH_WEIGHT : 0) +
        (r.same_district ? DISTRICT_WEIGHT : 0);
      return {
        source: r.source,
        id: r.id,
        clientId: r.client_id,
        caseId: r.case_id,
        score: Math.round(score * 1000) / 1000,
        matchedOn,
      };
    })
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, s.limit ?? 20);
}
