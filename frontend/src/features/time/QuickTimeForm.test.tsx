import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { TimeEntry } from '@deepvalue/shared';
import { aTimeEntry } from '../../test/fixtures';
import { fakeFetch, refuse, renderPage, reply } from '../../test/render';
import { QuickTimeForm, validateTimeEntry } from './QuickTimeForm';

const CASE_ID = '11111111-1111-4111-8111-111111111111';

describe('QuickTimeForm', () => {
  it('has the focus in the minutes box and saves on Enter with an Idempotency-Key', async () => {
    const calls = fakeFetch({ 'POST /api/time-entries/quick': reply<TimeEntry>(aTimeEntry(), 201) });
    const onSaved = vi.fn();
    renderPage(<QuickTimeForm caseId={CASE_ID} autoFocus onSaved={onSaved} />);
    expect(screen.getByLabelText('Minutes')).toHaveFocus();
    await userEvent.keyboard('45{Enter}');
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls[0].body).toMatchObject({
      caseId: CASE_ID,
      minutes: 45,
      class: 'relationship',
      activity: 'advice_session',
      mode: 'face_to_face',
    });
    expect(calls[0].headers['Idempotency-Key']).toMatch(/.{8,}/);
    expect(onSaved.mock.calls[0][1]).toBe('45 min of relationship time (advice session)');
    expect(screen.getByLabelText('Minutes')).toHaveValue('');
    expect(screen.getByLabelText('Minutes')).toHaveFocus();
  });

  it('submits on Enter from a select, which browsers do not do by themselves', async () => {
    const calls = fakeFetch({ 'POST /api/time-entries/quick': reply<TimeEntry>(aTimeEntry(), 201) });
    renderPage(<QuickTimeForm caseId={CASE_ID} onSaved={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('Minutes'), '20');
    await userEvent.selectOptions(screen.getByLabelText('Mode'), 'phone');
    screen.getByLabelText('Mode').focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0].body).toMatchObject({ minutes: 20, mode: 'phone' });
  });

  it('suggests the usual activity and mode when the kind of time changes', async () => {
    renderPage(<QuickTimeForm caseId={CASE_ID} onSaved={vi.fn()} />);
    await userEvent.click(screen.getByLabelText('Casework'));
    expect(screen.getByLabelText('Activity')).toHaveValue('research');
    expect(screen.getByLabelText('Mode')).toHaveValue('none');
    await userEvent.click(screen.getByLabelText('Relationship time'));
    expect(screen.getByLabelText('Mode')).toHaveValue('face_to_face');
  });

  it('says what is wrong with the minutes, beside the field and in the summary', async () => {
    const calls = fakeFetch({});
    renderPage(<QuickTimeForm caseId={CASE_ID} onSaved={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('Minutes'), '4.5{Enter}');
    expect(screen.getByRole('link', { name: 'Minutes must be a whole number, like 45' })).toHaveAttribute(
      'href',
      '#time-minutes',
    );
    expect(screen.getByLabelText('Minutes')).toHaveAccessibleDescription(/Minutes must be a whole number/);
    expect(calls).toHaveLength(0);
  });

  it('shows the server’s field errors', async () => {
    fakeFetch({
      'POST /api/time-entries/quick': refuse(400, {
        code: 'validation',
        errors: [{ path: 'on', message: 'must not be before the case opened' }],
      }),
    });
    renderPage(<QuickTimeForm caseId={CASE_ID} onSaved={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('Minutes'), '30{Enter}');
    expect(await screen.findByRole('link', { name: 'must not be before the case opened' })).toHaveAttribute(
      'href',
      '#time-on',
    );
  });

  it('validates minutes and date', () => {
    const base = {
      minutes: '30',
      class: 'relationship',
      activity: 'advice_session',
      mode: 'phone',
      on: '2026-01-05',
    } as const;
    expect(validateTimeEntry(base, '2026-01-05')).toEqual([]);
    expect(validateTimeEntry({ ...base, minutes: '' })[0].message).toBe(
      'Enter how many minutes the session or work took',
    );
    expect(validateTimeEntry({ ...base, minutes: '0' })[0].message).toBe(
      'Minutes must be between 1 and 1,440 (24 hours)',
    );
    expect(validateTimeEntry({ ...base, minutes: '1441' })[0].path).toBe('minutes');
    expect(validateTimeEntry({ ...base, on: '2026-02-30' })[0].message).toBe('Enter the date of the session or work');
    expect(validateTimeEntry({ ...base, on: '2026-01-06' }, '2026-01-05')[0].message).toBe(
      'The date must be today or in the past',
    );
  });
});
