import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { DateField } from '../../common/fields.js';
import { ReportFiltersDto } from '../../analytics/dto/report-query.dto.js';
import { PRICED_WITH, type PackRequest, type PricedWith } from '../evidence-pack.service.js';

/**
 * The period and filters of a pack: the report filters with the period required. No adviser
 * filter: a pack never singles out an adviser.
 */
export class EvidencePackQueryDto extends OmitType(ReportFiltersDto, ['adviser', 'from', 'to'] as const) {
  @DateField({ description: 'Cases closed on or after this date (YYYY-MM-DD)' })
  from: string;

  @DateField({ description: 'Cases closed on or before this date (YYYY-MM-DD)' })
  to: string;

  @ApiPropertyOptional({ description: 'Unit-cost version to price with (default: the latest)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  unitCostVersion?: number;

  @ApiPropertyOptional({
    description:
      'Fee-table version for the fixed-fee table, for a pack of one organisation (0 = the defaults; default: the latest)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  feeTableVersion?: number;

  @ApiPropertyOptional({
    enum: PRICED_WITH,
    description:
      "Whose unit-cost table prices a commissioner's pack: the commissioner's own (default) or the provider's: " +
      'for a combined pack, each provider’s own current table prices its own cases and the tables are not published',
  })
  @IsOptional()
  @IsIn(PRICED_WITH, { message: `must be one of ${PRICED_WITH.join(', ')}` })
  pricedWith?: PricedWith;

  @DateField({
    optional: true,
    description: 'Figures as they stood on this date (default: the end of the period, or today if it is later)',
  })
  asOf?: string;

  @DateField({
    optional: true,
    description:
      'The build date the pack shows (default today); give the one its manifest names to re-create its bytes',
  })
  builtOn?: string;
}

export const DOWNLOAD_FORMATS = ['xlsx', 'pdf', 'csv-zip', 'zip', 'manifest'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

export class EvidencePackDownloadDto extends EvidencePackQueryDto {
  @ApiProperty({
    enum: DOWNLOAD_FORMATS,
    description: 'xlsx, pdf, csv-zip (the CSV files and manifest), zip (every file) or manifest',
  })
  @IsIn(DOWNLOAD_FORMATS, { message: `must be one of ${DOWNLOAD_FORMATS.join(', ')}` })
  format: DownloadFormat;
}

export function toPackRequest(query: EvidencePackQueryDto): PackRequest {
  const {
    from,
    to,
    category,
    office,
    fundingStream,
    vulnerability,
    arrival,
    unitCostVersion,
    feeTableVersion,
    pricedWith,
    asOf,
    builtOn,
  } = query;
  const filters = { category, office, fundingStream, vulnerability, arrival };
  return { from, to, filters, unitCostVersion, feeTableVersion, pricedWith, asOf, builtOn };
}
