import { ApiProperty } from '@nestjs/swagger';
import { DISCLOSURES, type Disclosure, type Assessment } from '@deepvalue/shared';
import { EnumField, IntField, ScoreField } from '../../common/fields.js';
import type { AssessmentEntity } from './assessment.entity.js';

export class PutAssessmentDto {
  @IntField({
    optional: true,
    min: 1,
    max: 2_147_483_647,
    description: 'Required to change an existing assessment (the version you read); leave out to record the first.',
  })
  version?: number;
  @ScoreField({ optional: true, nullable: true, description: 'Trust established, 1–5.' }) trust?: number | null;
  @EnumField(DISCLOSURES, { optional: true, nullable: true, description: 'Did the client disclose the full picture?' })
  disclosure?: Disclosure | null;
}

export class AssessmentDto implements Assessment {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ type: Number, nullable: true }) trust: number | null;
  @ApiProperty({ enum: DISCLOSURES, nullable: true }) disclosure: Disclosure | null;
  @ApiProperty() version: number;
}

export function toAssessmentDto(a: AssessmentEntity): AssessmentDto {
  return { id: a.id, caseId: a.caseId, trust: a.trust, disclosure: a.disclosure, version: a.version };
}
