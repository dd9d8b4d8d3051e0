import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type {
  CaseRecord,
  Client,
  ClientSummary,
  ConflictMatch,
  ConflictSearchResult,
  CreatedClient,
  Office,
  Page,
} from '@deepvalue/shared';
import { aCaseDetail } from '../../test/fixtures';
import { fakeFetch, refuse, renderPage, reply } from '../../test/render';
import { IntakeWizard } from './IntakeWizard';

const EXISTING: ClientSummary = {
  id: '33333333-3333-4333-8333-333333333333',
  ref: 'cl-7',
  firstName: 'Ana',
  lastName: 'Ruiz',
  dateOfBirth: '1984-02-11',
  postcodeDistrict: 'E3',
};
/** A party of another case whose name is one letter from the client's. */
const NEAR_MATCH: ConflictMatch = {
  source: 'party',
  id: '66666666-6666-4666-8666-666666666666',
  clientId: null,
  caseId: '77777777-7777-4777-8777-777777777777',
  name: 'Anna Ruis',
  ref: 'C-OLD',
  role: 'opponent',
  opponentType: 'landlord',
  dateOfBirth: null,
  postcodeDistrict: 'E3',
  score: 0.42,
  matchedOn: ['name', 'postcodeDistrict'],
};
const NEW_ID = '44444444-4444-4444-8444-444444444444';
const CASE_ID = '55555555-5555-4555-8555-555555555555';
const NO_CLIENTS: Page<ClientSummary> = { items: [], total: 0, limit: 50, offset: 0 };
const CREATED_CASE: CaseRecord = aCaseDetail({ id: CASE_ID, ref: 'c-9', version: 1 });

async function answerEverything() {
  await userEvent.type(screen.getByLabelText('First name'), 'Ana');
  await userEvent.type(screen.getByLabelText('Last name'), 'Ruiz');
  await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
  await userEvent.click(await screen.findByLabelText('None of these'));
  await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
  await userEvent.click(await screen.findByLabelText('Yes, they agree'));
  await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
  await screen.findByRole('heading', { name: 'Conflict check' });
  await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
  expect(await screen.findByRole('link', { name: 'Select the result of the conflict check' })).toBeInTheDocument();
  expect(await screen.findByRole('cell', { name: /Anna Ruis/ })).toBeInTheDocument();
  await userEvent.click(screen.getByLabelText('Conflict found, can proceed'));
  await userEvent.type(screen.getByLabelText('Why you can act'), 'Different person');
  await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
  await userEvent.click(await screen.findByLabelText('Housing'));
  await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
  await userEvent.click(await screen.findByLabelText('Grant'));
  await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
  await userEvent.click(await screen.findByLabelText('Came by themselves'));
  await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
  await userEvent.type(await screen.findByLabelText(/how many other organisations/i), '0');
  await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
  await userEvent.type(await screen.findByLabelText(/how many times had the client told/i), '1');
  await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
  await screen.findByRole('heading', { name: /How confident does the client feel/ });
  await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
  expect(
    await screen.findByRole('link', { name: 'Select how confident the client feels, or “Not asked”' }),
  ).toBeVisible();
  await userEvent.click(screen.getByLabelText('2'));
  await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
  await screen.findByRole('heading', { name: 'Check the details before creating the case' });
}

