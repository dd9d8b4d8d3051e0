import type { ClientEquality, Equality, LegalAid } from '@deepvalue/shared';
import { ApiProperty } from '@nestjs/swagger';
import { AmountField, IntField, TextField, VersionField } from '../common/fields.js';
import type { CaseLegalAidEntity } from './case-legal-aid.entity.js';

const code = (description: string) => TextField({ optional: true, nullable: true, max: 20, description });

/** PUT /cases/:id/legal-aid: the whole record; a code left out or null is not recorded. */
export class LegalAidInputDto {
  @IntField({
    optional: true,
    min: 1,
    max: 2_147_483_647,
    description: 'Required once the case has legal aid details: the version you last read (a stale one gets 409).',
  })
  version?: number;
  @TextField({ min: 1, max: 50, description: 'A category of law of the code lists, e.g. housing_hlpas.' })
  categoryOfLaw: string;
  @TextField({
    optional: true,
    max: 20,
    description:
      "The LAA's Unique File Number, DDMMYY/NNN. Left out: kept, or for a new record the next free number of the day the case was opened.",
  })
  ufn?: string;
  @code('Matter type 1 (4 capital letters), checked against the code lists of the category.') matterType1?:
    string | null;
  @code('Matter type 2 (4 capital letters), checked against the code lists of the category.') matterType2?:
    string | null;
  @code('Stage reached (2 letters or digits).') stageReached?: string | null;
  @code('Outcome code (2 characters), recorded when the case is closed.') outcomeCode?: string | null;
  @code(
    "The fee claimed (the LAA fee scheme's FEE_CODE, e.g. HOUS), checked against the category's fee codes. Left out for a category with one fee code: the report writes that one.",
  )
  feeCode?: string | null;
  @code('Exemption criteria satisfied, e.g. TR001, where one applies.') exemptionCriteria?: string | null;
  @code('Access point, AP followed by 5 digits.') accessPoint?: string | null;
  @code('Procurement area, 2 capital letters and 5 digits.') procurementArea?: string | null;
  @code("The client's full postcode as the LAA asks for it, or NFA (no fixed abode).") clientPostcode?: string | null;
  @AmountField({
    optional: true,
    nullable: true,
    description: 'Disbursements on the claim, £ excluding VAT; null: none.',
  })
  disbursementsGbp?: number | null;
  @AmountField({ optional: true, nullable: true, description: 'VAT on those disbursements, £; null: none.' })
  disbursementsVatGbp?: number | null;
  @AmountField({
    optional: true,
    nullable: true,
    description: "Counsel's fees on the claim, £ excluding VAT; null: none.",
  })
  counselCostsGbp?: number | null;
}

export class LegalAidDto implements LegalAid {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() categoryOfLaw: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null only after the client was erased.' })
  ufn: string | null;
  @ApiProperty({ type: String, nullable: true }) matterType1: string | null;
  @ApiProperty({ type: String, nullable: true }) matterType2: string | null;
  @ApiProperty({ type: String, nullable: true }) stageReached: string | null;
  @ApiProperty({ type: String, nullable: true }) outcomeCode: string | null;
  @ApiProperty({ type: String, nullable: true }) feeCode: string | null;
  @ApiProperty({ type: String, nullable: true }) exemptionCriteria: string | null;
  @ApiProperty({ type: String, nullable: true }) accessPoint: string | null;
  @ApiProperty({ type: String, nullable: true }) procurementArea: string | null;
  @ApiProperty({ type: String, nullable: true }) clientPostcode: string | null;
  @ApiProperty({ type: Number, nullable: true }) disbursementsGbp: number | null;
  @ApiProperty({ type: Number, nullable: true }) disbursementsVatGbp: number | null;
  @ApiProperty({ type: Number, nullable: true }) counselCostsGbp: number | null;
  @ApiProperty() version: number;
}

export function toLegalAidDto(r: CaseLegalAidEntity): LegalAidDto {
  return {
    id: r.id,
    caseId: r.caseId,
    categoryOfLaw: r.categoryOfLaw,
    ufn: r.ufn,
    matterType1: r.matterType1,
    matterType2: r.matterType2,
    stageReached: r.stageReached,
    outcomeCode: r.outcomeCode,
    feeCode: r.feeCode,
    exemptionCriteria: r.exemptionCriteria,
    accessPoint: r.accessPoint,
    procurementArea: r.procurementArea,
    clientPostcode: r.clientPostcode,
    disbursementsGbp: r.disbursementsGbp,
    disbursementsVatGbp: r.disbursementsVatGbp,
    counselCostsGbp: r.counselCostsGbp,
    version: r.version,
  };
}

const answer = (question: string) =>
  TextField({
    optional: true,
    nullable: true,
    max: 10,
    description: `${question}: a code of the equality monitoring list (its declined code when the client prefers not to say); null or left out: not asked.`,
  });

/** PUT /clients/:id/equality: the three answers, replaced whole. */
export class EqualityInputDto {
  @VersionField() version: number;
  @answer('Gender') gender?: string | null;
  @answer('Ethnicity') ethnicity?: string | null;
  @answer('Disability') disability?: string | null;
}

export class EqualityDto implements Equality {
  @ApiProperty({ type: String, nullable: true }) gender: string | null;
  @ApiProperty({ type: String, nullable: true }) ethnicity: string | null;
  @ApiProperty({ type: String, nullable: true }) disability: string | null;
}

export class ClientEqualityDto extends EqualityDto implements ClientEquality {
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ description: "The client's version after the change." }) version: number;
}

export function toEqualityDto(c: {
  equalityGender: string | null;
  equalityEthnicity: string | null;
  equalityDisability: string | null;
}): EqualityDto {
  return { gender: c.equalityGender, ethnicity: c.equalityEthnicity, disability: c.equalityDisability };
}

export class MonthQuery {
  @TextField({
    max: 7,
    pattern: /^\d{4}-(0[1-9]|1[0-2])$/,
    patternMessage: 'must be a month written YYYY-MM, e.g. 2026-03',
  })
  month: string;
}
