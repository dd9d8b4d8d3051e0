/**
 * Which organisations' figures a caller may see: managers their own organisation; commissioners
 * the organisations that share with them (all, or one they pick). Nobody else gets reports.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestUser } from '../access/request-user.js';
import { DomainError, forbidden } from '../common/domain-error.js';
import { thresholdFor } from '../disclosure/threshold.js';

/** What one report request may see, worked out once for every report route. */
export interface ReportScope {
  organisationIds: string[];
  /** Commissioners see consenting clients only. */
  consentOnly: boolean;
  /** Commissioners' figures are rounded/merged at this threshold; undefined for managers. */
  suppressBelow?: number;
}

@Injectable()
export class ReportScopeService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every check a report route needs, in one call: adviser-level figures (an adviser filter, or
   * `byAdviser` for a per-adviser breakdown) for managers only, the organisations the caller may
   * see, and the commissioner's privacy rules; and the query's filters without the organisation.
   */
  async resolve<Q extends { organisation?: string; adviser?: string }>(
    user: RequestUser,
    query: Q,
    options: { byAdviser?: boolean } = {},
  ): Promise<ReportScope & { filters: Omit<Q, 'organisation'> }> {
    const { organisation, ...filters } = query;
    this.assertAdviserLevelAllowed(user, filters.adviser !== undefined || options.byAdviser === true);
    const organisationIds = await this.organisationIds(user, organisation);
    return { organisationIds, ...(await this.privacyFor(user, organisationIds)), filters };
  }

  async organisationIds(user: RequestUser, organisation?: string): Promise<string[]> {
    if (user.role === 'manager') {
      if (organisation && organisation.toLowerCase() !== user.organisationId)
        throw forbidden('Managers see their own organisation only');
      return [user.organisationId];
    }
    if (user.role !== 'commissioner') throw forbidden('Reports are for managers and commissioners');
    const rows: Array<{ provider_id: string }> = await this.dataSource.query(
      `SELECT provider_id FROM organisation_shares WHERE commissioner_id = $1 ORDER BY provider_id`,
      [user.organisationId],
    );
    const shared = rows.map((r) => r.provider_id);
    if (!organisation) return shared;
    if (!shared.includes(organisation.toLowerCase())) {
      throw new DomainError('not_found', 'That organisation does not share its figures with you');
    }
    return [organisation.toLowerCase()];
  }

  /**
   * What a commissioner's view of live reports must respect, as evidence packs do: only clients who
   * consented, and small numbers suppressed at the strictest threshold of the organisations shown.
   */
  private async privacyFor(
    user: RequestUser,
    organisationIds: string[],
  ): Promise<{ consentOnly: boolean; suppressBelow?: number }> {
    if (user.role !== 'commissioner') return { consentOnly: false };
    const rows: Array<{ threshold: number | null }> = await this.dataSource.query(
      `SELECT (settings->>'suppressionThreshold')::int AS threshold FROM organisations WHERE id = ANY($1::uuid[])`,
      [organisationIds],
    );
    return { consentOnly: true, suppressBelow: thresholdFor({ organisationSettings: rows.map((r) => r.threshold) }) };
  }

  /**
   * Adviser-level figures (an adviser filter or a per-adviser breakdown) are for supervision inside
   * the organisation: managers only. Commissioners never see a row about one adviser.
   */
  private assertAdviserLevelAllowed(user: RequestUser, adviserLevel: boolean): void {
    if (adviserLevel && user.role !== 'manager') {
      throw forbidden('Figures per adviser are for supervision by the organisation’s managers only');
    }
  }
}
