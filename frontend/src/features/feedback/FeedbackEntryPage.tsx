import { type ApiError, DEFAULT_FEEDBACK_ITEMS } from '@deepvalue/shared';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiRequestError } from '../../app/api';
import { flash } from '../../app/flash';
import { isIsoDate, today } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { BackLink } from '../../ui/BackLink';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { QueryState } from '../../ui/QueryState';
import { Radios } from '../../ui/Radios';
import { Textarea } from '../../ui/Textarea';
import { TextInput } from '../../ui/TextInput';
import { useUnsavedChanges } from '../../ui/UnsavedChanges';
import { useCase, useFeedbackItems, useRefreshCase } from '../cases/api';
import { CaseHeading } from '../cases/CaseHeading';
import type { CaseDetail, FeedbackItem } from '@deepvalue/shared';
import { ClientLinkPanel } from './ClientLinkPanel';

const SCORES = [
  { value: '1', label: '1', hint: undefined },
  { value: '2', label: '2' },
  { value: '3', label: '3' },
  { value: '4', label: '4' },
  { value: '5', label: '5' },
  { value: '', label: 'Not answered' },
] as const;

export interface FeedbackValues {
  on: string;
  source: 'paper' | 'in_person';
  scores: Record<string, string>;
  comment: string;
}

export function validateFeedback(values: FeedbackValues): ApiError[] {
  const errors: ApiError[] = [];
  if (!isIsoDate(values.on)) errors.push({ path: 'on', message: 'Enter the date the client filled in the form' });
  else if (values.on > today()) errors.push({ path: 'on', message: 'The date must be today or in the past' });
  if (!Object.values(values.scores).some(Boolean) && !values.comment.trim())
    errors.push({ path: 'scores', message: 'Enter at least one answer from the form, or the client’s comments' });
  return errors;
}

export function FeedbackEntryPage() {
  const { caseId = '' } = useParams();
  const query = useCase(caseId);
  const items = useFeedbackItems();
  usePageTitle('Enter client feedback');
  // Before the organisation's own items are available, the product defaults are the items.
  const fallback = items.error instanceof ApiRequestError && items.error.isNotAvailable;
  return (
    <>
      <BackLink to={`/cases/${caseId}`}>Back to the case</BackLink>
      <QueryState query={query} what="The case">
        {(c) =>
          fallback ? (
            <FeedbackForm c={c} items={DEFAULT_FEEDBACK_ITEMS.map((i) => ({ ...i }))} />
          ) : (
            <QueryState query={items} what="The feedback questions">
              {(list) => <FeedbackForm c={c} items={list} />}
            </QueryState>
          )
        }
      </QueryState>
    </>
  );
}

function FeedbackForm({ c, items }: { c: CaseDetail; items: FeedbackItem[] }) {
  const [values, setValues] = useState<FeedbackValues>({ on: today(), source: 'paper', scores: {}, comment: '' });
  const submission = useSubmission();
  const navigate = useNavigate();
  const refresh = useRefreshCase();
  const { prompt, bypass } = useUnsavedChanges(Object.values(values.scores).some(Boolean) || Boolean(values.comment));
  const sorted = items;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validateFeedback(values);
    submission.setErrors(problems);
    if (problems.length) return;
    const body = {
      on: values.on,
      source: values.source,
      items: Object.fromEntries(
        Object.entries(values.scores)
          .filter(([, score]) => score)
          .map(([key, score]) => [key, Number(score)]),
      ),
      comment: values.comment.trim() || null,
    };
    const result = await submission.submit(body, (idempotencyKey) =>
      api(`/cases/${c.id}/feedback`, { method: 'POST', body, idempotencyKey }),
    );
    if (result.ok) {
      bypass();
      await refresh(c.id);
      navigate(`/cases/${c.id}`, flash('Client feedback recorded'));
    }
  }

  const errorFor = (path: string) => submission.errors.find((e) => e.path === path)?.message;
  const firstItemId = sorted[0] ? `item-${sorted[0].key}` : 'comment';
  return (
    <>
      {prompt}
      <ErrorSummary errors={submission.errors} fieldIds={{ scores: firstItemId, items: firstItemId }} />
      <CaseHeading caseRecord={c} client={c.client} title="Enter client feedback" />
      <p className="govuk-body">
        Copy the client’s answers from the paper form. 1 means strongly disagree and 5 strongly agree. Leave out any
        question the client did not answer.
      </p>
      <form noValidate onSubmit={submit} className="dv-form">
        {errorFor('scores') && (
          <p className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {errorFor('scores')}
          </p>
        )}
        {sorted.map((item, i) => (
          <Radios
            key={item.key}
            id={`item-${item.key}`}
            legend={item.label}
            legendSize="s"
            inline
            small
            options={SCORES.map((s) => ({ value: s.value || 'none', label: s.label }))}
            value={values.scores[item.key] || (values.scores[item.key] === '' ? 'none' : '')}
            onChange={(v) => setValues((s) => ({ ...s, scores: { ...s.scores, [item.key]: v === 'none' ? '' : v } }))}
            error={errorFor(`items.${item.key}`)}
            autoFocus={i === 0}
          />
        ))}
        <Textarea
          id="comment"
          label="What else did the client say? (optional)"
          rows={4}
          value={values.comment}
          onChange={(e) => setValues((s) => ({ ...s, comment: e.target.value }))}
          error={errorFor('comment')}
        />
        <TextInput
          id="on"
          label="Date the client filled in the form"
          type="date"
          max={today()}
          value={values.on}
          onChange={(e) => setValues((s) => ({ ...s, on: e.target.value }))}
          error={errorFor('on')}
        />
        <Radios
          id="source"
          legend="How was it given?"
          legendSize="s"
          inline
          small
          options={[
            { value: 'paper', label: 'Paper form' },
            { value: 'in_person', label: 'Asked in person' },
          ]}
          value={values.source}
          onChange={(source) => setValues((s) => ({ ...s, source }))}
        />
        <button type="submit" className="govuk-button" disabled={submission.busy}>
          Save feedback
        </button>
      </form>
      <ClientLinkPanel caseId={c.id} />
    </>
  );
}
