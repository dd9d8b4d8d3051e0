import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, renderPage } from '../test/render';
import { useSession, useSignOut } from './session';

function SessionBanner() {
  const { me } = useSession();
  const signOut = useSignOut();
  return me ? (
    <button type="button" onClick={() => void signOut()}>
      Sign out {me.name}
    </button>
  ) : (
    <p>Signed out</p>
  );
}

describe('signing out', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the signed-out state at once, with the other cached answers gone', async () => {
    const calls = fakeFetch({ 'POST /api/auth/sign-out': { status: 204 } });
    const { client } = renderPage(<SessionBanner />);
    client.setQueryData(['cases'], ['cached case list']);
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out Sam Adviser' }));
    await waitFor(() => expect(screen.getByText('Signed out')).toBeTruthy());
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/auth/sign-out']);
    expect(client.getQueryData(['cases'])).toBeUndefined();
  });
});
