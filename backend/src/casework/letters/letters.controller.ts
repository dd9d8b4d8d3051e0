import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, CurrentUser, type RequestUser } from '../../access/request-user.js';
import { CASEWORK_ROLES, Roles } from '../../access/roles.decorator.js';
import type { Actor } from '../../audit/audit.service.js';
import { AcceptsIdempotencyKey } from '../../idempotency/accepts-idempotency-key.js';
import { DeleteQuery } from '../delete-query.js';
import { DocumentDto } from '../documents/document.dto.js';
import { UuidParam } from '../uuid-param.js';
import {
  CreateLetterTemplateDto,
  GenerateLetterDto,
  LetterTemplateDto,
  UpdateLetterTemplateDto,
} from './letter.dto.js';
import { LettersService } from './letters.service.js';

@ApiTags('letters')
@Roles(...CASEWORK_ROLES)
@Controller()
export class LettersController {
  constructor(private readonly letters: LettersService) {}

  @Get('letter-templates')
  @ApiOperation({ summary: "The organisation's letter templates (the shipped three included)" })
  @ApiOkResponse({ type: [LetterTemplateDto] })
  list(@CurrentUser() user: RequestUser): Promise<LetterTemplateDto[]> {
    return this.letters.list(user.organisationId);
  }

  @Post('letter-templates')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a letter template' })
  @ApiCreatedResponse({ type: LetterTemplateDto })
  create(
    @CurrentUser() user: RequestUser,
    @CurrentActor() actor: Actor,
    @Body() body: CreateLetterTemplateDto,
  ): Promise<LetterTemplateDto> {
    return this.letters.create(user.organisationId, actor, body);
  }

  @Patch('letter-templates/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a letter template’s name or text' })
  @ApiOkResponse({ type: LetterTemplateDto })
  update(
    @CurrentUser() user: RequestUser,
    @CurrentActor() actor: Actor,
    @UuidParam() id: string,
    @Body() body: UpdateLetterTemplateDto,
  ): Promise<LetterTemplateDto> {
    return this.letters.update(user.organisationId, actor, id, body);
  }

  @Delete('letter-templates/:id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a letter template (not one of the shipped three)' })
  remove(
    @CurrentUser() user: RequestUser,
    @CurrentActor() actor: Actor,
    @UuidParam() id: string,
    @Query() query: DeleteQuery,
  ): Promise<void> {
    return this.letters.remove(user.organisationId, actor, id, query.version);
  }

  @Post('cases/:id/letters')
  @ApiOperation({ summary: 'Generate a letter from a template; it is kept as a document on the case' })
  @AcceptsIdempotencyKey()
  @ApiCreatedResponse({ type: DocumentDto })
  generate(
    @CurrentUser() user: RequestUser,
    @UuidParam() caseId: string,
    @Body() body: GenerateLetterDto,
  ): Promise<DocumentDto> {
    return this.letters.generate(user.organisationId, user.userId, caseId, body);
  }
}
