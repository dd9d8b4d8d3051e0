/**
 * The server's own timer for email: every 15 minutes it tries again what failed or was left
 * unsent, and from 07:00 London time it sends the day's key-date reminders (each adviser's at most
 * once a day). Not started by the CLI; `npm run deepvalue -- send-reminders` runs the same from cron.
 */
import { Injectable, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { KeyDateRemindersService } from './key-date-reminders.service.js';
import { MailModule } from './mail.module.js';
import { MailService } from './mail.service.js';

const EVERY_MS = 15 * 60 * 1000;
const FIRST_HOUR = 7;

const londonHour = (now: Date) =>
  Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', hourCycle: 'h23' }).format(now),
  );

@Injectable()
class MailSchedule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('MailSchedule');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly mail: MailService,
    private readonly reminders: KeyDateRemindersService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    try {
      await this.mail.send();
      if (londonHour(new Date()) >= FIRST_HOUR) await this.reminders.run();
    } catch (error) {
      this.logger.warn(`Email round failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

@Module({ imports: [MailModule], providers: [MailSchedule] })
export class MailScheduleModule {}
