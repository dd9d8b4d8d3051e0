import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type RequestUser } from '../../access/request-user.js';
import { CASEWORK_ROLES, Roles } from '../../access/roles.decorator.js';
import { UuidParam } from '../uuid-param.js';
import { CreateFollowUpDto, FollowUpDto } from './follow-up.dto.js';
import { FollowUpsService } from './follow-ups.service.js';
import { AcceptsIdempotencyKey } from '../../idempotency/accepts-idempotency-key.js';

@ApiTags('follow-ups')
@Roles(...CASEWORK_ROLES)
@Controller('cases/:id/follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Post()
  @ApiOperation({ summary: 'Record a follow-up on a closed case' })
  @AcceptsIdempotencyKey()
  @ApiCreatedResponse({ type: FollowUpDto })
  create(
    @CurrentUser() user: RequestUser,
    @UuidParam() caseId: string,
    @Body() body: CreateFollowUpDto,
  ): Promise<FollowUpDto> {
    return this.followUps.create(user.organisationId, caseId, body);
  }
}
