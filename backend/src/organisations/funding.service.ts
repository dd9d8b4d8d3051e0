/**
 * Funding an organisation received for a period (issue 14, item 3): admins and managers record it,
 * evidence packs divide priced value by it (funding-match.ts says which records a pack uses).
 * Periods of one organisation never overlap, so no day's money is counted twice.
 */
import { Injectable } from '@nestjs/common';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { DomainError, notFound } from '../common/domain-error.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { CreateFundingDto } from './dto/funding.dto.js';
import { OrganisationFundingEntity } from './funding.entity.js';
import { fundingForPeriod, type FundingMatch } from './funding-match.js';

@Injectable()
export class FundingService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  list(organisationId: string): Promise<OrganisationFundingEntity[]> {
    return this.work.manager.find(OrganisationFundingEntity, {
      where: { organisationId },
      order: { periodFrom: 'ASC', createdAt: 'ASC' },
    });
  }

  async add(organisationId: string, body: CreateFundingDto, by: Actor): Promise<OrganisationFundingEntity> {
    if (body.periodTo < body.periodFrom)
      throw new DomainError('unprocessable', 'The period ends before it starts', [
        { path: 'periodTo', message: 'must be on or after periodFrom' },
      ]);
    return this.work.transaction(async (m) => {
      // One writer at a time per organisation, so two overlapping records cannot both pass the check.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('organisation_funding:' || $1))`, [organisationId]);
      const [clash]: Array<{ period_from: string; period_to: string }> = await m.query(
        `SELECT to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to
           FROM organisation_funding
          WHERE organisation_id = $1 AND period_from <= $3 AND period_to >= $2
          ORDER BY period_from LIMIT 1`,
        [organisationId, body.periodFrom, body.periodTo],
      );
      if (clash)
        throw new DomainError(
          'conflict',
          `Funding is already recorded for ${clash.period_from} to ${clash.period_to}, which overlaps this period`,
          [{ path: 'periodFrom', message: `overlaps funding recorded for ${clash.period_from} to ${clash.period_to}` }],
        );
      const saved = await m.save(
        m.create(OrganisationFundingEntity, {
          organisationId,
          periodFrom: body.periodFrom,
          periodTo: body.periodTo,
          amountGbp: body.amountGbp.toFixed(2),
          funder: body.funder.trim(),
          createdBy: by.userId,
        }),
      );
      await this.audit.record(
        {
          organisationId,
          ...by,
          action: 'create',
          entity: 'organisation_funding',
          entityIds: [saved.id],
          details: { periodFrom: body.periodFrom, periodTo: body.periodTo, amountGbp: body.amountGbp },
        },
        m,
      );
      return await m.findOneByOrFail(OrganisationFundingEntity, { id: saved.id, organisationId });
    });
  }

  async remove(organisationId: string, id: string, by: Actor): Promise<void> {
    await this.work.transaction(async (m) => {
      const result = await m.delete(OrganisationFundingEntity, { id, organisationId });
      if (!result.affected) throw notFound('Funding record');
      await this.audit.record(
        { organisationId, ...by, action: 'delete', entity: 'organisation_funding', entityIds: [id] },
        m,
      );
    });
  }

  /** The funding a pack of these organisations and this period divides by (funding-match.ts). */
  async forPeriod(organisationIds: string[], period: { from: string; to: string }): Promise<FundingMatch> {
    const rows = await this.work.manager.find(OrganisationFundingEntity, {
      where: organisationIds.map((organisationId) => ({ organisationId })),
    });
    return fundingForPeriod(rows, organisationIds, period);
  }
}
