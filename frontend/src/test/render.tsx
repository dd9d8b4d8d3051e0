/** Test helpers: render a page in a data router with a signed-in user, and a fake `fetch`. */
import type { ApiErrorBody, Me } from '@deepvalue/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';

export const ADVISER: Me = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'sam@example.org',
  name: 'Sam Adviser',
  role: 'adviser',
  organisationId: '00000000-0000-4000-8000-0000000000aa',
  organisationName: 'Riverside Law Centre',
};

export const MANAGER: Me = {
  ...ADVISER,
  id: '00000000-0000-4000-8000-000000000002',
  name: 'Mo Manager',
  role: 'manager',
};

interface Options {
  /** The route pattern the element is mounted at, e.g. `/cases/:caseId`. */
  path?: string;
  /** The URL to start on. */
  url?: string;
  me?: Me | null;
  /** Other routes (e.g. where a form navigates after saving). */
  routes?: Array<{ path: string; element: ReactElement }>;
}

export function renderPage(element: ReactElement, { path = '/', url, me = ADVISER, routes = [] }: Options = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  client.setQueryData(['session'], me);
  const router = createMemoryRouter([{ path, element }, ...routes, { path: '*', element: <p>Elsewhere</p> }], {
    initialEntries: [url ?? path],
  });
  const result = render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...result, router, client };
}

declare const shaped: unique symbol;
/** A fake body checked against a response type: made only by `reply` or `refuse`. */
type ShapedBody = { readonly [shaped]: true };

export interface FakeResponse {
  status?: number;
  body?: ShapedBody;
}

/**
 * A fake answer whose body is checked against `T`, the route's response type from @deepvalue/shared,
 * which must be named (`reply<CaseDetail>(…)`): when the API's shape changes, the fake stops compiling
 * instead of leaving the test green on a shape the server no longer sends.
 */
export function reply<T = never>(body: NoInfer<T>, status = 200): FakeResponse {
  return { status, body: body as unknown as ShapedBody };
}

/** A refusal as the API's one exception filter writes it. */
export function refuse(status: number, body: ApiErrorBody): FakeResponse {
  return reply<ApiErrorBody>(body, status);
}

export type Handler = (request: {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}) => FakeResponse | Promise<FakeResponse>;

/**
 * Replaces `fetch` with handlers keyed "METHOD /api/path" (the query string is ignored for matching;
 * a handler sees the full URL). Unknown requests answer 404 like an unknown route. Returns the calls.
 */
export function fakeFetch(handlers: Record<string, Handler | FakeResponse>) {
  const calls: Array<{ url: string; method: string; headers: Record<string, string>; body: unknown }> = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>));
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : init.body;
    const call = { url, method, headers, body };
    calls.push(call);
    const key = `${method} ${url.split('?')[0]}`;
    const handler = handlers[key];
    const response: FakeResponse = handler
      ? typeof handler === 'function'
        ? await handler(call)
        : handler
      : refuse(404, { code: 'not_found', errors: [{ path: '', message: `Cannot ${method} ${url}` }] });
    const status = response.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(response.body ?? {}), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}
