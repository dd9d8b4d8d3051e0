import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type RequestUser } from '../access/request-user.js';
import { Roles } from '../access/roles.decorator.js';
import { Audited } from '../audit/audited.decorator.js';
import { FeeTableQueryDto, PutFeeRatesDto } from './dto/fee-rates.dto.js';
import { FeeRatesService } from './fee-rates.service.js';
import type { FeeTableView } from '@deepvalue/shared';

@ApiTags('fee-rates')
@Controller('fee-rates')
export class FeeRatesController {
  constructor(private readonly feeRates: FeeRatesService) {}

  @Get()
  @ApiOperation({ summary: 'Get the fee table' })
  @Roles('manager', 'admin')
  @ApiOkResponse({ description: 'The organisation’s fee table (latest version, or the sourced defaults)' })
  get(@CurrentUser() user: RequestUser, @Query() query: FeeTableQueryDto): Promise<FeeTableView> {
    return this.feeRates.table(user.organisationId, query.version);
  }

  @Put()
  @ApiOperation({ summary: 'Save a new version of the fee table' })
  @Roles('manager')
  @Audited('fee_rate')
  @ApiOkResponse({ description: 'Saves the whole table as the next version; 409 if it changed since you read it' })
  put(@CurrentUser() user: RequestUser, @Body() body: PutFeeRatesDto): Promise<FeeTableView> {
    return this.feeRates.replace(user.organisationId, user.userId, body);
  }
}
