import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';
import { UnitOfWork } from '../database/unit-of-work.js';

/** Applies the Idempotency-Key interceptor to every POST and shares the request's unit of work. */
@Global()
@Module({
  providers: [UnitOfWork, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
  exports: [UnitOfWork],
})
export class IdempotencyModule {}
