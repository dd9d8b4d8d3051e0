import type { MailStatus } from './mail.js';
import type { Role } from './enums.js';

export interface User {
  id: string;
  email: string | null;
  name: string;
  role: Role;
  active: boolean;
  twoFactorEnabled: boolean;
  /** Invited but no password set yet. */
  invitePending: boolean;
  lastSignInAt: string | null;
  version: number;
}

export interface SetPasswordLink {
  /** Give this link to the user; it works once. */
  setPasswordUrl: string;
  expiresAt: string;
  /** Where the email carrying the link got to; null when the user has no email address. */
  emailStatus: MailStatus | null;
}

export interface InvitedUser extends SetPasswordLink {
  user: User;
}

export interface OrganisationSettings {
  suppressionThreshold: number;
  retentionYears: number;
  requireTwoFactorForManagers: boolean;
  /** The LAA office account number and schedule reference, for the monthly contract report. */
  legalAidOfficeAccount?: string | null;
  legalAidScheduleRef?: string | null;
  /** Legal Help hourly rates (£) for advice time and for travel and waiting time; null: not entered. */
  legalAidHourlyRateGbp?: number | null;
  legalAidTravelRateGbp?: number | null;
  /** VAT applies to the organisation's claims; null: not said. */
  legalAidVatRegistered?: boolean | null;
  version: number;
}

export interface OrganisationRef {
  id: string;
  ref: string;
  name: string;
}

export interface Share {
  commissioner: OrganisationRef;
  createdAt: string;
}

/** Two-factor enrolment: the secret to add to an authenticator app, shown once. */
export interface TwoFactorSetup {
  secret: string;
  otpauthUrl: string;
}

/** Funding an organisation received for a period (evidence packs show value per £1 of it). */
export interface FundingRecord {
  id: string;
  /** First and last day the funding pays for, YYYY-MM-DD (inclusive). */
  periodFrom: string;
  periodTo: string;
  amountGbp: number;
  /** Who paid it, e.g. "County council advice contract". */
  funder: string;
  createdAt: string;
}
