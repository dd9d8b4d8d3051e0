/**
 * `npm start`: validate configuration, start the embedded PostgreSQL when no DATABASE_URL is set,
 * run migrations, load demo data on first start, serve the API and the web app.
 */
import 'reflect-metadata';
import { createApp } from './app.js';
import { loadConfigOrExit } from './config/config.js';
import { openDatabase } from './database/open-database.js';
import { ensureDemoData } from './demo/demo-data.js';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfigOrExit();
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const db = await openDatabase(config, { log, exclusive: true });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`Received ${signal}; shutting down`);
    try {
      await app?.close();
    } finally {
      await db.stop();
      process.exit(0);
    }
  };
  // An error no request handler caught is logged and the service keeps serving every organisation.
  process.on('unhandledRejection', (reason) => log(`Unhandled rejection: ${describe(reason)}`));
  process.on('uncaughtException', (error) => log(`Uncaught exception: ${describe(error)}`));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    const demo = config.demoData ? await ensureDemoData(db.url, log, config.demoCases) : undefined;
    app = await createApp(config, db.url);
    await (config.host ? app.listen(config.port, config.host) : app.listen(config.port));
    const url = `http://localhost:${config.port}`;
    log('');
    log(`Deep Value is running at ${url}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    log(`  API documentation: ${url}/api/docs`);
    if (demo) {
      log(`  Demo sign-in (password for every demo user: ${demo.password}):`);
      for (const user of demo.users) log(`    ${user.role.padEnd(12)} ${user.email.padEnd(48)} ${user.organisation}`);
    }
    log('  Stop with Ctrl-C.');
  } catch (error) {
    log(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
    await app?.close().catch(() => {});
    await db.stop();
    process.exit(1);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

void main();
