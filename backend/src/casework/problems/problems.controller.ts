import { Body, Controller, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type RequestUser } from '../../access/request-user.js';
import { CASEWORK_ROLES, Roles } from '../../access/roles.decorator.js';
import { UuidParam } from '../uuid-param.js';
import { CreateProblemDto, ProblemDto, UpdateProblemDto } from './problem.dto.js';
import { ProblemsService } from './problems.service.js';
import { AcceptsIdempotencyKey } from '../../idempotency/accepts-idempotency-key.js';

@ApiTags('underlying problems')
@Roles(...CASEWORK_ROLES)
@Controller()
export class ProblemsController {
  constructor(private readonly problems: ProblemsService) {}

  @Post('cases/:id/problems')
  @ApiOperation({ summary: 'Add a problem to a case' })
  @AcceptsIdempotencyKey()
  @ApiCreatedResponse({ type: ProblemDto })
  create(
    @CurrentUser() user: RequestUser,
    @UuidParam() caseId: string,
    @Body() body: CreateProblemDto,
  ): Promise<ProblemDto> {
    return this.problems.create(user.organisationId, caseId, body);
  }

  @Patch('problems/:id')
  @ApiOperation({ summary: 'Update a problem' })
  @ApiOkResponse({ type: ProblemDto })
  update(
    @CurrentUser() user: RequestUser,
    @UuidParam() id: string,
    @Body() body: UpdateProblemDto,
  ): Promise<ProblemDto> {
    return this.problems.update(user.organisationId, id, body);
  }
}
