import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export class SignInDto {
  @ApiProperty({ example: 'manager@riverside.example' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email: string;

  @ApiProperty()
  @IsString()
  @Length(1, 256)
  password: string;

  @ApiProperty({ required: false, description: 'Six-digit code from the authenticator app, when two-factor is on' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'must be the 6-digit code from your authenticator app' })
  code?: string;
}
