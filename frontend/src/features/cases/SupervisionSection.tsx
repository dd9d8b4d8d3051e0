import type { AdviserRef, FileReview } from '@deepvalue/shared';
/** Supervision on the case page (managers): the file reviews, recording one, and giving the case to another adviser. */
import { FILE_REVIEW_OUTCOME_LABELS, FILE_REVIEW_OUTCOMES, type FileReviewOutcome } from '@deepvalue/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiRequestError, newIdempotencyKey } from '../../app/api';
import { formatDate } from '../../app/format';
import { QueryState } from '../../ui/QueryState';
import { Radios } from '../../ui/Radios';
import { Select } from '../../ui/Select';
import { Textarea } from '../../ui/Textarea';

const messageOf = (e: unknown) =>
  e instanceof ApiRequestError ? e.errors.map((x) => x.message).join('; ') : String(e);

export function SupervisionSection({
  caseId,
  leadAdviserId,
  onReassigned,
}: {
  caseId: string;
  leadAdviserId: string;
  onReassigned: () => void;
}) {
  const reviews = useQuery({
    queryKey: ['file-reviews', caseId],
    queryFn: ({ signal }) => api<FileReview[]>(`/cases/${caseId}/file-reviews`, { signal }),
  });
  return (
    <section aria-labelledby="supervision-title">
      <h2 className="govuk-heading-m" id="supervision-title">
        Supervision
      </h2>
      <QueryState query={reviews} what="The file reviews">
        {(list) =>
          list.length === 0 ? (
            <p className="govuk-body">This file has not been reviewed yet.</p>
          ) : (
            <ul className="govuk-list">
              {list.map((r) => (
                <li key={r.id}>
                  <strong>
                    {formatDate(r.reviewedOn)}: {FILE_REVIEW_OUTCOME_LABELS[r.outcome]}
                  </strong>{' '}
                  <span className="dv-muted">reviewed by {r.reviewerName}</span>
                  {r.actions && <p className="govuk-body govuk-!-margin-bottom-2">Actions: {r.actions}</p>}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      <ReviewForm caseId={caseId} />
      <ReassignForm caseId={caseId} leadAdviserId={leadAdviserId} onReassigned={onReassigned} />
    </section>
  );
}

function ReviewForm({ caseId }: { caseId: string }) {
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<FileReviewOutcome | ''>('');
  const [actions, setActions] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (!outcome) return setError('Select the outcome of the review');
    setError(null);
    try {
      await api(`/cases/${caseId}/file-reviews`, {
        method: 'POST',
        body: { outcome, actions: actions.trim() || undefined },
        idempotencyKey: newIdempotencyKey(),
      });
      setOutcome('');
      setActions('');
      setDone(true);
      await client.invalidateQueries({ queryKey: ['file-reviews', caseId] });
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="review-title" className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s" id="review-title">
        Record a file review
      </h3>
      <Radios
        id="review-outcome"
        legend="Outcome"
        legendSize="s"
        small
        options={FILE_REVIEW_OUTCOMES.map((o) => ({ value: o, label: FILE_REVIEW_OUTCOME_LABELS[o] }))}
        value={outcome}
        onChange={setOutcome}
        error={error ?? undefined}
      />
      <Textarea
        id="review-actions"
        label="Actions agreed (optional)"
        rows={3}
        value={actions}
        onChange={(e) => setActions(e.target.value)}
      />
      <button type="submit" className="govuk-button govuk-button--secondary">
        Record the file review
      </button>
      {done && (
        <p className="govuk-body" role="status">
          File review recorded.
        </p>
      )}
    </form>
  );
}

function ReassignForm({
  caseId,
  leadAdviserId,
  onReassigned,
}: {
  caseId: string;
  leadAdviserId: string;
  onReassigned: () => void;
}) {
  const advisers = useQuery({
    queryKey: ['advisers'],
    queryFn: ({ signal }) => api<AdviserRef[]>('/advisers', { signal }),
  });
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!to) return setError('Choose who will lead the case');
    setError(null);
    try {
      await api(`/cases/${caseId}/reassign`, { method: 'POST', body: { leadAdviserId: to } });
      setTo('');
      onReassigned();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="reassign-title" className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s" id="reassign-title">
        Reassign the case
      </h3>
      <Select
        id="reassign-to"
        label="New lead adviser"
        emptyLabel="Choose an adviser"
        options={(advisers.data ?? [])
          .filter((a) => a.id !== leadAdviserId)
          .map((a) => ({ value: a.id, label: a.name }))}
        value={to}
        onChange={setTo}
        error={error ?? undefined}
      />
      <button type="submit" className="govuk-button govuk-button--secondary">
        Reassign the case
      </button>
    </form>
  );
}
