import { ApiProperty } from '@nestjs/swagger';
import { PACK_MEANS, PACK_RATES, type PackMean, type PackRate } from '@deepvalue/shared';
import { IsIn } from 'class-validator';
import { ReportFiltersDto } from '../../analytics/dto/report-query.dto.js';

const BY_BAND_MEASURES = [...PACK_RATES, ...PACK_MEANS];

export class ByBandQueryDto extends ReportFiltersDto {
  @ApiProperty({ enum: BY_BAND_MEASURES, description: 'The rate or mean, as the evidence pack publishes it by band' })
  @IsIn(BY_BAND_MEASURES, { message: `must be one of ${BY_BAND_MEASURES.join(', ')}` })
  measure!: PackRate | PackMean;
}
