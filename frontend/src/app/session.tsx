import type { Me } from '@deepvalue/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiRequestError, setCsrfToken } from './api';

interface MeResponse {
  me: Me;
  csrfToken: string;
}

/** The signed-in user, or null when signed out. */
export function useSession() {
  const query = useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      try {
        const result = await api<MeResponse>('/auth/me');
        setCsrfToken(result.csrfToken);
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

export function useSignIn() {
  const client = useQueryClient();
  return async (email: string, password: string) => {
    const result = await api<MeResponse>('/auth/sign-in', { method: 'POST', body: { email, password } });
    setCsrfToken(result.csrfToken);
    client.setQueryData(['session'], result.me);
    return result.me;
  };
}

export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    await api('/auth/sign-out', { method: 'POST' }).catch(() => undefined);
    setCsrfToken(undefined);
    client.clear();
    client.setQueryData(['session'], null);
  };
}

/** The signed-in user, for pages that only render when signed in. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe() used outside a signed-in page');
  return me;
}