describe('IntakeWizard', () => {
  it('asks one question per page, with an error summary when one is not answered', async () => {
    fakeFetch({
      'GET /api/clients': reply<Page<ClientSummary>>(NO_CLIENTS),
      'GET /api/offices': reply<Office[]>([]),
    });
    renderPage(<IntakeWizard />, { path: '/intake/*', url: '/intake/client' });
    expect(screen.getByLabelText('First name')).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('link', { name: 'Enter the client’s first name or last name' })).toHaveAttribute(
      'href',
      '#firstName',
    );
    expect(document.title).toBe('Error: Client’s details – Deep Value');
  });

  it('opens a new case for an existing client straight on the first case question', async () => {
    fakeFetch({
      [`GET /api/clients/${EXISTING.id}`]: reply<Client>({
        ...EXISTING,
        vulnerabilities: [],
        evidenceConsent: true,
        version: 1,
      }),
      'GET /api/offices': reply<Office[]>([]),
    });
    renderPage(<IntakeWizard />, { path: '/intake/*', url: `/intake/case?client=${EXISTING.id}` });
    expect(await screen.findByText('New case for Ana Ruiz')).toBeInTheDocument();
  });

  it('warns about a likely existing client from the server and, if chosen, uses them instead', async () => {
    const calls = fakeFetch({
      'GET /api/clients': reply<Page<ClientSummary>>(NO_CLIENTS),
      'GET /api/offices': reply<Office[]>([]),
      'GET /api/conflict-checks/search': reply<ConflictSearchResult>({ items: [NEAR_MATCH] }),
      'POST /api/clients': reply<CreatedClient>(
        {
          ...EXISTING,
          id: NEW_ID,
          ref: 'cl-8',
          vulnerabilities: [],
          evidenceConsent: true,
          version: 1,
          possibleDuplicates: [EXISTING],
        },
        201,
      ),
      [`DELETE /api/clients/${NEW_ID}`]: { status: 204 },
      'POST /api/cases': reply<CaseRecord>(CREATED_CASE, 201),
    });
    const { router } = renderPage(<IntakeWizard />, {
      path: '/intake/*',
      url: '/intake/client',
      routes: [{ path: '/cases/:caseId', element: <p>Case page</p> }],
    });
    await answerEverything();
    await userEvent.click(screen.getByRole('button', { name: 'Create client and case' }));

    expect(await screen.findByRole('heading', { name: 'This may be an existing client' })).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Use Ana Ruiz'));
    await userEvent.click(screen.getByRole('button', { name: 'Continue and create the case' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/cases/${CASE_ID}`));
    const writes = calls.filter((c) => c.method !== 'GET');
    expect(writes.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/clients',
      `DELETE /api/clients/${NEW_ID}?version=1`,
      'POST /api/cases',
    ]);
    expect(writes[2].body).toMatchObject({
      clientId: EXISTING.id,
      category: 'housing',
      fundingStream: 'grant',
      confidenceAtIntake: 2,
      conflictCheck: { result: 'conflict_can_proceed', reason: 'Different person' },
    });
    expect(writes[0].headers['Idempotency-Key']).not.toBe(writes[2].headers['Idempotency-Key']);
    expect(sessionStorage.getItem('dv.intake')).toBeNull();
  }, 15_000);

  it('does not record the client twice when creating the case fails and is tried again', async () => {
    let caseAttempts = 0;
    const calls = fakeFetch({
      'GET /api/clients': reply<Page<ClientSummary>>(NO_CLIENTS),
      'GET /api/offices': reply<Office[]>([]),
      'GET /api/conflict-checks/search': reply<ConflictSearchResult>({ items: [NEAR_MATCH] }),
      'POST /api/clients': reply<CreatedClient>(
        {
          ...EXISTING,
          id: NEW_ID,
          vulnerabilities: [],
          evidenceConsent: true,
          version: 1,
          possibleDuplicates: [],
        },
        201,
      ),
      'POST /api/cases': () =>
        ++caseAttempts === 1
          ? refuse(422, { code: 'unprocessable', errors: [{ path: 'openedOn', message: 'is not allowed' }] })
          : reply<CaseRecord>(CREATED_CASE, 201),
    });
    renderPage(<IntakeWizard />, {
      path: '/intake/*',
      url: '/intake/client',
      routes: [{ path: '/cases/:caseId', element: <p>Case page</p> }],
    });
    await answerEverything();
    await userEvent.click(screen.getByRole('button', { name: 'Create client and case' }));
    expect(await screen.findByRole('link', { name: 'Date opened: is not allowed' })).toHaveAttribute(
      'href',
      '/intake/case-details?change=1',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Create case' }));
    expect(await screen.findByText('Case page')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST' && c.url === '/api/clients')).toHaveLength(1);
  }, 15_000);
});
