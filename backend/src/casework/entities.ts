import { AssessmentEntity } from './assessments/assessment.entity.js';
import { CaseEntity } from './cases/case.entity.js';
import { ClientEntity } from './clients/client.entity.js';
import { FeedbackItemEntity } from './directory/feedback-item.entity.js';
import { OfficeEntity } from './directory/office.entity.js';
import { PartnerEntity } from './directory/partner.entity.js';
import { FeedbackEntity } from './feedback/feedback.entity.js';
import { FollowUpEntity } from './follow-ups/follow-up.entity.js';
import { KeyDateChangeEntity, KeyDateEntity } from './key-dates/key-date.entity.js';
import { CaseNoteEntity, CaseNoteRevisionEntity } from './notes/note.entity.js';
import { PartyEntity } from './parties/party.entity.js';
import { ConflictCheckEntity } from './conflicts/conflict-check.entity.js';
import { OutcomeBenefitEntity, OutcomeEntity } from './outcomes/outcome.entity.js';
import { ProblemEntity } from './problems/problem.entity.js';
import { ReferralEntity } from './referrals/referral.entity.js';
import { TimeEntryEntity } from './time-entries/time-entry.entity.js';

/** The casework entities, registered in database/entities.ts. */
export const CASEWORK_ENTITIES = [
  OfficeEntity,
  PartnerEntity,
  FeedbackItemEntity,
  ClientEntity,
  CaseEntity,
  TimeEntryEntity,
  FeedbackEntity,
  AssessmentEntity,
  ProblemEntity,
  ReferralEntity,
  OutcomeEntity,
  OutcomeBenefitEntity,
  FollowUpEntity,
  CaseNoteEntity,
  CaseNoteRevisionEntity,
  KeyDateEntity,
  KeyDateChangeEntity,
  PartyEntity,
  ConflictCheckEntity,
];
