import {
  type ApiError,
  type ArrivalRoute,
  type Category,
  type FundingStream,
  type Vulnerability,
} from '@deepvalue/shared';
import { isIsoDate, today } from '../../app/format';
import type { ClientSummary } from '@deepvalue/shared';
import { type ConflictDecision, decisionBody, decisionErrors, NO_DECISION } from '../cases/ConflictCheck';
import { type ClientDetails, EMPTY_CLIENT_DETAILS, validateClientDetails } from '../cases/ClientDetailsFields';

export interface IntakeAnswers {
  client: ClientDetails;
  /** An existing client chosen on the duplicate check (or the one created by a failed earlier save). */
  clientId: string | null;
  existingClientName: string | null;
  /** Existing clients who look like this one (same name, or same last name and date of birth). */
  duplicates: ClientSummary[];
  /** The adviser said "this is a new client" on the duplicate check. */
  confirmedNew: boolean;
  /** The client this intake created (kept so a retry never records them twice). */
  created: { id: string; version: number } | null;
  /** Possible duplicates the server found on saving that the adviser has not seen yet. */
  pendingDuplicates: ClientSummary[];
  vulnerabilities: Vulnerability[];
  noVulnerabilities: boolean;
  evidenceConsent: '' | 'yes' | 'no';
  category: Category | '';
  subcategory: string;
  fundingStream: FundingStream | '';
  arrivalRoute: ArrivalRoute | '';
  referrer: { id: string; name: string } | null;
  priorOrganisationsContacted: string;
  timesToldStoryBefore: string;
  /** The client's confidence dealing with problems like this: '1'–'5', or 'not_asked'. */
  confidenceAtIntake: '' | '1' | '2' | '3' | '4' | '5' | 'not_asked';
  openedOn: string;
  /** The client's first contact with the organisation, if before the case was opened ('' = the same day). */
  firstContactOn: string;
  officeId: string;
  /** The adviser's decision on the conflict check of the client. */
  conflict: ConflictDecision;
}

export const newAnswers = (): IntakeAnswers => ({
  client: { ...EMPTY_CLIENT_DETAILS },
  clientId: null,
  existingClientName: null,
  duplicates: [],
  confirmedNew: false,
  created: null,
  pendingDuplicates: [],
  vulnerabilities: [],
  noVulnerabilities: false,
  evidenceConsent: '',
  category: '',
  subcategory: '',
  fundingStream: '',
  arrivalRoute: '',
  referrer: null,
  priorOrganisationsContacted: '',
  timesToldStoryBefore: '',
  confidenceAtIntake: '',
  openedOn: today(),
  firstContactOn: '',
  officeId: '',
  conflict: { ...NO_DECISION },
});

export type StepKey =
  | 'client'
  | 'existing-client'
  | 'vulnerabilities'
  | 'consent'
  | 'conflict-check'
  | 'problem'
  | 'funding'
  | 'arrival'
  | 'prior-organisations'
  | 'told-story'
  | 'confidence'
  | 'case-details'
  | 'check';

/** The steps in order for these answers: an existing client skips the client questions. */
export function stepsFor(answers: IntakeAnswers): StepKey[] {
  const hasDuplicates = answers.duplicates.length > 0;
  const clientSteps: StepKey[] =
    answers.clientId && !answers.created
      ? []
      : ['client', ...(hasDuplicates ? (['existing-client'] as StepKey[]) : []), 'vulnerabilities', 'consent'];
  return [
    ...clientSteps,
    'conflict-check',
    'problem',
    'funding',
    'arrival',
    'prior-organisations',
    'told-story',
    'confidence',
    'check',
  ];
}

const wholeNumber = (text: string) => /^\d+$/.test(text.trim()) && Number(text) <= 100;

