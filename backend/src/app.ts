/** Builds the Nest application (used by main.ts and by the tests, so both run the same app). */
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { applySecurityHeaders } from './access/security-headers.js';
import { AppModule } from './app.module.js';
import { deferDocumentBody } from './casework/documents/document-upload.js';
import { deferImportBody, isDeferred } from './interchange/import-upload.middleware.js';
import { refuseNulInUrl, verifyJsonBody } from './common/hostile-input.js';
import { buildApiDocument } from './common/api-document.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/config.js';
import { createLogger, PinoNestLogger, requestLogging } from './logging.js';
import { webAppCompression } from './web-app.js';

export const BODY_LIMIT = '2mb';

/** application/json or application/*+json, as body-parser's default type would match. */
function isJson(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
}

export async function createApp(config: AppConfig, databaseUrl: string): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bufferLogs: true,
    bodyParser: false,
  });
  const logger = createLogger(config, 'stdout');
  app.useLogger(new PinoNestLogger(logger));
  app.use(requestLogging(logger, { terse: config.logPretty }));
  if (config.trustProxy) app.set('trust proxy', 1);
  app.disable('x-powered-by');
  applySecurityHeaders(app, config);
  app.use(refuseNulInUrl);
  app.use(webAppCompression);
  app.use('/api/imports', deferImportBody);
  app.use(deferDocumentBody);
  // `verify` is not in Nest's option type (it is reserved for rawBody, which this app does not use).
  const json = {
    limit: BODY_LIMIT,
    type: (req: IncomingMessage) => !isDeferred(req) && isJson(req),
    verify: verifyJsonBody,
  };
  app.useBodyParser('json', json);
  app.use(cookieParser());
  app.setGlobalPrefix('api', { exclude: [] });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = buildApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json', useGlobalPrefix: false });
  return app;
}
