import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, renderPage, reply } from '../../test/render';
import { ContactSafetyPage } from './ContactSafetyPage';
import type { Client, ContactSafety } from '@deepvalue/shared';
import { ContactSafetyPanel } from './ContactSafetyPanel';

const CLIENT_ID = '11111111-1111-4111-8111-111111111111';
const NOT_ASKED: ContactSafety = {
  safeBy: { phone: null, text: null, voicemail: null, email: null, letter: null, visit: null },
  preferredChannel: null,
  note: null,
  interpreterLanguage: null,
  bsl: false,
  largePrint: false,
  otherAdaptations: null,
};

describe('contact safety', () => {
  it('puts the channels that are not safe first, as a warning, with preferences and adaptations', () => {
    renderPage(
      <ContactSafetyPanel
        clientId={CLIENT_ID}
        safety={{
          ...NOT_ASKED,
          safeBy: { ...NOT_ASKED.safeBy, phone: true, letter: false, voicemail: false },
          preferredChannel: 'phone',
          interpreterLanguage: 'Tigrinya',
          largePrint: true,
        }}
      />,
    );
    expect(screen.getByText(/Not safe to contact by: Voicemail, Letter/)).toBeTruthy();
    expect(screen.getByText('Safe to contact by: Phone call')).toBeTruthy();
    expect(screen.getByText('Prefers: Phone call')).toBeTruthy();
    expect(screen.getByText('Needs: Interpreter: Tigrinya; Large print')).toBeTruthy();
  });

  it('says when nothing was asked', () => {
    renderPage(<ContactSafetyPanel clientId={CLIENT_ID} safety={NOT_ASKED} />);
    expect(screen.getByText('Contact safety not asked yet.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Record contact safety' })).toBeTruthy();
  });

  it('saves the answers with the client version; a preferred way marked not safe is refused before sending', async () => {
    const client: Client = {
      id: CLIENT_ID,
      ref: 'CL-1',
      firstName: 'Ana',
      lastName: 'Ruiz',
      dateOfBirth: null,
      postcodeDistrict: null,
      vulnerabilities: [],
      evidenceConsent: true,
      version: 4,
      contactSafety: NOT_ASKED,
    };
    const calls = fakeFetch({
      [`GET /api/clients/${CLIENT_ID}`]: reply<Client>(client),
      [`PATCH /api/clients/${CLIENT_ID}`]: reply<Client>({ ...client, version: 5 }),
    });
    renderPage(<ContactSafetyPage />, {
      path: '/clients/:clientId/contact-safety',
      url: `/clients/${CLIENT_ID}/contact-safety`,
      routes: [{ path: '/clients/:clientId', element: <p>Client page</p> }],
    });
    await screen.findByRole('heading', { name: 'Contact safety' });
    await userEvent.selectOptions(screen.getByLabelText('Preferred way to be contacted'), 'letter');
    const letter = screen.getByRole('group', { name: 'Letter' });
    await userEvent.click(letter.querySelector('input[value="unsafe"]')!);
    await userEvent.click(screen.getByRole('button', { name: 'Save contact safety' }));
    expect(await screen.findByRole('link', { name: /marked not safe/ })).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);

    await userEvent.selectOptions(screen.getByLabelText('Preferred way to be contacted'), 'phone');
    await userEvent.type(screen.getByLabelText(/Interpreter needed/), 'Tigrinya');
    await userEvent.click(screen.getByLabelText('Large print'));
    await userEvent.click(screen.getByRole('button', { name: 'Save contact safety' }));
    await screen.findByText('Client page');
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      version: 4,
      contactSafety: {
        safeBy: { phone: null, text: null, voicemail: null, email: null, letter: false, visit: null },
        preferredChannel: 'phone',
        note: null,
        interpreterLanguage: 'Tigrinya',
        bsl: false,
        largePrint: true,
        otherAdaptations: null,
      },
    });
    await waitFor(() => expect(calls.length).toBeGreaterThan(1));
  }, 15_000);
});
