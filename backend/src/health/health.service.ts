import { Injectable } from '@nestjs/common';
import type { HealthResponse } from '@deepvalue/shared';
import { DataSource } from 'typeorm';
import { VERSION } from '../version.js';

const TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<HealthResponse> {
    const up = await Promise.race([
      this.dataSource.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), TIMEOUT_MS).unref()),
    ]);
    return { status: up ? 'ok' : 'degraded', db: up ? 'ok' : 'down', version: VERSION };
  }
}
