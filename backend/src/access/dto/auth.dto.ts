import type { Session, TwoFactorSetup, TwoFactorState } from '@deepvalue/shared';
import { ROLES, type Me, type Role } from '@deepvalue/shared';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class MeDto implements Me {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationName: string;
}

export class TwoFactorStateDto implements TwoFactorState {
  @ApiProperty() enabled: boolean;
  @ApiProperty({ description: 'The organisation requires two-factor for this role and it is not set up yet' })
  enrolmentRequired: boolean;
}

export class SessionDto implements Session {
  @ApiProperty({ type: MeDto }) me: MeDto;
  @ApiProperty({ description: 'Send back as X-CSRF-Token on every cookie-authenticated write' }) csrfToken: string;
  @ApiProperty({ type: TwoFactorStateDto }) twoFactor: TwoFactorStateDto;
}

export class TwoFactorCodeDto {
  @ApiProperty({ description: 'Six-digit code from the authenticator app' })
  @Matches(/^\d{6}$/, { message: 'must be the 6-digit code from your authenticator app' })
  code: string;
}

export class TwoFactorSetupDto implements TwoFactorSetup {
  @ApiProperty({ description: 'Base32 secret to type into an authenticator app; shown only now' }) secret: string;
  @ApiProperty({ description: 'otpauth:// URL to show as a QR code' }) otpauthUrl: string;
}

export class SetPasswordDto {
  @ApiProperty({ description: 'The token from the set-password link' })
  @IsString()
  @Length(20, 200)
  token: string;

  @ApiProperty({ description: 'At least 12 characters, not a common password' })
  @IsString()
  @Length(1, 1000)
  password: string;
}
