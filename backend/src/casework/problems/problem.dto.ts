import { ApiProperty } from '@nestjs/swagger';
import {
  CATEGORIES,
  type Category,
  EARLIEST_CASE_DATE,
  MAX_SHORT_TEXT_LENGTH,
  OUTCOME_RESULTS,
  type OutcomeResult,
  PROBLEM_ACTIONS,
  type ProblemAction,
  type Problem,
} from '@deepvalue/shared';
import { BoolField, DateField, EnumField, TextField, UuidField, VersionField } from '../../common/fields.js';
import type { ProblemEntity } from './problem.entity.js';

const uncoveredOn = (optional = false) =>
  DateField({ optional, notBefore: EARLIEST_CASE_DATE, notFuture: true, description: 'When it came to light.' });

export class CreateProblemDto {
  @EnumField(CATEGORIES) category: Category;
  @TextField({ optional: true, nullable: true, max: MAX_SHORT_TEXT_LENGTH }) description?: string | null;
  @uncoveredOn() uncoveredOn: string;
  @EnumField(PROBLEM_ACTIONS) action: ProblemAction;
  @UuidField({ optional: true, nullable: true, description: 'Who it was referred or signposted to.' })
  partnerId?: string | null;
  @BoolField({ optional: true, nullable: true, description: 'For referrals: did the client reach the support?' })
  reachedSupport?: boolean | null;
  @EnumField(OUTCOME_RESULTS, { optional: true, nullable: true }) result?: OutcomeResult | null;
}

export class UpdateProblemDto {
  @VersionField() version: number;
  @EnumField(CATEGORIES, { optional: true }) category?: Category;
  @TextField({ optional: true, nullable: true, max: MAX_SHORT_TEXT_LENGTH }) description?: string | null;
  @uncoveredOn(true) uncoveredOn?: string;
  @EnumField(PROBLEM_ACTIONS, { optional: true }) action?: ProblemAction;
  @UuidField({ optional: true, nullable: true }) partnerId?: string | null;
  @BoolField({ optional: true, nullable: true }) reachedSupport?: boolean | null;
  @EnumField(OUTCOME_RESULTS, { optional: true, nullable: true }) result?: OutcomeResult | null;
}

export class ProblemDto implements Problem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: CATEGORIES }) category: Category;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ format: 'date' }) uncoveredOn: string;
  @ApiProperty({ enum: PROBLEM_ACTIONS }) action: ProblemAction;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) partnerId: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) reachedSupport: boolean | null;
  @ApiProperty({ enum: OUTCOME_RESULTS, nullable: true }) result: OutcomeResult | null;
  @ApiProperty() version: number;
}

export function toProblemDto(p: ProblemEntity): ProblemDto {
  return {
    id: p.id,
    caseId: p.caseId,
    category: p.category,
    description: p.description,
    uncoveredOn: p.uncoveredOn,
    action: p.action,
    partnerId: p.partnerId,
    reachedSupport: p.reachedSupport,
    result: p.result,
    version: p.version,
  };
}
