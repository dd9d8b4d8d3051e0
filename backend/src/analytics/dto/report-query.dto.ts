import { ApiPropertyOptional } from '@nestjs/swagger';
import { ARRIVAL_ROUTES, CATEGORIES, FUNDING_STREAMS, OUTCOME_MEASURES, VULNERABILITIES } from '@deepvalue/shared';
import type { ArrivalRoute, Category, FundingStream, OutcomeMeasure, Vulnerability } from '@deepvalue/shared';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DateField } from '../../common/fields.js';

/** Filters shared by every report. Each is optional; together they narrow the closed cases counted. */
export class ReportFiltersDto {
  @DateField({ optional: true, description: 'Cases closed on or after this date (YYYY-MM-DD)' })
  from?: string;

  @DateField({ optional: true, description: 'Cases closed on or before this date (YYYY-MM-DD)' })
  to?: string;

  @ApiPropertyOptional({ enum: CATEGORIES })
  @IsOptional()
  @IsIn(CATEGORIES, { message: `must be one of ${CATEGORIES.join(', ')}` })
  category?: Category;

  @ApiPropertyOptional({ description: 'Office id' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an office id (a UUID)' })
  office?: string;

  @ApiPropertyOptional({ description: 'Lead adviser id' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an adviser id (a UUID)' })
  adviser?: string;

  @ApiPropertyOptional({ enum: FUNDING_STREAMS })
  @IsOptional()
  @IsIn(FUNDING_STREAMS, { message: `must be one of ${FUNDING_STREAMS.join(', ')}` })
  fundingStream?: FundingStream;

  @ApiPropertyOptional({ enum: VULNERABILITIES })
  @IsOptional()
  @IsIn(VULNERABILITIES, { message: `must be one of ${VULNERABILITIES.join(', ')}` })
  vulnerability?: Vulnerability;

  @ApiPropertyOptional({ enum: ARRIVAL_ROUTES })
  @IsOptional()
  @IsIn(ARRIVAL_ROUTES, { message: `must be one of ${ARRIVAL_ROUTES.join(', ')}` })
  arrival?: ArrivalRoute;

  @ApiPropertyOptional({ description: 'Commissioners: one sharing organisation id (default: all that share)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an organisation id (a UUID)' })
  organisation?: string;
}

export class TimeVsOutcomeQueryDto extends ReportFiltersDto {
  @ApiPropertyOptional({ enum: OUTCOME_MEASURES, default: 'positive_outcome' })
  @IsOptional()
  @IsIn(OUTCOME_MEASURES, { message: `must be one of ${OUTCOME_MEASURES.join(', ')}` })
  measure?: OutcomeMeasure;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'true',
    description: 'false: the bands alone, without the adjusted estimate (adjusted is null), so they can be shown first',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  adjusted?: 'true' | 'false';
}

export class MeasuresQueryDto extends ReportFiltersDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description: 'Also the measures in detail: by band of relationship time and side by side (slower)',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  detail?: 'true' | 'false';
}
