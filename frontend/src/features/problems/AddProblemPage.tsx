import {
  type ApiError,
  CATEGORIES,
  type Category,
  labelOf,
  PROBLEM_ACTIONS,
  type ProblemAction,
} from '@deepvalue/shared';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../app/api';
import { flash } from '../../app/flash';
import { isIsoDate, today } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { BackLink } from '../../ui/BackLink';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { labelledOptions } from '../../ui/options';
import { QueryState } from '../../ui/QueryState';
import { Radios } from '../../ui/Radios';
import { Textarea } from '../../ui/Textarea';
import { TextInput } from '../../ui/TextInput';
import { useUnsavedChanges } from '../../ui/UnsavedChanges';
import { useCase, useRefreshCase } from '../cases/api';
import { CaseHeading } from '../cases/CaseHeading';
import { PartnerPicker } from '../cases/PartnerPicker';
import type { CaseDetail } from '@deepvalue/shared';

const ACTION_LABELS: Record<ProblemAction, { label: string; hint?: string }> = {
  handled_in_house: { label: 'Handled it here', hint: 'You or a colleague are dealing with it' },
  referred_warm: { label: 'Referred with a warm handover', hint: 'You introduced the client to the other service' },
  signposted: { label: 'Signposted', hint: 'You gave the client the details of another service' },
  client_declined: { label: 'The client did not want help with it' },
};

interface Values {
  category: Category | '';
  description: string;
  uncoveredOn: string;
  action: ProblemAction | '';
  partner: { id: string; name: string } | null;
}

export function validateProblem(values: Values): ApiError[] {
  const errors: ApiError[] = [];
  if (!values.category) errors.push({ path: 'category', message: 'Select the area of the underlying problem' });
  if (!isIsoDate(values.uncoveredOn)) errors.push({ path: 'uncoveredOn', message: 'Enter the date you uncovered it' });
  else if (values.uncoveredOn > today())
    errors.push({ path: 'uncoveredOn', message: 'The date must be today or in the past' });
  if (!values.action) errors.push({ path: 'action', message: 'Select what was done about it' });
  if (values.action === 'referred_warm' && !values.partner)
    errors.push({ path: 'partnerId', message: 'Choose the organisation you referred the client to' });
  return errors;
}

export function AddProblemPage() {
  const { caseId = '' } = useParams();
  const query = useCase(caseId);
  usePageTitle('Add an underlying problem');
  return (
    <>
      <BackLink to={`/cases/${caseId}`}>Back to the case</BackLink>
      <QueryState query={query} what="The case">
        {(c) => <ProblemForm c={c} />}
      </QueryState>
    </>
  );
}

function ProblemForm({ c }: { c: CaseDetail }) {
  const [values, setValues] = useState<Values>({
    category: '',
    description: '',
    uncoveredOn: today(),
    action: '',
    partner: null,
  });
  const submission = useSubmission();
  const navigate = useNavigate();
  const refresh = useRefreshCase();
  const { prompt, bypass } = useUnsavedChanges(Boolean(values.category || values.description || values.action));
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validateProblem(values);
    submission.setErrors(problems);
    if (problems.length) return;
    const withPartner = values.action === 'referred_warm' || values.action === 'signposted';
    const body = {
      category: values.category,
      description: values.description.trim() || null,
      uncoveredOn: values.uncoveredOn,
      action: values.action,
      partnerId: withPartner ? (values.partner?.id ?? null) : null,
    };
    const result = await submission.submit(body, (idempotencyKey) =>
      api(`/cases/${c.id}/problems`, { method: 'POST', body, idempotencyKey }),
    );
    if (result.ok) {
      bypass();
      await refresh(c.id);
      navigate(`/cases/${c.id}`, flash(`Underlying problem recorded: ${labelOf(values.category).toLowerCase()}`));
    }
  }

  const errorFor = (path: string) => submission.errors.find((e) => e.path === path)?.message;
  const partnerPicker = (legend: string) => (
    <PartnerPicker
      id="partnerId"
      legend={legend}
      value={values.partner}
      onChange={(partner) => set('partner', partner)}
      error={errorFor('partnerId')}
    />
  );
  return (
    <>
      {prompt}
      <ErrorSummary errors={submission.errors} />
      <CaseHeading caseRecord={c} client={c.client} title="Add an underlying problem" />
      <p className="govuk-body">A problem you uncovered beyond the one the client came with.</p>
      <form noValidate onSubmit={submit} className="govuk-!-width-two-thirds dv-form">
        <Radios
          id="category"
          legend="What area is the problem in?"
          options={labelledOptions(CATEGORIES)}
          value={values.category}
          onChange={(v) => set('category', v)}
          error={errorFor('category')}
          autoFocus
        />
        <Textarea
          id="description"
          label="Describe the problem (optional)"
          hint="Do not include anything the client has asked you to keep out of the record"
          rows={3}
          value={values.description}
          onChange={(e) => set('description', e.target.value)}
          error={errorFor('description')}
        />
        <TextInput
          id="uncoveredOn"
          label="When did you uncover it?"
          hint="The date of the session where it came up"
          type="date"
          max={today()}
          value={values.uncoveredOn}
          onChange={(e) => set('uncoveredOn', e.target.value)}
          error={errorFor('uncoveredOn')}
        />
        <Radios
          id="action"
          legend="What was done about it?"
          options={PROBLEM_ACTIONS.map((value) => ({
            value,
            ...ACTION_LABELS[value],
            conditional:
              value === 'referred_warm'
                ? partnerPicker('Who did you refer them to?')
                : value === 'signposted'
                  ? partnerPicker('Where did you signpost them? (optional)')
                  : undefined,
          }))}
          value={values.action}
          onChange={(v) => set('action', v)}
          error={errorFor('action')}
        />
        <button type="submit" className="govuk-button" disabled={submission.busy}>
          Save problem
        </button>
      </form>
    </>
  );
}
