import type { OrganisationSettings, OrganisationRef, Share as ShareView } from '@deepvalue/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { EffectiveSettings } from '../organisations.service.js';
import type { Share } from '../shares.service.js';

export class OrganisationSettingsDto implements OrganisationSettings {
  @ApiProperty({ description: 'Counts below this are suppressed in evidence packs' }) suppressionThreshold: number;
  @ApiProperty({ description: 'Clients are anonymised this many years after their last case closed' })
  retentionYears: number;
  @ApiProperty({ description: 'Managers and admins must sign in with two-factor' })
  requireTwoFactorForManagers: boolean;
  @ApiProperty() version: number;
}

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
  return { suppressionThreshold, retentionYears, requireTwoFactorForManagers, version: value.version };
}

export function toShareDto(share: Share): ShareDto {
  return { commissioner: share.commissioner, createdAt: share.createdAt.toISOString() };
}
