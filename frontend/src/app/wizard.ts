/**
 * State for a one-question-per-page flow. Answers are kept in sessionStorage as they are given, so
 * moving between steps, using Back or reloading the page loses nothing; `clear()` after saving.
 */
import { useCallback, useEffect, useState } from 'react';

export function useWizardState<T extends object>(storageKey: string, initial: () => T) {
  const [state, setState] = useState<T>(() => {
    try {
      const saved = sessionStorage.getItem(storageKey);
      if (saved) return { ...initial(), ...(JSON.parse(saved) as Partial<T>) };
    } catch {
      // Unreadable saved answers: start again rather than fail.
    }
    return initial();
  });

  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(state));
    } catch {
      // Storage full or refused: the answers still live in memory for this page.
    }
  }, [storageKey, state]);

  const update = useCallback((patch: Partial<T>) => setState((s) => ({ ...s, ...patch })), []);
  const clear = useCallback(() => {
    try {
      sessionStorage.removeItem(storageKey);
    } catch {
      // Nothing to clear.
    }
  }, [storageKey]);
  const reset = useCallback(() => {
    clear();
    setState(initial());
  }, [clear]);

  return { state, update, clear, reset };
}
