import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CATEGORIES, type Category } from '@deepvalue/shared';
import { Type } from 'class-transformer';
import { DateField, TableRows } from '../../common/fields.js';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

const MONEY = { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false };
const MONEY_MIN = { message: 'must be more than £0 (leave it empty when there is no figure, never 0)' };
const MAX_GBP = 999_999.99;

export class FeeRateInputDto {
  @ApiProperty({ enum: CATEGORIES })
  @IsIn(CATEGORIES, { message: `must be one of ${CATEGORIES.join(', ')}` })
  category: Category;

  @DateField({ description: 'Date from which this fee applies to cases opened on or after it (YYYY-MM-DD)' })
  effectiveFrom: string;

  @ApiProperty({ description: 'Fixed fee, £' })
  @IsNumber(MONEY, { message: 'must be an amount in pounds with at most 2 decimal places' })
  @Min(0.01, MONEY_MIN)
  @Max(MAX_GBP)
  fixedFeeGbp: number;

  @ApiPropertyOptional({
    nullable: true,
    description: 'Escape threshold, £ (omit for 3 × the fixed fee; null where the scheme sets none)',
  })
  @IsOptional()
  @IsNumber(MONEY, { message: 'must be an amount in pounds with at most 2 decimal places' })
  @Min(0.01, MONEY_MIN)
  @Max(MAX_GBP)
  escapeThresholdGbp?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'Local hourly rate of adviser time, £ (null until known)' })
  @IsOptional()
  @IsNumber(MONEY, { message: 'must be an amount in pounds with at most 2 decimal places' })
  @Min(0.01, MONEY_MIN)
  @Max(MAX_GBP)
  hourlyRateGbp?: number | null;

  @ApiProperty({ description: 'Where the figure comes from (regulation, contract, local budget)' })
  @IsString()
  @Length(1, 500)
  @Matches(/\S/, { message: 'must say where the figure comes from' })
  source: string;
}

/** The whole fee table, saved as the next version; `version` is the one the editor started from. */
export class PutFeeRatesDto {
  @ApiProperty({ description: 'The version you edited (0 while the defaults apply)' })
  @IsInt()
  @Min(0)
  version: number;

  @TableRows(FeeRateInputDto)
  rows: FeeRateInputDto[];
}

export class FeeTableQueryDto {
  @ApiPropertyOptional({ description: 'An earlier saved version (default: the latest)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  version?: number;
}
