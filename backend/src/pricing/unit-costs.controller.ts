import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiOperation, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../audit/audit.service.js';
import { CurrentActor, CurrentUser, type RequestUser } from '../access/request-user.js';
import { Roles } from '../access/roles.decorator.js';
import type { UnitCostVersion, UnitCostsView } from '@deepvalue/shared';
import { PutUnitCostsDto } from './dto/unit-costs.dto.js';
import { UnitCostsService } from './unit-costs.service.js';

/**
 * The organisation's own unit-cost table. Managers price their organisation's figures with it;
 * a commissioner's table prices the combined figures of the providers that share with them.
 */
@ApiTags('pricing')
@Controller('unit-costs')
export class UnitCostsController {
  constructor(private readonly unitCosts: UnitCostsService) {}

  @Get()
  @ApiOperation({ summary: 'Get the unit-cost table and its versions' })
  @Roles('manager', 'commissioner', 'admin')
  @ApiOkResponse({ description: 'The current version (the sourced defaults until someone saves) and every version' })
  get(@CurrentUser() user: RequestUser): Promise<UnitCostsView> {
    return this.unitCosts.overview(user.organisationId);
  }

  @Get('versions/:version')
  @ApiOperation({ summary: 'Get one saved version of the unit-cost table' })
  @Roles('manager', 'commissioner', 'admin')
  @ApiOkResponse({ description: 'One saved version, as it was' })
  version(@CurrentUser() user: RequestUser, @Param('version', ParseIntPipe) version: number): Promise<UnitCostVersion> {
    return this.unitCosts.versionView(user.organisationId, version);
  }

  @Put()
  @ApiOperation({ summary: 'Save a new version of the unit-cost table' })
  @Roles('manager', 'commissioner')
  @ApiOkResponse({ description: 'Saves the whole table as the next version; 409 with the current one if it changed' })
  put(
    @CurrentUser() user: RequestUser,
    @CurrentActor() actor: Actor,
    @Body() body: PutUnitCostsDto,
  ): Promise<UnitCostVersion> {
    return this.unitCosts.save(user.organisationId, actor, body);
  }
}
