/**
 * The one API client. Cookie session + CSRF token on writes; errors come back as ApiRequestError
 * carrying the server's field errors so forms can show them beside each field.
 * A POST with an Idempotency-Key is retried (same key) on a dropped connection or a gateway error,
 * so a flaky network never records a session twice.
 */
import type { ApiError, ApiErrorBody } from '@deepvalue/shared';

let csrfToken: string | undefined;
let onUnauthenticated: (() => void) | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Headers a write outside `api()` needs (e.g. an upload with progress through XMLHttpRequest). */
export function writeHeaders(idempotencyKey?: string): Record<string, string> {
  const headers: Record<string, string> = {};
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  return headers;
}

/** Called when a request finds the session has ended (401), so the app can show sign-in. */
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
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

  get code(): string | undefined {
    return this.body?.code;
  }

  /** 409 stale_version: someone else saved the record; `current` holds their version. */
  get isStale(): boolean {
    return this.status === 409 && this.body?.code === 'stale_version';
  }

  /** The route itself does not exist (yet) on this server, as opposed to a record not found. */
  get isNotAvailable(): boolean {
    return (
      (this.status === 404 && this.errors.some((e) => /^Cannot (GET|POST|PUT|PATCH|DELETE) /.test(e.message))) ||
      this.status === 501
    );
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Extra attempts for a keyed POST after a network failure or 502/503/504. */
  retries?: number;
}

const RETRYABLE = new Set([0, 502, 503, 504]);

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const retries = options.idempotencyKey ? (options.retries ?? 2) : 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await request<T>(path, options);
    } catch (error) {
      const retryable = error instanceof ApiRequestError && RETRYABLE.has(error.status);
      if (!retryable || attempt >= retries || options.signal?.aborted) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300 * 2 ** attempt));
    }
  }
}

async function request<T>(path: string, options: RequestOptions): Promise<T> {
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
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiRequestError(
      0,
      [{ path: '', message: 'Could not reach Deep Value. Check your connection and try again.' }],
      undefined,
    );
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const body = data as ApiErrorBody | undefined;
    if (response.status === 401 && !path.startsWith('/auth/')) onUnauthenticated?.();
    throw new ApiRequestError(
      response.status,
      body?.errors?.length ? body.errors : [{ path: '', message: messageFor(response.status) }],
      body,
    );
  }
  return data as T;
}

function messageFor(status: number): string {
  if (status === 401) return 'Your session has ended. Sign in again.';
  if (status === 403) return 'You do not have access to this.';
  if (status === 404) return 'Not found.';
  if (status >= 500) return 'Something went wrong on our side. Try again shortly.';
  return `Request failed (${status})`;
}

/** `?a=1&b=2` from the defined, non-empty values; '' when there are none. */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
