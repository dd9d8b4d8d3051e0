import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { writeToCase } from '../case-child.js';
import { updateVersioned } from '../versioned-update.js';
import { ProblemEntity } from './problem.entity.js';
import { type CreateProblemDto, type ProblemDto, toProblemDto, type UpdateProblemDto } from './problem.dto.js';

@Injectable()
export class ProblemsService {
  constructor(private readonly uow: UnitOfWork) {}

  async create(organisationId: string, caseId: string, input: CreateProblemDto): Promise<ProblemDto> {
    const m = this.uow.manager;
    const problem = await writeToCase(
      m.save(
        m.create(ProblemEntity, {
          organisationId,
          caseId,
          category: input.category,
          description: input.description ?? null,
          uncoveredOn: input.uncoveredOn,
          action: input.action,
          partnerId: input.partnerId ?? null,
          reachedSupport: input.reachedSupport ?? null,
          result: input.result ?? null,
        }),
        { transaction: false },
      ),
    );
    return toProblemDto(problem);
  }

  async update(organisationId: string, problemId: string, input: UpdateProblemDto): Promise<ProblemDto> {
    const { version, ...changes } = input;
    const problem = await updateVersioned(this.uow.manager, {
      entity: ProblemEntity,
      what: 'Underlying problem',
      organisationId,
      id: problemId,
      version,
      changes,
      toDto: toProblemDto,
    });
    return toProblemDto(problem);
  }
}
