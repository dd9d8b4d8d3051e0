import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../app/api';
import { flash } from '../../app/flash';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { BackLink } from '../../ui/BackLink';
import { ConflictView } from '../../ui/ConflictView';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { QueryState } from '../../ui/QueryState';
import { Radios } from '../../ui/Radios';
import { useCase, useRefreshCase } from '../cases/api';
import { CaseHeading } from '../cases/CaseHeading';
import type { CaseDetail, Problem, Referral } from '@deepvalue/shared';

/** The later question on a referral or a referred problem: did the client reach the support? */
export function ReachedSupportPage() {
  const { caseId = '', kind = '', recordId = '' } = useParams();
  const query = useCase(caseId);
  usePageTitle('Did the client reach the support?');
  return (
    <>
      <BackLink to={`/cases/${caseId}`}>Back to the case</BackLink>
      <QueryState query={query} what="The case">
        {(c) => {
          const record =
            kind === 'problems'
              ? c.problems.find((p) => p.id === recordId)
              : kind === 'referrals'
                ? c.referrals.find((r) => r.id === recordId)
                : undefined;
          if (!record) return <p className="govuk-body">That referral could not be found on this case.</p>;
          return <ReachedForm key={record.version} c={c} kind={kind as 'problems' | 'referrals'} record={record} />;
        }}
      </QueryState>
    </>
  );
}

function ReachedForm({
  c,
  kind,
  record,
}: {
  c: CaseDetail;
  kind: 'problems' | 'referrals';
  record: Problem | Referral;
}) {
  const [answer, setAnswer] = useState<'yes' | 'no' | ''>(
    record.reachedSupport == null ? '' : record.reachedSupport ? 'yes' : 'no',
  );
  const [conflict, setConflict] = useState<Problem | Referral>();
  const submission = useSubmission();
  const navigate = useNavigate();
  const refresh = useRefreshCase();

  async function save(value: 'yes' | 'no' | '', version: number) {
    if (!value) {
      submission.setErrors([{ path: 'reachedSupport', message: 'Select whether the client reached the support' }]);
      return;
    }
    const body = { version, reachedSupport: value === 'yes' };
    const result = await submission.submit(body, () => api(`/${kind}/${record.id}`, { method: 'PATCH', body }));
    if (result.ok) {
      await refresh(c.id);
      navigate(`/cases/${c.id}`, flash('Saved whether the client reached the support'));
    } else if (result.error?.isStale) {
      setConflict(result.error.body?.current as Problem | Referral);
    }
  }

  const partner = ('partnerName' in record && record.partnerName) || 'the other service';
  return (
    <>
      <ErrorSummary errors={submission.errors} />
      <CaseHeading caseRecord={c} client={c.client} title="Did the client reach the support?" />
      {conflict ? (
        <ConflictView
          what="referral"
          fields={[{ key: 'reachedSupport', label: 'Reached the support' }]}
          mine={{ reachedSupport: answer === 'yes' }}
          theirs={conflict as unknown as Record<string, unknown>}
          busy={submission.busy}
          onResolve={(merged, version) => {
            const next = merged.reachedSupport ? 'yes' : 'no';
            setAnswer(next);
            setConflict(undefined);
            void save(next, version);
          }}
          onDiscard={() => navigate(`/cases/${c.id}`)}
        />
      ) : (
        <form
          noValidate
          className="dv-form"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void save(answer, record.version);
          }}
        >
          <Radios
            id="reachedSupport"
            legend={`Did the client get help from ${partner}?`}
            hint="Ask the client or the other service. This is how referral completion is measured."
            options={[
              { value: 'yes', label: 'Yes, they reached the support' },
              { value: 'no', label: 'No, they did not' },
            ]}
            value={answer}
            onChange={setAnswer}
            error={submission.errors.find((e) => e.path === 'reachedSupport')?.message}
            autoFocus
          />
          <button type="submit" className="govuk-button" disabled={submission.busy}>
            Save
          </button>
        </form>
      )}
    </>
  );
}
