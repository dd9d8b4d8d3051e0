import type { ErasureFate, PrivacySummary } from '@deepvalue/shared';
import { clientName } from '../../app/format';

/** The subject access export's keys for the records under a case, as a person would name them. */
export const RECORD_LABELS: Record<string, string> = {
  timeEntries: 'Time entries',
  feedback: 'Feedback from the client',
  assessments: 'Adviser assessments',
  problems: 'Underlying problems',
  referrals: 'Referrals',
  outcomes: 'Outcomes',
  outcomeBenefits: 'Benefits gained',
  followUps: 'Follow-ups',
  notes: 'Case notes',
  noteRevisions: 'Earlier versions of notes',
  parties: 'Other parties',
  conflictChecks: 'Conflict checks',
  keyDates: 'Key dates and tasks',
  keyDateChanges: 'Changes to key dates',
  documents: 'Documents and letters',
  fileReviews: 'File reviews',
};

export const FATE_LABELS: Record<ErasureFate, string> = {
  deleted: 'Deleted',
  text_cleared: 'Kept without the text typed into them',
  kept_anonymous: 'Kept, no longer linked to a name',
};

export const privacyName = (client: PrivacySummary['client']) =>
  client.erasedAt ? `Erased client ${client.ref}` : clientName(client);
