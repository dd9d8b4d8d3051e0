import { EARLIEST_CASE_DATE, type FundingRecord } from '@deepvalue/shared';
import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, Max, Min } from 'class-validator';
import { DateField, TextField } from '../../common/fields.js';
import type { OrganisationFundingEntity } from '../funding.entity.js';

/** The most one record may hold: numeric(14, 2). */
export const MAX_FUNDING_GBP = 999_999_999_999.99;

export class CreateFundingDto {
  @DateField({ notBefore: EARLIEST_CASE_DATE, description: 'First day the funding pays for (inclusive)' })
  periodFrom: string;

  @DateField({ notBefore: EARLIEST_CASE_DATE, description: 'Last day the funding pays for (inclusive)' })
  periodTo: string;

  @ApiProperty({ example: 250000, minimum: 0.01, maximum: MAX_FUNDING_GBP })
  @IsNumber(
    { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false },
    { message: 'must be an amount in pounds with at most 2 decimal places' },
  )
  @Min(0.01, { message: 'must be more than £0' })
  @Max(MAX_FUNDING_GBP, { message: `must be at most £${MAX_FUNDING_GBP}` })
  amountGbp: number;

  @TextField({ min: 1, max: 200, pattern: /\S/, patternMessage: 'must not be blank', description: 'Who paid it' })
  funder: string;
}

export class FundingRecordDto implements FundingRecord {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) periodFrom: string;
  @ApiProperty({ format: 'date' }) periodTo: string;
  @ApiProperty() amountGbp: number;
  @ApiProperty() funder: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export const toFundingDto = (row: OrganisationFundingEntity): FundingRecordDto => ({
  id: row.id,
  periodFrom: row.periodFrom,
  periodTo: row.periodTo,
  amountGbp: Number(row.amountGbp),
  funder: row.funder,
  createdAt: row.createdAt.toISOString(),
});
