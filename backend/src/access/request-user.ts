import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@deepvalue/shared';
import type { Actor } from '../audit/audit.service.js';

/**
 * Who is calling. Every service method that touches tenant data takes this (or its organisationId)
 * as its first argument, so the organisation is part of every lookup.
 */
export interface RequestUser {
  userId: string;
  organisationId: string;
  role: Role;
  sessionId: string;
  /** How the request authenticated: cookie writes need a CSRF token, bearer ones do not. */
  via: 'cookie' | 'bearer';
  csrfToken: string;
}

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): RequestUser => {
  const request = ctx.switchToHttp().getRequest<{ user?: RequestUser }>();
  if (!request.user) throw new Error('CurrentUser used on a public route');
  return request.user;
});

/** Who is acting and from where, for services that write their own audit entries. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<{ user?: RequestUser; ip?: string }>();
  if (!request.user) throw new Error('CurrentActor used on a public route');
  return { userId: request.user.userId, ip: request.ip ?? null };
});
