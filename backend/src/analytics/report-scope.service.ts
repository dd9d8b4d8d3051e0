/**
 * Which organisations' figures a caller may see: managers their own organisation; commissioners
 * the organisations that share with them (all, or one they pick). Nobody else gets reports.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestUser } from '../access/request-user.js';
import { DomainError, forbidden } from '../common/domain-error.js';
import { thresholdFor } from '../disclosure/threshold.js';

@Injectable()
export class ReportScopeService {
  constructor(private readonly dataSource: DataSource) {}

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
   * Adviser-level figures (an adviser filter or a per-adviser breakdown) are for supervision inside
   * the organisation: managers only. Commissioners never see a row about one adviser.
   */
  /**
   * What a commissioner's view of live reports must respect, as evidence packs do: only clients who
   * consented, and small numbers suppressed at the strictest threshold of the organisations shown.
   */
  async privacyFor(
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

  assertAdviserLevelAllowed(user: RequestUser, adviserLevel: boolean): void {
    if (adviserLevel && user.role !== 'manager') {
      throw forbidden('Figures per adviser are for supervision by the organisation’s managers only');
    }
  }
}
