/**
 * The one place where a request is tied to a user and an organisation. Global: every route needs a
 * live session unless marked @Public(); @Roles() narrows by role; cookie-authenticated writes must
 * carry the session's CSRF token in `X-CSRF-Token`; a user who must set up two-factor reaches only
 * the routes marked @AllowedDuringEnrolment().
 */
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@deepvalue/shared';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { DomainError } from '../common/domain-error.js';
import { ALLOWED_DURING_ENROLMENT, IS_PUBLIC } from './public.decorator.js';
import type { RequestUser } from './request-user.js';
import { ROLES_KEY } from './roles.decorator.js';
import { SessionService } from './session.service.js';

export const SESSION_COOKIE = 'dv_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: RequestUser }>();

    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const cookie = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const token = bearer ?? cookie;
    if (!token) throw new DomainError('unauthenticated', 'Sign in to continue');
    const session = await this.sessions.resolve(token);
    if (!session || session.secondFactorPending)
      throw new DomainError('unauthenticated', 'Your session has ended; sign in again');

    const via = bearer ? 'bearer' : 'cookie';
    if (via === 'cookie' && !SAFE_METHODS.has(request.method)) {
      const sent = String(request.headers['x-csrf-token'] ?? '');
      const ok =
        sent.length === session.csrfToken.length && timingSafeEqual(Buffer.from(sent), Buffer.from(session.csrfToken));
      if (!ok) throw new DomainError('forbidden', 'Missing or wrong CSRF token; reload the page and try again');
    }

    request.user = {
      userId: session.userId,
      organisationId: session.organisationId,
      role: session.role,
      sessionId: session.sessionId,
      via,
      csrfToken: session.csrfToken,
    };
    if (
      session.twoFactorEnrolmentRequired &&
      !this.reflector.getAllAndOverride<boolean>(ALLOWED_DURING_ENROLMENT, targets)
    ) {
      throw new DomainError(
        'forbidden',
        'Your organisation requires two-factor sign-in: set it up before you continue',
        undefined,
        { twoFactor: 'enrolment_required' },
      );
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(session.role)) throw new DomainError('forbidden', 'Your role cannot do this');
    return true;
  }
}
