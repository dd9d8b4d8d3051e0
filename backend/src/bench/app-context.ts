/** The app's services on the benchmark database, without an HTTP listener (nothing logged). */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '../app.js';
import { loadConfig } from '../config/config.js';

export async function startServices(url: string): Promise<INestApplication> {
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', DB_POOL_SIZE: '10' } as NodeJS.ProcessEnv);
  const app = await createApp(config, url);
  await app.init();
  return app;
}
