import { ApiProperty } from '@nestjs/swagger';
import { ERASURE_FATES, type ErasureFate, type PrivacySummary } from '@deepvalue/shared';
import type { ErasedClient } from '../erasure.service.js';

export class ErasedClientDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'The random pseudonym that replaced the reference' }) ref: string;
  @ApiProperty() erasedAt: string;
}

export function toErasedClientDto(erased: ErasedClient): ErasedClientDto {
  return { id: erased.id, ref: erased.ref, erasedAt: erased.erasedAt.toISOString() };
}

type PrivacyClient = PrivacySummary['client'];

class PrivacyClientDto implements PrivacyClient {
  @ApiProperty() id: string;
  @ApiProperty() ref: string;
  @ApiProperty({ nullable: true, type: String }) firstName: string | null;
  @ApiProperty({ nullable: true, type: String }) lastName: string | null;
  @ApiProperty({ nullable: true, type: String }) dateOfBirth: string | null;
  @ApiProperty({ nullable: true, type: String }) postcodeDistrict: string | null;
  @ApiProperty({ nullable: true, type: String }) erasedAt: string | null;
}

class PrivacyCaseDto {
  @ApiProperty() id: string;
  @ApiProperty() ref: string;
  @ApiProperty() openedOn: string;
  @ApiProperty({ nullable: true, type: String }) closedOn: string | null;
}

class PrivacyRecordsDto {
  @ApiProperty({ description: 'The key the records appear under in the subject access export' }) key: string;
  @ApiProperty() count: number;
  @ApiProperty({ enum: ERASURE_FATES }) onErasure: ErasureFate;
}

export class PrivacySummaryDto implements PrivacySummary {
  @ApiProperty({ type: PrivacyClientDto }) client: PrivacyClientDto;
  @ApiProperty({ type: [PrivacyCaseDto] }) cases: PrivacyCaseDto[];
  @ApiProperty({ type: [PrivacyRecordsDto] }) records: PrivacyRecordsDto[];
}
