import { KeyDateRemindersService } from '../mail/key-date-reminders.service.js';
import { MailService } from '../mail/mail.service.js';
import type { CliCommand } from './command.js';

/** `send-reminders`: the server's email round, for a deployment that runs it from cron instead. */
export const sendReminders: CliCommand = {
  name: 'send-reminders',
  summary: "Send today's key-date reminders (each adviser's at most once a day) and retry unsent email",
  usage: 'send-reminders',
  options: {},
  async run(_args, ctx) {
    const app = await ctx.app();
    const retried = await app.get(MailService).send();
    const reminded = await app.get(KeyDateRemindersService).run();
    ctx.stdout.write(`Key-date reminders: ${reminded} adviser(s). Unsent email tried again: ${retried.size}.\n`);
    return 0;
  },
};
