/**
 * The aggregates pricing needs, read from the per-case facts: per category × band of relationship
 * time, the cases and their adviser time, and the count of each outcome event with the £ recorded on
 * it. Pricing never sees a case, only these cells.
 *
 * Events: each recorded benefit type (counted once per case, its £ summed over the case's rows of that
 * type; a benefit recording the same avoided event as another on the case is left out: SAME_AVOIDED_EVENT); an avoided appeal (AVOIDED_APPEAL: considered and not pursued because the client understood
 * and accepted the outcome — never one dropped for another reason); a bounce-back avoided (a case
 * closed at least 6 months before the as-of date, followed up, with no same-problem re-contact within
 * 6 months). Only known events are priced: a case nobody followed up is not a bounce-back avoided.
 *
 * With no dimension filter or one, the cells are read from case_pricing_rollups (pricing-rollups.sql.ts)
 * for the whole months of the period, and from the facts for the days of months it cuts and for the
 * month of the bounce-back maturity cut-off; with more, from the facts (`aggregatesFromFacts`, the
 * straightforward way, which the roll-up test and the bench compare with).
 */
import { Injectable } from '@nestjs/common';

import { BANDS, BENEFIT_TYPES, BOUNCE_BACK_WINDOW_MONTHS, type Category } from '@deepvalue/shared';

import { DataSource } from 'typeorm';

import { rollupPlan, type RollupPlan } from '../analytics/rollup-periods.js';
import { maturityCutoff } from '../analytics/measures.sql.js';

import { AVOIDED_APPEAL, OUTCOME_MEASURE_SQL } from '../analytics/outcome-measures.sql.js';

import { dimensionFiltersOf, type ReportFilters } from '../analytics/report-filters.js';

import { SAME_AVOIDED_EVENT, type OutcomeEvent } from './benefit-mapping.js';

import type { EventAggregate, TimeAggregate } from './value.js';
import { packWhere, type ConsentRule } from '../analytics/facts-query.js';
import { pricingBenefitColumns, pricingCaseColumns } from './pricing-rollups.sql.js';

export interface PricingAggregates {
  events: EventAggregate[];
  time: TimeAggregate[];
}

