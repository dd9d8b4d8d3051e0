import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type RequestUser } from '../../access/request-user.js';
import { CASEWORK_ROLES, Roles } from '../../access/roles.decorator.js';
import { AcceptsIdempotencyKey } from '../../idempotency/accepts-idempotency-key.js';
import { DeleteQuery } from '../delete-query.js';
import { UuidParam } from '../uuid-param.js';
import { CreatePartyDto, PartyDto, UpdatePartyDto } from './party.dto.js';
import { PartiesService } from './parties.service.js';

@ApiTags('parties')
@Roles(...CASEWORK_ROLES)
@Controller()
export class PartiesController {
  constructor(private readonly parties: PartiesService) {}

  @Get('cases/:id/parties')
  @ApiOperation({ summary: "List a case's parties (opponents, third parties, interpreters)" })
  @ApiOkResponse({ type: [PartyDto] })
  list(@CurrentUser() user: RequestUser, @UuidParam() caseId: string): Promise<PartyDto[]> {
    return this.parties.list(user.organisationId, caseId);
  }

  @Post('cases/:id/parties')
  @ApiOperation({ summary: 'Add a party to a case' })
  @AcceptsIdempotencyKey()
  @ApiCreatedResponse({ type: PartyDto })
  create(
    @CurrentUser() user: RequestUser,
    @UuidParam() caseId: string,
    @Body() body: CreatePartyDto,
  ): Promise<PartyDto> {
    return this.parties.create(user.organisationId, user.userId, caseId, body);
  }

  @Patch('parties/:id')
  @ApiOperation({ summary: 'Update a party' })
  @ApiOkResponse({ type: PartyDto })
  update(@CurrentUser() user: RequestUser, @UuidParam() id: string, @Body() body: UpdatePartyDto): Promise<PartyDto> {
    return this.parties.update(user.organisationId, id, body);
  }

  @Delete('parties/:id')
  @ApiOperation({ summary: 'Remove a party from a case' })
  @HttpCode(204)
  remove(@CurrentUser() user: RequestUser, @UuidParam() id: string, @Query() query: DeleteQuery): Promise<void> {
    return this.parties.remove(user.organisationId, id, query.version);
  }
}
