import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type RequestUser } from '../../access/request-user.js';
import { CASEWORK_ROLES, Roles } from '../../access/roles.decorator.js';
import { SetSubcategoriesDto, SubcategoryDto } from './subcategory.dto.js';
import { SubcategoriesService } from './subcategories.service.js';

@ApiTags('directory')
@Roles(...CASEWORK_ROLES)
@Controller('subcategories')
export class SubcategoriesController {
  constructor(private readonly subcategories: SubcategoriesService) {}

  @Get()
  @ApiOperation({ summary: 'List the sub-categories of law, per category (retired ones marked)' })
  @ApiOkResponse({ type: [SubcategoryDto] })
  list(@CurrentUser() user: RequestUser): Promise<SubcategoryDto[]> {
    return this.subcategories.list(user.organisationId);
  }

  @Put()
  @ApiOperation({ summary: 'Replace the sub-categories; entries left out are retired, not deleted' })
  @Roles('admin')
  @ApiOkResponse({ type: [SubcategoryDto] })
  replace(@CurrentUser() user: RequestUser, @Body() body: SetSubcategoriesDto): Promise<SubcategoryDto[]> {
    return this.subcategories.replace(user.organisationId, body.items);
  }
}
