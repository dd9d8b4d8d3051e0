import type { ApiError } from '@deepvalue/shared';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { api, ApiRequestError } from '../../app/api';
import { usePageTitle } from '../../app/page-title';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Radios } from '../../ui/Radios';
import { Textarea } from '../../ui/Textarea';
import type { FeedbackForm } from '@deepvalue/shared';

const ANSWERS = [
  { value: '5', label: 'Strongly agree' },
  { value: '4', label: 'Agree' },
  { value: '3', label: 'Neither agree nor disagree' },
  { value: '2', label: 'Disagree' },
  { value: '1', label: 'Strongly disagree' },
] as const;

/** The page a client opens from their one-use link: no sign-in, large text, works on a phone. */
export function ClientFeedbackPage() {
  const { token = '' } = useParams();
  usePageTitle('Tell us about your adviser');
  const form = useQuery({
    queryKey: ['client-feedback', token],
    queryFn: ({ signal }) => api<FeedbackForm>(`/feedback-links/${encodeURIComponent(token)}`, { signal }),
    retry: false,
  });
  const [scores, setScores] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<ApiError[]>([]);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  if (done) {
    return (
      <div className="dv-client-form">
        <h1 className="govuk-heading-xl">Thank you</h1>
        <p className="govuk-body-l">Your answers have been sent. You can close this page.</p>
      </div>
    );
  }
  if (form.isPending) return <p className="govuk-body-l">Loading…</p>;
  if (form.isError) {
    return (
      <div className="dv-client-form">
        <h1 className="govuk-heading-xl">This link no longer works</h1>
        <p className="govuk-body-l">
          It may have been used already, or be more than 7 days old. Ask your adviser for a new one.
        </p>
      </div>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const items = Object.fromEntries(
      Object.entries(scores)
        .filter(([, v]) => v)
        .map(([k, v]) => [k, Number(v)]),
    );
    if (Object.keys(items).length === 0 && !comment.trim()) {
      setErrors([{ path: 'answers', message: 'Answer at least one question, or write something in the box' }]);
      return;
    }
    setBusy(true);
    try {
      await api(`/feedback-links/${encodeURIComponent(token)}`, {
        method: 'POST',
        body: { items, comment: comment.trim() || null },
      });
      setDone(true);
    } catch (error) {
      setErrors(
        error instanceof ApiRequestError
          ? error.errors
          : [{ path: '', message: 'Your answers could not be sent; try again' }],
      );
    } finally {
      setBusy(false);
    }
  }

  const items = form.data.items;
  return (
    <div className="dv-client-form">
      <ErrorSummary errors={errors} fieldIds={{ answers: `answer-${items[0]?.key}` }} />
      <h1 className="govuk-heading-xl">Tell us about your adviser</h1>
      <p className="govuk-body-l">
        {form.data.organisationName} would like to know how your adviser treated you. Your answers help show what good
        advice needs. Answer as many questions as you like.
      </p>
      <form onSubmit={submit} noValidate>
        {items.map((item) => (
          <Radios
            key={item.key}
            id={`answer-${item.key}`}
            legend={item.label}
            legendSize="m"
            options={ANSWERS}
            value={scores[item.key] ?? ''}
            onChange={(v) => setScores((s) => ({ ...s, [item.key]: v }))}
          />
        ))}
        <Textarea
          id="comment"
          label="Anything else you want to tell us? (optional)"
          rows={4}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <button type="submit" className="govuk-button govuk-!-font-size-24" disabled={busy}>
          Send my answers
        </button>
      </form>
    </div>
  );
}
