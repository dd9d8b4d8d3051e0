import { Body, Controller, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type RequestUser } from '../../access/request-user.js';
import { CASEWORK_ROLES, Roles } from '../../access/roles.decorator.js';
import { UuidParam } from '../uuid-param.js';
import { CreateReferralDto, ReferralDto, UpdateReferralDto } from './referral.dto.js';
import { ReferralsService } from './referrals.service.js';
import { AcceptsIdempotencyKey } from '../../idempotency/accepts-idempotency-key.js';

@ApiTags('referrals')
@Roles(...CASEWORK_ROLES)
@Controller()
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post('cases/:id/referrals')
  @ApiOperation({ summary: 'Record a referral from a case' })
  @AcceptsIdempotencyKey()
  @ApiCreatedResponse({ type: ReferralDto })
  create(
    @CurrentUser() user: RequestUser,
    @UuidParam() caseId: string,
    @Body() body: CreateReferralDto,
  ): Promise<ReferralDto> {
    return this.referrals.create(user.organisationId, caseId, body);
  }

  @Patch('referrals/:id')
  @ApiOperation({ summary: 'Update a referral' })
  @ApiOkResponse({ type: ReferralDto })
  update(
    @CurrentUser() user: RequestUser,
    @UuidParam() id: string,
    @Body() body: UpdateReferralDto,
  ): Promise<ReferralDto> {
    return this.referrals.update(user.organisationId, id, body);
  }
}
