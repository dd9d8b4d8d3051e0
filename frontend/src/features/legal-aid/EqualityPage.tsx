/** Record the client's equality monitoring answers (PUT /clients/:id/equality); each may be declined. */
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { flash } from '../../app/flash';
import { clientName } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { BackLink } from '../../ui/BackLink';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { QueryState } from '../../ui/QueryState';
import { Select } from '../../ui/Select';
import { useClient } from '../cases/api';
import type { Client } from '@deepvalue/shared';
import { useLegalAidCodes } from './api';
import { EQUALITY_QUESTIONS, type EqualityQuestion, type LegalAidCodesView as LegalAidCodes } from '@deepvalue/shared';

const QUESTIONS: Record<EqualityQuestion, string> = {
  gender: 'Gender',
  ethnicity: 'Ethnicity',
  disability: 'Disability',
};

export function EqualityPage() {
  const { clientId = '' } = useParams();
  // Asked from a case, the form goes back to that case.
  const caseId = useSearchParams()[0].get('case');
  const back = caseId ? `/cases/${caseId}` : `/clients/${clientId}`;
  const client = useClient(clientId);
  const codes = useLegalAidCodes();
  usePageTitle('Equality monitoring');
  return (
    <>
      <BackLink to={back}>{caseId ? 'Back to the case' : 'Back to the client'}</BackLink>
      <QueryState query={client} what="The client">
        {(c) => (
          <QueryState query={codes} what="The legal aid code lists">
            {(lists) => <EqualityForm key={c.version} client={c} lists={lists} back={back} />}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}

function EqualityForm({ client, lists, back }: { client: Client; lists: LegalAidCodes; back: string }) {
  const [answers, setAnswers] = useState<Record<EqualityQuestion, string>>(() => ({
    gender: client.equality?.gender ?? '',
    ethnicity: client.equality?.ethnicity ?? '',
    disability: client.equality?.disability ?? '',
  }));
  const submission = useSubmission();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  async function save(event: FormEvent) {
    event.preventDefault();
    const body = {
      version: client.version,
      ...Object.fromEntries(EQUALITY_QUESTIONS.map((q) => [q, answers[q] || null])),
    };
    const result = await submission.submit(body, () => api(`/clients/${client.id}/equality`, { method: 'PUT', body }));
    if (result.ok) {
      await queryClient.invalidateQueries({ queryKey: ['client', client.id] });
      await queryClient.invalidateQueries({ queryKey: ['case'] });
      navigate(back, flash('Equality monitoring saved'));
    } else if (result.error?.isStale) {
      await queryClient.invalidateQueries({ queryKey: ['client', client.id] });
      submission.setErrors([{ path: '', message: 'Someone else changed this client. Reload the page and try again.' }]);
    }
  }

  return (
    <>
      <ErrorSummary errors={submission.errors} />
      <span className="govuk-caption-l">{clientName(client)}</span>
      <h1 className="govuk-heading-l">Equality monitoring</h1>
      <form noValidate className="govuk-!-width-two-thirds" onSubmit={(e) => void save(e)}>
        <p className="govuk-body">
          The Legal Aid Agency asks for these answers on a legally aided case. Tell the client they are for monitoring
          only, do not affect their help, and that they may choose not to answer any of them.
        </p>
        {EQUALITY_QUESTIONS.map((q) => {
          const list = lists.equality[q];
          return (
            <Select
              key={q}
              id={q}
              label={QUESTIONS[q]}
              hint={
                list.codes.some((k) => !k.label)
                  ? 'The code list holds some of these codes without their meaning yet: read them from the LAA’s equality monitoring table.'
                  : undefined
              }
              emptyLabel="Not asked yet"
              options={[
                { value: list.declinedCode, label: 'Prefers not to say' },
                ...list.codes
                  .filter((k) => k.code !== list.declinedCode)
                  .map((k) => ({ value: k.code, label: k.label ? `${k.label} (${k.code})` : `Code ${k.code}` })),
              ]}
              value={answers[q]}
              error={submission.errors.find((e) => e.path === q)?.message}
              onChange={(v) => setAnswers((a) => ({ ...a, [q]: v }))}
            />
          );
        })}
        <button type="submit" className="govuk-button" disabled={submission.busy}>
          Save equality monitoring
        </button>
      </form>
    </>
  );
}
