import { ApiProperty } from '@nestjs/swagger';
import type { ConflictCheckRecord, ConflictMatch, ConflictSearchResult } from '@deepvalue/shared';
import {
  CONFLICT_MATCH_FIELDS,
  CONFLICT_RESULTS,
  CONFLICT_SUBJECTS,
  type ConflictMatchField,
  type ConflictResult,
  type ConflictSubject,
  EARLIEST_BIRTH_DATE,
  MAX_SHORT_TEXT_LENGTH,
  OPPONENT_TYPES,
  type OpponentType,
  PARTY_ROLES,
  type PartyRole,
} from '@deepvalue/shared';
import { PostcodeDistrictField, upperTrimmed } from '../clients/client.dto.js';
import { CrossField, DateField, EnumField, TextField, UuidField } from '../../common/fields.js';

/** GET /conflict-checks/search: the details typed so far. */
export class ConflictSearchQuery {
  @TextField({
    min: 2,
    max: 200,
    description:
      "A name, in any order (a typo or two still finds it), or a reference: a client's, a case's (finds its client) or a party's.",
  })
  name: string;
  @DateField({ optional: true, notBefore: EARLIEST_BIRTH_DATE }) dateOfBirth?: string;
  @upperTrimmed()
  @PostcodeDistrictField({ optional: true })
  postcodeDistrict?: string;
  @UuidField({ optional: true, description: 'Leave this client out (the client being checked).' })
  exceptClientId?: string;
}

/** The adviser's decision, recorded with the case or party it is about. */
export class ConflictDecisionDto {
  @EnumField(CONFLICT_RESULTS, {
    description: 'no_conflict; conflict_can_proceed (say why in reason); cannot_act (say why in reason).',
  })
  result: ConflictResult;
  @TextField({ optional: true, nullable: true, max: MAX_SHORT_TEXT_LENGTH })
  @CrossField<ConflictDecisionDto>((d) =>
    d.result && d.result !== 'no_conflict' && !(typeof d.reason === 'string' && d.reason.trim())
      ? 'is required when a conflict was found: say why you can proceed or why you cannot act'
      : undefined,
  )
  reason?: string | null;
}

/** POST /cases/:id/conflict-checks: check the case's client, or one of its parties, again. */
export class RecordConflictCheckDto extends ConflictDecisionDto {
  @EnumField(CONFLICT_SUBJECTS, { description: "client: the case's client; party: the party given." })
  subject: ConflictSubject;
  @UuidField({ optional: true, description: 'The party checked, for subject party.' })
  @CrossField<RecordConflictCheckDto>((d) =>
    d.subject === 'party' && !d.partyId
      ? 'is required for a party check'
      : d.subject === 'client' && d.partyId
        ? 'is only for a party check'
        : undefined,
  )
  partyId?: string;
}

/** One person or organisation the search found, as it reads now. */
export class ConflictMatchDto implements ConflictMatch {
  @ApiProperty({ enum: ['client', 'party'] }) source: 'client' | 'party';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) clientId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId: string | null;
  @ApiProperty({ description: "The name now (an erased client's reads as their pseudonym; a removed party as '')." })
  name: string;
  @ApiProperty({ description: "The client's reference, or the party's case reference." }) ref: string;
  @ApiProperty({ enum: ['client', ...PARTY_ROLES] }) role: 'client' | PartyRole;
  @ApiProperty({ enum: OPPONENT_TYPES, nullable: true }) opponentType: OpponentType | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dateOfBirth: string | null;
  @ApiProperty({ type: String, nullable: true }) postcodeDistrict: string | null;
  @ApiProperty({
    description:
      'Name similarity 0–1, plus 1 for the reference typed, 0.5 for the same date of birth and 0.15 for the same district.',
  })
  score: number;
  @ApiProperty({ enum: CONFLICT_MATCH_FIELDS, isArray: true }) matchedOn: ConflictMatchField[];
}

export class ConflictSearchDto implements ConflictSearchResult {
  @ApiProperty({ type: [ConflictMatchDto], description: 'Best first; at most 20.' }) items: ConflictMatchDto[];
}

export class ConflictCheckDto implements ConflictCheckRecord {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: CONFLICT_SUBJECTS }) subject: ConflictSubject;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) partyId: string | null;
  @ApiProperty() searchedName: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) searchedDateOfBirth: string | null;
  @ApiProperty({ type: String, nullable: true }) searchedPostcodeDistrict: string | null;
  @ApiProperty({ type: [ConflictMatchDto] }) matches: ConflictMatchDto[];
  @ApiProperty({ enum: CONFLICT_RESULTS }) result: ConflictResult;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ format: 'uuid' }) checkedById: string;
  @ApiProperty() checkedByName: string;
  @ApiProperty({ format: 'date-time' }) checkedAt: string;
}
