import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type RequestUser } from '../../access/request-user.js';
import { CASEWORK_ROLES, Roles } from '../../access/roles.decorator.js';
import { AuditedByService } from '../../audit/audited.decorator.js';
import { AcceptsIdempotencyKey } from '../../idempotency/accepts-idempotency-key.js';
import { UuidParam } from '../uuid-param.js';
import {
  ConflictCheckDto,
  ConflictSearchDto,
  ConflictSearchQuery,
  RecordConflictCheckDto,
} from './conflict-check.dto.js';
import { ConflictChecksService } from './conflict-checks.service.js';

@ApiTags('conflict checks')
@Roles(...CASEWORK_ROLES)
@Controller()
export class ConflictChecksController {
  constructor(private readonly checks: ConflictChecksService) {}

  @Get('conflict-checks/search')
  @ApiOperation({ summary: "Search the organisation's clients and parties by name, date of birth and postcode" })
  @ApiOkResponse({ type: ConflictSearchDto })
  search(@CurrentUser() user: RequestUser, @Query() query: ConflictSearchQuery): Promise<ConflictSearchDto> {
    return this.checks.search(user.organisationId, query);
  }

  @Get('cases/:id/conflict-checks')
  @ApiOperation({ summary: "List a case's conflict checks" })
  @ApiOkResponse({ type: [ConflictCheckDto] })
  list(@CurrentUser() user: RequestUser, @UuidParam() caseId: string): Promise<ConflictCheckDto[]> {
    return this.checks.list(user.organisationId, caseId);
  }

  @Post('cases/:id/conflict-checks')
  @ApiOperation({ summary: "Check the case's client or a party for conflicts and record the decision" })
  @AcceptsIdempotencyKey()
  @AuditedByService()
  @ApiCreatedResponse({ type: ConflictCheckDto })
  record(
    @CurrentUser() user: RequestUser,
    @UuidParam() caseId: string,
    @Body() body: RecordConflictCheckDto,
  ): Promise<ConflictCheckDto> {
    return this.checks.recordFor(user.organisationId, user.userId, caseId, body);
  }
}
