import { Injectable } from '@nestjs/common';
import { invalid } from '../../common/domain-error.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { writeToCase } from '../case-child.js';
import { DirectoryService } from '../directory/directory.service.js';
import { FeedbackEntity } from './feedback.entity.js';
import { type CreateFeedbackDto, type FeedbackDto, toFeedbackDto } from './feedback.dto.js';
import { scoreMapErrors } from './score-map.js';

@Injectable()
export class FeedbackService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly directory: DirectoryService,
  ) {}

  /** Records a client's feedback form; items are scored against the organisation's item set. */
  async create(organisationId: string, caseId: string, input: CreateFeedbackDto): Promise<FeedbackDto> {
    const allowed = (await this.directory.feedbackItems(organisationId)).map((item) => item.key);
    const errors = scoreMapErrors(input.items, allowed);
    if (Object.keys(input.items).length === 0 && !input.comment)
      errors.push({ path: 'items', message: 'must score at least one item, or leave a comment' });
    if (errors.length) throw invalid(errors);
    const m = this.uow.manager;
    const feedback = await writeToCase(
      m.save(
        m.create(FeedbackEntity, {
          organisationId,
          caseId,
          on: input.on,
          items: input.items,
          comment: input.comment ?? null,
          source: input.source ?? 'paper',
        }),
        { transaction: false },
      ),
    );
    return toFeedbackDto(feedback);
  }
}
