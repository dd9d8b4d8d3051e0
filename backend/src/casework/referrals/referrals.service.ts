import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { writeToCase } from '../case-child.js';
import { PartnerEntity } from '../directory/partner.entity.js';
import { updateVersioned } from '../versioned-update.js';
import { ReferralEntity } from './referral.entity.js';
import { type CreateReferralDto, type ReferralDto, toReferralDto, type UpdateReferralDto } from './referral.dto.js';

@Injectable()
export class ReferralsService {
  constructor(private readonly uow: UnitOfWork) {}

  async create(organisationId: string, caseId: string, input: CreateReferralDto): Promise<ReferralDto> {
    const m = this.uow.manager;
    const referral = await writeToCase(
      m.save(
        m.create(ReferralEntity, {
          organisationId,
          caseId,
          direction: input.direction,
          partnerId: input.partnerId,
          on: input.on,
          kind: input.kind,
          reachedSupport: input.reachedSupport ?? null,
          note: input.note ?? null,
        }),
        { transaction: false },
      ),
    );
    return this.toDto(organisationId, referral);
  }

  async update(organisationId: string, referralId: string, input: UpdateReferralDto): Promise<ReferralDto> {
    const { version, ...changes } = input;
    const referral = await updateVersioned(this.uow.manager, {
      entity: ReferralEntity,
      what: 'Referral',
      organisationId,
      id: referralId,
      version,
      changes,
      toDto: (r) => this.toDto(organisationId, r),
    });
    return this.toDto(organisationId, referral);
  }

  private async toDto(organisationId: string, referral: ReferralEntity): Promise<ReferralDto> {
    const partner = await this.uow.manager.findOneBy(PartnerEntity, { organisationId, id: referral.partnerId });
    return toReferralDto(referral, partner?.name ?? null);
  }
}
