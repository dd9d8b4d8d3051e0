import { Injectable } from '@nestjs/common';
import type { AppConfig } from './config.js';

/** The validated configuration, injectable. Built once by main.ts / the test harness. */
@Injectable()
export class AppConfigService {
  constructor(private readonly config: AppConfig) {}
  get(): AppConfig {
    return this.config;
  }
}
