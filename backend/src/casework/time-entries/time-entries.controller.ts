import { Body, Controller, Delete, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type RequestUser } from '../../access/request-user.js';
import { ApiError } from '../../common/api-document.js';
import { CASEWORK_ROLES, Roles } from '../../access/roles.decorator.js';
import { DeleteQuery } from '../delete-query.js';
import { UuidParam } from '../uuid-param.js';
import { CreateTimeEntryDto, QuickTimeEntryDto, TimeEntryDto, UpdateTimeEntryDto } from './time-entry.dto.js';
import { TimeEntriesService } from './time-entries.service.js';
import { AcceptsIdempotencyKey } from '../../idempotency/accepts-idempotency-key.js';

@ApiTags('time entries')
@Roles(...CASEWORK_ROLES)
@Controller()
export class TimeEntriesController {
  constructor(private readonly timeEntries: TimeEntriesService) {}

  @Post('cases/:id/time-entries')
  @ApiOperation({ summary: 'Record time on a case' })
  @AcceptsIdempotencyKey()
  @ApiCreatedResponse({ type: TimeEntryDto })
  create(
    @CurrentUser() user: RequestUser,
    @UuidParam() caseId: string,
    @Body() body: CreateTimeEntryDto,
  ): Promise<TimeEntryDto> {
    return this.timeEntries.create(user.organisationId, user.userId, caseId, body);
  }

  @Post('time-entries/quick')
  @ApiOperation({ summary: 'Record time on any case from one form' })
  @ApiError(404, 'No case with that caseId in your organisation')
  @AcceptsIdempotencyKey()
  @ApiCreatedResponse({ type: TimeEntryDto })
  quick(@CurrentUser() user: RequestUser, @Body() body: QuickTimeEntryDto): Promise<TimeEntryDto> {
    return this.timeEntries.quick(user.organisationId, user.userId, body);
  }

  @Patch('time-entries/:id')
  @ApiOperation({ summary: 'Correct a time entry' })
  @ApiOkResponse({ type: TimeEntryDto })
  update(
    @CurrentUser() user: RequestUser,
    @UuidParam() id: string,
    @Body() body: UpdateTimeEntryDto,
  ): Promise<TimeEntryDto> {
    return this.timeEntries.update(user.organisationId, id, body);
  }

  @Delete('time-entries/:id')
  @ApiOperation({ summary: 'Delete a time entry' })
  @HttpCode(204)
  remove(@CurrentUser() user: RequestUser, @UuidParam() id: string, @Query() query: DeleteQuery): Promise<void> {
    return this.timeEntries.remove(user.organisationId, id, query.version);
  }
}
