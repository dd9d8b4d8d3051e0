import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ARRIVAL_ROUTES, CATEGORIES, FUNDING_STREAMS, VULNERABILITIES } from '@deepvalue/shared';
import type { ArrivalRoute, Category, FundingStream, Vulnerability } from '@deepvalue/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Min } from 'class-validator';
import type { EvidencePack } from '../pack-types.js';
import type { PackRequest } from '../evidence-pack.service.js';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_MESSAGE = { message: 'must be a date written YYYY-MM-DD' };

/** The period and filters of a pack. No adviser filter: a pack never singles out an adviser. */
export class EvidencePackQueryDto {
  @ApiProperty({ description: 'Cases closed on or after this date (YYYY-MM-DD)' })
  @Matches(DATE, DATE_MESSAGE)
  from: string;

  @ApiProperty({ description: 'Cases closed on or before this date (YYYY-MM-DD)' })
  @Matches(DATE, DATE_MESSAGE)
  to: string;

  @ApiPropertyOptional({ enum: CATEGORIES })
  @IsOptional()
  @IsIn(CATEGORIES, { message: `must be one of ${CATEGORIES.join(', ')}` })
  category?: Category;

  @ApiPropertyOptional({ description: 'Office id' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an office id (a UUID)' })
  office?: string;

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

  @ApiPropertyOptional({ description: 'Unit-cost version to price with (default: the latest)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  unitCostVersion?: number;

  @ApiPropertyOptional({
    description: 'Figures as they stood on this date (default: the end of the period, or today if it is later)',
  })
  @IsOptional()
  @Matches(DATE, DATE_MESSAGE)
  asOf?: string;
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
  const { from, to, category, office, fundingStream, vulnerability, arrival, unitCostVersion, asOf } = query;
  return { from, to, filters: { category, office, fundingStream, vulnerability, arrival }, unitCostVersion, asOf };
}

/** The preview: the same (suppressed) tables the files are written from, and the input checksum. */
export interface EvidencePackPreview extends EvidencePack {
  inputsSha256: string;
}
