import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MAIL_STATUSES,
  ROLES,
  type InvitedUser,
  type MailStatus,
  type Role,
  type SetPasswordLink,
  type User,
} from '@deepvalue/shared';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import type { EmailedToken, UserSummary } from '../users.service.js';

export class UserDto implements User {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() active: boolean;
  @ApiProperty() twoFactorEnabled: boolean;
  @ApiProperty({ description: 'Invited but no password set yet' }) invitePending: boolean;
  @ApiProperty({ nullable: true, type: String }) lastSignInAt: string | null;
  @ApiProperty() version: number;
}

export class InviteUserDto {
  @ApiProperty()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role: Role;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ description: 'false deactivates the user and ends their sessions' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class SetPasswordLinkDto implements SetPasswordLink {
  @ApiProperty({ description: 'Give this link to the user; it works once' }) setPasswordUrl: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty({
    enum: MAIL_STATUSES,
    nullable: true,
    description:
      'Where the email carrying the link got to: sent, failed (tried again later), held (no mail server configured); null when the user has no email address',
  })
  emailStatus: MailStatus | null;
}

export class InvitedUserDto extends SetPasswordLinkDto implements InvitedUser {
  @ApiProperty({ type: UserDto }) user: UserDto;
}

export function toUserDto(user: UserSummary): UserDto {
  return { ...user, lastSignInAt: user.lastSignInAt?.toISOString() ?? null };
}

export function toLinkDto(issued: EmailedToken): SetPasswordLinkDto {
  return {
    setPasswordUrl: issued.setPasswordUrl,
    expiresAt: issued.expiresAt.toISOString(),
    emailStatus: issued.emailStatus,
  };
}
