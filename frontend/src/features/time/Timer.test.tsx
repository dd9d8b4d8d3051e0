import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Timer } from './Timer';

describe('Timer', () => {
  it('runs across page changes and gives whole minutes, rounded up, when stopped', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-05T10:00:00Z'));
    const onStop = vi.fn();
    const first = render(<Timer caseId="c1" onStop={onStop} />);
    act(() => screen.getByRole('button', { name: 'Start a timer for a live session' }).click());
    first.unmount();

    vi.setSystemTime(new Date('2026-01-05T10:12:10Z'));
    render(<Timer caseId="c1" onStop={onStop} />);
    expect(screen.getByRole('timer')).toHaveTextContent('12:10');
    act(() => screen.getByRole('button', { name: 'Stop timer and use the time' }).click());
    expect(onStop).toHaveBeenCalledWith(13);
    expect(localStorage.getItem('dv.timer.c1')).toBeNull();
  });
});
