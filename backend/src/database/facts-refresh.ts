/**
 * Refreshing cases' facts inside a write's transaction (closing or reopening a case, an import's
 * batch). refresh_case_facts(ids) names no organisation, so on a Citus cluster it runs on every
 * shard of case_facts, each joining the ids. refresh_case_facts_of(org, ids), which the distribution
 * step derives there (migration 1764440000100), is the same refresh with every table filtered by the
 * organisation: it runs on that organisation's shard alone (routing.citus.spec). One server has no
 * such function and keeps refresh_case_facts (the probe is the only difference).
 */

/** Whether this database has the routed refresh: `routed` is true only on a distributed cluster. */
export const ROUTED_FACTS_PROBE = `SELECT to_regprocedure('refresh_case_facts_of(uuid, uuid[])') IS NOT NULL AS routed`;

/** The statement refreshing `caseIds` (all of `organisationId`) and its parameters. */
export function refreshFactsStatement(
  routed: boolean,
  organisationId: string,
  caseIds: string[],
): [sql: string, params: unknown[]] {
  return routed
    ? [`SELECT refresh_case_facts_of($1, $2::uuid[])`, [organisationId, caseIds]]
    : [`SELECT refresh_case_facts($1::uuid[])`, [caseIds]];
}
