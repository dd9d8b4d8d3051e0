/**
 * `npm run deepvalue -- <command>`: the scripting entry point. Output meant for scripts goes to
 * stdout; logs and progress go to stderr. On the embedded database, the CLI joins a running
 * `npm start` instead of starting a second server on the same data directory.
 */
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { AppModule } from '../app.module.js';
import { loadConfigOrExit } from '../config/config.js';
import { openDatabase } from '../database/open-database.js';
import { UsageError, type CliContext } from './command.js';
import { COMMANDS } from './commands.js';

function help(): string {
  const lines = ['Usage: npm run deepvalue -- <command> [options]', '', 'Commands:'];
  for (const command of COMMANDS) lines.push(`  ${command.usage}`, `      ${command.summary}`);
  lines.push('', 'Run a command with --help for its usage alone.');
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const command = [...COMMANDS]
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((c) => c.name.split(' ').every((word, i) => argv[i] === word));
  if (!command) {
    process.stderr.write(
      `${argv.length && argv[0] !== '--help' ? `Unknown command: ${argv.join(' ')}\n\n` : ''}${help()}\n`,
    );
    return argv.length && argv[0] !== '--help' ? 2 : 0;
  }
  const rest = argv.slice(command.name.split(' ').length);
  let args;
  try {
    args = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nUsage: npm run deepvalue -- ${command.usage}\n`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(`Usage: npm run deepvalue -- ${command.usage}\n${command.summary}\n`);
    return 0;
  }

  const config = { ...loadConfigOrExit({ logLevel: 'warn' }), logPretty: false };
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const db =
    command.database === false
      ? { url: '', stop: async () => {} }
      : await openDatabase(config, { log, exclusive: false });
  let context: INestApplicationContext | undefined;
  const ctx: CliContext = {
    config,
    databaseUrl: db.url,
    log,
    stdout: process.stdout,
    app: async () => {
      context ??= await NestFactory.createApplicationContext(AppModule.forRoot(config, db.url, { cli: true }), {
        logger: ['error', 'warn'],
      });
      return context;
    },
  };
  try {
    return await command.run(args as Parameters<typeof command.run>[0], ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      log(`${error.message}\nUsage: npm run deepvalue -- ${command.usage}`);
      return 2;
    }
    log(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await context?.close();
    await db.stop();
  }
}

main(process.argv.slice(2)).then(
  // Let stdout drain (it may be a pipe carrying a command's output) before exiting.
  (code) => process.stdout.write('', () => process.exit(code)),
  (error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
