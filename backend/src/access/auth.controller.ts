import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import type { Actor } from '../audit/audit.service.js';
import { DomainError } from '../common/domain-error.js';
import { AppConfigService } from '../config/app-config.service.js';
import { AuthService } from './auth.service.js';
import { SESSION_COOKIE } from './auth.guard.js';
import { SessionDto, SetPasswordDto, TwoFactorCodeDto, TwoFactorSetupDto } from './dto/auth.dto.js';
import { SignInDto } from './dto/sign-in.dto.js';
import { PasswordTokensService } from './password-tokens.service.js';
import { AllowedDuringEnrolment, Public } from './public.decorator.js';
import { CurrentActor, CurrentUser, type RequestUser } from './request-user.js';
import { SessionService } from './session.service.js';
import { TwoFactorService } from './two-factor.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly twoFactor: TwoFactorService,
    private readonly passwordTokens: PasswordTokensService,
    private readonly config: AppConfigService,
  ) {}

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionDto })
  async signIn(
    @Body() body: SignInDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionDto> {
    const previous = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (previous) await this.sessions.endByToken(previous); // rotate: never reuse a session across sign-ins
    try {
      const result = await this.auth.signIn(body.email, body.password, body.code, {
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      res.cookie(SESSION_COOKIE, result.token, this.cookieOptions());
      return { me: result.me, csrfToken: result.csrfToken, twoFactor: result.twoFactor };
    } catch (error) {
      if (error instanceof DomainError && typeof error.extra.retryAfterSeconds === 'number')
        res.setHeader('Retry-After', String(error.extra.retryAfterSeconds));
      throw error;
    }
  }

  @AllowedDuringEnrolment()
  @Get('me')
  @ApiOkResponse({ type: SessionDto })
  async me(@CurrentUser() user: RequestUser): Promise<SessionDto> {
    return { ...(await this.auth.me(user.userId)), csrfToken: user.csrfToken };
  }

  @AllowedDuringEnrolment()
  @Post('sign-out')
  @HttpCode(204)
  async signOut(
    @CurrentUser() user: RequestUser,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.signOut(user, req.ip, false);
    res.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  @AllowedDuringEnrolment()
  @Post('sign-out-everywhere')
  @HttpCode(204)
  async signOutEverywhere(
    @CurrentUser() user: RequestUser,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.signOut(user, req.ip, true);
    res.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  @Public()
  @Post('set-password')
  @HttpCode(204)
  async setPassword(@Body() body: SetPasswordDto, @Req() req: Request): Promise<void> {
    await this.passwordTokens.redeem(body.token, body.password, req.ip);
  }

  @AllowedDuringEnrolment()
  @Post('2fa/setup')
  @HttpCode(200)
  @ApiOkResponse({ type: TwoFactorSetupDto })
  async setUpTwoFactor(@CurrentUser() user: RequestUser): Promise<TwoFactorSetupDto> {
    return this.twoFactor.setup(user.organisationId, user.userId);
  }

  @AllowedDuringEnrolment()
  @Post('2fa/enable')
  @HttpCode(204)
  async enableTwoFactor(
    @CurrentUser() user: RequestUser,
    @Body() body: TwoFactorCodeDto,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.twoFactor.enable(user.organisationId, user.userId, body.code, actor);
  }

  @Post('2fa/disable')
  @HttpCode(204)
  async disableTwoFactor(
    @CurrentUser() user: RequestUser,
    @Body() body: TwoFactorCodeDto,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.twoFactor.disable(user.organisationId, user.userId, body.code, actor);
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'strict', secure: this.config.get().secureCookies, path: '/' };
  }
}
