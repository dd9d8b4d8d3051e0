import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../audit/audit.service.js';
import { ApiError } from '../common/api-document.js';
import { CurrentActor, CurrentUser, type RequestUser } from '../access/request-user.js';
import { Roles } from '../access/roles.decorator.js';
import {
  CreateShareDto,
  OrganisationRefDto,
  OrganisationSettingsDto,
  ShareDto,
  toSettingsDto,
  toShareDto,
  UpdateOrganisationSettingsDto,
} from './dto/organisation.dto.js';
import { OrganisationsService } from './organisations.service.js';
import { SharesService } from './shares.service.js';

@ApiTags('organisation')
@Roles('admin')
@Controller('organisation/settings')
export class OrganisationSettingsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @ApiOperation({ summary: 'Get the organisation’s settings' })
  @ApiOkResponse({ type: OrganisationSettingsDto })
  async get(@CurrentUser() user: RequestUser): Promise<OrganisationSettingsDto> {
    return toSettingsDto(await this.organisations.settings(user.organisationId));
  }

  @Patch()
  @ApiOperation({ summary: 'Change the organisation’s settings' })
  @ApiOkResponse({ type: OrganisationSettingsDto })
  async update(
    @CurrentUser() user: RequestUser,
    @Body() body: UpdateOrganisationSettingsDto,
    @CurrentActor() actor: Actor,
  ): Promise<OrganisationSettingsDto> {
    const { version, ...change } = body;
    return toSettingsDto(await this.organisations.updateSettings(user.organisationId, change, version, actor));
  }
}

@ApiTags('organisation')
@Controller()
export class SharesController {
  constructor(private readonly shares: SharesService) {}

  @Roles('admin')
  @Get('shares')
  @ApiOperation({ summary: 'List the commissioners this organisation shares figures with' })
  @ApiOkResponse({ type: [ShareDto] })
  async list(@CurrentUser() user: RequestUser): Promise<ShareDto[]> {
    return (await this.shares.list(user.organisationId)).map(toShareDto);
  }

  @Roles('admin')
  @Post('shares')
  @ApiOperation({ summary: 'Share figures with a commissioner' })
  @ApiError(404, 'No commissioner organisation with that reference')
  @ApiOkResponse({ type: ShareDto })
  async share(
    @CurrentUser() user: RequestUser,
    @Body() body: CreateShareDto,
    @CurrentActor() actor: Actor,
  ): Promise<ShareDto> {
    return toShareDto(await this.shares.share(user.organisationId, body.commissionerRef, actor));
  }

  @Roles('admin')
  @Delete('shares/:commissionerRef')
  @ApiOperation({ summary: 'Stop sharing figures with a commissioner' })
  @HttpCode(204)
  async revoke(
    @CurrentUser() user: RequestUser,
    @Param('commissionerRef') commissionerRef: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.shares.revoke(user.organisationId, commissionerRef, actor);
  }

  @Roles('admin')
  @Get('organisations/commissioners')
  @ApiOperation({ summary: 'List the commissioners one can share with' })
  @ApiOkResponse({ type: [OrganisationRefDto], description: 'Commissioner organisations one can share with' })
  async commissioners(): Promise<OrganisationRefDto[]> {
    return this.shares.commissioners();
  }

  @Roles('commissioner')
  @Get('organisations/shared-with-me')
  @ApiOperation({ summary: 'List the providers sharing figures with this commissioner' })
  @ApiOkResponse({ type: [OrganisationRefDto] })
  async sharedWithMe(@CurrentUser() user: RequestUser): Promise<OrganisationRefDto[]> {
    return this.shares.sharedWith(user.organisationId);
  }
}
