/** Every CLI command. A new command is one file in cli/ and one line here. */
import type { CliCommand } from './command.js';
import { migrateCommand } from './migrate.command.js';

export const COMMANDS: CliCommand[] = [migrateCommand];
