import { Body, Controller, Get, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type RequestUser } from '../../access/request-user.js';
import { CASEWORK_ROLES, Roles } from '../../access/roles.decorator.js';
import { UuidParam } from '../uuid-param.js';
import {
  CreateOfficeDto,
  CreatePartnerDto,
  FeedbackItemDto,
  ListPartnersQuery,
  OfficeDto,
  PartnerDto,
  PartnerPageDto,
  SetFeedbackItemsDto,
  UpdatePartnerDto,
} from './directory.dto.js';
import { DirectoryService } from './directory.service.js';
import { AcceptsIdempotencyKey } from '../../idempotency/accepts-idempotency-key.js';

@ApiTags('directory')
@Roles(...CASEWORK_ROLES)
@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('offices')
  @ApiOperation({ summary: 'List offices' })
  @ApiOkResponse({ type: [OfficeDto] })
  listOffices(@CurrentUser() user: RequestUser): Promise<OfficeDto[]> {
    return this.directory.listOffices(user.organisationId);
  }

  @Post('offices')
  @ApiOperation({ summary: 'Add an office' })
  @AcceptsIdempotencyKey()
  @ApiCreatedResponse({ type: OfficeDto })
  @Roles('manager', 'admin')
  createOffice(@CurrentUser() user: RequestUser, @Body() body: CreateOfficeDto): Promise<OfficeDto> {
    return this.directory.createOffice(user.organisationId, body);
  }

  @Get('partners')
  @ApiOperation({ summary: 'List referral partners' })
  @ApiOkResponse({ type: PartnerPageDto })
  listPartners(@CurrentUser() user: RequestUser, @Query() query: ListPartnersQuery): Promise<PartnerPageDto> {
    return this.directory.listPartners(user.organisationId, query);
  }

  @Post('partners')
  @ApiOperation({ summary: 'Add a referral partner' })
  @AcceptsIdempotencyKey()
  @ApiCreatedResponse({ type: PartnerDto })
  createPartner(@CurrentUser() user: RequestUser, @Body() body: CreatePartnerDto): Promise<PartnerDto> {
    return this.directory.createPartner(user.organisationId, body);
  }

  @Patch('partners/:id')
  @ApiOperation({ summary: 'Update a referral partner' })
  @ApiOkResponse({ type: PartnerDto })
  updatePartner(
    @CurrentUser() user: RequestUser,
    @UuidParam() id: string,
    @Body() body: UpdatePartnerDto,
  ): Promise<PartnerDto> {
    return this.directory.updatePartner(user.organisationId, id, body);
  }

  @Get('feedback-items')
  @ApiOperation({ summary: 'List the client feedback questions' })
  @ApiOkResponse({ type: [FeedbackItemDto] })
  feedbackItems(@CurrentUser() user: RequestUser): Promise<FeedbackItemDto[]> {
    return this.directory.feedbackItems(user.organisationId);
  }

  @Put('feedback-items')
  @ApiOperation({ summary: 'Replace the client feedback questions' })
  @Roles('admin')
  @ApiOkResponse({ type: [FeedbackItemDto] })
  setFeedbackItems(@CurrentUser() user: RequestUser, @Body() body: SetFeedbackItemsDto): Promise<FeedbackItemDto[]> {
    return this.directory.setFeedbackItems(user.organisationId, body.items);
  }
}
