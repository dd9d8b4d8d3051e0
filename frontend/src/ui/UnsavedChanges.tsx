import { type ReactNode, useCallback, useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';

interface Options {
  /** Paths under this prefix are part of the same form (wizard steps) and never blocked. */
  within?: string;
}

/**
 * Nothing typed is lost by accident: while `dirty`, closing or reloading the tab asks the browser's
 * question, and leaving by a link inside the app asks ours. Call `bypass()` just before navigating
 * away after a successful save.
 */
export function useUnsavedChanges(dirty: boolean, options: Options = {}): { prompt: ReactNode; bypass: () => void } {
  const bypassed = useRef(false);
  const blocker = useBlocker(
    useCallback(
      ({ currentLocation, nextLocation }) => {
        if (!dirty || bypassed.current) return false;
        if (options.within && nextLocation.pathname.startsWith(options.within)) return false;
        return currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search;
      },
      [dirty, options.within],
    ),
  );

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (bypassed.current) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const bypass = useCallback(() => {
    bypassed.current = true;
  }, []);

  const prompt =
    blocker.state === 'blocked' ? (
      <LeavePrompt onStay={() => blocker.reset()} onLeave={() => blocker.proceed()} />
    ) : null;
  return { prompt, bypass };
}

function LeavePrompt({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => stay.current?.focus(), []);
  return (
    <div className="dv-modal-backdrop">
      <div
        className="dv-modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="leave-title"
        aria-describedby="leave-body"
        onKeyDown={(e) => e.key === 'Escape' && onStay()}
      >
        <h2 className="govuk-heading-m" id="leave-title">
          You have not saved your changes
        </h2>
        <p className="govuk-body" id="leave-body">
          If you leave this page, what you have typed will be lost.
        </p>
        <div className="govuk-button-group">
          <button ref={stay} type="button" className="govuk-button" onClick={onStay}>
            Stay on this page
          </button>
          <button type="button" className="govuk-button govuk-button--warning" onClick={onLeave}>
            Leave without saving
          </button>
        </div>
      </div>
    </div>
  );
}
