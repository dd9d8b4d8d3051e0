import { Body, Controller, Put } from '@nestjs/common';
import { ApiOperation, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type RequestUser } from '../../access/request-user.js';
import { CASEWORK_ROLES, Roles } from '../../access/roles.decorator.js';
import { UuidParam } from '../uuid-param.js';
import { AssessmentDto, PutAssessmentDto } from './assessment.dto.js';
import { AssessmentsService } from './assessments.service.js';

@ApiTags('assessments')
@Roles(...CASEWORK_ROLES)
@Controller('cases/:id/assessment')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Put()
  @ApiOperation({ summary: 'Record or replace a case’s assessment' })
  @ApiOkResponse({ type: AssessmentDto })
  put(
    @CurrentUser() user: RequestUser,
    @UuidParam() caseId: string,
    @Body() body: PutAssessmentDto,
  ): Promise<AssessmentDto> {
    return this.assessments.put(user.organisationId, caseId, body);
  }
}
