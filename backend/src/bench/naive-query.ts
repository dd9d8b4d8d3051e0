/**
 * The straightforward time-against-outcome query a report would run without pre-computed facts:
 * sum each closed case's relationship minutes from the raw time entries, band it, and count
 * positive outcomes per band. The benchmark runs it beside the roll-up read, checks both give
 * the same counts, and reports the ratio.
 */
import type { DataSource } from 'typeorm';
import type { ReportFilters } from '../analytics/report-filters.js';
import type { BandCount } from '../analytics/analytics.repository.js';

const CASE_COLUMN = {
  category: 'c.category',
  office: 'c.office_id::text',
  adviser: 'c.lead_adviser_id::text',
  fundingStream: 'c.funding_stream',
  arrival: 'c.arrival_route',
} as const;

/** positive_outcome, as defined in analytics/outcome-measures.sql.ts, over the raw tables. */
export async function naiveBandCounts(
  dataSource: DataSource,
  organisationId: string,
  filters: ReportFilters,
): Promise<BandCount[]> {
  const params: unknown[] = [organisationId];
  const where = ['c.organisation_id = $1', 'c.closed_on IS NOT NULL'];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (filters.from) add((p) => `c.closed_on >= ${p}::date`, filters.from);
  if (filters.to) add((p) => `c.closed_on <= ${p}::date`, filters.to);
  for (const key of Object.keys(CASE_COLUMN) as Array<keyof typeof CASE_COLUMN>) {
    if (filters[key] !== undefined) add((p) => `${CASE_COLUMN[key]} = ${p}`, filters[key]);
  }
  if (filters.vulnerability) add((p) => `${p} = ANY(cl.vulnerabilities)`, filters.vulnerability);
  return dataSource.query(
    `SELECT band, count(*)::int AS n, count(*) FILTER (WHERE result IN ('positive', 'partly_positive'))::int AS count
     FROM (
       SELECT o.result,
              CASE WHEN rel < 60 THEN 0 WHEN rel < 120 THEN 1 WHEN rel < 240 THEN 2 WHEN rel < 480 THEN 3 ELSE 4 END AS band
       FROM (
         SELECT c.id, coalesce(sum(te.minutes) FILTER (WHERE te.class = 'relationship'), 0) AS rel
         FROM cases c
         JOIN clients cl ON cl.organisation_id = c.organisation_id AND cl.id = c.client_id
         LEFT JOIN time_entries te ON te.organisation_id = c.organisation_id AND te.case_id = c.id
         WHERE ${where.join(' AND ')}
         GROUP BY c.id
       ) t
       JOIN outcomes o ON o.organisation_id = $1 AND o.case_id = t.id
       WHERE o.result IN ('positive', 'partly_positive', 'negative')
     ) banded
     GROUP BY band ORDER BY band`,
    params,
  );
}
