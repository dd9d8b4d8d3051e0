import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { CATEGORIES, type Category, type LegalAidCodesView } from '@deepvalue/shared';

export class CodeDto {
  @ApiProperty() code: string;
  @ApiProperty({ required: false, description: 'Left out where the source gives no meaning.' }) label?: string;
}

export class CategoryOfLawDto extends CodeDto {
  @ApiProperty() declare label: string;
  @ApiProperty({ required: false }) feeSchemeCategory?: string;
  @ApiProperty({ required: false, description: 'Its key in the bulk load’s MATTERSTARTS records.' })
  matterStartCode?: string;
  @ApiProperty({ enum: CATEGORIES, nullable: true, description: "Deep Value's category a case of it is counted in." })
  deepValueCategory: Category | null;
  @ApiProperty({ description: 'false: not found in the sources listed (inferred).' }) verified: boolean;
}

export class MatterTypeListDto {
  @ApiProperty() category: string;
  @ApiProperty({ type: [CodeDto] }) matterType1: CodeDto[];
  @ApiProperty({ type: [CodeDto] }) matterType2: CodeDto[];
  @ApiProperty() source: string;
}

export class OutcomeListDto {
  @ApiProperty() category: string;
  @ApiProperty({ type: [CodeDto] }) outcome: CodeDto[];
  @ApiProperty({ type: [CodeDto] }) stageReached: CodeDto[];
  @ApiProperty() source: string;
}

export class FeeCodeListDto {
  @ApiProperty() category: string;
  @ApiProperty({
    type: [CodeDto],
    description: "The fee scheme's codes for the category's claims, with its descriptions.",
  })
  feeCode: CodeDto[];
}

export class EqualityListDto {
  @ApiProperty() pattern: string;
  @ApiProperty({ description: 'The code for a client who prefers not to say.' }) declinedCode: string;
  @ApiProperty({ type: [CodeDto] }) codes: CodeDto[];
}

export class EqualityListsDto {
  @ApiProperty({ type: EqualityListDto }) gender: EqualityListDto;
  @ApiProperty({ type: EqualityListDto }) ethnicity: EqualityListDto;
  @ApiProperty({ type: EqualityListDto }) disability: EqualityListDto;
}

export class FieldFormatDto {
  @ApiProperty() pattern: string;
  @ApiProperty({ description: "The LAA's own wording of the rule." }) rule: string;
}

export class CodeSourceDto {
  @ApiProperty() name: string;
  @ApiProperty() url: string;
  @ApiProperty({ format: 'date' }) retrieved: string;
}

/** GET /legal-aid-codes: the lists in force (shipped, or LEGAL_AID_CODES_DIR's). */
@ApiExtraModels(FieldFormatDto, CodeSourceDto)
export class LegalAidCodesDto implements LegalAidCodesView {
  @ApiProperty({ type: [CategoryOfLawDto] }) categories: CategoryOfLawDto[];
  @ApiProperty({ type: [FeeCodeListDto], description: 'Partial: only the categories whose fee codes are known.' })
  feeCodes: FeeCodeListDto[];
  @ApiProperty({ type: [MatterTypeListDto], description: 'Partial: only the categories whose codes are known.' })
  matterTypes: MatterTypeListDto[];
  @ApiProperty({ type: [OutcomeListDto], description: 'Partial: only the categories whose codes are known.' })
  outcomes: OutcomeListDto[];
  @ApiProperty({ type: EqualityListsDto }) equality: EqualityListsDto;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(FieldFormatDto) } })
  formats: Record<string, FieldFormatDto>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: getSchemaPath(CodeSourceDto) } },
    description: 'Each list’s public sources and the day they were read.',
  })
  sources: Record<string, CodeSourceDto[]>;
}
