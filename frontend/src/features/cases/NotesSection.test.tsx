import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, renderPage, reply } from '../../test/render';
import { NotesSection } from './NotesSection';
import type { CaseNote, NoteHistory } from '@deepvalue/shared';

const CASE_ID = '22222222-2222-4222-8222-222222222222';
const NOTE_ID = '33333333-3333-4333-8333-333333333333';

const note = (over: Partial<CaseNote> = {}): CaseNote => ({
  id: NOTE_ID,
  caseId: CASE_ID,
  kind: 'attendance',
  on: '2026-01-05',
  body: 'Met client.\nDiscussed the notice.',
  timeEntryId: null,
  authorId: 'a-1',
  authorName: 'Sam Adviser',
  createdAt: '2026-01-05T10:00:00.000Z',
  editedById: 'm-1',
  editedByName: 'Mo Manager',
  updatedAt: '2026-01-06T10:00:00.000Z',
  version: 2,
  ...over,
});

describe('NotesSection', () => {
  it('adds a note with an idempotency key and refreshes the case; an empty note is refused before sending', async () => {
    const calls = fakeFetch({ [`POST /api/cases/${CASE_ID}/notes`]: reply<CaseNote>(note({ version: 1 }), 201) });
    const onChanged = vi.fn();
    renderPage(<NotesSection caseId={CASE_ID} notes={[]} onChanged={onChanged} />);
    expect(screen.getByText('No notes yet.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(screen.getByText('Enter the note')).toBeTruthy();
    expect(calls).toHaveLength(0);

    await userEvent.click(screen.getByLabelText('File note'));
    await userEvent.type(screen.getByLabelText('Note'), 'Letter received');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(calls).toEqual([
      expect.objectContaining({
        method: 'POST',
        body: { kind: 'file', body: 'Letter received' },
        headers: expect.objectContaining({ 'Idempotency-Key': expect.any(String) }),
      }),
    ]);
  });

  it('records the time of an attendance with the note, as one request; bad minutes are refused before sending', async () => {
    const calls = fakeFetch({ [`POST /api/cases/${CASE_ID}/notes`]: reply<CaseNote>(note({ version: 1 }), 201) });
    const onChanged = vi.fn();
    renderPage(<NotesSection caseId={CASE_ID} notes={[]} onChanged={onChanged} />);
    await userEvent.type(screen.getByLabelText('Note'), 'Went through the notice by phone');
    await userEvent.type(screen.getByLabelText('Time spent (optional)'), '4.5');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(screen.getByText('Minutes must be a whole number, like 45')).toBeTruthy();
    expect(calls).toHaveLength(0);

    await userEvent.clear(screen.getByLabelText('Time spent (optional)'));
    await userEvent.type(screen.getByLabelText('Time spent (optional)'), '25');
    await userEvent.selectOptions(screen.getByLabelText('How you met'), 'phone');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(calls[0].body).toEqual({
      kind: 'attendance',
      body: 'Went through the notice by phone',
      time: { minutes: 25, class: 'relationship', activity: 'advice_session', mode: 'phone' },
    });
  });

  it('shows who wrote and edited a note, edits it with its version and shows its history', async () => {
    const calls = fakeFetch({
      [`PATCH /api/notes/${NOTE_ID}`]: reply<CaseNote>(note({ version: 3, body: 'Edited' })),
      [`GET /api/notes/${NOTE_ID}/history`]: reply<NoteHistory>({
        id: NOTE_ID,
        caseId: CASE_ID,
        revisions: [
          {
            revision: 1,
            kind: 'attendance',
            on: '2026-01-05',
            body: 'First words',
            timeEntryId: null,
            writtenById: 'a-1',
            writtenByName: 'Sam Adviser',
            writtenAt: '2026-01-05T10:00:00.000Z',
            changed: ['kind', 'on', 'body', 'timeEntryId'],
          },
          {
            revision: 2,
            kind: 'attendance',
            on: '2026-01-05',
            body: 'Met client.\nDiscussed the notice.',
            timeEntryId: null,
            writtenById: 'm-1',
            writtenByName: 'Mo Manager',
            writtenAt: '2026-01-06T10:00:00.000Z',
            changed: ['body'],
          },
        ],
      }),
    });
    const onChanged = vi.fn();
    renderPage(<NotesSection caseId={CASE_ID} notes={[note()]} onChanged={onChanged} />);
    const item = screen.getByRole('article', { name: 'Attendance note, 5 January 2026' });
    expect(within(item).getByText('By Sam Adviser; last edited by Mo Manager')).toBeTruthy();

    await userEvent.click(within(item).getByRole('button', { name: /Show history/ }));
    const history = await screen.findByRole('list', { name: /History of/ });
    expect(within(history).getByText('First words')).toBeTruthy();
    expect(within(history).getByText(/Version 2: changed text by Mo Manager/)).toBeTruthy();

    await userEvent.click(within(item).getByRole('button', { name: /Edit note/ }));
    const box = within(item).getByLabelText('Note');
    await userEvent.clear(box);
    await userEvent.type(box, 'Edited');
    await userEvent.click(within(item).getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ version: 2, body: 'Edited' });
  });
});
