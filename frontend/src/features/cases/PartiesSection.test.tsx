import type { ConflictCheckRecord, ConflictSearchResult, Party } from '@deepvalue/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, renderPage, reply } from '../../test/render';
import { PartiesSection } from './PartiesSection';

const CASE_ID = '22222222-2222-4222-8222-222222222222';
const PARTY_ID = '44444444-4444-4444-8444-444444444444';

const party = (over: Partial<Party> = {}): Party => ({
  id: PARTY_ID,
  caseId: CASE_ID,
  role: 'third_party',
  opponentType: null,
  kind: 'person',
  name: 'Amira Khan',
  dateOfBirth: null,
  postcodeDistrict: null,
  contact: null,
  reference: null,
  relationship: 'daughter',
  passPhrase: 'blue heron',
  language: null,
  note: null,
  version: 1,
  ...over,
});

describe('PartiesSection', () => {
  it('lists parties with the pass phrase behind a disclosure', async () => {
    fakeFetch({
      [`GET /api/cases/${CASE_ID}/parties`]: reply<Party[]>([party()]),
      [`GET /api/cases/${CASE_ID}/conflict-checks`]: reply<ConflictCheckRecord[]>([]),
    });
    renderPage(<PartiesSection caseId={CASE_ID} />);
    const item = await screen.findByRole('article', { name: 'Amira Khan, Third party acting for the client' });
    expect(within(item).getByText('daughter')).toBeTruthy();
    expect(within(item).getByText('Show pass phrase')).toBeTruthy();
  });

  it('adds an opponent with its conflict check: role fields only, names checked before sending, with an idempotency key', async () => {
    const calls = fakeFetch({
      [`GET /api/cases/${CASE_ID}/parties`]: reply<Party[]>([]),
      [`GET /api/cases/${CASE_ID}/conflict-checks`]: reply<ConflictCheckRecord[]>([]),
      'GET /api/conflict-checks/search': reply<ConflictSearchResult>({
        items: [
          {
            source: 'client',
            id: 'c-1',
            clientId: 'c-1',
            caseId: null,
            name: 'Riverside Holmes',
            ref: 'CL-1',
            role: 'client',
            opponentType: null,
            dateOfBirth: null,
            postcodeDistrict: null,
            score: 0.6,
            matchedOn: ['name'],
          },
        ],
      }),
      [`POST /api/cases/${CASE_ID}/parties`]: reply<Party>(party({ role: 'opponent', name: 'Riverside Homes' }), 201),
    });
    renderPage(<PartiesSection caseId={CASE_ID} />);
    await screen.findByText('No opponents, third parties or interpreters recorded.');
    await userEvent.click(screen.getByRole('button', { name: 'Add a party' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save party' }));
    expect(screen.getByText('Enter their name')).toBeTruthy();
    expect(screen.getByText('Select the result of the conflict check')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await userEvent.click(screen.getByLabelText('Opponent'));
    await userEvent.click(screen.getByLabelText('An organisation'));
    await userEvent.type(screen.getByLabelText('Name of the organisation'), 'Riverside Homes');
    await userEvent.selectOptions(screen.getByLabelText('Who is the opponent?'), 'landlord');
    expect(screen.queryByLabelText('Pass phrase (optional)')).toBeNull();
    await userEvent.type(screen.getByLabelText(/Postcode district/), 'e3');
    // The search shows a near match (a client); the adviser records why they can still act.
    expect(await screen.findByRole('cell', { name: /Riverside Holmes/ })).toBeTruthy();
    await userEvent.click(screen.getByLabelText('Conflict found, can proceed'));
    await userEvent.type(screen.getByLabelText('Why you can act'), 'A client, not the landlord company');
    await userEvent.click(screen.getByRole('button', { name: 'Save party' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')).toEqual(
      expect.objectContaining({
        body: expect.objectContaining({
          role: 'opponent',
          kind: 'organisation',
          name: 'Riverside Homes',
          opponentType: 'landlord',
          postcodeDistrict: 'E3',
          dateOfBirth: null,
          passPhrase: null,
          conflictCheck: { result: 'conflict_can_proceed', reason: 'A client, not the landlord company' },
        }),
        headers: expect.objectContaining({ 'Idempotency-Key': expect.any(String) }),
      }),
    );
  }, 15_000);
});
