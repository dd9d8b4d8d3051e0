/**
 * One form submission with an Idempotency-Key. The key is made once per submission attempt and
 * reused when the same data is sent again (a retry after a timeout or a double click), so the
 * server records it once; changed data gets a new key.
 */
import type { ApiError } from '@deepvalue/shared';
import { useCallback, useRef, useState } from 'react';
import { ApiRequestError, newIdempotencyKey } from './api';

export type SubmitResult<T> = { ok: true; value: T } | { ok: false; error?: ApiRequestError };

export interface Submission {
  busy: boolean;
  errors: ApiError[];
  setErrors: (errors: ApiError[]) => void;
  /** Sends `body` through `send`; on failure the errors are set for the error summary. */
  submit<T>(body: unknown, send: (idempotencyKey: string) => Promise<T>): Promise<SubmitResult<T>>;
}

export function useSubmission(): Submission {
  const attempt = useRef<{ key: string; fingerprint: string } | null>(null);
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ApiError[]>([]);

  const submit = useCallback(async <T>(body: unknown, send: (key: string) => Promise<T>): Promise<SubmitResult<T>> => {
    if (inFlight.current) return { ok: false };
    const fingerprint = JSON.stringify(body ?? null);
    if (!attempt.current || attempt.current.fingerprint !== fingerprint) {
      attempt.current = { key: newIdempotencyKey(), fingerprint };
    }
    inFlight.current = true;
    setBusy(true);
    try {
      const value = await send(attempt.current.key);
      attempt.current = null;
      setErrors([]);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ApiRequestError) {
        // A conflict is shown by the form itself, not as a list of field errors.
        setErrors(error.isStale ? [] : error.errors);
        return { ok: false, error };
      }
      setErrors([{ path: '', message: error instanceof Error ? error.message : String(error) }]);
      return { ok: false };
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);

  return { busy, errors, setErrors, submit };
}
