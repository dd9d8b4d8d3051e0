import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Me } from '@deepvalue/shared';
import type { CookieOptions, Request, Response } from 'express';
import { AppConfigService } from '../config/app-config.service.js';
import { AuthService } from './auth.service.js';
import { SESSION_COOKIE } from './auth.guard.js';
import { SignInDto } from './dto/sign-in.dto.js';
import { Public } from './public.decorator.js';
import { CurrentUser, type RequestUser } from './request-user.js';
import { SessionService } from './session.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly config: AppConfigService,
  ) {}

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  async signIn(
    @Body() body: SignInDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ me: Me; csrfToken: string }> {
    const previous = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (previous) {
      const old = await this.sessions.resolve(previous);
      if (old) await this.sessions.end(old.sessionId); // rotate: never reuse a session id across sign-ins
    }
    const result = await this.auth.signIn(body.email, body.password, {
      ip: req.ip,
      userAgent: req.headers['user-agent'],
    });
    res.cookie(SESSION_COOKIE, result.token, this.cookieOptions());
    return { me: result.me, csrfToken: result.csrfToken };
  }

  @Get('me')
  async me(@CurrentUser() user: RequestUser): Promise<{ me: Me; csrfToken: string }> {
    return { me: await this.auth.me(user.userId), csrfToken: user.csrfToken };
  }

  @Post('sign-out')
  @HttpCode(204)
  async signOut(@CurrentUser() user: RequestUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.sessions.end(user.sessionId);
    res.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  @Post('sign-out-everywhere')
  @HttpCode(204)
  async signOutEverywhere(@CurrentUser() user: RequestUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.sessions.endAllForUser(user.userId);
    res.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'strict', secure: this.config.get().secureCookies, path: '/' };
  }
}
