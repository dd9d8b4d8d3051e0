import type { Session, SignInRefusal } from '@deepvalue/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { SignInPage } from './SignInPage';

function renderPage() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <SignInPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('SignInPage', () => {
  it('shows an error summary linking to each empty field', async () => {
    renderPage();
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('There is a problem');
    expect(screen.getByRole('link', { name: 'Enter your email address' })).toHaveAttribute('href', '#email');
    expect(screen.getByRole('link', { name: 'Enter your password' })).toHaveAttribute('href', '#password');
    expect(screen.getByLabelText('Email address')).toHaveAttribute('aria-describedby', 'email-error');
  });
});

describe('SignInPage with two-factor', () => {
  it('asks for the authenticator code when the password was right, then signs in with it', async () => {
    const { fakeFetch, MANAGER, reply } = await import('../../test/render');
    const calls = fakeFetch({
      'POST /api/auth/sign-in': ({ body }) =>
        (body as { code?: string }).code
          ? reply<Session>({ me: MANAGER, csrfToken: 't', twoFactor: { enabled: true, enrolmentRequired: false } })
          : reply<SignInRefusal>(
              {
                code: 'unauthenticated',
                errors: [{ path: 'code', message: 'Enter the 6-digit code from your authenticator app' }],
                twoFactor: 'code_required',
              },
              401,
            ),
    });
    renderPage();
    await userEvent.type(screen.getByLabelText('Email address'), 'manager@example.org');
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const code = await screen.findByLabelText('Code from your authenticator app');
    expect(code).toHaveFocus();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await userEvent.type(code, '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1].body).toEqual({ email: 'manager@example.org', password: 'correct horse battery', code: '123456' });
  });
});
