import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../access/public.decorator.js';
import { CurrentUser, type RequestUser } from '../../access/request-user.js';
import { CASEWORK_ROLES, Roles } from '../../access/roles.decorator.js';
import { AuditedByService } from '../../audit/audited.decorator.js';
import { UuidParam } from '../uuid-param.js';
import { ClientFeedbackDto, FeedbackFormResponse, FeedbackLinkResponse, TokenParam } from './feedback-links.dto.js';
import { FeedbackLinksService } from './feedback-links.service.js';

@ApiTags('feedback')
@Controller()
export class FeedbackLinksController {
  constructor(private readonly links: FeedbackLinksService) {}

  @Post('cases/:id/feedback-links')
  @ApiOperation({ summary: 'Create a one-use feedback link for the client' })
  @Roles(...CASEWORK_ROLES)
  @ApiCreatedResponse({ type: FeedbackLinkResponse, description: 'A one-use link for the client, valid for 7 days' })
  create(@CurrentUser() user: RequestUser, @UuidParam() caseId: string): Promise<FeedbackLinkResponse> {
    return this.links.create(user.organisationId, user.userId, caseId);
  }

  @Public()
  @AuditedByService()
  @Get('feedback-links/:token')
  @ApiOperation({ summary: 'Get the feedback form behind a link' })
  @ApiOkResponse({ type: FeedbackFormResponse })
  form(@Param() params: TokenParam): Promise<FeedbackFormResponse> {
    return this.links.form(params.token);
  }

  @Public()
  @AuditedByService()
  @Post('feedback-links/:token')
  @ApiOperation({ summary: 'Submit client feedback through a link' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Thank you: the feedback is recorded and the link is used up' })
  async submit(@Param() params: TokenParam, @Body() body: ClientFeedbackDto, @Req() req: Request): Promise<void> {
    await this.links.submit(params.token, body, req.ip);
  }
}
