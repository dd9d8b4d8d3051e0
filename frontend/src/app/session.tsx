import type { Me, Session, TwoFactorState } from '@deepvalue/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiRequestError, setCsrfToken } from './api';

const NO_TWO_FACTOR: TwoFactorState = { enabled: false, enrolmentRequired: false };

/** The signed-in user, or null when signed out. */
export function useSession() {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      try {
        const result = await api<Session>('/auth/me');
        setCsrfToken(result.csrfToken);
        client.setQueryData(['two-factor'], result.twoFactor ?? NO_TWO_FACTOR);
        return result.me;
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
  return { me: query.data, loading: query.isPending, error: query.error };
}

/** Two-factor state of the signed-in user (set with the session). */
export function useTwoFactorState(): TwoFactorState {
  const { data } = useQuery<TwoFactorState>({
    queryKey: ['two-factor'],
    queryFn: () => NO_TWO_FACTOR,
    enabled: false,
    initialData: NO_TWO_FACTOR,
  });
  return data;
}

export function useSignIn() {
  const client = useQueryClient();
  return async (email: string, password: string, code?: string) => {
    const result = await api<Session>('/auth/sign-in', {
      method: 'POST',
      body: code ? { email, password, code } : { email, password },
    });
    setCsrfToken(result.csrfToken);
    client.setQueryData(['two-factor'], result.twoFactor ?? NO_TWO_FACTOR);
    client.setQueryData(['session'], result.me);
    return result.me;
  };
}

export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    await api('/auth/sign-out', { method: 'POST' }).catch(() => undefined);
    setCsrfToken(undefined);
    // Set the signed-out state on the session's own cache entry first: clear() would detach the
    // mounted observers, which then never see a later setQueryData, and the page stayed signed in.
    client.setQueryData(['session'], null);
    client.setQueryData(['two-factor'], NO_TWO_FACTOR);
    client.removeQueries({ predicate: (query) => !['session', 'two-factor'].includes(String(query.queryKey[0])) });
  };
}

/** The signed-in user, for pages that only render when signed in. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe() used outside a signed-in page');
  return me;
}
