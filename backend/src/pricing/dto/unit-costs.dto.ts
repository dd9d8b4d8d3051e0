import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { UnitCostVersion, UnitCostsView } from '@deepvalue/shared';
import { TableRows } from '../../common/fields.js';
import type { AdjustmentSet, Sensitivity } from '../adjustments.js';
import { OUTCOME_EVENTS, type MappingEntry, type OutcomeEvent } from '../benefit-mapping.js';
import { DEFAULT_HOURLY_COST, NOT_PRICED, isPriced } from '../unit-cost-defaults.js';
import {
  COST_BASES,
  COST_UNITS,
  VALUE_KINDS,
  type CostBasis,
  type CostUnit,
  type UnitCost,
  type ValueKind,
} from '@deepvalue/shared';
import type { UnitCostVersionRecord, UnitCostVersionSummary } from '../unit-costs.repository.js';

const MONEY = { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false };
const NOT_ZERO = { message: 'must be more than £0 (leave it null when there is no figure, never 0)' };
const SHARE = { allowNaN: false, allowInfinity: false };

export class UnitCostRowDto implements UnitCost {
  @ApiProperty({ example: 'eviction_public_cost' })
  @Matches(/^[a-z][a-z0-9_]{0,59}$/, { message: 'must be lower-case letters, digits and _ (at most 60)' })
  key: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'must not be blank' })
  label: string;

  @ApiProperty({ enum: VALUE_KINDS })
  @IsIn(VALUE_KINDS, { message: `must be one of ${VALUE_KINDS.join(', ')}` })
  kind: ValueKind;

  @ApiProperty({ enum: COST_BASES })
  @IsIn(COST_BASES, { message: `must be one of ${COST_BASES.join(', ')}` })
  basis: CostBasis;

  @ApiProperty({ nullable: true, description: `£ per unit; null = "${NOT_PRICED}" (never 0)` })
  @ValidateIf((row: UnitCostRowDto) => row.valueGbp !== null)
  @IsNumber(MONEY, { message: 'must be an amount in pounds with at most 2 decimal places, or null' })
  @Min(0.01, NOT_ZERO)
  @Max(99_999_999)
  valueGbp: number | null;

  @ApiProperty({ enum: COST_UNITS })
  @IsIn(COST_UNITS, { message: `must be one of ${COST_UNITS.join(', ')}` })
  unit: CostUnit;

  @ApiProperty({ description: 'Where the figure comes from (report, year, page)' })
  @IsString()
  @Length(1, 1000)
  @Matches(/\S/, { message: 'must say where the figure comes from' })
  source: string;

  @ApiProperty({ nullable: true, description: 'Price year of the figure' })
  @ValidateIf((row: UnitCostRowDto) => row.year !== null)
  @IsInt({ message: 'must be a year, or null' })
  @Min(1900)
  @Max(2200)
  year: number | null;
}

export class MappingEntryDto implements MappingEntry {
  @ApiProperty({ enum: OUTCOME_EVENTS })
  @IsIn(OUTCOME_EVENTS, { message: `must be one of ${OUTCOME_EVENTS.join(', ')}` })
  event: OutcomeEvent;

  @ApiProperty()
  @IsString()
  unitCostKey: string;

  @ApiProperty({ description: 'Years a per-year value lasts (1 for one-off)' })
  @IsInt({ message: 'must be a whole number of years' })
  @Min(1)
  @Max(50)
  durationYears: number;

  @ApiProperty()
  @IsString()
  @Length(1, 500)
  rationale: string;
}

export class AdjustmentSetDto implements AdjustmentSet {
  @ApiProperty({ description: 'Share that would have happened anyway, 0–1' })
  @IsNumber(SHARE)
  @Min(0)
  @Max(1)
  deadweight: number;

  @ApiProperty({ description: 'Share due to others, 0–1' })
  @IsNumber(SHARE)
  @Min(0)
  @Max(1)
  attribution: number;

  @ApiProperty({ description: 'Share of value lost each further year, 0–1' })
  @IsNumber(SHARE)
  @Min(0)
  @Max(1)
  dropOff: number;

  @ApiProperty({ description: 'Annual discount rate, 0 = none' })
  @IsNumber(SHARE)
  @Min(0)
  @Max(1)
  discountRate: number;
}

export class SensitivityDto implements Sensitivity {
  @ApiProperty({ type: AdjustmentSetDto })
  @ValidateNested()
  @Type(() => AdjustmentSetDto)
  low: AdjustmentSetDto;

  @ApiProperty({ type: AdjustmentSetDto })
  @ValidateNested()
  @Type(() => AdjustmentSetDto)
  central: AdjustmentSetDto;

  @ApiProperty({ type: AdjustmentSetDto })
  @ValidateNested()
  @Type(() => AdjustmentSetDto)
  high: AdjustmentSetDto;
}

/**
 * A new version of the whole table. Omitted mapping, sensitivity or hourly cost keep the previous
 * version's; `hourlyCostGbp: null` clears it.
 */
export class PutUnitCostsDto {
  @ApiProperty({ description: 'The version you edited; 409 with the current table if someone saved since' })
  @IsInt()
  @Min(1)
  basedOnVersion: number;

  @TableRows(UnitCostRowDto)
  rows: UnitCostRowDto[];

  @ApiPropertyOptional({ type: [MappingEntryDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => MappingEntryDto)
  mapping?: MappingEntryDto[];

  @ApiPropertyOptional({ type: SensitivityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SensitivityDto)
  sensitivity?: SensitivityDto;

  @ApiPropertyOptional({ nullable: true, description: '£ per hour of adviser time (salary, on-costs, overheads)' })
  @ValidateIf((body: PutUnitCostsDto) => body.hourlyCostGbp !== null && body.hourlyCostGbp !== undefined)
  @IsNumber(MONEY, { message: 'must be an amount in pounds with at most 2 decimal places, or null' })
  @Min(0.01, NOT_ZERO)
  @Max(99_999)
  hourlyCostGbp?: number | null;
}

export const HOURLY_COST_NOTE =
  `Adviser time is costed at the cited default of £${DEFAULT_HOURLY_COST.valueGbp} an hour, what Legal Help pays ` +
  `for an hour (${DEFAULT_HOURLY_COST.year}), not the full cost. Enter your own hourly cost (salary, on-costs and ` +
  'overheads) to replace it.';

export function toUnitCostVersion(record: UnitCostVersionRecord): UnitCostVersion {
  return {
    version: record.version,
    createdAt: record.createdAt.toISOString(),
    createdBy: record.createdByName,
    rows: record.rows.map((row) => ({
      ...row,
      priced: isPriced(row),
      note: isPriced(row) ? null : NOT_PRICED,
    })),
    mapping: record.mapping,
    sensitivity: record.sensitivity,
    hourlyCostGbp: record.hourlyCostGbp,
    hourlyCostNote: record.hourlyCostGbp === null ? HOURLY_COST_NOTE : null,
  };
}

export function toUnitCostVersionListItem(summary: UnitCostVersionSummary): UnitCostsView['versions'][number] {
  return { version: summary.version, createdAt: summary.createdAt.toISOString(), createdBy: summary.createdByName };
}
