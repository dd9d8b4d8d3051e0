/**
 * Drill-down: the cases behind a figure. With the same measure, band and filters as the report, the
 * total is the report's n (`eligible`) or count (`success`), because both come from one definition.
 * Lists client cases, so managers only (the controller says so; commissioners see aggregates).
 */
import { Injectable } from '@nestjs/common';

import { BANDS } from '@deepvalue/shared';

import type { RequestUser } from '../access/request-user.js';
import type { DrillDownQueryDto } from './dto/rate-report-query.dto.js';
import { MeasuresRepository } from './measures.repository.js';
import { ReportScopeService } from './report-scope.service.js';

import type { CaseRateMeasure } from './measures.sql.js';

import { describeFilters, type ReportFilters } from './report-filters.js';

import type { DrillDownPage } from '@deepvalue/shared';
import { normaliseFilters, todayIso } from './facts-query.js';

export interface DrillDownSelection {
  measure: CaseRateMeasure;
  band?: number;
  outcome: 'success' | 'eligible';
}

@Injectable()
export class DrillDownService {
  constructor(
    private readonly repository: MeasuresRepository,
    private readonly scope: ReportScopeService,
  ) {}

  /** The cases behind a figure a manager clicked, within what they may see (ReportScopeService). */
  async casesFor(user: RequestUser, query: DrillDownQueryDto): Promise<DrillDownPage> {
    const { measure = 'positive_outcome', band, outcome = 'eligible', limit = 50, offset = 0, ...rest } = query;
    const { organisationIds, filters } = await this.scope.resolve(user, rest);
    return this.cases(organisationIds, { measure, band, outcome }, filters, { limit, offset });
  }

  async cases(
    organisationIds: string[],
    selection: DrillDownSelection,
    filters: ReportFilters,
    page: { limit: number; offset: number },
    asOf = todayIso(),
  ): Promise<DrillDownPage> {
    const normalised = normaliseFilters(filters);
    const { total, items } = await this.repository.drillDown(organisationIds, normalised, selection, page, asOf);
    return {
      measure: selection.measure,
      band: selection.band === undefined ? null : BANDS[selection.band].band,
      outcome: selection.outcome,
      total,
      limit: page.limit,
      offset: page.offset,
      filters: describeFilters(normalised),
      items,
    };
  }
}
