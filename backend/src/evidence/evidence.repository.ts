/**
 * The pack's own SQL: cases against the fee line per category, and the organisations and sharing a pack
 * names. (Its cells by category × band come from analytics/measure-cells.repository.ts.) Everything comes
 * back already aggregated: no query here returns a case, a client or an adviser. Evidence leaves the
 * organisation, so only clients who consented count (f.evidence_consent). The fee lines are read from
 * the fee roll-ups (consent is in their key) when the pack uses the fee tables in force; feeLinesFromFacts
 * is their straightforward twin.
 */
import { Injectable } from '@nestjs/common';

import type { Category } from '@deepvalue/shared';

import { DataSource } from 'typeorm';

import { OUTCOME_MEASURE_SQL } from '../analytics/outcome-measures.sql.js';

import type { ReportFilters } from '../analytics/report-filters.js';

import { feeInForce, packWhere, type FeeRowParam } from '../analytics/facts-query.js';
import { FixedFeeRollupsRepository, type FeeFigures } from '../analytics/fixed-fee-rollups.repository.js';

export interface FeeLineRow {
  category: Category;
  cases: number;
  /** Cases whose fee row has an hourly rate, so the line can be drawn. */
  lined: number;
  within: number;
  beyond: number;
  withinN: number;
  withinPositive: number;
  beyondN: number;
  beyondPositive: number;
  escapeN: number;
  escaped: number;
  medianHours: number | null;
}

@Injectable()
export class EvidenceRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly feeRollups: FixedFeeRollupsRepository,
  ) {}

  /**
   * Per category: cases against the fixed-fee line of the fee row in force when each case opened (its
   * organisation's table): within (hours × hourly rate ≤ fee) or beyond, positive outcomes on each side,
   * escapes (hours × rate above the escape threshold), and the median hours taken. `inForce`: the fee
   * rows are each organisation's table in force (the ones the roll-ups were classified with), so the
   * roll-ups may answer; otherwise (an older version asked for) the facts do.
   */
  async feeLines(
    organisationIds: string[],
    filters: ReportFilters,
    asOf: string,
    fees: FeeRowParam[],
    inForce: boolean,
  ): Promise<FeeLineRow[]> {
    const figures = inForce
      ? await this.feeRollups.figures(
          organisationIds,
          { ...filters, consentOnly: true },
          fees.map((fee, index) => ({ ...fee, index })),
          asOf,
        )
      : null;
    return figures === null ? this.feeLinesFromFacts(organisationIds, filters, asOf, fees) : feeLinesOf(figures);
  }

  /** feeLines counted from every consenting client's closed case (the straightforward twin). */
  async feeLinesFromFacts(
    organisationIds: string[],
    filters: ReportFilters,
    asOf: string,
    fees: FeeRowParam[],
  ): Promise<FeeLineRow[]> {
    const where = packWhere(organisationIds, filters, asOf, 'consented_only');
    // hours × rate ≤ fee ⇔ minutes ≤ fee × 60 ÷ rate, and minutes are whole: so each fee row's line is a
    // whole number of minutes, worked out once in exact numeric arithmetic, and each case compares integers.
    const fee = feeInForce(
      fees,
      where.params.length,
      `floor(t.fixed_fee_gbp * 60 / t.hourly_rate_gbp)::int AS within_minutes,
                floor(t.escape_threshold_gbp * 60 / t.hourly_rate_gbp)::int AS escape_minutes`,
    );
    const { eligible, success } = OUTCOME_MEASURE_SQL.positive_outcome;
    const histogram = this.minutesHistogram(organisationIds, filters, asOf);
    const rows: Array<Omit<FeeLineRow, 'medianHours'>> = await this.dataSource.query(
      `WITH ${fee.cte},
       lined AS (
         SELECT f.category, f.total_minutes,
                fee.within_minutes IS NOT NULL AS lined,
                f.total_minutes <= fee.within_minutes AS within,
                fee.escape_minutes IS NOT NULL AS escape_known,
                f.total_minutes > fee.escape_minutes AS escaped,
                ${eligible} AS with_result,
                ${success} AS positive
           FROM case_facts f
           ${fee.join}
          WHERE ${where.sql}
       )
       SELECT category, count(*)::int AS cases,
              count(*) FILTER (WHERE lined)::int AS lined,
              count(*) FILTER (WHERE within)::int AS within,
              count(*) FILTER (WHERE NOT within)::int AS beyond,
              count(*) FILTER (WHERE within AND with_result)::int AS "withinN",
              count(*) FILTER (WHERE within AND positive)::int AS "withinPositive",
              count(*) FILTER (WHERE NOT within AND with_result)::int AS "beyondN",
              count(*) FILTER (WHERE NOT within AND positive)::int AS "beyondPositive",
              count(*) FILTER (WHERE escape_known)::int AS "escapeN",
              count(*) FILTER (WHERE escape_known AND escaped)::int AS escaped
         FROM lined
        GROUP BY 1
        ORDER BY 1`,
      [...where.params, ...fee.params],
    );
    const counts = await histogram;
    return rows.map((row) => ({
      ...row,
      medianHours: medianOf(counts.filter((c) => c.category === row.category)) / 60,
    }));
  }

  /** Cases per category and total minutes, ascending: the median comes from this without sorting every case. */
  private async minutesHistogram(
    organisationIds: string[],
    filters: ReportFilters,
    asOf: string,
  ): Promise<Array<{ category: string; minutes: number; cases: number }>> {
    const where = packWhere(organisationIds, filters, asOf, 'consented_only');
    return this.dataSource.query(
      `SELECT f.category, f.total_minutes AS minutes, count(*)::int AS cases
         FROM case_facts f
        WHERE ${where.sql}
        GROUP BY 1, 2
        ORDER BY 1, 2`,
      where.params,
    );
  }

  async organisations(ids: string[]): Promise<Array<{ id: string; ref: string; name: string; kind: string }>> {
    return this.dataSource.query(
      `SELECT id, ref, name, kind FROM organisations WHERE id = ANY($1::uuid[]) ORDER BY ref, id`,
      [ids],
    );
  }

  async sharingWith(commissionerId: string): Promise<string[]> {
    const rows: Array<{ provider_id: string }> = await this.dataSource.query(
      `SELECT provider_id FROM organisation_shares WHERE commissioner_id = $1 ORDER BY provider_id`,
      [commissionerId],
    );
    return rows.map((r) => r.provider_id);
  }

  async officeName(organisationIds: string[], officeId: string): Promise<string | null> {
    const [row]: Array<{ name: string }> = await this.dataSource.query(
      `SELECT name FROM offices WHERE organisation_id = ANY($1::uuid[]) AND id = $2`,
      [organisationIds, officeId],
    );
    return row?.name ?? null;
  }
}