export function validateStep(step: StepKey, a: IntakeAnswers): ApiError[] {
  switch (step) {
    case 'client':
      return validateClientDetails(a.client);
    case 'vulnerabilities':
      return a.vulnerabilities.length || a.noVulnerabilities
        ? []
        : [{ path: 'vulnerabilities', message: 'Select any vulnerabilities, or select “None of these”' }];
    case 'consent':
      return a.evidenceConsent
        ? []
        : [
            {
              path: 'evidenceConsent',
              message: 'Select whether the client consents to their anonymised data being used',
            },
          ];
    case 'conflict-check':
      return Object.entries(decisionErrors(a.conflict ?? NO_DECISION)).map(([path, message]) => ({ path, message }));
    case 'problem':
      return a.category ? [] : [{ path: 'category', message: 'Select the area of law of the presenting problem' }];
    case 'funding':
      return a.fundingStream ? [] : [{ path: 'fundingStream', message: 'Select how the case is funded' }];
    case 'arrival':
      if (!a.arrivalRoute) return [{ path: 'arrivalRoute', message: 'Select how the client came to you' }];
      if (a.arrivalRoute === 'referred' && !a.referrer)
        return [{ path: 'referrer', message: 'Choose the organisation that referred the client' }];
      return [];
    case 'prior-organisations':
      if (!a.priorOrganisationsContacted.trim())
        return [{ path: 'priorOrganisationsContacted', message: 'Enter how many organisations they contacted, or 0' }];
      return wholeNumber(a.priorOrganisationsContacted)
        ? []
        : [{ path: 'priorOrganisationsContacted', message: 'Enter a whole number from 0 to 100' }];
    case 'told-story':
      if (!a.timesToldStoryBefore.trim())
        return [{ path: 'timesToldStoryBefore', message: 'Enter how many times they had told their story, or 0' }];
      return wholeNumber(a.timesToldStoryBefore)
        ? []
        : [{ path: 'timesToldStoryBefore', message: 'Enter a whole number from 0 to 100' }];
    case 'confidence':
      return a.confidenceAtIntake
        ? []
        : [{ path: 'confidenceAtIntake', message: 'Select how confident the client feels, or “Not asked”' }];
    case 'case-details':
      if (!isIsoDate(a.openedOn)) return [{ path: 'openedOn', message: 'Enter the date the case opened' }];
      if (a.openedOn > today())
        return [{ path: 'openedOn', message: 'The date the case opened must be today or in the past' }];
      if (a.firstContactOn && !isIsoDate(a.firstContactOn))
        return [{ path: 'firstContactOn', message: 'Enter the date of the first contact, or leave it empty' }];
      if (a.firstContactOn > a.openedOn)
        return [{ path: 'firstContactOn', message: 'The first contact must be on or before the date the case opened' }];
      return [];
    default:
      return [];
  }
}

const norm = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();

/**
 * Of the search results, the clients who may be the person being entered: the same last name and
 * either the same first name or the same date of birth. A little wider than the server's check on
 * saving (which also needs the same postcode district for a name match), so the adviser is asked
 * before typing the rest, not after.
 */
export function likelyDuplicates(details: ClientDetails, candidates: ClientSummary[]): ClientSummary[] {
  if (!details.lastName.trim()) return [];
  return candidates.filter((c) => {
    const sameLast = norm(c.lastName) === norm(details.lastName);
    const sameFirst = Boolean(details.firstName.trim()) && norm(c.firstName) === norm(details.firstName);
    const sameBirth = Boolean(details.dateOfBirth) && c.dateOfBirth === details.dateOfBirth;
    return sameLast && (sameFirst || sameBirth);
  });
}

export function clientBody(a: IntakeAnswers) {
  return {
    firstName: a.client.firstName.trim() || null,
    lastName: a.client.lastName.trim() || null,
    dateOfBirth: a.client.dateOfBirth || null,
    postcodeDistrict: a.client.postcodeDistrict.trim().toUpperCase() || null,
    email: a.client.email.trim() || null,
    phone: a.client.phone.trim() || null,
    vulnerabilities: a.noVulnerabilities ? [] : a.vulnerabilities,
    evidenceConsent: a.evidenceConsent === 'yes',
  };
}

export function caseBody(a: IntakeAnswers, clientId: string) {
  return {
    clientId,
    category: a.category,
    subcategory: a.subcategory.trim() || null,
    openedOn: a.openedOn,
    // Left empty or the same day as opening: the default (null), which follows a corrected opening date.
    firstContactOn: a.firstContactOn && a.firstContactOn !== a.openedOn ? a.firstContactOn : null,
    fundingStream: a.fundingStream,
    arrival: {
      route: a.arrivalRoute,
      referrerPartnerId: a.arrivalRoute === 'referred' ? (a.referrer?.id ?? null) : null,
    },
    priorOrganisationsContacted: Number(a.priorOrganisationsContacted),
    timesToldStoryBefore: Number(a.timesToldStoryBefore),
    confidenceAtIntake: /^[1-5]$/.test(a.confidenceAtIntake) ? Number(a.confidenceAtIntake) : null,
    officeId: a.officeId || null,
    conflictCheck: decisionBody(a.conflict ?? NO_DECISION),
  };
}
