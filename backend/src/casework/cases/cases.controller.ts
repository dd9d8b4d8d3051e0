import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type RequestUser } from '../../access/request-user.js';
import { CASEWORK_ROLES, Roles } from '../../access/roles.decorator.js';
import { CloseCaseDto, ReopenCaseDto } from '../outcomes/outcome.dto.js';
import { UuidParam } from '../uuid-param.js';
import { CaseDto, CasePageDto, CreateCaseDto, ListCasesQuery, UpdateCaseDto } from './case.dto.js';
import { CaseDetailDto } from './case-detail.dto.js';
import { CaseClosureService } from './case-closure.service.js';
import { CasesService } from './cases.service.js';
import { AcceptsIdempotencyKey } from '../../idempotency/accepts-idempotency-key.js';

@ApiTags('cases')
@Roles(...CASEWORK_ROLES)
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly closure: CaseClosureService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List cases' })
  @ApiOkResponse({ type: CasePageDto })
  list(@CurrentUser() user: RequestUser, @Query() query: ListCasesQuery): Promise<CasePageDto> {
    return this.cases.list(user.organisationId, user.userId, query);
  }

  @Post()
  @ApiOperation({ summary: 'Open a case' })
  @AcceptsIdempotencyKey()
  @ApiCreatedResponse({ type: CaseDto })
  create(@CurrentUser() user: RequestUser, @Body() body: CreateCaseDto): Promise<CaseDto> {
    return this.cases.create(user.organisationId, user.userId, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a case with its records' })
  @ApiOkResponse({ type: CaseDetailDto })
  get(@CurrentUser() user: RequestUser, @UuidParam() id: string): Promise<CaseDetailDto> {
    return this.cases.detail(user.organisationId, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a case' })
  @ApiOkResponse({ type: CaseDto })
  update(@CurrentUser() user: RequestUser, @UuidParam() id: string, @Body() body: UpdateCaseDto): Promise<CaseDto> {
    return this.cases.update(user.organisationId, id, body);
  }

  /** Closes the case with its outcome, in one transaction. */
  @Post(':id/close')
  @ApiOperation({ summary: 'Close a case with its outcome' })
  @AcceptsIdempotencyKey()
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailDto })
  close(@CurrentUser() user: RequestUser, @UuidParam() id: string, @Body() body: CloseCaseDto): Promise<CaseDetailDto> {
    return this.closure.close(user.organisationId, id, body);
  }

  /** Reopens a closed case; its outcome is removed until it is closed again. */
  @Post(':id/reopen')
  @ApiOperation({ summary: 'Reopen a closed case' })
  @AcceptsIdempotencyKey()
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDetailDto })
  reopen(
    @CurrentUser() user: RequestUser,
    @UuidParam() id: string,
    @Body() body: ReopenCaseDto,
  ): Promise<CaseDetailDto> {
    return this.closure.reopen(user.organisationId, id, body);
  }
}
