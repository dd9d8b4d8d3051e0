import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { ReportFiltersDto } from '../../analytics/dto/report-query.dto.js';

export class PricingQueryDto extends ReportFiltersDto {
  @ApiPropertyOptional({ description: 'Unit-cost version to price with (default: the latest)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  unitCostVersion?: number;
}
