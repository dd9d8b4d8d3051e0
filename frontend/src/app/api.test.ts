import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseListItem, Page } from '@deepvalue/shared';
import { fakeFetch, refuse, reply } from '../test/render';
import { api, ApiRequestError, queryString, setCsrfToken, setUnauthenticatedHandler } from './api';

describe('api', () => {
  afterEach(() => {
    setCsrfToken(undefined);
    setUnauthenticatedHandler(undefined);
  });

  it('sends the CSRF token on writes but not on reads', async () => {
    setCsrfToken('token-123');
    const calls = fakeFetch({
      'GET /api/cases': reply<Page<CaseListItem>>({ items: [], total: 0, limit: 50, offset: 0 }),
      'POST /api/cases': { status: 201 },
    });
    await api('/cases');
    await api('/cases', { method: 'POST', body: { a: 1 } });
    expect(calls[0].headers['X-CSRF-Token']).toBeUndefined();
    expect(calls[1].headers['X-CSRF-Token']).toBe('token-123');
    expect(calls[1].headers['Content-Type']).toBe('application/json');
    expect(calls[1].body).toEqual({ a: 1 });
  });

  it('retries a keyed POST after a dropped connection with the same Idempotency-Key', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let attempts = 0;
    const keys: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        keys.push((init.headers as Record<string, string>)['Idempotency-Key']);
        attempts += 1;
        if (attempts === 1) throw new TypeError('Failed to fetch');
        if (attempts === 2) return new Response('{}', { status: 503 });
        return new Response(JSON.stringify({ id: 'entry-1' }), { status: 201 });
      }),
    );
    const result = await api<{ id: string }>('/time-entries/quick', {
      method: 'POST',
      body: {},
      idempotencyKey: 'key-1',
    });
    expect(result).toEqual({ id: 'entry-1' });
    expect(keys).toEqual(['key-1', 'key-1', 'key-1']);
  });

  it('does not retry a POST without an Idempotency-Key', async () => {
    const fetchMock = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    vi.stubGlobal('fetch', fetchMock);
    await expect(api('/cases', { method: 'POST', body: {} })).rejects.toMatchObject({ status: 0 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('turns an error body into field errors, the code and the current record of a conflict', async () => {
    fakeFetch({
      'PATCH /api/cases/1': refuse(409, {
        code: 'stale_version',
        errors: [{ path: 'version', message: 'is out of date' }],
        current: { id: '1', version: 3 },
      }),
    });
    const error = await api('/cases/1', { method: 'PATCH', body: { version: 2 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    const e = error as ApiRequestError;
    expect(e.status).toBe(409);
    expect(e.errors).toEqual([{ path: 'version', message: 'is out of date' }]);
    expect(e.isStale).toBe(true);
    expect(e.body?.current).toEqual({ id: '1', version: 3 });
    expect(e.message).toBe('version: is out of date');
  });

  it('tells an unknown route ("not available yet") from a record that is not found', async () => {
    fakeFetch({
      'GET /api/cases/2': refuse(404, { code: 'not_found', errors: [{ path: '', message: 'Case not found' }] }),
    });
    const missingRoute = (await api('/reports/nothing').catch((e: unknown) => e)) as ApiRequestError;
    const missingRecord = (await api('/cases/2').catch((e: unknown) => e)) as ApiRequestError;
    expect(missingRoute.isNotAvailable).toBe(true);
    expect(missingRecord.isNotAvailable).toBe(false);
  });

  it('gives a plain message when the server sends no error body', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', { status: 500 })),
    );
    await expect(api('/cases')).rejects.toMatchObject({
      errors: [{ path: '', message: 'Something went wrong on our side. Try again shortly.' }],
    });
  });

  it('reports an ended session so the app can ask the user to sign in again', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    fakeFetch({ 'GET /api/cases': refuse(401, { code: 'unauthenticated', errors: [] }) });
    await expect(api('/cases')).rejects.toMatchObject({ status: 401 });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('builds query strings from the values that are set', () => {
    expect(queryString({ status: 'open', mine: true, search: '', limit: undefined })).toBe('?status=open&mine=true');
    expect(queryString({})).toBe('');
  });
});
