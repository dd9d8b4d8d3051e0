/**
 * Casework factories for API tests: each creates its record through the API (so the test data is
 * what the API accepts) with sensible defaults that a test overrides only where it matters.
 */
import { DEFAULT_SUBCATEGORIES, type Category, type Role } from '@deepvalue/shared';
import type { Harness, TestUser } from './harness.js';

type Body = Record<string, unknown>;

export interface Staff {
  organisationId: string;
  adviser: TestUser;
  manager: TestUser;
  admin: TestUser;
}

/** An organisation with an adviser, a manager and an admin. */
export async function makeStaffedOrganisation(h: Harness): Promise<Staff> {
  const org = await h.makeOrganisation();
  const make = (role: Role) =>
    h.makeUser(org.id, role, { name: `${role[0].toUpperCase()}${role.slice(1)} ${org.ref}` });
  const [adviser, manager, admin] = await Promise.all([make('adviser'), make('manager'), make('admin')]);
  return { organisationId: org.id, adviser, manager, admin };
}

async function created(h: Harness, user: TestUser, path: string, body: Body): Promise<Body> {
  const res = await h.as(user).post(path).send(body);
  if (res.status >= 300) throw new Error(`POST ${path} gave ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as Body;
}

let sequence = 0;

export async function makeClient(h: Harness, user: TestUser, input: Body = {}): Promise<Body> {
  sequence += 1;
  return created(h, user, '/api/clients', {
    firstName: 'Ana',
    lastName: `Ruiz${sequence}`,
    dateOfBirth: '1984-02-11',
    postcodeDistrict: 'E3',
    vulnerabilities: ['mental_health'],
    evidenceConsent: true,
    ...input,
  });
}

export async function makePartner(h: Harness, user: TestUser, input: Body = {}): Promise<Body> {
  sequence += 1;
  return created(h, user, '/api/partners', { name: `Riverside Foodbank ${sequence}`, ...input });
}

/** A case for a new client (unless clientId is given), led by the user. */
export async function makeCase(h: Harness, user: TestUser, input: Body = {}): Promise<Body> {
  const clientId = input.clientId ?? (await makeClient(h, user)).id;
  const category = (input.category ?? 'housing') as Category;
  return created(h, user, '/api/cases', {
    clientId,
    category,
    subcategory: DEFAULT_SUBCATEGORIES[category]?.[0]?.[0] ?? null,
    openedOn: '2025-01-06',
    fundingStream: 'legal_aid_fixed_fee',
    arrival: { route: 'self' },
    priorOrganisationsContacted: 2,
    timesToldStoryBefore: 3,
    ...input,
  });
}

export async function makeTimeEntry(h: Harness, user: TestUser, caseId: unknown, input: Body = {}): Promise<Body> {
  return created(h, user, `/api/cases/${String(caseId)}/time-entries`, {
    on: '2025-01-06',
    minutes: 60,
    class: 'relationship',
    activity: 'initial_interview',
    mode: 'face_to_face',
    ...input,
  });
}

export const OUTCOME = {
  result: 'positive',
  benefits: [{ type: 'eviction_avoided', amountGbp: null }],
  understood: 5,
  accepted: true,
  appeal: 'considered_not_pursued',
  confidenceBefore: 2,
  confidenceAfter: 4,
  wouldSeekAdviceEarlier: true,
  couldHandleSimilar: false,
};

export async function closeCase(h: Harness, user: TestUser, kase: Body, input: Body = {}): Promise<Body> {
  return created(h, user, `/api/cases/${String(kase.id)}/close`, {
    version: kase.version,
    closedOn: '2025-04-30',
    outcome: OUTCOME,
    ...input,
  });
}
