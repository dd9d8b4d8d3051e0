/**
 * The search behind a conflict check (and the search for a client or party): people
 * and organisations of one organisation whose name is like the one given — pg_trgm similarity,
 * which compares sets of three-letter pieces of each word, so a typo costs a few pieces and the
 * order of the words none — or whose date of birth is the one given. Results are ranked by name
 * similarity, with a same date of birth and a same postcode district adding to it.
 *
 * The name expressions are exactly those of the trigram indexes in migration
 * 1764200000310-conflict-checks, so the planner can use them.
 */
import type { ConflictMatchField } from '@deepvalue/shared';
import type { EntityManager } from 'typeorm';

export const CLIENT_SEARCH_NAME = `lower(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, ''))`;
export const PARTY_SEARCH_NAME = `lower(p.name)`;

/** How much a same date of birth and a same postcode district add to a name's similarity (0–1). */
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

export async function searchPeople(m: EntityManager, organisationId: string, s: PeopleSearch): Promise<PersonMatch[]> {
  const params = [
    organisationId,
    searchName(s.name),
    s.dateOfBirth ?? null,
    s.postcodeDistrict ?? null,
    s.exceptClientId ?? null,
    s.exceptPartyId ?? null,
    CANDIDATES,
  ];
  // Each branch is limited on its own, so each can be answered from its index; UNION ALL then ranks.
  const rows: Array<{
    source: 'client' | 'party';
    id: string;
    client_id: string | null;
    case_id: string | null;
    name_score: number;
    same_birth: boolean;
    same_district: boolean;
  }> = await m.query(
    `WITH candidates AS (
       (SELECT 'client' AS source, c.id, c.id AS client_id, NULL::uuid AS case_id,
               similarity(${CLIENT_SEARCH_NAME}, $2::text) AS name_score,
               c.date_of_birth = $3::date AS same_birth, c.postcode_district = $4::text AS same_district
          FROM clients c
         WHERE c.organisation_id = $1 AND ${CLIENT_SEARCH_NAME} % $2::text AND c.id IS DISTINCT FROM $5::uuid
         ORDER BY name_score DESC, c.id LIMIT $7)
       UNION ALL
       (SELECT 'client', c.id, c.id, NULL::uuid, similarity(${CLIENT_SEARCH_NAME}, $2::text), true,
               c.postcode_district = $4::text
          FROM clients c
         WHERE c.organisation_id = $1 AND c.date_of_birth = $3::date AND c.id IS DISTINCT FROM $5::uuid
         LIMIT $7)
       UNION ALL
       (SELECT 'party', p.id, NULL::uuid, p.case_id, similarity(${PARTY_SEARCH_NAME}, $2::text),
               p.date_of_birth = $3::date, p.postcode_district = $4::text
          FROM case_parties p
         WHERE p.organisation_id = $1 AND ${PARTY_SEARCH_NAME} % $2::text AND p.id IS DISTINCT FROM $6::uuid
         ORDER BY 5 DESC, p.id LIMIT $7)
       UNION ALL
       (SELECT 'party', p.id, NULL::uuid, p.case_id, similarity(${PARTY_SEARCH_NAME}, $2::text), true,
               p.postcode_district = $4::text
          FROM case_parties p
         WHERE p.organisation_id = $1 AND p.date_of_birth = $3::date AND p.id IS DISTINCT FROM $6::uuid
         LIMIT $7)
     )
     SELECT DISTINCT ON (source, id) source, id, client_id, case_id, name_score,
            coalesce(same_birth, false) AS same_birth, coalesce(same_district, false) AS same_district
       FROM candidates ORDER BY source, id`,
    params,
  );
  return rows
    .map((r) => {
      const matchedOn: ConflictMatchField[] = [];
      if (r.name_score >= NAME_THRESHOLD) matchedOn.push('name');
      if (r.same_birth) matchedOn.push('dateOfBirth');
      if (r.same_district) matchedOn.push('postcodeDistrict');
      const score = r.name_score + (r.same_birth ? BIRTH_WEIGHT : 0) + (r.same_district ? DISTRICT_WEIGHT : 0);
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
