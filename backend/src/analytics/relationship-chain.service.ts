/**
 * The relationship chain report (docs/measures.md): each link of relationship time → trust and disclosure → problems
 * uncovered and outcomes understood → acceptance → fewer appeals, adjusted for case mix, and how much of the
 * association between time and acceptance runs through understanding (statistics/chain-model.ts). Commissioners'
 * views count consenting clients only and publish case counts rounded as evidence packs do.
 */
import { Injectable } from '@nestjs/common';

import { ASSOCIATION_CAVEAT, type RelationshipChainReport } from '@deepvalue/shared';

import { DataSource } from 'typeorm';

import { roundingBaseFor, roundToBase } from '../disclosure/rounding.js';

import type { RequestUser } from '../access/request-user.js';
import type { ReportFiltersDto } from './dto/report-query.dto.js';
import { describeFilters, type ReportFilters } from './report-filters.js';
import { ReportScopeService } from './report-scope.service.js';

import { mediation, relationshipChain, type ChainCase } from './statistics/chain-model.js';
import { factsWhere, normaliseFilters, todayIso } from './facts-query.js';

@Injectable()
export class RelationshipChainService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: ReportScopeService,
  ) {}

  /** The chain a manager or commissioner asked for, within what they may see (ReportScopeService). */
  async reportFor(user: RequestUser, query: ReportFiltersDto): Promise<RelationshipChainReport> {
    const { organisationIds, consentOnly, suppressBelow, filters } = await this.scope.resolve(user, query);
    return this.report(organisationIds, { ...filters, consentOnly }, { suppressBelow });
  }

  async report(
    organisationIds: string[],
    filters: ReportFilters,
    options: { suppressBelow?: number } = {},
  ): Promise<RelationshipChainReport> {
    const normalised = normaliseFilters(filters);
    const cases = await this.cases(organisationIds, normalised);
    const report: RelationshipChainReport = {
      n: cases.length,
      filters: describeFilters(normalised),
      links: relationshipChain(cases),
      mediation: mediation(cases),
      caveat: ASSOCIATION_CAVEAT,
    };
    if (!options.suppressBelow) return report;
    const base = roundingBaseFor(options.suppressBelow);
    const round = (count: number) => roundToBase(count, base);
    return {
      ...report,
      n: round(report.n),
      links: report.links.map((l) => ({ ...l, n: round(l.n), unknown: round(l.unknown) })),
      mediation: { ...report.mediation, n: round(report.mediation.n), unknown: round(report.mediation.unknown) },
      suppressionThreshold: base,
    };
  }

  /** The closed cases in scope, one row each, in case id order so the seeded bootstrap draws the same cases. */
  private async cases(organisationIds: string[], filters: ReportFilters): Promise<ChainCase[]> {
    const where = factsWhere(organisationIds, filters, undefined, todayIso());
    const rows: ChainRow[] = await this.dataSource.query(
      `SELECT f.relationship_minutes, f.category, f.vulnerability_count, f.funding_stream, f.trust, f.disclosure,
              f.problems_count > 0 AS problem_uncovered, f.understood, f.accepted,
              coalesce(f.result = 'negative', false) AS negative_outcome,
              CASE WHEN f.result = 'negative' AND f.appeal IS NOT NULL THEN f.appeal = 'lodged' END AS appeal_lodged
         FROM case_facts f WHERE ${where.sql}
        ORDER BY f.case_id`,
      where.params,
    );
    return rows.map((r) => ({
      relationshipMinutes: r.relationship_minutes,
      category: r.category,
      vulnerabilityCount: r.vulnerability_count,
      fundingStream: r.funding_stream,
      trust: r.trust,
      disclosure: r.disclosure,
      problemUncovered: r.problem_uncovered,
      understood: r.understood,
      accepted: r.accepted,
      negativeOutcome: r.negative_outcome,
      appealLodged: r.appeal_lodged,
    }));
  }
}

interface ChainRow {
  relationship_minutes: number;
  category: string;
  vulnerability_count: number;
  funding_stream: string;
  trust: number | null;
  disclosure: ChainCase['disclosure'];
  problem_uncovered: boolean;
  understood: number | null;
  accepted: boolean | null;
  negative_outcome: boolean;
  appeal_lodged: boolean | null;
}
