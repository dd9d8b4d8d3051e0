import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../app/api';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { QueryState } from '../../ui/QueryState';
import { TextInput } from '../../ui/TextInput';
import { useUnsavedChanges } from '../../ui/UnsavedChanges';
import { useFeedbackItems } from '../cases/api';
import type { FeedbackItem } from '@deepvalue/shared';
import { AdminBreadcrumbs } from './AdminBreadcrumbs';

/** The questions on the client feedback form; questions removed here are retired, not deleted. */
export function FeedbackItemsPage() {
  usePageTitle('Client feedback questions');
  const items = useFeedbackItems();
  return (
    <>
      <AdminBreadcrumbs />
      <h1 className="govuk-heading-l">Client feedback questions</h1>
      <p className="govuk-body">
        Clients score each statement from 1 (strongly disagree) to 5 (strongly agree). The relationship quality index is
        the average of the answers, rescaled to 0–100. A question you remove is kept for past feedback but no longer
        asked.
      </p>
      <QueryState query={items} what="The feedback questions">
        {(list) => <FeedbackItemsForm initial={list} />}
      </QueryState>
    </>
  );
}

const keyOf = (label: string) =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, 'q_$1')
    .slice(0, 50) || 'question';

function FeedbackItemsForm({ initial }: { initial: FeedbackItem[] }) {
  const client = useQueryClient();
  const [rows, setRows] = useState(initial);
  const [saved, setSaved] = useState(false);
  const submission = useSubmission();
  const dirty = JSON.stringify(rows) !== JSON.stringify(initial);
  useUnsavedChanges(dirty && !saved);

  const fieldIds = Object.fromEntries(
    rows.flatMap((_, i) => [
      [`items[${i}].label`, `item-${i}-label`],
      [`items[${i}].key`, `item-${i}-label`],
    ]),
  );
  const errorFor = (i: number) =>
    submission.errors.find((e) => e.path === `items[${i}].label` || e.path === `items[${i}].key`)?.message;

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const items = rows.map((row) => ({ key: row.key || keyOf(row.label), label: row.label.trim() }));
    const result = await submission.submit(items, () =>
      api<FeedbackItem[]>('/feedback-items', { method: 'PUT', body: { items } }),
    );
    if (result.ok) {
      client.setQueryData(['feedback-items'], result.value);
      setRows(result.value);
      setSaved(true);
    }
  }

  return (
    <form onSubmit={save} noValidate>
      <ErrorSummary errors={submission.errors} fieldIds={fieldIds} />
      {saved && (
        <Banner success title="Saved">
          The feedback form now asks these questions.
        </Banner>
      )}
      {rows.map((row, i) => (
        <div key={i} className="dv-inline-row">
          <TextInput
            id={`item-${i}-label`}
            label={`Question ${i + 1}`}
            hint={row.key ? `Stored as ${row.key}` : 'A new question'}
            value={row.label}
            error={errorFor(i)}
            onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, label: e.target.value } : r)))}
          />
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => setRows(rows.filter((_, j) => j !== i))}
            disabled={rows.length === 1}
          >
            Remove<span className="govuk-visually-hidden"> question {i + 1}</span>
          </button>
        </div>
      ))}
      <div className="govuk-button-group">
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => setRows([...rows, { key: '', label: '' }])}
        >
          Add a question
        </button>
        <button type="submit" className="govuk-button" disabled={submission.busy}>
          Save questions
        </button>
      </div>
    </form>
  );
}
