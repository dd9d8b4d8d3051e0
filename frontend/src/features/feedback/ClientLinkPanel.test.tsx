import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { FeedbackLink } from '@deepvalue/shared';
import { fakeFetch, renderPage, reply } from '../../test/render';
import { decodeQrSvg } from '../../test/qr';
import { ClientLinkPanel } from './ClientLinkPanel';

const CASE_ID = '00000000-0000-4000-8000-0000000000c1';

describe('ClientLinkPanel', () => {
  it('shows the one-use link and a QR code of exactly that link', async () => {
    const path = '/feedback/Jm4rT8qW2zX6vB1nC9kD3fG7hL5pS0aY';
    fakeFetch({
      [`POST /api/cases/${CASE_ID}/feedback-links`]: reply<FeedbackLink>(
        { token: 'Jm4rT8qW2zX6vB1nC9kD3fG7hL5pS0aY', path, expiresAt: '2030-01-08T12:00:00Z' },
        201,
      ),
    });
    renderPage(<ClientLinkPanel caseId={CASE_ID} />);
    await userEvent.click(screen.getByRole('button', { name: 'Make a link for the client' }));
    const url = `${window.location.origin}${path}`;
    expect(await screen.findByRole('link', { name: url })).toHaveAttribute('href', url);
    const qr = await screen.findByRole('img', { name: /^QR code of the link above/ });
    expect(decodeQrSvg(qr)).toBe(url);
  });
});
