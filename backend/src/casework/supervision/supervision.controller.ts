import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, CurrentUser, type RequestUser } from '../../access/request-user.js';
import { CASEWORK_ROLES, Roles } from '../../access/roles.decorator.js';
import { Audited, AuditedByService } from '../../audit/audited.decorator.js';
import type { Actor } from '../../audit/audit.service.js';
import { AcceptsIdempotencyKey } from '../../idempotency/accepts-idempotency-key.js';
import { UuidParam } from '../uuid-param.js';
import {
  AdviserDto,
  CreateFileReviewDto,
  DueReviewsQuery,
  FileReviewDto,
  ReassignCaseDto,
  ReviewsDueDto,
} from './supervision.dto.js';
import { SupervisionService } from './supervision.service.js';

@ApiTags('supervision')
@Roles(...CASEWORK_ROLES)
@Controller()
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  @Post('cases/:id/reassign')
  @Roles('manager', 'admin')
  @HttpCode(200)
  @AuditedByService() // the service's row names the adviser before and after
  @ApiOperation({ summary: 'Give a case to another adviser' })
  reassign(
    @CurrentUser() user: RequestUser,
    @CurrentActor() actor: Actor,
    @UuidParam() caseId: string,
    @Body() body: ReassignCaseDto,
  ): Promise<{ id: string; leadAdviserId: string }> {
    return this.supervision.reassign(user.organisationId, actor, caseId, body.leadAdviserId);
  }

  @Get('advisers')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Active advisers and managers of your organisation who can lead a case' })
  @ApiOkResponse({ type: [AdviserDto] })
  advisers(@CurrentUser() user: RequestUser): Promise<AdviserDto[]> {
    return this.supervision.advisers(user.organisationId);
  }

  @Get('cases/:id/file-reviews')
  @ApiOperation({ summary: "A case's file reviews, newest first" })
  @ApiOkResponse({ type: [FileReviewDto] })
  list(@CurrentUser() user: RequestUser, @UuidParam() caseId: string): Promise<FileReviewDto[]> {
    return this.supervision.list(user.organisationId, caseId);
  }

  @Post('cases/:id/file-reviews')
  @Roles('manager', 'admin')
  @AcceptsIdempotencyKey()
  @ApiOperation({ summary: 'Record a file review of a case (you are the reviewer)' })
  @ApiCreatedResponse({ type: FileReviewDto })
  create(
    @CurrentUser() user: RequestUser,
    @UuidParam() caseId: string,
    @Body() body: CreateFileReviewDto,
  ): Promise<FileReviewDto> {
    return this.supervision.create(user.organisationId, user.userId, caseId, body);
  }

  @Get('file-reviews/due')
  @Roles('manager', 'admin')
  @Audited('case')
  @ApiOperation({ summary: 'Open cases not reviewed in the last `months` months (3 unless given)' })
  @ApiOkResponse({ type: ReviewsDueDto })
  due(@CurrentUser() user: RequestUser, @Query() query: DueReviewsQuery): Promise<ReviewsDueDto> {
    return this.supervision.due(user.organisationId, query.months);
  }
}
