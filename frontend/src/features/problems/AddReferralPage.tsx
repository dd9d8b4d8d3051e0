import { type ApiError, type ReferralDirection, type ReferralKind } from '@deepvalue/shared';
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
import { Textarea } from '../../ui/Textarea';
import { TextInput } from '../../ui/TextInput';
import { useUnsavedChanges } from '../../ui/UnsavedChanges';
import { useCase, useRefreshCase } from '../cases/api';
import { CaseHeading } from '../cases/CaseHeading';
import { PartnerPicker } from '../cases/PartnerPicker';
import type { CaseDetail } from '@deepvalue/shared';

interface Values {
  direction: ReferralDirection | '';
  partner: { id: string; name: string } | null;
  kind: ReferralKind | '';
  on: string;
  note: string;
}

export function validateReferral(values: Values): ApiError[] {
  const errors: ApiError[] = [];
  if (!values.direction) errors.push({ path: 'direction', message: 'Select whether the referral is to or from you' });
  if (!values.partner) errors.push({ path: 'partnerId', message: 'Choose the partner organisation' });
  if (!values.kind) errors.push({ path: 'kind', message: 'Select a warm handover or a signpost' });
  if (!isIsoDate(values.on)) errors.push({ path: 'on', message: 'Enter the date of the referral' });
  else if (values.on > today()) errors.push({ path: 'on', message: 'The date must be today or in the past' });
  return errors;
}

export function AddReferralPage() {
  const { caseId = '' } = useParams();
  const query = useCase(caseId);
  usePageTitle('Add a referral');
  return (
    <>
      <BackLink to={`/cases/${caseId}`}>Back to the case</BackLink>
      <QueryState query={query} what="The case">
        {(c) => <ReferralForm c={c} />}
      </QueryState>
    </>
  );
}

function ReferralForm({ c }: { c: CaseDetail }) {
  const [values, setValues] = useState<Values>({ direction: 'out', partner: null, kind: '', on: today(), note: '' });
  const submission = useSubmission();
  const navigate = useNavigate();
  const refresh = useRefreshCase();
  const { prompt, bypass } = useUnsavedChanges(Boolean(values.partner || values.kind || values.note));
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validateReferral(values);
    submission.setErrors(problems);
    if (problems.length) return;
    const body = {
      direction: values.direction,
      partnerId: values.partner?.id,
      kind: values.kind,
      on: values.on,
      note: values.note.trim() || null,
    };
    const result = await submission.submit(body, (idempotencyKey) =>
      api(`/cases/${c.id}/referrals`, { method: 'POST', body, idempotencyKey }),
    );
    if (result.ok) {
      bypass();
      await refresh(c.id);
      navigate(
        `/cases/${c.id}`,
        flash(`Referral ${values.direction === 'out' ? 'to' : 'from'} ${values.partner?.name} recorded`),
      );
    }
  }

  const errorFor = (path: string) => submission.errors.find((e) => e.path === path)?.message;
  return (
    <>
      {prompt}
      <ErrorSummary errors={submission.errors} />
      <CaseHeading caseRecord={c} client={c.client} title="Add a referral" />
      <form noValidate onSubmit={submit} className="govuk-!-width-two-thirds dv-form">
        <Radios
          id="direction"
          legend="Which way is the referral?"
          options={[
            { value: 'out', label: 'From us to another organisation' },
            { value: 'in', label: 'From another organisation to us' },
          ]}
          value={values.direction}
          onChange={(v) => set('direction', v)}
          error={errorFor('direction')}
        />
        <PartnerPicker
          id="partnerId"
          legend={values.direction === 'in' ? 'Which organisation referred the client?' : 'Which organisation?'}
          value={values.partner}
          onChange={(partner) => set('partner', partner)}
          error={errorFor('partnerId')}
          autoFocus
        />
        <Radios
          id="kind"
          legend="How was the client handed over?"
          options={[
            {
              value: 'warm_handover',
              label: 'Warm handover',
              hint: 'Introduced in person, by phone or with a shared referral, so the client does not start again',
            },
            { value: 'signpost', label: 'Signpost', hint: 'The client was given the details and contacts them' },
          ]}
          value={values.kind}
          onChange={(v) => set('kind', v)}
          error={errorFor('kind')}
        />
        <TextInput
          id="on"
          label="Date of the referral"
          type="date"
          max={today()}
          value={values.on}
          onChange={(e) => set('on', e.target.value)}
          error={errorFor('on')}
        />
        <Textarea
          id="note"
          label="Note (optional)"
          rows={3}
          value={values.note}
          onChange={(e) => set('note', e.target.value)}
          error={errorFor('note')}
        />
        <button type="submit" className="govuk-button" disabled={submission.busy}>
          Save referral
        </button>
      </form>
    </>
  );
}
