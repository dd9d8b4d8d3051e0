import type { CliCommand } from './command.js';

/** Migrations run when the database is opened; this command exists to run them and exit. */
export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'Apply pending database migrations',
  usage: 'migrate',
  options: {},
  async run(_args, ctx) {
    ctx.log('The database schema is up to date.');
    return 0;
  },
};
