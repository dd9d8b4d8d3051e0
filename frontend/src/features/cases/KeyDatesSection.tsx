/**
 * Key dates and tasks on the case page: limitation dates, hearings, deadlines and tasks, each with a
 * due date and a done state. A deadline that runs from a decision (mandatory reconsideration: one
 * month) can be worked out from the decision's date. Every change to a limitation date, including
 * its removal, is listed under the dates (the server keeps them).
 */
import {
  addCalendarMonths,
  KEY_DATE_KIND_LABELS,
  KEY_DATE_KINDS,
  KEY_DATE_PRESETS,
  type KeyDateKind,
  MAX_KEY_DATE_TITLE_LENGTH,
  type KeyDate,
  type KeyDateChangeRecord,
} from '@deepvalue/shared';
import { type FormEvent, useState } from 'react';
import { api, ApiRequestError, newIdempotencyKey } from '../../app/api';
import { formatDate, today } from '../../app/format';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { QueryState } from '../../ui/QueryState';
import { Select } from '../../ui/Select';
import { Tag } from '../../ui/Tag';
import { TextInput } from '../../ui/TextInput';
import { useCaseKeyDates, useRefreshKeyDates } from './keyDates';

const KIND_OPTIONS = KEY_DATE_KINDS.map((k) => ({ value: k, label: KEY_DATE_KIND_LABELS[k] }));
const PRESET_OPTIONS = KEY_DATE_PRESETS.map((p) => ({
  value: p.key,
  label: `${p.title} (${p.months} month${p.months === 1 ? '' : 's'} from the decision)`,
}));

const CHANGE_LABEL: Record<KeyDateChangeRecord['change'], string> = {
  added: 'Added',
  changed: 'Changed',
  done: 'Marked done',
  reopened: 'Reopened',
  removed: 'Removed',
};

function messageOf(e: unknown): string {
  if (e instanceof ApiRequestError && e.isStale) return 'Someone else changed this date. The page now shows theirs.';
  if (e instanceof ApiRequestError && e.errors.length)
    return e.errors.map((x) => (x.path ? `${x.path} ${x.message}` : x.message)).join('; ');
  return e instanceof Error ? e.message : String(e);
}

export function KeyDatesSection({ caseId }: { caseId: string }) {
  const query = useCaseKeyDates(caseId);
  return (
    <section aria-labelledby="key-dates-title">
      <h2 className="govuk-heading-m" id="key-dates-title">
        Key dates and tasks
      </h2>
      <QueryState query={query} what="The key dates">
        {({ items, changes }) => (
          <>
            {items.length === 0 ? <p className="govuk-body">No key dates yet.</p> : <KeyDateTable items={items} />}
            <LimitationHistory changes={changes.filter((c) => c.kind === 'limitation')} />
          </>
        )}
      </QueryState>
      <NewKeyDateForm caseId={caseId} />
    </section>
  );
}