/** The roll-ups' figures (per category and applying fee row) as the pack's lines, in category order. */
function feeLinesOf({ lines, minutes }: FeeFigures): FeeLineRow[] {
  const rows = new Map<string, Omit<FeeLineRow, 'medianHours'>>();
  for (const line of lines) {
    const row = rows.get(line.category) ?? {
      category: line.category as Category,
      cases: 0,
      lined: 0,
      within: 0,
      beyond: 0,
      withinN: 0,
      withinPositive: 0,
      beyondN: 0,
      beyondPositive: 0,
      escapeN: 0,
      escaped: 0,
    };
    row.cases += line.cases;
    row.lined += line.withinCases + line.beyondCases;
    row.within += line.withinCases;
    row.beyond += line.beyondCases;
    row.withinN += line.withinN;
    row.withinPositive += line.withinPositive;
    row.beyondN += line.beyondN;
    row.beyondPositive += line.beyondPositive;
    row.escapeN += line.escapeN;
    row.escaped += line.escapeCount;
    rows.set(line.category, row);
  }
  return [...rows.values()]
    .sort((a, b) => (a.category < b.category ? -1 : 1))
    .map((row) => ({
      ...row,
      // Exact minutes where the median falls, each other hour as one value at its start: the same median.
      medianHours:
        medianOf(
          minutes
            .filter((m) => m.category === row.category)
            .sort((a, b) => a.value - b.value)
            .map((m) => ({ minutes: m.value, cases: m.n })),
        ) / 60,
    }));
}

/** The median (interpolated as percentile_cont(0.5)) of values given as counts per value, in ascending order. */
export function medianOf(histogram: Array<{ minutes: number; cases: number }>): number {
  const n = histogram.reduce((sum, h) => sum + h.cases, 0);
  const at = (k: number) => {
    let seen = 0;
    for (const h of histogram) {
      seen += h.cases;
      if (k < seen) return h.minutes;
    }
    return histogram[histogram.length - 1]?.minutes ?? 0;
  };
  const position = (n - 1) / 2;
  const low = at(Math.floor(position));
  return low + (at(Math.ceil(position)) - low) * (position - Math.floor(position));
}
