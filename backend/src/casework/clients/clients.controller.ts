import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type RequestUser } from '../../access/request-user.js';
import { CASEWORK_ROLES, Roles } from '../../access/roles.decorator.js';
import { UuidParam } from '../uuid-param.js';
import { DeleteQuery } from '../delete-query.js';
import {
  ClientDto,
  ClientPageDto,
  CreateClientDto,
  CreatedClientDto,
  ListClientsQuery,
  UpdateClientDto,
} from './client.dto.js';
import { ClientsService } from './clients.service.js';
import { AcceptsIdempotencyKey } from '../../idempotency/accepts-idempotency-key.js';

@ApiTags('clients')
@Roles(...CASEWORK_ROLES)
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  @ApiOperation({ summary: 'List clients' })
  @ApiOkResponse({ type: ClientPageDto })
  list(@CurrentUser() user: RequestUser, @Query() query: ListClientsQuery): Promise<ClientPageDto> {
    return this.clients.list(user.organisationId, query);
  }

  @Post()
  @ApiOperation({ summary: 'Add a client' })
  @AcceptsIdempotencyKey()
  @ApiCreatedResponse({ type: CreatedClientDto })
  create(@CurrentUser() user: RequestUser, @Body() body: CreateClientDto): Promise<CreatedClientDto> {
    return this.clients.create(user.organisationId, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a client' })
  @ApiOkResponse({ type: ClientDto })
  get(@CurrentUser() user: RequestUser, @UuidParam() id: string): Promise<ClientDto> {
    return this.clients.get(user.organisationId, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a client' })
  @ApiOkResponse({ type: ClientDto })
  update(@CurrentUser() user: RequestUser, @UuidParam() id: string, @Body() body: UpdateClientDto): Promise<ClientDto> {
    return this.clients.update(user.organisationId, id, body);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a client who has no cases' })
  @HttpCode(204)
  remove(@CurrentUser() user: RequestUser, @UuidParam() id: string, @Query() query: DeleteQuery): Promise<void> {
    return this.clients.remove(user.organisationId, id, query.version);
  }
}
