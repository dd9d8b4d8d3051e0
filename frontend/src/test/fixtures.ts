/**
 * Whole response bodies for fakes (`reply<CaseDetail>(aCaseDetail({ … }))`), each of a shared type, so a
 * change to the API's shape fails the typecheck.
 */
import type { CaseDetail, Office, TimeEntry } from '@deepvalue/shared';

/** An open housing case with nothing recorded yet; `over` sets what a test needs. */
export const aCaseDetail = (over: Partial<CaseDetail> = {}): CaseDetail => ({
  id: '22222222-2222-4222-8222-222222222222',
  ref: 'c-42',
  clientId: 'cl-1',
  officeId: null,
  category: 'housing',
  subcategory: 'possession',
  openedOn: '2026-01-05',
  closedOn: null,
  status: 'open',
  leadAdviserId: 'a-1',
  fundingStream: 'grant',
  arrival: { route: 'self', referrerPartnerId: null },
  priorOrganisationsContacted: 1,
  timesToldStoryBefore: 2,
  confidenceAtIntake: null,
  version: 3,
  client: {
    id: 'cl-1',
    ref: 'cl-1',
    firstName: 'Ana',
    lastName: 'Ruiz',
    dateOfBirth: null,
    postcodeDistrict: null,
    vulnerabilities: [],
    evidenceConsent: true,
  },
  leadAdviserName: 'Sam',
  officeName: null,
  referrerName: null,
  timeEntries: [],
  feedback: [],
  assessment: null,
  problems: [],
  referrals: [],
  outcome: null,
  followUps: [],
  measures: {
    relationshipMinutes: 0,
    totalMinutes: 0,
    relationshipShare: null,
    continuity: null,
    firstContactLatencyDays: null,
    rqi: null,
    rqiItems: 0,
    problemsCount: 0,
  },
  ...over,
});

export const anOffice = (over: Partial<Office> = {}): Office => ({
  id: 'o1',
  ref: 'town',
  name: 'Town office',
  version: 1,
  ...over,
});

export const aTimeEntry = (over: Partial<TimeEntry> = {}): TimeEntry => ({
  id: 'te-1',
  on: '2026-01-05',
  adviserId: 'a-1',
  adviserName: 'Sam',
  minutes: 45,
  class: 'relationship',
  activity: 'advice_session',
  mode: 'face_to_face',
  note: null,
  version: 1,
  ...over,
});
