/** Every CLI command. A new command is one file in cli/ and one line here. */
import { auditVerify } from './audit.command.js';
import type { CliCommand } from './command.js';
import { contractReport } from './contract-report.command.js';
import { evidencePack } from './evidence-pack.command.js';
import { exportCommand } from './export.command.js';
import { importCommand } from './import.command.js';
import { migrateCommand } from './migrate.command.js';
import { reportCommands } from './report.command.js';
import { seedCommand } from './seed.command.js';
import { retentionApply } from './retention.command.js';
import { sendReminders } from './send-reminders.command.js';
import { userCreate } from './user.command.js';

export const COMMANDS: CliCommand[] = [
  migrateCommand,
  importCommand,
  exportCommand,
  seedCommand,
  userCreate,
  retentionApply,
  sendReminders,
  ...reportCommands,
  evidencePack,
  contractReport,
  auditVerify,
];
