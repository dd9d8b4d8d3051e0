import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DateField } from '../../common/fields.js';
import { AUDIT_ACTIONS, type AuditAction, type AuditLogEntry, type AuditLogPage } from '@deepvalue/shared';
import type { AuditRow } from '../audit-row.js';

export class AuditFilterDto {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: `must be one of ${AUDIT_ACTIONS.join(', ')}` })
  action?: AuditAction;

  @ApiPropertyOptional({ description: 'e.g. client, case, time_entry, user' })
  @IsOptional()
  @MaxLength(50)
  entity?: string;

  @ApiPropertyOptional({ description: 'The user who acted (id)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a user id' })
  user?: string;

  @ApiPropertyOptional({ description: 'Entries about this record (id)' })
  @IsOptional()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({ description: 'Entries about this client or any of their cases (client id)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a client id' })
  client?: string;

  @DateField({ optional: true, description: 'On or after this day (YYYY-MM-DD)' })
  from?: string;

  @DateField({ optional: true, description: 'On or before this day (YYYY-MM-DD)' })
  to?: string;
}

export class AuditQueryDto extends AuditFilterDto {
  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class AuditEntryDto implements AuditLogEntry {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'ISO timestamp' }) at: string;
  @ApiProperty({ nullable: true, type: String }) userId: string | null;
  @ApiProperty({ nullable: true, type: String }) userName: string | null;
  @ApiProperty({ nullable: true, type: String }) userEmail: string | null;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action: AuditAction;
  @ApiProperty({ nullable: true, type: String }) entity: string | null;
  @ApiProperty({ type: [String] }) entityIds: string[];
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
  @ApiProperty({ nullable: true, type: Object }) details: Record<string, unknown> | null;
}

export class AuditPageDto implements AuditLogPage {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'The name of each client and case the entries name, by id',
  })
  names: Record<string, string>;
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export function toAuditEntryDto(row: AuditRow): AuditEntryDto {
  return { ...row, at: row.at.toISOString() };
}