function KeyDateTable({ items }: { items: KeyDate[] }) {
  const refresh = useRefreshKeyDates();
  const [error, setError] = useState<string>();
  const act = async (k: KeyDate, action: 'done' | 'reopen' | 'remove') => {
    setError(undefined);
    if (action === 'remove' && !window.confirm(`Remove “${k.title}”? The removal stays on the case.`)) return;
    try {
      if (action === 'remove') await api(`/key-dates/${k.id}?version=${k.version}`, { method: 'DELETE' });
      else await api(`/key-dates/${k.id}`, { method: 'PATCH', body: { version: k.version, done: action === 'done' } });
    } catch (e) {
      setError(messageOf(e));
    }
    await refresh();
  };
  const now = today();
  return (
    <>
      {error && (
        <p className="govuk-error-message" role="alert">
          {error}
        </p>
      )}
      <table className="govuk-table dv-case-table">
        <caption className="govuk-visually-hidden">Key dates and tasks by due date</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              What
            </th>
            <th scope="col" className="govuk-table__header">
              Due
            </th>
            <th scope="col" className="govuk-table__header">
              For
            </th>
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {items.map((k) => (
            <tr key={k.id} className="govuk-table__row">
              <td className="govuk-table__cell">
                <span className="govuk-!-font-weight-bold">{k.title}</span>
                <span className="dv-muted dv-block">{KEY_DATE_KIND_LABELS[k.kind]}</span>
                {k.note && <span className="dv-block">{k.note}</span>}
              </td>
              <td className="govuk-table__cell" data-label="Due">
                {formatDate(k.dueOn)}{' '}
                {k.done ? <Tag colour="green">Done</Tag> : k.dueOn < now ? <Tag colour="red">Overdue</Tag> : null}
              </td>
              <td className="govuk-table__cell" data-label="For">
                {k.assigneeName ?? 'Lead adviser'}
              </td>
              <td className="govuk-table__cell">
                <div className="govuk-button-group govuk-!-margin-bottom-0">
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1"
                    onClick={() => void act(k, k.done ? 'reopen' : 'done')}
                  >
                    {k.done ? 'Reopen' : 'Mark done'}
                    <span className="govuk-visually-hidden">: {k.title}</span>
                  </button>
                  <button
                    type="button"
                    className="govuk-button govuk-button--warning govuk-!-margin-bottom-1"
                    onClick={() => void act(k, 'remove')}
                  >
                    Remove<span className="govuk-visually-hidden">: {k.title}</span>
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** A limitation date is never silently lost: each change to one is shown, newest first. */
function LimitationHistory({ changes }: { changes: KeyDateChangeRecord[] }) {
  if (changes.length === 0) return null;
  return (
    <>
      <h3 className="govuk-heading-s">Changes to limitation dates</h3>
      <ul className="govuk-list" data-testid="limitation-history">
        {changes.map((c) => (
          <li key={c.id}>
            <span className="govuk-!-font-weight-bold">{CHANGE_LABEL[c.change]}</span>: {c.title}, {formatDate(c.dueOn)}
            {c.previousDueOn && <> (was {formatDate(c.previousDueOn)})</>}
            {c.previousTitle && <> (was called “{c.previousTitle}”)</>}
            <span className="dv-muted">
              {' '}
              by {c.changedByName}, {formatDate(c.changedAt.slice(0, 10))}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

interface Form {
  kind: KeyDateKind | '';
  title: string;
  dueOn: string;
  preset: string;
  decisionOn: string;
}
const FIELD_IDS = { kind: 'key-date-kind', title: 'key-date-title', dueOn: 'key-date-dueOn' };
const EMPTY: Form = { kind: '', title: '', dueOn: '', preset: '', decisionOn: '' };

function NewKeyDateForm({ caseId }: { caseId: string }) {
  const refresh = useRefreshKeyDates();
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Array<{ path: string; message: string }>>([]);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const errorOf = (path: string) => errors.find((e) => e.path === path)?.message;

  /** A preset fills in the title and works the due date out from the decision's date. */
  const applyPreset = (preset: string, decisionOn: string) => {
    const p = KEY_DATE_PRESETS.find((x) => x.key === preset);
    set({
      preset,
      decisionOn,
      ...(p ? { kind: 'deadline', title: p.title } : {}),
      ...(p && /^\d{4}-\d{2}-\d{2}$/.test(decisionOn) ? { dueOn: addCalendarMonths(decisionOn, p.months) } : {}),
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = [
      !form.kind && { path: 'kind', message: 'Choose what kind of date this is' },
      !form.title.trim() && { path: 'title', message: 'Enter what is due' },
      !form.dueOn && { path: 'dueOn', message: 'Enter the due date' },
    ].filter((p): p is { path: string; message: string } => Boolean(p));
    setErrors(problems);
    if (problems.length) return;
    setSaving(true);
    try {
      await api(`/cases/${caseId}/key-dates`, {
        method: 'POST',
        body: { kind: form.kind, title: form.title.trim(), dueOn: form.dueOn },
        idempotencyKey: newIdempotencyKey(),
      });
      setForm(EMPTY);
      await refresh();
    } catch (e) {
      setErrors(
        e instanceof ApiRequestError && e.errors.length
          ? e.errors.map((x) => ({ path: x.path, message: x.message }))
          : [{ path: '', message: messageOf(e) }],
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Add a key date or task</span>
      </summary>
      <form className="govuk-details__text" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
        <Select
          id="key-date-preset"
          label="Work out a deadline from a decision (optional)"
          emptyLabel="No, I will enter the date"
          options={PRESET_OPTIONS}
          value={form.preset}
          onChange={(v) => applyPreset(v, form.decisionOn)}
        />
        {form.preset && (
          <TextInput
            id="key-date-decisionOn"
            label="Date of the decision"
            type="date"
            value={form.decisionOn}
            onChange={(e) => applyPreset(form.preset, e.target.value)}
          />
        )}
        <Select
          id="key-date-kind"
          label="Kind"
          emptyLabel="Choose"
          options={KIND_OPTIONS}
          value={form.kind}
          error={errorOf('kind')}
          onChange={(v) => set({ kind: v as KeyDateKind })}
        />
        <TextInput
          id="key-date-title"
          label="What is due"
          hint="For example: tribunal hearing, limitation for a disrepair claim, chase the GP letter"
          maxLength={MAX_KEY_DATE_TITLE_LENGTH}
          value={form.title}
          error={errorOf('title')}
          onChange={(e) => set({ title: e.target.value })}
        />
        <TextInput
          id="key-date-dueOn"
          label="Due date"
          hint={form.kind === 'task' ? 'The task is yours.' : undefined}
          type="date"
          value={form.dueOn}
          error={errorOf('dueOn')}
          onChange={(e) => set({ dueOn: e.target.value })}
        />
        <button type="submit" className="govuk-button" disabled={saving}>
          Add the date
        </button>
      </form>
    </details>
  );
}
