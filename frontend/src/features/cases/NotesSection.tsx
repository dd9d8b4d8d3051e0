/**
 * Attendance and file notes on the case page: write one, edit one (the earlier version is kept by
 * the server) and read a note's history — who wrote each version and when.
 */
import { labelOf, MAX_MINUTES, MAX_NOTE_LENGTH, type Mode, MODES, type NoteKind } from '@deepvalue/shared';
import { useState, type FormEvent } from 'react';
import { api, ApiRequestError, newIdempotencyKey } from '../../app/api';
import { formatDate, formatMinutes } from '../../app/format';
import { Radios } from '../../ui/Radios';
import { Select } from '../../ui/Select';
import { Textarea } from '../../ui/Textarea';
import { TextInput } from '../../ui/TextInput';
import type { CaseNote, NoteHistory, NoteRevision, TimeEntry } from '@deepvalue/shared';

const KIND_OPTIONS = [
  { value: 'attendance', label: 'Attendance note', hint: 'A meeting or call with or about the client' },
  { value: 'file', label: 'File note' },
] as const satisfies ReadonlyArray<{ value: NoteKind; label: string; hint?: string }>;

const KIND_LABEL: Record<NoteKind, string> = { attendance: 'Attendance note', file: 'File note' };

const CHANGED_LABEL: Record<NoteRevision['changed'][number], string> = {
  kind: 'kind',
  on: 'date',
  body: 'text',
  timeEntryId: 'linked time',
};

function messageOf(e: unknown): string {
  if (e instanceof ApiRequestError && e.isStale)
    return 'Someone else changed this note. The page now shows their version; check it and try again.';
  if (e instanceof ApiRequestError && e.errors.length)
    return e.errors.map((x) => (x.path ? `${x.path} ${x.message}` : x.message)).join('; ');
  return e instanceof Error ? e.message : String(e);
}

/** How an attendance took place: every mode but "no contact", since the client took part. */
const MET_OPTIONS = MODES.filter((m) => m !== 'none').map((m) => ({ value: m, label: labelOf(m) }));

const minutesError = (minutes: string) => {
  const typed = minutes.trim();
  if (!typed) return undefined;
  if (!/^\d+$/.test(typed)) return 'Minutes must be a whole number, like 45';
  if (Number(typed) < 1 || Number(typed) > MAX_MINUTES) return 'Minutes must be between 1 and 1,440 (24 hours)';
  return undefined;
};

/**
 * The time recorded with a note, as one action: an attendance is relationship time (an advice
 * session, in the way the adviser says they met); a file note is casework with no client contact.
 */
function noteTime(kind: NoteKind, minutes: string, mode: Mode) {
  if (!minutes.trim()) return undefined;
  return kind === 'attendance'
    ? { minutes: Number(minutes), class: 'relationship', activity: 'advice_session', mode }
    : { minutes: Number(minutes), class: 'casework', activity: 'other', mode: 'none' };
}

const bodyError = (body: string) =>
  body.trim() === ''
    ? 'Enter the note'
    : body.length > MAX_NOTE_LENGTH
      ? `The note must be ${MAX_NOTE_LENGTH.toLocaleString('en-GB')} characters or fewer`
      : undefined;

