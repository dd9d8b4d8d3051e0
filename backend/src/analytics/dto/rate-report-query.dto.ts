import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { BreakdownDimension, TrendPeriodUnit } from '../measures.repository.js';
import { CASE_RATE_MEASURES, RATE_MEASURES, type CaseRateMeasure, type RateMeasure } from '../measures.sql.js';
import { DIMENSION_FILTERS } from '../report-filters.js';
import { ReportFiltersDto } from './report-query.dto.js';

const oneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });
const PERIODS = ['month', 'quarter'] as const;
const OUTCOMES = ['eligible', 'success'] as const;

export class TrendsQueryDto extends ReportFiltersDto {
  @ApiPropertyOptional({ enum: RATE_MEASURES, default: 'positive_outcome' })
  @IsOptional()
  @IsIn(RATE_MEASURES, oneOf(RATE_MEASURES))
  measure?: RateMeasure;

  @ApiPropertyOptional({ enum: PERIODS, default: 'month' })
  @IsOptional()
  @IsIn(PERIODS, oneOf(PERIODS))
  period?: TrendPeriodUnit;
}

export class BreakdownQueryDto extends ReportFiltersDto {
  @ApiPropertyOptional({ enum: RATE_MEASURES, default: 'positive_outcome' })
  @IsOptional()
  @IsIn(RATE_MEASURES, oneOf(RATE_MEASURES))
  measure?: RateMeasure;

  @ApiPropertyOptional({ enum: DIMENSION_FILTERS, description: 'adviser: managers only, for supervision' })
  @IsIn(DIMENSION_FILTERS, oneOf(DIMENSION_FILTERS))
  by: BreakdownDimension;
}

export class DrillDownQueryDto extends ReportFiltersDto {
  @ApiPropertyOptional({ enum: CASE_RATE_MEASURES, default: 'positive_outcome' })
  @IsOptional()
  @IsIn(CASE_RATE_MEASURES, oneOf(CASE_RATE_MEASURES))
  measure?: CaseRateMeasure;

  @ApiPropertyOptional({ minimum: 0, maximum: 4, description: 'Band of relationship time: 0 = < 1 h … 4 = ≥ 8 h' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a band number from 0 to 4' })
  @Min(0, { message: 'must be a band number from 0 to 4' })
  @Max(4, { message: 'must be a band number from 0 to 4' })
  band?: number;

  @ApiPropertyOptional({ enum: OUTCOMES, default: 'eligible', description: 'eligible: the n; success: the count' })
  @IsOptional()
  @IsIn(OUTCOMES, oneOf(OUTCOMES))
  outcome?: 'eligible' | 'success';

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  offset?: number;
}
