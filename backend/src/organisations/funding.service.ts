/**
 * Funding an organisation received for a period (docs/decisions.md, "Funding per period"): admins and managers record it,
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

  add(organisationId: string, body: CreateFundingDto, by: Actor): Promise<OrganisationFundingEntity> {
    return this.write(organisationId, body, by);
  }

  /** Correct a record: the same checks as a new one, its own period left out of the overlap check. */
  update(organisationId: string, id: string, body: CreateFundingDto, by: Actor): Promise<OrganisationFundingEntity> {
    return this.write(organisationId, body, by, id);
  }

  private async write(
    organisationId: string,
    body: CreateFundingDto,
    by: Actor,
    id?: string,
  ): Promise<OrganisationFundingEntity> {
    if (body.periodTo < body.periodFrom)
      throw new DomainError('unprocessable', 'The period ends before it starts', [
        { path: 'periodTo', message: 'must be on or after periodFrom' },
      ]);
    return this.work.transaction(async (m) => {
      // One writer at a time per organisation, so two overlapping records cannot both pass the check.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('organisation_funding:' || $1))`, [organisationId]);
      const before = id ? await m.findOneBy(OrganisationFundingEntity, { id, organisationId }) : null;
      if (id && !before) throw notFound('Funding record');
      const [clash]: Array<{ period_from: string; period_to: string }> = await m.query(
        `SELECT to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to
           FROM organisation_funding
          WHERE organisation_id = $1 AND period_from <= $3 AND period_to >= $2 AND id IS DISTINCT FROM $4
          ORDER BY period_from LIMIT 1`,
        [organisationId, body.periodFrom, body.periodTo, id ?? null],
      );
      if (clash)
        throw new DomainError(
          'conflict',
          `Funding is already recorded for ${clash.period_from} to ${clash.period_to}, which overlaps this period`,
          [{ path: 'periodFrom', message: `overlaps funding recorded for ${clash.period_from} to ${clash.period_to}` }],
        );
      const fields = {
        periodFrom: body.periodFrom,
        periodTo: body.periodTo,
        amountGbp: body.amountGbp.toFixed(2),
        funder: body.funder.trim(),
      };
      const was = before && {
        periodFrom: before.periodFrom,
        periodTo: before.periodTo,
        amountGbp: Number(before.amountGbp),
      };
      const saved = before
        ? await m.save(Object.assign(before, fields))
        : await m.save(m.create(OrganisationFundingEntity, { organisationId, ...fields, createdBy: by.userId }));
      const details = { periodFrom: body.periodFrom, periodTo: body.periodTo, amountGbp: body.amountGbp };
      await this.audit.record(
        {
          organisationId,
          ...by,
          action: was ? 'update' : 'create',
          entity: 'organisation_funding',
          entityIds: [saved.id],
          details: was ? { ...details, before: was } : details,
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
