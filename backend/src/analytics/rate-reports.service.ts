/**
 * Trends (a rate per closing month or quarter) and breakdowns (a rate per office, funding stream,
 * vulnerability group, arrival route, category or adviser). Groups are listed in a fixed order —
 * the vocabulary's, or by name — never by rate: per-adviser figures are for supervision, not a
 * league table, and any ranking of unadjusted rates would read as an effect the data cannot show.
 */
import { Injectable } from '@nestjs/common';

import {
  ARRIVAL_ROUTES,
  ASSOCIATION_CAVEAT,
  CATEGORIES,
  FUNDING_STREAMS,
  VULNERABILITIES,
  labelOf,
} from '@deepvalue/shared';

import type { RequestUser } from '../access/request-user.js';
import type { BreakdownQueryDto, TrendsQueryDto } from './dto/rate-report-query.dto.js';
import { ReportScopeService } from './report-scope.service.js';
import { MeasuresRepository, type BreakdownDimension, type TrendPeriodUnit } from './measures.repository.js';

import { rateDefinition, type RateMeasure } from './measures.sql.js';

import { rateFigure } from './rate-figure.js';

import { describeFilters, type ReportFilters } from './report-filters.js';
import type {
  AdviserRef,
  BreakdownGroup,
  BreakdownReport,
  Coverage,
  TrendPeriod,
  TrendsReport,
} from '@deepvalue/shared';
import { normaliseFilters, todayIso } from './facts-query.js';

export const SUPERVISION_NOTE =
  'For supervision: each adviser’s figures beside the others’, in name order. This is not a ranking — ' +
  'caseloads differ in ways these rates do not adjust for, and small groups vary by chance.';
const OVERLAP_NOTE = 'A case with several vulnerability flags counts in each of its groups; n counts each case once.';

const VOCABULARY_ORDER: Partial<Record<BreakdownDimension, readonly string[]>> = {
  category: CATEGORIES,
  fundingStream: FUNDING_STREAMS,
  arrival: ARRIVAL_ROUTES,
  vulnerability: VULNERABILITIES,
};
const NONE_LABEL: Partial<Record<BreakdownDimension, string>> = {
  office: 'No office recorded',
  vulnerability: 'No vulnerability flag',
};

@Injectable()
export class RateReportsService {
  constructor(
    private readonly repository: MeasuresRepository,
    private readonly scope: ReportScopeService,
  ) {}

  /** Trends a manager asked for, within what they may see (ReportScopeService). */
  async trendsFor(user: RequestUser, query: TrendsQueryDto): Promise<TrendsReport> {
    const { measure = 'positive_outcome', period = 'month', ...rest } = query;
    const { organisationIds, filters } = await this.scope.resolve(user, rest);
    return this.trends(organisationIds, measure, period, filters);
  }

  /** A breakdown a manager asked for; per adviser only for the organisation's managers. */
  async breakdownFor(user: RequestUser, query: BreakdownQueryDto): Promise<BreakdownReport> {
    const { measure = 'positive_outcome', by, ...rest } = query;
    const { organisationIds, filters } = await this.scope.resolve(user, rest, { byAdviser: by === 'adviser' });
    return this.breakdown(organisationIds, measure, by, filters);
  }

