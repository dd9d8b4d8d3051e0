import { ApiProperty } from '@nestjs/swagger';
import type { AdviserRef, FileReview, ReviewDue, ReviewsDue } from '@deepvalue/shared';
import {
  EARLIEST_CASE_DATE,
  FILE_REVIEW_OUTCOMES,
  type FileReviewOutcome,
  MAX_SHORT_TEXT_LENGTH,
} from '@deepvalue/shared';
import { DateField, EnumField, QueryInt, TextField, UuidField } from '../../common/fields.js';

export class ReassignCaseDto {
  @UuidField({ description: 'The adviser who will lead the case' }) leadAdviserId: string;
}

export class CreateFileReviewDto {
  @DateField({ optional: true, notBefore: EARLIEST_CASE_DATE, notFuture: true, description: 'Defaults to today' })
  reviewedOn?: string;
  @EnumField(FILE_REVIEW_OUTCOMES) outcome: FileReviewOutcome;
  @TextField({ optional: true, max: MAX_SHORT_TEXT_LENGTH, description: 'What the adviser is to do, by when' })
  actions?: string;
}

export class DueReviewsQuery {
  @QueryInt({ min: 1, max: 120 }) months?: number;
}

export class AdviserDto implements AdviserRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class FileReviewDto implements FileReview {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ format: 'date' }) reviewedOn: string;
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty() reviewerName: string;
  @ApiProperty({ enum: FILE_REVIEW_OUTCOMES }) outcome: FileReviewOutcome;
  @ApiProperty({ type: String, nullable: true }) actions: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** An open case not reviewed in the months asked (`id` is the case's). */
export class ReviewDueDto implements ReviewDue {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() ref: string;
  @ApiProperty({ format: 'date' }) openedOn: string;
  @ApiProperty({ format: 'uuid' }) leadAdviserId: string;
  @ApiProperty() leadAdviserName: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) lastReviewedOn: string | null;
}

export class ReviewsDueDto implements ReviewsDue {
  @ApiProperty() months: number;
  @ApiProperty({ format: 'date', description: 'Cases last reviewed (or, never reviewed, opened) before this day' })
  before: string;
  @ApiProperty({ type: [ReviewDueDto] }) items: ReviewDueDto[];
}
