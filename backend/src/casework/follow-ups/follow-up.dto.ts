import { ApiProperty } from '@nestjs/swagger';
import { EARLIEST_CASE_DATE, type Recontact, RECONTACTS, type FollowUp } from '@deepvalue/shared';
import { BoolField, DateField, EnumField } from '../../common/fields.js';
import type { FollowUpEntity } from './follow-up.entity.js';

export class CreateFollowUpDto {
  @DateField({ notBefore: EARLIEST_CASE_DATE, notFuture: true }) on: string;
  @EnumField(RECONTACTS, { description: 'Re-contact about the same problem is a bounce-back.' }) recontact: Recontact;
  @BoolField({ optional: true, nullable: true }) outcomeSustained?: boolean | null;
}

export class FollowUpDto implements FollowUp {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty({ enum: RECONTACTS }) recontact: Recontact;
  @ApiProperty({ type: Boolean, nullable: true }) outcomeSustained: boolean | null;
  @ApiProperty() version: number;
}

export function toFollowUpDto(f: FollowUpEntity): FollowUpDto {
  return {
    id: f.id,
    caseId: f.caseId,
    on: f.on,
    recontact: f.recontact,
    outcomeSustained: f.outcomeSustained,
    version: f.version,
  };
}
