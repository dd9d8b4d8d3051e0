/**
 * The words of each email. Plain text only. A key-date reminder names no client and repeats no
 * typed title: it says what kind of date is due when, with a link to the case, so an email (which
 * leaves Deep Value for a mail server) carries no client data.
 */
import { KEY_DATE_KIND_LABELS, longDate, type KeyDateKind } from '@deepvalue/shared';

interface Text {
  subject: string;
  body: string;
}

const linkWorksFor = (expiresAt: Date) =>
  `The link works once, until ${longDate(expiresAt.toISOString())} at ${expiresAt.toISOString().slice(11, 16)} UTC.`;

export function invitationText(p: { name: string; organisation: string; url: string; expiresAt: Date }): Text {
  return {
    subject: `You are invited to Deep Value at ${p.organisation}`,
    body: [
      `Hello ${p.name},`,
      `You have been invited to use Deep Value, ${p.organisation}'s casework system. Choose your password here:`,
      p.url,
      linkWorksFor(p.expiresAt),
      'If you did not expect this email, you can ignore it.',
    ].join('\n\n'),
  };
}

export function passwordResetText(p: { name: string; organisation: string; url: string; expiresAt: Date }): Text {
  return {
    subject: 'Set a new password for Deep Value',
    body: [
      `Hello ${p.name},`,
      `An administrator at ${p.organisation} has reset your Deep Value password. Choose a new one here:`,
      p.url,
      linkWorksFor(p.expiresAt),
      'If you did not ask for this, tell your administrator.',
    ].join('\n\n'),
  };
}

export interface DueDate {
  caseId: string;
  kind: KeyDateKind;
  dueOn: string;
}

export function keyDateReminderText(p: { name: string; today: string; dates: DueDate[]; publicUrl: string }): Text {
  const overdue = p.dates.filter((d) => d.dueOn < p.today);
  const soon = p.dates.filter((d) => d.dueOn >= p.today);
  const line = (d: DueDate) =>
    `- ${KEY_DATE_KIND_LABELS[d.kind]}, due ${longDate(d.dueOn)}: ${p.publicUrl}/cases/${d.caseId}`;
  const counts = [soon.length && `${soon.length} due this week`, overdue.length && `${overdue.length} overdue`];
  return {
    subject: `Key dates: ${counts.filter(Boolean).join(', ')}`,
    body: [
      `Hello ${p.name},`,
      ...(overdue.length ? [`Overdue:\n${overdue.map(line).join('\n')}`] : []),
      ...(soon.length ? [`Due in the next 7 days:\n${soon.map(line).join('\n')}`] : []),
      `Mark a date done on its case once it is dealt with. Your cases: ${p.publicUrl}/`,
    ].join('\n\n'),
  };
}
