import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type RequestUser } from '../../access/request-user.js';
import { CASEWORK_ROLES, Roles } from '../../access/roles.decorator.js';
import { AcceptsIdempotencyKey } from '../../idempotency/accepts-idempotency-key.js';
import { DeleteQuery } from '../delete-query.js';
import { UuidParam } from '../uuid-param.js';
import {
  CaseKeyDatesDto,
  CreateKeyDateDto,
  KeyDateDto,
  KeyDatePageDto,
  ListKeyDatesQuery,
  UpdateKeyDateDto,
} from './key-date.dto.js';
import { KeyDatesService } from './key-dates.service.js';

@ApiTags('key dates')
@Roles(...CASEWORK_ROLES)
@Controller()
export class KeyDatesController {
  constructor(private readonly keyDates: KeyDatesService) {}

  @Get('cases/:id/key-dates')
  @ApiOperation({ summary: "A case's key dates and tasks, with every change to them" })
  @ApiOkResponse({ type: CaseKeyDatesDto })
  forCase(@CurrentUser() user: RequestUser, @UuidParam() caseId: string): Promise<CaseKeyDatesDto> {
    return this.keyDates.forCase(user.organisationId, caseId);
  }

  @Post('cases/:id/key-dates')
  @ApiOperation({ summary: 'Add a key date or task to a case' })
  @AcceptsIdempotencyKey()
  @ApiCreatedResponse({ type: KeyDateDto })
  create(
    @CurrentUser() user: RequestUser,
    @UuidParam() caseId: string,
    @Body() body: CreateKeyDateDto,
  ): Promise<KeyDateDto> {
    return this.keyDates.create(user.organisationId, user.userId, caseId, body);
  }

  @Get('key-dates')
  @ApiOperation({ summary: "Open key dates across the organisation's cases (overdue, due this week)" })
  @ApiOkResponse({ type: KeyDatePageDto })
  list(@CurrentUser() user: RequestUser, @Query() query: ListKeyDatesQuery): Promise<KeyDatePageDto> {
    return this.keyDates.list(user.organisationId, user.userId, query);
  }

  @Patch('key-dates/:id')
  @ApiOperation({ summary: 'Change a key date, or mark it done or not done' })
  @ApiOkResponse({ type: KeyDateDto })
  update(
    @CurrentUser() user: RequestUser,
    @UuidParam() id: string,
    @Body() body: UpdateKeyDateDto,
  ): Promise<KeyDateDto> {
    return this.keyDates.update(user.organisationId, user.userId, id, body);
  }

  @Delete('key-dates/:id')
  @ApiOperation({ summary: 'Remove a key date (the removal stays on the case)' })
  @HttpCode(204)
  remove(@CurrentUser() user: RequestUser, @UuidParam() id: string, @Query() query: DeleteQuery): Promise<void> {
    return this.keyDates.remove(user.organisationId, user.userId, id, query.version);
  }
}
