import { Module } from '@nestjs/common';
import { KeyDateRemindersService } from './key-date-reminders.service.js';
import { MailService } from './mail.service.js';
import { OutboxController } from './outbox.controller.js';

@Module({
  controllers: [OutboxController],
  providers: [MailService, KeyDateRemindersService],
  exports: [MailService, KeyDateRemindersService],
})
export class MailModule {}
