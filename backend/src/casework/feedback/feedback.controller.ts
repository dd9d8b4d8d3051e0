import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type RequestUser } from '../../access/request-user.js';
import { CASEWORK_ROLES, Roles } from '../../access/roles.decorator.js';
import { UuidParam } from '../uuid-param.js';
import { CreateFeedbackDto, FeedbackDto } from './feedback.dto.js';
import { FeedbackService } from './feedback.service.js';
import { AcceptsIdempotencyKey } from '../../idempotency/accepts-idempotency-key.js';

@ApiTags('feedback')
@Roles(...CASEWORK_ROLES)
@Controller('cases/:id/feedback')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Post()
  @ApiOperation({ summary: 'Record client feedback on a case' })
  @AcceptsIdempotencyKey()
  @ApiCreatedResponse({ type: FeedbackDto })
  create(
    @CurrentUser() user: RequestUser,
    @UuidParam() caseId: string,
    @Body() body: CreateFeedbackDto,
  ): Promise<FeedbackDto> {
    return this.feedback.create(user.organisationId, caseId, body);
  }
}
