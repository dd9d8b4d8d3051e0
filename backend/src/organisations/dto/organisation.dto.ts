import type { OrganisationSettings, OrganisationRef, Share as ShareView } from '@deepvalue/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { TextField } from '../../common/fields.js';
import type { EffectiveSettings } from '../organisations.service.js';
import type { Share } from '../shares.service.js';

export class OrganisationSettingsDto implements OrganisationSettings {
  @ApiProperty({ description: 'Counts below this are suppressed in evidence packs' }) suppressionThreshold: number;
  @ApiProperty({ description: 'Clients are anonymised this many years after their last case closed' })
  retentionYears: number;
  @ApiProperty({ description: 'Managers and admins must sign in with two-factor' })
  requireTwoFactorForManagers: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The LAA office account number, for the contract report' })
  legalAidOfficeAccount: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The LAA schedule reference, for the contract report' })
  legalAidScheduleRef: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Legal Help hourly rate for advice time, £' })
  legalAidHourlyRateGbp: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Legal Help hourly rate for travel and waiting time, £' })
  legalAidTravelRateGbp: number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: "VAT applies to the organisation's claims" })
  legalAidVatRegistered: boolean | null;
  @ApiProperty() version: number;
}

const RATE = { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false };

export class UpdateOrganisationSettingsDto {
  @ApiPropertyOptional({ minimum: 5, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(100)
  suppressionThreshold?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  retentionYears?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  requireTwoFactorForManagers?: boolean;

  @TextField({
    optional: true,
    nullable: true,
    max: 6,
    pattern: /^[0-9A-Z]{6}$/,
    patternMessage: 'must be the 6 capital letters or digits of an LAA office account number, e.g. 0U099L',
  })
  legalAidOfficeAccount?: string | null;

  @TextField({
    optional: true,
    nullable: true,
    max: 30,
    pattern: /^[0-9A-Z/]{1,30}$/,
    patternMessage: 'must be an LAA schedule reference of capital letters, digits and slashes, e.g. 0U099L/2024/01',
  })
  legalAidScheduleRef?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'Legal Help hourly rate for advice time (preparation, attendance), £, as the fee regulations in force set it',
  })
  @IsOptional()
  @IsNumber(RATE, { message: 'must be an amount in pounds with at most 2 decimal places' })
  @Min(0.01, { message: 'must be more than £0 (leave it empty when there is no rate)' })
  @Max(999.99)
  legalAidHourlyRateGbp?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Legal Help hourly rate for travel and waiting time, £, as the fee regulations in force set it',
  })
  @IsOptional()
  @IsNumber(RATE, { message: 'must be an amount in pounds with at most 2 decimal places' })
  @Min(0.01, { message: 'must be more than £0 (leave it empty when there is no rate)' })
  @Max(999.99)
  legalAidTravelRateGbp?: number | null;

  @ApiPropertyOptional({ type: Boolean, nullable: true, description: "VAT applies to the organisation's claims" })
  @IsOptional()
  @IsBoolean()
  legalAidVatRegistered?: boolean | null;

  @ApiProperty({ description: 'The version you loaded; a stale one gets 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class OrganisationRefDto implements OrganisationRef {
  @ApiProperty() id: string;
  @ApiProperty() ref: string;
  @ApiProperty() name: string;
}

export class ShareDto implements ShareView {
  @ApiProperty({ type: OrganisationRefDto }) commissioner: OrganisationRefDto;
  @ApiProperty() createdAt: string;
}

export class CreateShareDto {
  @ApiProperty({ description: "The commissioner organisation's reference" })
  @IsString()
  @Length(1, 100)
  commissionerRef: string;
}

export function toSettingsDto(value: { settings: EffectiveSettings; version: number }): OrganisationSettingsDto {
  const { suppressionThreshold, retentionYears, requireTwoFactorForManagers } = value.settings;
  const { legalAidOfficeAccount, legalAidScheduleRef } = value.settings;
  const { legalAidHourlyRateGbp, legalAidTravelRateGbp, legalAidVatRegistered } = value.settings;
  return {
    suppressionThreshold,
    retentionYears,
    requireTwoFactorForManagers,
    legalAidOfficeAccount,
    legalAidScheduleRef,
    legalAidHourlyRateGbp,
    legalAidTravelRateGbp,
    legalAidVatRegistered,
    version: value.version,
  };
}

export function toShareDto(share: Share): ShareDto {
  return { commissioner: share.commissioner, createdAt: share.createdAt.toISOString() };
}