export function NotesSection({
  caseId,
  notes,
  timeEntries = [],
  onChanged,
}: {
  caseId: string;
  notes: CaseNote[];
  /** The case's time entries, to show the time recorded with a note. */
  timeEntries?: TimeEntry[];
  onChanged: () => void | Promise<void>;
}) {
  const newestFirst = [...notes].sort((a, b) => b.on.localeCompare(a.on) || b.createdAt.localeCompare(a.createdAt));
  return (
    <section aria-labelledby="notes-title">
      <h2 className="govuk-heading-m" id="notes-title">
        Notes
      </h2>
      <NewNoteForm caseId={caseId} onSaved={onChanged} />
      {newestFirst.length === 0 ? (
        <p className="govuk-body">No notes yet.</p>
      ) : (
        <ul className="govuk-list">
          {newestFirst.map((n) => (
            <li key={n.id}>
              <NoteItem note={n} time={timeEntries.find((t) => t.id === n.timeEntryId)} onSaved={onChanged} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function NewNoteForm({ caseId, onSaved }: { caseId: string; onSaved: () => void | Promise<void> }) {
  const [kind, setKind] = useState<NoteKind>('attendance');
  const [body, setBody] = useState('');
  const [minutes, setMinutes] = useState('');
  const [mode, setMode] = useState<Mode>('face_to_face');
  const [error, setError] = useState<string>();
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setShown(true);
    if (bodyError(body) || minutesError(minutes)) return;
    setBusy(true);
    setError(undefined);
    try {
      const time = noteTime(kind, minutes, mode);
      await api<CaseNote>(`/cases/${caseId}/notes`, {
        method: 'POST',
        body: { kind, body, ...(time ? { time } : {}) },
        idempotencyKey: newIdempotencyKey(),
      });
      setBody('');
      setMinutes('');
      setShown(false);
      await onSaved();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-label="Add a note">
      <Radios
        id="note-kind"
        legend="Kind of note"
        legendSize="s"
        small
        inline
        options={KIND_OPTIONS}
        value={kind}
        onChange={setKind}
      />
      <Textarea
        id="note-body"
        label="Note"
        rows={5}
        value={body}
        error={shown ? bodyError(body) : undefined}
        onChange={(e) => setBody(e.target.value)}
      />
      <div className="dv-quick-time__row">
        <TextInput
          id="note-minutes"
          label="Time spent (optional)"
          labelClassName="govuk-label--s"
          hint={
            kind === 'attendance'
              ? 'Recorded with the note as relationship time (advice session)'
              : 'Recorded with the note as casework'
          }
          width={4}
          suffix="min"
          inputMode="numeric"
          autoComplete="off"
          value={minutes}
          error={shown ? minutesError(minutes) : undefined}
          onChange={(e) => setMinutes(e.target.value)}
        />
        {kind === 'attendance' && (
          <Select
            id="note-mode"
            label="How you met"
            labelClassName="govuk-label--s"
            options={MET_OPTIONS}
            value={mode}
            onChange={(v) => setMode(v as Mode)}
          />
        )}
      </div>
      {error && (
        <p className="govuk-error-message" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy}>
        Add note
      </button>
    </form>
  );
}

function NoteItem({
  note,
  time,
  onSaved,
}: {
  note: CaseNote;
  time: TimeEntry | undefined;
  onSaved: () => void | Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(note.body);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState<NoteRevision[]>();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (bodyError(body)) return setError(bodyError(body));
    setBusy(true);
    setError(undefined);
    try {
      await api<CaseNote>(`/notes/${note.id}`, { method: 'PATCH', body: { version: note.version, body } });
      setEditing(false);
      setHistory(undefined);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
      await onSaved();
    }
  };
  const toggleHistory = async () => {
    if (history) return setHistory(undefined);
    try {
      setHistory((await api<NoteHistory>(`/notes/${note.id}/history`)).revisions);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const heading = `${KIND_LABEL[note.kind]}, ${formatDate(note.on)}`;
  return (
    <article className="dv-panel" aria-label={heading}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{heading}</h3>
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        By {note.authorName}
        {note.editedByName && `; last edited by ${note.editedByName}`}
        {time &&
          `. With ${formatMinutes(time.minutes)} of ${labelOf(time.class).toLowerCase()}${time.mode === 'none' ? '' : ` (${labelOf(time.mode).toLowerCase()})`}`}
      </p>
      {editing ? (
        <form noValidate onSubmit={(e) => void save(e)} aria-label={`Edit ${heading}`}>
          <Textarea
            id={`note-${note.id}`}
            label="Note"
            rows={5}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={busy}>
              Save note
            </button>
            <button
              type="button"
              className="dv-link-button"
              onClick={() => {
                setEditing(false);
                setBody(note.body);
                setError(undefined);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <p className="govuk-body" style={{ whiteSpace: 'pre-wrap' }}>
          {note.body}
        </p>
      )}
      {error && (
        <p className="govuk-error-message" role="alert">
          {error}
        </p>
      )}
      {!editing && (
        <div className="govuk-button-group">
          <button
            type="button"
            className="dv-link-button"
            onClick={() => {
              setBody(note.body);
              setEditing(true);
            }}
          >
            Edit note<span className="govuk-visually-hidden">: {heading}</span>
          </button>
          {note.version > 1 && (
            <button
              type="button"
              className="dv-link-button"
              aria-expanded={Boolean(history)}
              onClick={() => void toggleHistory()}
            >
              {history ? 'Hide history' : 'Show history'}
              <span className="govuk-visually-hidden">: {heading}</span>
            </button>
          )}
        </div>
      )}
      {history && (
        <ol className="govuk-list" aria-label={`History of ${heading}`}>
          {history.map((r) => (
            <li key={r.revision}>
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                Version {r.revision}:{' '}
                {r.revision === 1 ? 'written' : `changed ${r.changed.map((c) => CHANGED_LABEL[c]).join(', ')}`} by{' '}
                {r.writtenByName}, {new Date(r.writtenAt).toLocaleString('en-GB', { timeZone: 'Europe/London' })}
              </p>
              <p className="govuk-body-s" style={{ whiteSpace: 'pre-wrap' }}>
                {r.body}
              </p>
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
