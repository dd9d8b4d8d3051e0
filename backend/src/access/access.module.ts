import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { SecretBox, secretsKeyFor } from './secret-box.js';
import { AppConfigService } from '../config/app-config.service.js';
import { MailModule } from '../mail/mail.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { PasswordTokensService } from './password-tokens.service.js';
import { SessionService } from './session.service.js';
import { SignInThrottleService } from './sign-in-throttle.service.js';
import { TwoFactorService } from './two-factor.service.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Global()
@Module({
  imports: [MailModule],
  controllers: [AuthController, UsersController],
  providers: [
    AuthService,
    SessionService,
    SignInThrottleService,
    TwoFactorService,
    PasswordTokensService,
    UsersService,
    {
      provide: SecretBox,
      useFactory: (config: AppConfigService) => new SecretBox(secretsKeyFor(config.get())),
      inject: [AppConfigService],
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionService, AuthService, UsersService],
})
export class AccessModule {}
