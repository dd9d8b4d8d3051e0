import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './api';
import { useSubmission } from './submission';

const networkError = () => new ApiRequestError(0, [{ path: '', message: 'Could not reach Deep Value.' }], undefined);

describe('useSubmission', () => {
  it('reuses the Idempotency-Key when the same form is sent again after a failure', async () => {
    const { result } = renderHook(() => useSubmission());
    const keys: string[] = [];
    await act(() =>
      result.current.submit({ minutes: 45 }, async (key) => {
        keys.push(key);
        throw networkError();
      }),
    );
    expect(result.current.errors[0].message).toMatch(/Could not reach/);
    await act(() =>
      result.current.submit({ minutes: 45 }, async (key) => {
        keys.push(key);
        return 'saved';
      }),
    );
    expect(keys[0]).toBe(keys[1]);
    expect(result.current.errors).toEqual([]);
  });

  it('uses a new key once the data changes, and after a success', async () => {
    const { result } = renderHook(() => useSubmission());
    const keys: string[] = [];
    const fail = async (key: string) => {
      keys.push(key);
      throw networkError();
    };
    await act(() => result.current.submit({ minutes: 45 }, fail));
    await act(() => result.current.submit({ minutes: 50 }, fail));
    await act(() => result.current.submit({ minutes: 50 }, async (key) => keys.push(key)));
    await act(() => result.current.submit({ minutes: 50 }, async (key) => keys.push(key)));
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[1]).toBe(keys[2]);
    expect(keys[3]).not.toBe(keys[2]);
  });

  it('ignores a second submit while the first is still being sent', async () => {
    const { result } = renderHook(() => useSubmission());
    let release!: () => void;
    let sends = 0;
    const slow = () =>
      new Promise<void>((resolve) => {
        sends += 1;
        release = resolve;
      });
    let first!: Promise<unknown>;
    act(() => {
      first = result.current.submit({ a: 1 }, slow);
    });
    const second = await act(() => result.current.submit({ a: 1 }, slow));
    expect(second).toEqual({ ok: false });
    release();
    await act(async () => {
      await first;
    });
    expect(sends).toBe(1);
  });

  it('keeps a stale-version conflict out of the error list and hands it back', async () => {
    const { result } = renderHook(() => useSubmission());
    const stale = new ApiRequestError(409, [{ path: 'version', message: 'is out of date' }], {
      code: 'stale_version',
      errors: [],
      current: { version: 4 },
    });
    const outcome = await act(() =>
      result.current.submit({}, async () => {
        throw stale;
      }),
    );
    expect(outcome).toEqual({ ok: false, error: stale });
    expect(result.current.errors).toEqual([]);
  });
});
