import { ApiProperty } from '@nestjs/swagger';
import { VULNERABILITIES, type Vulnerability, type CaseDetail } from '@deepvalue/shared';
import { AssessmentDto } from '../assessments/assessment.dto.js';
import { ClientSummaryDto } from '../clients/client.dto.js';
import { ContactSafetyReadDto } from '../clients/contact-safety.js';
import { EqualityDto, LegalAidDto } from '../../legal-aid/legal-aid.dto.js';
import { FeedbackDto } from '../feedback/feedback.dto.js';
import { FollowUpDto } from '../follow-ups/follow-up.dto.js';
import { NoteDto } from '../notes/note.dto.js';
import { OutcomeDto } from '../outcomes/outcome.dto.js';
import { ProblemDto } from '../problems/problem.dto.js';
import { ReferralDto } from '../referrals/referral.dto.js';
import { TimeEntryDto } from '../time-entries/time-entry.dto.js';
import { CaseDto } from './case.dto.js';
import { CaseMeasuresDto } from './case-measures.js';

export class CaseClientDto extends ClientSummaryDto {
  @ApiProperty({ enum: VULNERABILITIES, isArray: true }) vulnerabilities: Vulnerability[];
  @ApiProperty() evidenceConsent: boolean;
  @ApiProperty({ type: ContactSafetyReadDto, description: 'Shown wherever the client may be contacted.' })
  contactSafety: ContactSafetyReadDto;
  @ApiProperty({ type: EqualityDto, description: 'Equality monitoring answers (codes); null: not asked.' })
  equality: EqualityDto;
}

/** Everything the case page shows, in one request. */
export class CaseDetailDto extends CaseDto implements CaseDetail {
  @ApiProperty({ type: CaseClientDto }) client: CaseClientDto;
  @ApiProperty() leadAdviserName: string;
  @ApiProperty({ type: String, nullable: true }) officeName: string | null;
  @ApiProperty({ type: String, nullable: true }) referrerName: string | null;
  @ApiProperty({ type: [TimeEntryDto] }) timeEntries: TimeEntryDto[];
  @ApiProperty({ type: [FeedbackDto] }) feedback: FeedbackDto[];
  @ApiProperty({ type: AssessmentDto, nullable: true }) assessment: AssessmentDto | null;
  @ApiProperty({ type: [ProblemDto] }) problems: ProblemDto[];
  @ApiProperty({ type: [ReferralDto] }) referrals: ReferralDto[];
  @ApiProperty({ type: OutcomeDto, nullable: true }) outcome: OutcomeDto | null;
  @ApiProperty({ type: [FollowUpDto] }) followUps: FollowUpDto[];
  @ApiProperty({ type: [NoteDto], description: 'Attendance and file notes by date.' }) notes: NoteDto[];
  @ApiProperty({ type: CaseMeasuresDto }) measures: CaseMeasuresDto;
  @ApiProperty({ type: LegalAidDto, nullable: true, description: 'The LAA details of a legally aided case.' })
  legalAid: LegalAidDto | null;
}
