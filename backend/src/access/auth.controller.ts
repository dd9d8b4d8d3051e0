import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ApiError, ERROR_BODY_REF } from '../common/api-document.js';
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
  @ApiOperation({ summary: 'Sign in with email and password' })
  @HttpCode(200)
  @ApiOkResponse({ type: SessionDto })
  @ApiError(401, 'Wrong email, password or code')
  @ApiTooManyRequestsResponse({
    description: 'Too many failed attempts for this account from this address; wait as Retry-After says',
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
    schema: { $ref: ERROR_BODY_REF },
  })
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
  @ApiOperation({ summary: 'Get the signed-in user and session' })
  @ApiOkResponse({ type: SessionDto })
  async me(@CurrentUser() user: RequestUser): Promise<SessionDto> {
    return { ...(await this.auth.me(user.userId)), csrfToken: user.csrfToken };
  }

  @AllowedDuringEnrolment()
  @Post('sign-out')
  @ApiOperation({ summary: 'Sign out of this session' })
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
  @ApiOperation({ summary: 'Sign out of every session' })
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
  @ApiOperation({ summary: 'Set a password from an invite or reset link' })
  @HttpCode(204)
  async setPassword(@Body() body: SetPasswordDto, @Req() req: Request): Promise<void> {
    await this.passwordTokens.redeem(body.token, body.password, req.ip);
  }

  @AllowedDuringEnrolment()
  @Post('2fa/setup')
  @ApiOperation({ summary: 'Start setting up two-factor sign-in' })
  @HttpCode(200)
  @ApiOkResponse({ type: TwoFactorSetupDto })
  async setUpTwoFactor(@CurrentUser() user: RequestUser): Promise<TwoFactorSetupDto> {
    return this.twoFactor.setup(user.organisationId, user.userId);
  }

  @AllowedDuringEnrolment()
  @Post('2fa/enable')
  @ApiOperation({ summary: 'Turn on two-factor sign-in' })
  @HttpCode(204)
  async enableTwoFactor(
    @CurrentUser() user: RequestUser,
    @Body() body: TwoFactorCodeDto,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.twoFactor.enable(user.organisationId, user.userId, body.code, actor);
  }

  @Post('2fa/disable')
  @ApiOperation({ summary: 'Turn off two-factor sign-in' })
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
