import { DISCLOSURES, type Disclosure } from '@deepvalue/shared';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../app/api';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { BackLink } from '../../ui/BackLink';
import { ConflictView } from '../../ui/ConflictView';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { QueryState } from '../../ui/QueryState';
import { Radios } from '../../ui/Radios';
import { useUnsavedChanges } from '../../ui/UnsavedChanges';
import { useCase } from './api';
import { useBackToCase } from './back-to-case';
import { CaseHeading } from './CaseHeading';
import type { Assessment, CaseDetail } from '@deepvalue/shared';

const DISCLOSURE_LABELS: Record<Disclosure, string> = {
  yes: 'Yes, the full picture',
  partly: 'Partly',
  no: 'No',
};

export function AssessmentPage() {
  const { caseId = '' } = useParams();
  const query = useCase(caseId);
  usePageTitle('Adviser assessment');
  return (
    <>
      <BackLink to={`/cases/${caseId}`}>Back to the case</BackLink>
      <QueryState query={query} what="The case">
        {(c) => <AssessmentForm key={c.assessment?.version ?? 0} c={c} />}
      </QueryState>
    </>
  );
}

function AssessmentForm({ c }: { c: CaseDetail }) {
  const [trust, setTrust] = useState(c.assessment?.trust ? String(c.assessment.trust) : '');
  const [disclosure, setDisclosure] = useState<Disclosure | ''>(c.assessment?.disclosure ?? '');
  const [conflict, setConflict] = useState<Assessment>();
  const submission = useSubmission();
  const dirty =
    trust !== (c.assessment?.trust ? String(c.assessment.trust) : '') ||
    disclosure !== (c.assessment?.disclosure ?? '');
  const { prompt, bypass } = useUnsavedChanges(dirty);
  const back = useBackToCase(c.id, bypass);

  async function save(values: { trust: string; disclosure: Disclosure | '' }, version: number | undefined) {
    const problems = [];
    if (!values.trust) problems.push({ path: 'trust', message: 'Select how far trust has been established' });
    if (!values.disclosure)
      problems.push({ path: 'disclosure', message: 'Select whether the client disclosed the full picture' });
    submission.setErrors(problems);
    if (problems.length) return;
    const body = { version, trust: Number(values.trust), disclosure: values.disclosure };
    const result = await submission.submit(body, () => api(`/cases/${c.id}/assessment`, { method: 'PUT', body }));
    if (result.ok) {
      await back.afterChange('Adviser assessment saved');
    } else if (result.error?.isStale) {
      setConflict(result.error.body?.current as Assessment);
    }
  }

  const errorFor = (path: string) => submission.errors.find((e) => e.path === path)?.message;
  return (
    <>
      {prompt}
      <ErrorSummary errors={submission.errors} />
      <CaseHeading caseRecord={c} client={c.client} title="Adviser assessment" />
      {conflict ? (
        <ConflictView
          what="adviser assessment"
          fields={[
            { key: 'trust', label: 'Trust established (1 to 5)' },
            { key: 'disclosure', label: 'Disclosed the full picture' },
          ]}
          mine={{ trust: trust ? Number(trust) : null, disclosure }}
          theirs={conflict as unknown as Record<string, unknown>}
          busy={submission.busy}
          onResolve={(merged, version) => {
            const next = {
              trust: String(merged.trust ?? ''),
              disclosure: (merged.disclosure ?? '') as Disclosure | '',
            };
            setTrust(next.trust);
            setDisclosure(next.disclosure);
            setConflict(undefined);
            void save(next, version);
          }}
          onDiscard={back.discard}
        />
      ) : (
        <form
          noValidate
          className="dv-form"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void save({ trust, disclosure }, c.assessment?.version);
          }}
        >
          <Radios
            id="trust"
            legend="How far has trust been established with the client?"
            hint="1 is not at all, 5 is fully"
            inline
            options={['1', '2', '3', '4', '5'].map((value) => ({ value, label: value }))}
            value={trust}
            onChange={setTrust}
            error={errorFor('trust')}
          />
          <Radios
            id="disclosure"
            legend="Has the client disclosed the full picture?"
            options={DISCLOSURES.map((value) => ({ value, label: DISCLOSURE_LABELS[value] }))}
            value={disclosure}
            onChange={setDisclosure}
            error={errorFor('disclosure')}
          />
          <button type="submit" className="govuk-button" disabled={submission.busy}>
            Save assessment
          </button>
        </form>
      )}
    </>
  );
}
