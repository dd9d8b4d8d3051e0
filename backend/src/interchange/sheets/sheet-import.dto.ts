import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';

/** A spreadsheet mapping as the body of a request; its contents are checked by checkMapping. */
export class SheetMappingBody {
  @ApiProperty({ description: 'A deepvalue.sheet-mapping.v1 mapping: columns, values and defaults', type: Object })
  @IsObject()
  mapping: Record<string, unknown>;
}
