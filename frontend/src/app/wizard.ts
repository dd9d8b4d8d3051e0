/**
 * State for a one-question-per-page flow. Answers are kept in sessionStorage as they are given, so
 * moving between steps, using Back or reloading the page loses nothing; `clear()` after saving.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

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

  // After clear() (the answers are saved), late state updates must not write them back.
  const cleared = useRef(false);
  useEffect(() => {
    if (cleared.current) return;
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(state));
    } catch {
      // Storage full or refused: the answers still live in memory for this page.
    }
  }, [storageKey, state]);

  const update = useCallback((patch: Partial<T>) => setState((s) => ({ ...s, ...patch })), []);
  const clear = useCallback(() => {
    cleared.current = true;
    try {
      sessionStorage.removeItem(storageKey);
    } catch {
      // Nothing to clear.
    }
  }, [storageKey]);
  const reset = useCallback(() => {
    clear();
    cleared.current = false;
    setState(initial());
  }, [clear]);

  return { state, update, clear, reset };
}
