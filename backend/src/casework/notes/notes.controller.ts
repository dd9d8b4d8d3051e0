import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type RequestUser } from '../../access/request-user.js';
import { CASEWORK_ROLES, Roles } from '../../access/roles.decorator.js';
import { AcceptsIdempotencyKey } from '../../idempotency/accepts-idempotency-key.js';
import { UuidParam } from '../uuid-param.js';
import {
  CreateNoteDto,
  NoteDto,
  NoteHistoryDto,
  NoteSearchPageDto,
  SearchNotesQuery,
  UpdateNoteDto,
} from './note.dto.js';
import { NotesService } from './notes.service.js';

@ApiTags('notes')
@Roles(...CASEWORK_ROLES)
@Controller()
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @Get('cases/:id/notes')
  @ApiOperation({ summary: "List a case's notes" })
  @ApiOkResponse({ type: [NoteDto] })
  list(@CurrentUser() user: RequestUser, @UuidParam() caseId: string): Promise<NoteDto[]> {
    return this.notes.list(user.organisationId, caseId);
  }

  @Post('cases/:id/notes')
  @ApiOperation({ summary: 'Write a note on a case, with its time if given' })
  @AcceptsIdempotencyKey()
  @ApiCreatedResponse({ type: NoteDto })
  create(@CurrentUser() user: RequestUser, @UuidParam() caseId: string, @Body() body: CreateNoteDto): Promise<NoteDto> {
    return this.notes.create(user.organisationId, user.userId, caseId, body);
  }

  @Get('notes')
  @ApiOperation({ summary: "Search the organisation's notes" })
  @ApiOkResponse({ type: NoteSearchPageDto, description: 'Notes of your organisation containing `search`.' })
  search(@CurrentUser() user: RequestUser, @Query() query: SearchNotesQuery): Promise<NoteSearchPageDto> {
    return this.notes.search(user.organisationId, query);
  }

  @Patch('notes/:id')
  @ApiOperation({ summary: 'Edit a note, keeping the earlier version' })
  @ApiOkResponse({ type: NoteDto })
  update(@CurrentUser() user: RequestUser, @UuidParam() id: string, @Body() body: UpdateNoteDto): Promise<NoteDto> {
    return this.notes.update(user.organisationId, user.userId, id, body);
  }

  @Get('notes/:id/history')
  @ApiOperation({ summary: 'Every version of a note, with who wrote it and when' })
  @ApiOkResponse({ type: NoteHistoryDto })
  history(@CurrentUser() user: RequestUser, @UuidParam() id: string): Promise<NoteHistoryDto> {
    return this.notes.history(user.organisationId, id);
  }
}
