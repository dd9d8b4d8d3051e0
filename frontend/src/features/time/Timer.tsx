import { useEffect, useState } from 'react';

const key = (caseId: string) => `dv.timer.${caseId}`;

function readStart(caseId: string): number | null {
  try {
    const value = Number(localStorage.getItem(key(caseId)));
    return value > 0 ? value : null;
  } catch {
    return null;
  }
}

function clock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/**
 * A running timer for a live session. It survives moving between pages and reloading (the start
 * time is kept on this device), and on stop gives whole minutes, rounded up.
 */
export function Timer({ caseId, onStop }: { caseId: string; onStop: (minutes: number) => void }) {
  const [startedAt, setStartedAt] = useState<number | null>(() => readStart(caseId));
  const [now, setNow] = useState(() => Date.now());
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (!startedAt) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [startedAt]);

  const start = () => {
    const at = Date.now();
    localStorage.setItem(key(caseId), String(at));
    setStartedAt(at);
    setNow(at);
    setAnnouncement('Timer started');
  };
  const stop = () => {
    if (!startedAt) return;
    const minutes = Math.max(1, Math.ceil((Date.now() - startedAt) / 60_000));
    localStorage.removeItem(key(caseId));
    setStartedAt(null);
    setAnnouncement(
      `Timer stopped at ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}. The minutes have been filled in.`,
    );
    onStop(minutes);
  };

  return (
    <div className="dv-timer">
      {startedAt ? (
        <>
          <span className="dv-timer__clock" role="timer" aria-label="Time since the timer started">
            {clock(now - startedAt)}
          </span>
          <button type="button" className="govuk-button govuk-button--secondary dv-inline-button" onClick={stop}>
            Stop timer and use the time
          </button>
        </>
      ) : (
        <button type="button" className="govuk-button govuk-button--secondary dv-inline-button" onClick={start}>
          Start a timer for a live session
        </button>
      )}
      <span className="govuk-visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}
