import { ApiProperty } from '@nestjs/swagger';
import {
  APPEAL_NOT_PURSUED_REASONS,
  APPEAL_STATUSES,
  type AppealNotPursuedReason,
  type AppealStatus,
  BENEFIT_TYPES,
  type BenefitType,
  EARLIEST_CASE_DATE,
  OUTCOME_RESULTS,
  type OutcomeResult,
  type Benefit,
  type Outcome,
} from '@deepvalue/shared';
import {
  AmountField,
  BoolField,
  DateField,
  EnumField,
  NestedList,
  NestedObject,
  ScoreField,
  VersionField,
} from '../../common/fields.js';
import type { OutcomeBenefitEntity, OutcomeEntity } from './outcome.entity.js';

const maybe = { optional: true, nullable: true };

export class BenefitDto {
  @EnumField(BENEFIT_TYPES) type: BenefitType;
  @AmountField({ ...maybe, description: 'Pounds (per year for a benefit award); null when not a sum of money.' })
  amountGbp?: number | null;
}

export class OutcomeInputDto {
  @EnumField(OUTCOME_RESULTS) result: OutcomeResult;
  @NestedList(() => BenefitDto, { optional: true, max: 20 }) benefits?: BenefitDto[];
  @ScoreField({ ...maybe, description: 'Client understood the outcome, 1–5.' }) understood?: number | null;
  @BoolField({ ...maybe, description: 'Client accepted the outcome.' }) accepted?: boolean | null;
  @EnumField(APPEAL_STATUSES, {
    ...maybe,
    description: 'considered_not_pursued is an avoided appeal when the client accepted the outcome.',
  })
  appeal?: AppealStatus | null;
  @EnumField(APPEAL_NOT_PURSUED_REASONS, {
    ...maybe,
    description:
      'Why an appeal considered was not pursued (only with appeal considered_not_pursued). Only accepted_outcome, ' +
      'with accepted true, counts as an avoided appeal.',
  })
  appealNotPursuedReason?: AppealNotPursuedReason | null;
  @ScoreField(maybe) confidenceBefore?: number | null;
  @ScoreField(maybe) confidenceAfter?: number | null;
  @BoolField(maybe) wouldSeekAdviceEarlier?: boolean | null;
  @BoolField(maybe) couldHandleSimilar?: boolean | null;
}

export class CloseCaseDto {
  @VersionField() version: number;
  @DateField({ notBefore: EARLIEST_CASE_DATE, notFuture: true }) closedOn: string;
  @NestedObject(() => OutcomeInputDto) outcome: OutcomeInputDto;
}

export class ReopenCaseDto {
  @VersionField() version: number;
}

export class BenefitViewDto implements Benefit {
  @ApiProperty({ enum: BENEFIT_TYPES }) type: BenefitType;
  @ApiProperty({ type: Number, nullable: true }) amountGbp: number | null;
}

export class OutcomeDto implements Outcome {
  @ApiProperty({ enum: OUTCOME_RESULTS }) result: OutcomeResult;
  @ApiProperty({ type: [BenefitViewDto] }) benefits: BenefitViewDto[];
  @ApiProperty({ type: Number, nullable: true }) understood: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) accepted: boolean | null;
  @ApiProperty({ enum: APPEAL_STATUSES, nullable: true }) appeal: AppealStatus | null;
  @ApiProperty({ enum: APPEAL_NOT_PURSUED_REASONS, nullable: true })
  appealNotPursuedReason: AppealNotPursuedReason | null;
  @ApiProperty({ type: Number, nullable: true }) confidenceBefore: number | null;
  @ApiProperty({ type: Number, nullable: true }) confidenceAfter: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) wouldSeekAdviceEarlier: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true }) couldHandleSimilar: boolean | null;
}

export function toOutcomeDto(o: OutcomeEntity, benefits: OutcomeBenefitEntity[]): OutcomeDto {
  return {
    result: o.result,
    benefits: benefits.map((b) => ({ type: b.type, amountGbp: b.amountGbp })),
    understood: o.understood,
    accepted: o.accepted,
    appeal: o.appeal,
    appealNotPursuedReason: o.appealNotPursuedReason,
    confidenceBefore: o.confidenceBefore,
    confidenceAfter: o.confidenceAfter,
    wouldSeekAdviceEarlier: o.wouldSeekAdviceEarlier,
    couldHandleSimilar: o.couldHandleSimilar,
  };
}
