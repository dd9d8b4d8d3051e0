import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type RequestUser } from '../access/request-user.js';
import { Roles } from '../access/roles.decorator.js';
import { OutboxPageDto, OutboxQueryDto } from './dto/outbox.dto.js';
import { MailService } from './mail.service.js';

@ApiTags('outbox')
@Roles('admin')
@Controller('outbox')
export class OutboxController {
  constructor(private readonly mail: MailService) {}

  @Get()
  @ApiOperation({ summary: 'The emails sent, waiting or held (no mail server configured), newest first' })
  @ApiOkResponse({ type: OutboxPageDto })
  async list(@CurrentUser() user: RequestUser, @Query() query: OutboxQueryDto): Promise<OutboxPageDto> {
    const page = { limit: query.limit ?? 50, offset: query.offset ?? 0 };
    const result = await this.mail.list(user.organisationId, { status: query.status }, page);
    return { ...result, ...page, smtpConfigured: this.mail.configured };
  }
}
