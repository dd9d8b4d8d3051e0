import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../audit/audit.service.js';
import { ApiError } from '../common/api-document.js';
import { CurrentActor, CurrentUser, type RequestUser } from '../access/request-user.js';
import { Roles } from '../access/roles.decorator.js';
import { CreateFundingDto, FundingRecordDto, toFundingDto } from './dto/funding.dto.js';
import { FundingService } from './funding.service.js';

/** The funding the organisation received, period by period (evidence packs: value per £1 of funding). */
@ApiTags('organisation')
@Roles('admin', 'manager')
@Controller('organisation/funding')
export class FundingController {
  constructor(private readonly funding: FundingService) {}

  @Get()
  @ApiOperation({ summary: 'List the funding recorded for the organisation, by period' })
  @ApiOkResponse({ type: [FundingRecordDto] })
  async list(@CurrentUser() user: RequestUser): Promise<FundingRecordDto[]> {
    return (await this.funding.list(user.organisationId)).map(toFundingDto);
  }

  @Post()
  @ApiOperation({ summary: 'Record funding received for a period' })
  @ApiError(409, 'The period overlaps funding already recorded')
  @ApiError(422, 'The period ends before it starts')
  @ApiOkResponse({ type: FundingRecordDto })
  async add(
    @CurrentUser() user: RequestUser,
    @CurrentActor() actor: Actor,
    @Body() body: CreateFundingDto,
  ): Promise<FundingRecordDto> {
    return toFundingDto(await this.funding.add(user.organisationId, body, actor));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Correct a funding record (the same checks as recording one)' })
  @ApiError(404, 'No such funding record in your organisation')
  @ApiError(409, 'The period overlaps funding already recorded')
  @ApiError(422, 'The period ends before it starts')
  @ApiOkResponse({ type: FundingRecordDto })
  async update(
    @CurrentUser() user: RequestUser,
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CreateFundingDto,
  ): Promise<FundingRecordDto> {
    return toFundingDto(await this.funding.update(user.organisationId, id, body, actor));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a funding record' })
  @HttpCode(204)
  async remove(
    @CurrentUser() user: RequestUser,
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.funding.remove(user.organisationId, id, actor);
  }
}
