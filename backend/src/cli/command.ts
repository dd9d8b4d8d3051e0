import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';

export interface CliContext {
  config: AppConfig;
  databaseUrl: string;
  /** Starts the Nest application context (services) on first use. */
  app(): Promise<INestApplicationContext>;
  /** Progress and messages: stderr, so stdout carries only a command's output (e.g. --json). */
  log(message: string): void;
  stdout: NodeJS.WritableStream;
}

export interface CliCommand {
  /** e.g. "import" or "user create". */
  name: string;
  summary: string;
  usage: string;
  /** False for commands that never touch the database (e.g. seed). */
  database?: boolean;
  /** Options for node:util parseArgs. */
  options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;
  /** Returns the process exit code. */
  run(
    args: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] },
    ctx: CliContext,
  ): Promise<number>;
}

/** A usage error: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
