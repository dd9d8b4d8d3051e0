import { ApiProperty } from '@nestjs/swagger';
import {
  EARLIEST_CASE_DATE,
  MAX_SHORT_TEXT_LENGTH,
  REFERRAL_DIRECTIONS,
  REFERRAL_KINDS,
  type ReferralDirection,
  type ReferralKind,
  type Referral,
} from '@deepvalue/shared';
import { BoolField, DateField, EnumField, TextField, UuidField, VersionField } from '../../common/fields.js';
import type { ReferralEntity } from './referral.entity.js';

const on = (optional = false) => DateField({ optional, notBefore: EARLIEST_CASE_DATE, notFuture: true });

export class CreateReferralDto {
  @EnumField(REFERRAL_DIRECTIONS, { description: 'in: referred to you; out: you referred the client on.' })
  direction: ReferralDirection;
  @UuidField() partnerId: string;
  @on() on: string;
  @EnumField(REFERRAL_KINDS) kind: ReferralKind;
  @BoolField({ optional: true, nullable: true, description: 'For referrals out: did the client reach the support?' })
  reachedSupport?: boolean | null;
  @TextField({ optional: true, nullable: true, max: MAX_SHORT_TEXT_LENGTH }) note?: string | null;
}

export class UpdateReferralDto {
  @VersionField() version: number;
  @EnumField(REFERRAL_DIRECTIONS, { optional: true }) direction?: ReferralDirection;
  @UuidField({ optional: true }) partnerId?: string;
  @on(true) on?: string;
  @EnumField(REFERRAL_KINDS, { optional: true }) kind?: ReferralKind;
  @BoolField({ optional: true, nullable: true }) reachedSupport?: boolean | null;
  @TextField({ optional: true, nullable: true, max: MAX_SHORT_TEXT_LENGTH }) note?: string | null;
}

export class ReferralDto implements Referral {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: REFERRAL_DIRECTIONS }) direction: ReferralDirection;
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty({ type: String, nullable: true }) partnerName: string | null;
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty({ enum: REFERRAL_KINDS }) kind: ReferralKind;
  @ApiProperty({ type: Boolean, nullable: true }) reachedSupport: boolean | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty() version: number;
}

export function toReferralDto(r: ReferralEntity, partnerName: string | null): ReferralDto {
  return {
    id: r.id,
    caseId: r.caseId,
    direction: r.direction,
    partnerId: r.partnerId,
    partnerName,
    on: r.on,
    kind: r.kind,
    reachedSupport: r.reachedSupport,
    note: r.note,
    version: r.version,
  };
}
