import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import fs from 'node:fs';
import path from 'node:path';
import { AccessModule } from './access/access.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { CaseworkModule } from './casework/casework.module.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { AppConfigService } from './config/app-config.service.js';
import type { AppConfig } from './config/config.js';
import { dataSourceOptions } from './database/data-source.js';
import { EvidenceModule } from './evidence/evidence.module.js';
import { HealthModule } from './health/health.module.js';
import { IdempotencyModule } from './idempotency/idempotency.module.js';
import { InterchangeModule } from './interchange/interchange.module.js';
import { LegalAidModule } from './legal-aid/legal-aid.module.js';
import { MailModule } from './mail/mail.module.js';
import { MailScheduleModule } from './mail/mail-schedule.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { PricingModule } from './pricing/pricing.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { FRONTEND_DIST, webAppStaticOptions } from './web-app.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, options: { cli?: boolean } = {}): DynamicModule {
    const serveFrontend =
      !options.cli && fs.existsSync(path.join(FRONTEND_DIST, 'index.html'))
        ? [
            ServeStaticModule.forRoot({
              rootPath: FRONTEND_DIST,
              exclude: ['/api/{*path}'],
              serveStaticOptions: webAppStaticOptions,
            }),
          ]
        : [];
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl, config.dbPoolSize)),
        ...serveFrontend,
        AccessModule,
        // Before AuditModule: global interceptors wrap in this order, so an idempotent write's audit
        // row is written inside the request's transaction and commits (or not) with the write.
        IdempotencyModule,
        AuditModule,
        OrganisationsModule,
        PrivacyModule,
        HealthModule,
        AnalyticsModule,
        PricingModule,
        EvidenceModule,
        CaseworkModule,
        InterchangeModule,
        LegalAidModule,
        MailModule,
        ...(options.cli ? [] : [MailScheduleModule]),
      ],
      providers: [
        { provide: AppConfigService, useValue: new AppConfigService(config) },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
      exports: [AppConfigService],
    };
  }
}