@Injectable()
export class PricingAggregatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async aggregates(
    organisationIds: string[],
    filters: ReportFilters,
    asOf: string,
    consent: ConsentRule,
  ): Promise<PricingAggregates> {
    const dimensions = dimensionFiltersOf(filters);
    if (dimensions.length > 1) return this.aggregatesFromFacts(organisationIds, filters, asOf, consent);
    const plan = rollupPlan(organisationIds, filters, asOf, consent, dimensions[0]);
    const [cells, benefits] = await Promise.all([this.cellsFromRollups(plan), this.benefitsFromRollups(plan)]);
    return assemble(cells, benefits);
  }

  /** The same aggregates in one pass over the facts (the straightforward way). */
  async aggregatesFromFacts(
    organisationIds: string[],
    filters: ReportFilters,
    asOf: string,
    consent: ConsentRule,
  ): Promise<PricingAggregates> {
    const [cells, benefits] = await Promise.all([
      this.cells(organisationIds, filters, asOf, consent),
      this.benefits(organisationIds, filters, asOf, consent),
    ]);
    return assemble(cells, benefits);
  }

  private async cellsFromRollups(plan: RollupPlan): Promise<CellRow[]> {
    const [count, minutes, relationship, appeal, bounce] = pricingCaseColumns();
    const parts = [
      `SELECT r.category, r.band, r.cases, r.total_minutes, r.relationship_minutes, r.avoided_appeal,
                CASE WHEN r.closed_month <= ${plan.matureMonth}::date THEN r.bounce_back_avoided ELSE 0 END
           FROM case_pricing_rollups r
          WHERE ${plan.rollups}`,
      `SELECT f.category, f.band, ${count.perCase}, ${minutes.perCase}, ${relationship.perCase}, ${appeal.perCase},
                CASE WHEN f.closed_on <= ${plan.mature}::date THEN ${bounce.perCase} ELSE 0 END
           FROM case_facts f
          WHERE ${plan.facts}`,
    ];
    return this.dataSource.query(
      `SELECT x.category, x.band, sum(x.cases)::int AS cases,
              sum(x.total_minutes)::float8 AS "totalMinutes",
              sum(x.relationship_minutes)::float8 AS "relationshipMinutes",
              sum(x.avoided_appeal)::int AS "avoidedAppeal",
              sum(x.bounce_back_avoided)::int AS "bounceBackAvoided"
         FROM (${parts.join('\n         UNION ALL\n         ')})
           AS x(category, band, cases, total_minutes, relationship_minutes, avoided_appeal, bounce_back_avoided)
        GROUP BY 1, 2
       HAVING sum(x.cases) > 0
        ORDER BY 1, 2`,
      plan.params,
    );
  }

  /** Each benefit column summed per category and band (roll-up rows and cut days alike), then one row per type. */
  private async benefitsFromRollups(plan: RollupPlan): Promise<BenefitRow[]> {
    const columns = pricingBenefitColumns().map((c) => c.column);
    const parts = [
      `SELECT r.category, r.band, ${columns.map((c) => `r.${c}`).join(', ')}
           FROM case_pricing_rollups r
          WHERE ${plan.rollups}`,
      `SELECT f.category, f.band, b.*
           FROM case_facts f
          CROSS JOIN LATERAL (
                SELECT ${pricingBenefitColumns()
                  .map((c) => c.perCase)
                  .join(',\n                       ')}
                  FROM unnest(f.benefit_types, f.benefit_amounts_gbp) AS b(type, amount)) b
          WHERE ${plan.facts}`,
    ];
    const types = BENEFIT_TYPES.map(
      (type) => `('${type}', x.benefit_${type}_cases, x.benefit_${type}_gbp, x.benefit_${type}_without)`,
    );
    return this.dataSource.query(
      `SELECT x.category, x.band, b.type, b.cases::int AS cases, b.gbp::float8 AS "recordedGbp",
              b.without::int AS "withoutAmount"
         FROM (SELECT x.category, x.band, ${columns.map((c) => `sum(x.${c}) AS ${c}`).join(', ')}
                 FROM (${parts.join('\n                 UNION ALL\n                 ')})
                   AS x(category, band, ${columns.join(', ')})
                GROUP BY 1, 2) x
        CROSS JOIN LATERAL (VALUES ${types.join(',\n                                   ')}) AS b(type, cases, gbp, without)
        WHERE b.cases > 0
        ORDER BY 1, 2, 3`,
      plan.baseParams,
    );
  }

  private async cells(
    organisationIds: string[],
    filters: ReportFilters,
    asOf: string,
    consent: ConsentRule,
  ): Promise<CellRow[]> {
    const where = packWhere(organisationIds, filters, asOf, consent);
    const mature = `$${where.params.length + 1}::date`;
    const bounceBack = OUTCOME_MEASURE_SQL.bounce_back;
    const rows: CellRow[] = await this.dataSource.query(
      `SELECT f.category, f.band, count(*)::int AS cases,
              sum(f.total_minutes)::float8 AS "totalMinutes",
              sum(f.relationship_minutes)::float8 AS "relationshipMinutes",
              count(*) FILTER (WHERE ${AVOIDED_APPEAL})::int AS "avoidedAppeal",
              count(*) FILTER (WHERE f.closed_on <= ${mature} AND ${bounceBack.eligible} AND NOT ${bounceBack.success})::int
                AS "bounceBackAvoided"
         FROM case_facts f
        WHERE ${where.sql}
        GROUP BY 1, 2
        ORDER BY 1, 2`,
      [...where.params, maturityCutoff(asOf, BOUNCE_BACK_WINDOW_MONTHS)],
    );
    return rows;
  }

  private async benefits(
    organisationIds: string[],
    filters: ReportFilters,
    asOf: string,
    consent: ConsentRule,
  ): Promise<BenefitRow[]> {
    const where = packWhere(organisationIds, filters, asOf, consent);
    const at = where.params.length;
    // A plain condition per pair (no subquery per benefit row: this query reads every benefit in scope).
    const sameEvent = SAME_AVOIDED_EVENT.map(
      (_, i) => `AND NOT (b.type = $${at + 2 * i + 1} AND f.benefit_types @> $${at + 2 * i + 2}::text[])`,
    ).join(' ');
    const rows: BenefitRow[] = await this.dataSource.query(
      `SELECT f.category, f.band, b.type, count(*)::int AS cases,
              coalesce(sum(b.amount), 0)::float8 AS "recordedGbp",
              count(*) FILTER (WHERE b.amount IS NULL)::int AS "withoutAmount"
         FROM case_facts f
        CROSS JOIN LATERAL unnest(f.benefit_types, f.benefit_amounts_gbp) AS b(type, amount)
        WHERE ${where.sql}
          ${sameEvent}
        GROUP BY 1, 2, 3
        ORDER BY 1, 2, 3`,
      [...where.params, ...SAME_AVOIDED_EVENT.flatMap((s) => [s.event, [s.sameAs]])],
    );
    return rows;
  }
}

interface CellRow {
  category: Category;
  band: number;
  cases: number;
  totalMinutes: number;
  relationshipMinutes: number;
  avoidedAppeal: number;
  bounceBackAvoided: number;
}

interface BenefitRow {
  category: Category;
  band: number;
  type: string;
  cases: number;
  recordedGbp: number;
  withoutAmount: number;
}

/** Time cells and events from the cell and benefit rows (the same rows, from the facts or the roll-up). */
function assemble(cells: CellRow[], benefits: BenefitRow[]): PricingAggregates {
  const band = (index: number) => BANDS[index].band;
  const time: TimeAggregate[] = cells.map((c) => ({
    category: c.category,
    band: band(c.band),
    cases: c.cases,
    adviserHours: c.totalMinutes / 60,
    relationshipHours: c.relationshipMinutes / 60,
  }));
  const events: EventAggregate[] = [];
  for (const c of cells) {
    const derived: Array<[OutcomeEvent, number]> = [
      ['avoided_appeal', c.avoidedAppeal],
      ['bounce_back_avoided', c.bounceBackAvoided],
    ];
    for (const [event, count] of derived) {
      if (count > 0)
        events.push({
          category: c.category,
          band: band(c.band),
          event,
          count,
          recordedGbp: 0,
          countWithoutAmount: count,
        });
    }
  }
  for (const b of benefits) {
    if (!(BENEFIT_TYPES as readonly string[]).includes(b.type)) continue;
    events.push({
      category: b.category,
      band: band(b.band),
      event: b.type as OutcomeEvent,
      count: b.cases,
      recordedGbp: b.recordedGbp,
      countWithoutAmount: b.withoutAmount,
    });
  }
  return { events, time };
}
