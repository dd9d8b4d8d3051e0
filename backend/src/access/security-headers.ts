/**
 * HTTP security headers (helmet) with a strict Content-Security-Policy: the web app loads only its
 * own scripts, styles and images. The Swagger UI at /api/docs needs inline styles, so that path
 * alone gets a relaxed style-src.
 */
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config/config.js';

const STRICT = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

export function securityHeaders(config: Pick<AppConfig, 'secureCookies'>) {
  const build = (directives: Record<string, string[]>) =>
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: config.secureCookies ? { ...directives, 'upgrade-insecure-requests': [] } : directives,
      },
      // HSTS only where the app is served over HTTPS; on plain http it would only confuse.
      strictTransportSecurity: config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'no-referrer' },
      xFrameOptions: { action: 'deny' },
    });
  const strict = build(STRICT);
  const docs = build({ ...STRICT, 'style-src': ["'self'", "'unsafe-inline'"] });
  return (req: Request, res: Response, next: NextFunction) => {
    const isDocs = req.path === '/api/docs' || req.path.startsWith('/api/docs/');
    // API answers may hold client data: never keep them in a browser or proxy cache.
    if (req.path.startsWith('/api/') && !isDocs) res.setHeader('Cache-Control', 'no-store');
    (isDocs ? docs : strict)(req, res, next);
  };
}

export function applySecurityHeaders(app: INestApplication, config: Pick<AppConfig, 'secureCookies'>): void {
  app.use(securityHeaders(config));
}