  /** The advisers a manager may filter the reports by: every lead adviser of a closed case, by name. */
  async advisersFor(user: RequestUser): Promise<AdviserRef[]> {
    const { organisationIds } = await this.scope.resolve(user, {}, { byAdviser: true });
    const advisers = await this.repository.leadAdvisers(organisationIds);
    return advisers.sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async trends(
    organisationIds: string[],
    measure: RateMeasure,
    period: TrendPeriodUnit,
    filters: ReportFilters,
    asOf = todayIso(),
  ): Promise<TrendsReport> {
    const normalised = normaliseFilters(filters);
    const rows = await this.repository.rateByPeriod(organisationIds, normalised, measure, period, asOf);
    const byStart = new Map(rows.map((r) => [r.start, r]));
    const counted = rows.filter((r) => r.n > 0);
    const periods: TrendPeriod[] = [];
    if (counted.length > 0) {
      // Every period from the first to the last with cases counted, so gaps show as gaps (n = 0).
      const last = counted[counted.length - 1].start;
      for (let start = counted[0].start; start <= last; start = nextPeriod(start, period)) {
        const row = byStart.get(start) ?? { n: 0, count: 0, scope: 0, unknown: 0 };
        periods.push({
          period: periodLabel(start, period),
          from: start,
          to: lastDayOf(start, period),
          ...rateFigure(row),
          ...coverageOf(row),
        });
      }
    }
    const total = rows.reduce((sum, r) => ({ scope: sum.scope + r.scope, unknown: sum.unknown + r.unknown }), {
      scope: 0,
      unknown: 0,
    });
    const definition = rateDefinition(measure);
    return {
      measure,
      label: definition.label,
      definition: definition.definition,
      period,
      n: periods.reduce((sum, p) => sum + p.n, 0),
      count: periods.reduce((sum, p) => sum + p.count, 0),
      ...coverageOf(total),
      filters: describeFilters(normalised),
      periods,
      caveat: ASSOCIATION_CAVEAT,
      note: 'Cases are placed in the period they closed in.',
    };
  }

  async breakdown(
    organisationIds: string[],
    measure: RateMeasure,
    by: BreakdownDimension,
    filters: ReportFilters,
    asOf = todayIso(),
  ): Promise<BreakdownReport> {
    const normalised = normaliseFilters(filters);
    const rows = await this.repository.rateByGroup(organisationIds, normalised, measure, by, asOf);
    const groups: BreakdownGroup[] = rows
      .map((r) => ({
        key: r.key,
        label: r.key === 'none' ? (NONE_LABEL[by] ?? 'None') : (r.label ?? labelOf(r.key)),
        ...rateFigure(r),
        ...coverageOf(r),
      }))
      .sort(fixedOrder(by));
    // Counted over cases, each once: vulnerability groups overlap, and groups with nothing counted
    // (n = 0) are not listed although their unknowns count.
    const total = await this.repository.rateTotal(organisationIds, normalised, measure, asOf);
    const definition = rateDefinition(measure);
    const note = by === 'adviser' ? SUPERVISION_NOTE : by === 'vulnerability' ? OVERLAP_NOTE : undefined;
    return {
      by,
      measure,
      label: definition.label,
      definition: definition.definition,
      n: total.n,
      count: total.count,
      ...coverageOf(total),
      filters: describeFilters(normalised),
      groups,
      caveat: ASSOCIATION_CAVEAT,
      ...(note && { note }),
    };
  }
}

/** Beside n: the units in scope where the thing is not recorded, and the share where it is. */
function coverageOf({ scope, unknown }: { scope: number; unknown: number }): Coverage {
  return { unknown, coverage: scope ? (scope - unknown) / scope : null };
}

/** Vocabulary order for enumerated dimensions, name order for offices and advisers; 'none' last. */
function fixedOrder(by: BreakdownDimension) {
  const vocabulary = VOCABULARY_ORDER[by];
  const rank = (g: BreakdownGroup) => (g.key === 'none' ? 1 : 0);
  return (a: BreakdownGroup, b: BreakdownGroup): number => {
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (vocabulary) return vocabulary.indexOf(a.key) - vocabulary.indexOf(b.key);
    return a.label.localeCompare(b.label, 'en-GB') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  };
}

export function periodLabel(start: string, period: TrendPeriodUnit): string {
  const [year, month] = start.split('-').map(Number);
  return period === 'month' ? start.slice(0, 7) : `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

export function nextPeriod(start: string, period: TrendPeriodUnit): string {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + (period === 'month' ? 1 : 3));
  return date.toISOString().slice(0, 10);
}

export function lastDayOf(start: string, period: TrendPeriodUnit): string {
  const date = new Date(`${nextPeriod(start, period)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
