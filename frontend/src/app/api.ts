/**
 * The one API client. Cookie session + CSRF token on writes; errors come back as ApiRequestError
 * carrying the server's field errors so forms can show them beside each field.
 */
import type { ApiError, ApiErrorBody } from '@deepvalue/shared';

let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ApiError[],
    readonly body: ApiErrorBody | undefined,
  ) {
    super(
      errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ') || `Request failed (${status})`,
    );
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch {
    throw new ApiRequestError(
      0,
      [{ path: '', message: 'Could not reach Deep Value. Check your connection and try again.' }],
      undefined,
    );
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const body = data as ApiErrorBody | undefined;
    throw new ApiRequestError(
      response.status,
      body?.errors ?? [{ path: '', message: `Request failed (${response.status})` }],
      body,
    );
  }
  return data as T;
}
