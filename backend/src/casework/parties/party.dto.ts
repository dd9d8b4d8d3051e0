import { ApiProperty } from '@nestjs/swagger';
import type { Party } from '@deepvalue/shared';
import {
  EARLIEST_BIRTH_DATE,
  MAX_PARTY_NAME_LENGTH,
  MAX_PARTY_NOTE_LENGTH,
  OPPONENT_TYPES,
  type OpponentType,
  PARTY_KINDS,
  PARTY_ROLES,
  type PartyKind,
  type PartyRole,
} from '@deepvalue/shared';
import type { FieldErrorMap } from '../database-errors.js';
import { PostcodeDistrictField, upperTrimmed } from '../clients/client.dto.js';
import type { FieldError } from '../../common/domain-error.js';
import { ConflictDecisionDto } from '../conflicts/conflict-check.dto.js';
import { DateField, EnumField, NestedObject, type Presence, TextField, VersionField } from '../../common/fields.js';
import type { PartyEntity } from './party.entity.js';

const text = (max: number, description?: string) => TextField({ optional: true, nullable: true, max, description });
const district = (p: Presence) => PostcodeDistrictField({ ...p, nullable: true });

const ONLY_OPPONENT = { path: 'opponentType', message: 'is only for an opponent' };
const ONLY_THIRD_PARTY = { path: 'passPhrase', message: 'is only for a third party acting for the client' };
const ONLY_PERSON = { path: 'dateOfBirth', message: 'is only for a person' };

/** The same rules as the table's checks, for an edit that would break one. */
export const PARTY_ERRORS: FieldErrorMap = {
  checks: {
    case_parties_opponent_type_role: ONLY_OPPONENT,
    case_parties_pass_phrase_role: ONLY_THIRD_PARTY,
    case_parties_birth_person: ONLY_PERSON,
  },
};

/** Fields a party may carry only in some roles, checked on the party as it will be stored. */
export function partyProblems(
  p: Pick<PartyEntity, 'role' | 'kind' | 'opponentType' | 'passPhrase' | 'dateOfBirth'>,
): FieldError[] {
  const problems: FieldError[] = [];
  if (p.role !== 'opponent' && p.opponentType != null) problems.push(ONLY_OPPONENT);
  if (p.role !== 'third_party' && p.passPhrase != null) problems.push(ONLY_THIRD_PARTY);
  if (p.kind !== 'person' && p.dateOfBirth != null) problems.push(ONLY_PERSON);
  return problems;
}

export class CreatePartyDto {
  @EnumField(PARTY_ROLES, {
    description: 'opponent: the other side; third_party: acts for the client; interpreter; other.',
  })
  role: PartyRole;
  @EnumField(OPPONENT_TYPES, { optional: true, nullable: true, description: 'Who the opponent is.' })
  opponentType?: OpponentType | null;
  @EnumField(PARTY_KINDS) kind: PartyKind;
  @TextField({ min: 1, max: MAX_PARTY_NAME_LENGTH, description: "A person's full name or an organisation's name." })
  name: string;
  @DateField({ optional: true, nullable: true, notBefore: EARLIEST_BIRTH_DATE, notFuture: true })
  dateOfBirth?: string | null;
  @upperTrimmed() @district({ optional: true }) postcodeDistrict?: string | null;
  @text(500, 'Address, phone or email.') contact?: string | null;
  @text(100, 'Their reference, e.g. a tenancy or National Insurance reference.') reference?: string | null;
  @text(100, 'To the client, e.g. daughter, support worker.') relationship?: string | null;
  @text(200, 'A third party proves who they are with it before being told anything.') passPhrase?: string | null;
  @text(100, "An interpreter's language.") language?: string | null;
  @text(MAX_PARTY_NOTE_LENGTH) note?: string | null;
  @NestedObject(() => ConflictDecisionDto, {
    optional: true,
    description:
      "The party's conflict check: their name, date of birth and postcode are searched as they are added, and the decision is stored on the case.",
  })
  conflictCheck?: ConflictDecisionDto;
}

export class UpdatePartyDto {
  @VersionField() version: number;
  @EnumField(PARTY_ROLES, { optional: true }) role?: PartyRole;
  @EnumField(OPPONENT_TYPES, { optional: true, nullable: true }) opponentType?: OpponentType | null;
  @EnumField(PARTY_KINDS, { optional: true }) kind?: PartyKind;
  @TextField({ optional: true, min: 1, max: MAX_PARTY_NAME_LENGTH }) name?: string;
  @DateField({ optional: true, nullable: true, notBefore: EARLIEST_BIRTH_DATE, notFuture: true })
  dateOfBirth?: string | null;
  @upperTrimmed() @district({ optional: true }) postcodeDistrict?: string | null;
  @text(500) contact?: string | null;
  @text(100) reference?: string | null;
  @text(100) relationship?: string | null;
  @text(200) passPhrase?: string | null;
  @text(100) language?: string | null;
  @text(MAX_PARTY_NOTE_LENGTH) note?: string | null;
}

export class PartyDto implements Party {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: PARTY_ROLES }) role: PartyRole;
  @ApiProperty({ enum: OPPONENT_TYPES, nullable: true }) opponentType: OpponentType | null;
  @ApiProperty({ enum: PARTY_KINDS }) kind: PartyKind;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dateOfBirth: string | null;
  @ApiProperty({ type: String, nullable: true }) postcodeDistrict: string | null;
  @ApiProperty({ type: String, nullable: true }) contact: string | null;
  @ApiProperty({ type: String, nullable: true }) reference: string | null;
  @ApiProperty({ type: String, nullable: true }) relationship: string | null;
  @ApiProperty({ type: String, nullable: true }) passPhrase: string | null;
  @ApiProperty({ type: String, nullable: true }) language: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty() version: number;
}

export function toPartyDto(p: PartyEntity): PartyDto {
  return {
    id: p.id,
    caseId: p.caseId,
    role: p.role,
    opponentType: p.opponentType,
    kind: p.kind,
    name: p.name,
    dateOfBirth: p.dateOfBirth,
    postcodeDistrict: p.postcodeDistrict,
    contact: p.contact,
    reference: p.reference,
    relationship: p.relationship,
    passPhrase: p.passPhrase,
    language: p.language,
    note: p.note,
    version: p.version,
  };
}
