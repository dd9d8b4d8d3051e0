import { type ApiError, type Recontact } from '@deepvalue/shared';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../app/api';
import { flash } from '../../app/flash';
import { isIsoDate, today } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { BackLink } from '../../ui/BackLink';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { QueryState } from '../../ui/QueryState';
import { Radios } from '../../ui/Radios';
import { TextInput } from '../../ui/TextInput';
import { useUnsavedChanges } from '../../ui/UnsavedChanges';
import { useCase, useRefreshCase } from './api';
import { CaseHeading } from './CaseHeading';
import type { CaseDetail } from '@deepvalue/shared';

const RECONTACT_OPTIONS: { value: Recontact; label: string; hint?: string }[] = [
  { value: 'none', label: 'No, they have not come back' },
  { value: 'same_problem', label: 'Yes, about the same problem', hint: 'This counts as a bounce-back' },
  { value: 'new_problem', label: 'Yes, with a new problem' },
];

export function FollowUpPage() {
  const { caseId = '' } = useParams();
  const query = useCase(caseId);
  usePageTitle('Record a follow-up');
  return (
    <>
      <BackLink to={`/cases/${caseId}`}>Back to the case</BackLink>
      <QueryState query={query} what="The case">
        {(c) => <FollowUpForm c={c} />}
      </QueryState>
    </>
  );
}

function FollowUpForm({ c }: { c: CaseDetail }) {
  const [on, setOn] = useState(today());
  const [recontact, setRecontact] = useState<Recontact | ''>('');
  const [sustained, setSustained] = useState<'yes' | 'no' | 'unknown' | ''>('');
  const submission = useSubmission();
  const navigate = useNavigate();
  const refresh = useRefreshCase();
  const { prompt, bypass } = useUnsavedChanges(recontact !== '' || sustained !== '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: ApiError[] = [];
    if (!isIsoDate(on)) problems.push({ path: 'on', message: 'Enter the date of the follow-up' });
    if (!recontact) problems.push({ path: 'recontact', message: 'Select whether the client has come back to you' });
    submission.setErrors(problems);
    if (problems.length) return;
    const body = {
      on,
      recontact,
      outcomeSustained: sustained === 'yes' ? true : sustained === 'no' ? false : null,
    };
    const result = await submission.submit(body, (idempotencyKey) =>
      api(`/cases/${c.id}/follow-ups`, { method: 'POST', body, idempotencyKey }),
    );
    if (result.ok) {
      bypass();
      await refresh(c.id);
      navigate(`/cases/${c.id}`, flash('Follow-up recorded'));
    }
  }

  const errorFor = (path: string) => submission.errors.find((e) => e.path === path)?.message;
  return (
    <>
      {prompt}
      <ErrorSummary errors={submission.errors} />
      <CaseHeading caseRecord={c} client={c.client} title="Record a follow-up" />
      <p className="govuk-body">
        Six months after a case closes, check whether the client has come back and whether the outcome has lasted.
      </p>
      <form noValidate onSubmit={submit} className="dv-form">
        <Radios
          id="recontact"
          legend="Has the client come back to you since the case closed?"
          options={RECONTACT_OPTIONS}
          value={recontact}
          onChange={setRecontact}
          error={errorFor('recontact')}
        />
        <Radios
          id="outcomeSustained"
          legend="Has the outcome lasted?"
          hint="For example, are they still in their home, still receiving the benefit"
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
            { value: 'unknown', label: 'Not known' },
          ]}
          value={sustained}
          onChange={setSustained}
          error={errorFor('outcomeSustained')}
        />
        <TextInput
          id="on"
          label="Date of the follow-up"
          type="date"
          max={today()}
          value={on}
          onChange={(e) => setOn(e.target.value)}
          error={errorFor('on')}
        />
        <button type="submit" className="govuk-button" disabled={submission.busy}>
          Save follow-up
        </button>
      </form>
    </>
  );
}
