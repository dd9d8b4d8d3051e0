import { ApiProperty } from '@nestjs/swagger';
import type { LetterTemplate } from '@deepvalue/shared';
import {
  LETTER_FORMATS,
  type LetterFormat,
  MAX_LETTER_TEMPLATE_LENGTH,
  MAX_LETTER_TEMPLATE_NAME_LENGTH,
  SHIPPED_LETTER_KEYS,
  type ShippedLetterKey,
} from '@deepvalue/shared';
import { EnumField, TextField, UuidField, VersionField } from '../../common/fields.js';

const name = (optional = false) => TextField({ optional, min: 1, max: MAX_LETTER_TEMPLATE_NAME_LENGTH });
const body = (optional = false) =>
  TextField({
    optional,
    min: 1,
    max: MAX_LETTER_TEMPLATE_LENGTH,
    description: 'Case fields written {{client.fullName}}',
  });

export class CreateLetterTemplateDto {
  @name() name: string;
  @body() body: string;
}

export class UpdateLetterTemplateDto {
  @VersionField() version: number;
  @name(true) name?: string;
  @body(true) body?: string;
}

export class GenerateLetterDto {
  @UuidField({ description: 'The letter template to fill in' }) templateId: string;
  @EnumField(LETTER_FORMATS, { optional: true, description: 'pdf (the default) or docx, which can still be edited' })
  format?: LetterFormat;
}

export class LetterTemplateDto implements LetterTemplate {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SHIPPED_LETTER_KEYS, nullable: true, type: String, description: 'Set on the shipped templates' })
  key: ShippedLetterKey | null;
  @ApiProperty() name: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: String, nullable: true }) updatedByName: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() version: number;
}

export interface LetterTemplateRow {
  id: string;
  key: ShippedLetterKey | null;
  name: string;
  body: string;
  updated_by_name: string | null;
  updated_at: Date;
  version: number;
}

export const toLetterTemplateDto = (r: LetterTemplateRow): LetterTemplateDto => ({
  id: r.id,
  key: r.key,
  name: r.name,
  body: r.body,
  updatedByName: r.updated_by_name,
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});
