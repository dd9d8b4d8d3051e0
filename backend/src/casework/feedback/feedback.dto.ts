import { ApiProperty } from '@nestjs/swagger';
import { EARLIEST_CASE_DATE, FEEDBACK_SOURCES, type FeedbackSource, type Feedback } from '@deepvalue/shared';
import { DateField, EnumField, TextField } from '../../common/fields.js';
import { ScoreMapField } from './score-map.js';
import type { FeedbackEntity } from './feedback.entity.js';

export class CreateFeedbackDto {
  @DateField({ notBefore: EARLIEST_CASE_DATE, notFuture: true }) on: string;
  @ScoreMapField() items: Record<string, number>;
  @TextField({ optional: true, nullable: true, max: 5000, description: 'What the client wrote.' })
  comment?: string | null;
  @EnumField(FEEDBACK_SOURCES, { optional: true, description: 'Defaults to paper.' }) source?: FeedbackSource;
}

export class FeedbackDto implements Feedback {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer', minimum: 1, maximum: 5 } })
  items: Record<string, number>;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ enum: FEEDBACK_SOURCES }) source: FeedbackSource;
  @ApiProperty() version: number;
}

export function toFeedbackDto(feedback: FeedbackEntity): FeedbackDto {
  return {
    id: feedback.id,
    caseId: feedback.caseId,
    on: feedback.on,
    items: feedback.items,
    comment: feedback.comment,
    source: feedback.source,
    version: feedback.version,
  };
}
