import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { writeToCase } from '../case-child.js';
import { CasesService } from '../cases/cases.service.js';
import { FollowUpEntity } from './follow-up.entity.js';
import { type CreateFollowUpDto, type FollowUpDto, toFollowUpDto } from './follow-up.dto.js';

@Injectable()
export class FollowUpsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cases: CasesService,
  ) {}

  /** A follow-up is a re-contact after closing, so the case must be closed and the date after it. */
  async create(organisationId: string, caseId: string, input: CreateFollowUpDto): Promise<FollowUpDto> {
    const found = await this.cases.find(organisationId, caseId);
    if (!found.closedOn) {
      throw new DomainError('unprocessable', 'The case is still open', [
        { path: 'id', message: 'is an open case; a follow-up is recorded after the case is closed' },
      ]);
    }
    if (input.on < found.closedOn) {
      throw new DomainError('unprocessable', 'on is before the case was closed', [
        { path: 'on', message: `must be on or after the date the case was closed (${found.closedOn})` },
      ]);
    }
    const m = this.uow.manager;
    const followUp = await writeToCase(
      m.save(
        m.create(FollowUpEntity, {
          organisationId,
          caseId,
          on: input.on,
          recontact: input.recontact,
          outcomeSustained: input.outcomeSustained ?? null,
        }),
        { transaction: false },
      ),
    );
    return toFollowUpDto(followUp);
  }
}
