import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  MAIL_KINDS,
  MAIL_STATUSES,
  type MailKind,
  type MailStatus,
  type OutboxMessage,
  type OutboxPage,
} from '@deepvalue/shared';

export class OutboxQueryDto {
  @ApiPropertyOptional({ enum: MAIL_STATUSES })
  @IsOptional()
  @IsIn(MAIL_STATUSES, { message: `must be one of ${MAIL_STATUSES.join(', ')}` })
  status?: MailStatus;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

class OutboxMessageDto implements OutboxMessage {
  @ApiProperty() id: string;
  @ApiProperty({ enum: MAIL_KINDS }) kind: MailKind;
  @ApiProperty() to: string;
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'Plain text; a set-password link is hidden once the mail server has it' }) body: string;
  @ApiProperty({ enum: MAIL_STATUSES }) status: MailStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) sentAt: string | null;
}

export class OutboxPageDto implements OutboxPage {
  @ApiProperty({ type: [OutboxMessageDto] }) items: OutboxMessageDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
  @ApiProperty({ description: 'False when no SMTP server is configured: messages are held in the outbox' })
  smtpConfigured: boolean;
}
