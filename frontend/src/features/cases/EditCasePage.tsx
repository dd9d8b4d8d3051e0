import {
  type ApiError,
  ARRIVAL_ROUTES,
  type ArrivalRoute,
  CATEGORIES,
  type Category,
  FUNDING_STREAMS,
  type FundingStream,
  labelOf,
} from '@deepvalue/shared';
import { type FormEvent, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../app/api';
import { isIsoDate } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { BackLink } from '../../ui/BackLink';
import { ConflictView, type ConflictField } from '../../ui/ConflictView';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { labelledOptions } from '../../ui/options';
import { QueryState } from '../../ui/QueryState';
import { Radios } from '../../ui/Radios';
import { Select } from '../../ui/Select';
import { TextInput } from '../../ui/TextInput';
import { useUnsavedChanges } from '../../ui/UnsavedChanges';
import { useCase, useOffices } from './api';
import { SubcategorySelect } from './SubcategorySelect';
import { useBackToCase } from './back-to-case';
import { CaseHeading } from './CaseHeading';
import { PartnerPicker } from './PartnerPicker';
import type { CaseDetail, CaseRecord } from '@deepvalue/shared';

interface CaseValues {
  category: Category;
  subcategory: string;
  fundingStream: FundingStream;
  openedOn: string;
  /** The client's first contact with the organisation; the date opened unless it was earlier. */
  firstContactOn: string;
  officeId: string;
  arrivalRoute: ArrivalRoute;
  referrerPartnerId: string | null;
  priorOrganisationsContacted: string;
  timesToldStoryBefore: string;
  /** '1'–'5', or '' when not asked. */
  confidenceAtIntake: string;
}

const FIELDS: ConflictField[] = [
  { key: 'category', label: 'Problem', format: (v) => labelOf(String(v)) },
  { key: 'subcategory', label: 'Sub-category' },
  { key: 'fundingStream', label: 'Funding', format: (v) => labelOf(String(v)) },
  { key: 'openedOn', label: 'Date opened' },
  { key: 'firstContactOn', label: 'First contact' },
  { key: 'officeId', label: 'Office' },
  { key: 'arrivalRoute', label: 'How they arrived', format: (v) => labelOf(String(v)) },
  { key: 'referrerPartnerId', label: 'Referred by' },
  { key: 'priorOrganisationsContacted', label: 'Organisations contacted before' },
  { key: 'timesToldStoryBefore', label: 'Times told their story before' },
  { key: 'confidenceAtIntake', label: 'Confidence at intake' },
];

function valuesOf(c: CaseRecord): CaseValues {
  return {
    category: c.category,
    subcategory: c.subcategory ?? '',
    fundingStream: c.fundingStream,
    openedOn: c.openedOn,
    firstContactOn: c.firstContactOn ?? c.openedOn,
    officeId: c.officeId ?? '',
    arrivalRoute: c.arrival.route,
    referrerPartnerId: c.arrival.referrerPartnerId,
    priorOrganisationsContacted: c.priorOrganisationsContacted == null ? '' : String(c.priorOrganisationsContacted),
    timesToldStoryBefore: c.timesToldStoryBefore == null ? '' : String(c.timesToldStoryBefore),
    confidenceAtIntake: c.confidenceAtIntake == null ? '' : String(c.confidenceAtIntake),
  };
}

const count = (text: string) => (text.trim() === '' ? null : Number(text));

function toBody(values: CaseValues, version: number) {
  return {
    version,
    category: values.category,
    subcategory: values.subcategory.trim() || null,
    fundingStream: values.fundingStream,
    openedOn: values.openedOn,
    // The same day as opening is the default: sent as null, so it follows a corrected opening date.
    firstContactOn: values.firstContactOn && values.firstContactOn !== values.openedOn ? values.firstContactOn : null,
    officeId: values.officeId || null,
    arrival: {
      route: values.arrivalRoute,
      referrerPartnerId: values.arrivalRoute === 'referred' ? values.referrerPartnerId : null,
    },
    priorOrganisationsContacted: count(values.priorOrganisationsContacted),
    timesToldStoryBefore: count(values.timesToldStoryBefore),
    confidenceAtIntake: values.confidenceAtIntake ? Number(values.confidenceAtIntake) : null,
  };
}

export function validateCaseValues(values: CaseValues): ApiError[] {
  const errors: ApiError[] = [];
  if (!isIsoDate(values.openedOn)) errors.push({ path: 'openedOn', message: 'Enter the date the case was opened' });
  if (values.firstContactOn && !isIsoDate(values.firstContactOn))
    errors.push({ path: 'firstContactOn', message: 'Enter the date of the client’s first contact, or leave it empty' });
  else if (values.firstContactOn && isIsoDate(values.openedOn) && values.firstContactOn > values.openedOn)
    errors.push({ path: 'firstContactOn', message: 'The first contact must be on or before the date opened' });
  if (values.arrivalRoute === 'referred' && !values.referrerPartnerId)
    errors.push({ path: 'referrerPartnerId', message: 'Choose the organisation that referred the client' });
  for (const [key, label] of [
    ['priorOrganisationsContacted', 'Organisations contacted before'],
    ['timesToldStoryBefore', 'Times told their story before'],
  ] as const) {
    const text = values[key].trim();
    if (text && (!/^\d+$/.test(text) || Number(text) > 100))
      errors.push({ path: key, message: `${label} must be a whole number from 0 to 100` });
  }
  return errors;
}

export function EditCasePage() {
  const { caseId = '' } = useParams();
  const query = useCase(caseId);
  usePageTitle('Change case details');
  return (
    <>
      <BackLink to={`/cases/${caseId}`}>Back to the case</BackLink>
      <QueryState query={query} what="The case">
        {(c) => <EditCaseForm key={c.version} c={c} />}
      </QueryState>
    </>
  );
}

function EditCaseForm({ c }: { c: CaseDetail }) {
  const initial = useMemo(() => valuesOf(c), [c]);
  const [values, setValues] = useState(initial);
  const [partner, setPartner] = useState(
    c.arrival.referrerPartnerId
      ? { id: c.arrival.referrerPartnerId, name: c.referrerName ?? 'Current referrer' }
      : null,
  );
  const [conflict, setConflict] = useState<{ mine: CaseValues; theirs: Record<string, unknown> }>();
  const submission = useSubmission();
  const offices = useOffices();
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  const { prompt, bypass } = useUnsavedChanges(dirty);
  const back = useBackToCase(c.id, bypass);
  const set = <K extends keyof CaseValues>(key: K, value: CaseValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  async function save(toSave: CaseValues, version: number) {
    const problems = validateCaseValues(toSave);
    submission.setErrors(problems);
    if (problems.length) return;
    const body = toBody(toSave, version);
    const result = await submission.submit(body, () => api<CaseDetail>(`/cases/${c.id}`, { method: 'PATCH', body }));
    if (result.ok) {
      await back.afterChange('Case details saved');
    } else if (result.error?.isStale) {
      const current = result.error.body?.current as CaseRecord;
      setConflict({ mine: toSave, theirs: { ...valuesOf(current), version: current.version } });
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(values, c.version);
  };
  const errorFor = (path: string) => submission.errors.find((e) => e.path === path)?.message;

  if (conflict) {
    return (
      <>
        {prompt}
        <CaseHeading caseRecord={c} client={c.client} title="Change case details" />
        <ConflictView
          what="case details"
          fields={FIELDS}
          mine={conflict.mine as unknown as Record<string, unknown>}
          theirs={conflict.theirs}
          busy={submission.busy}
          onResolve={(merged, version) => {
            const next = merged as unknown as CaseValues;
            setValues(next);
            setConflict(undefined);
            void save(next, version);
          }}
          onDiscard={back.discard}
        />
      </>
    );
  }

  return (
    <>
      {prompt}
      <ErrorSummary errors={submission.errors} />
      <CaseHeading caseRecord={c} client={c.client} title="Change case details" />
      <form onSubmit={submit} noValidate className="govuk-!-width-two-thirds dv-form">
        <Radios
          id="category"
          legend="Presenting problem"
          legendSize="m"
          options={labelledOptions(CATEGORIES)}
          value={values.category}
          onChange={(v) => setValues((old) => ({ ...old, category: v, subcategory: '' }))}
          error={errorFor('category')}
        />
        <SubcategorySelect
          category={values.category}
          value={values.subcategory}
          onChange={(v) => set('subcategory', v)}
          error={errorFor('subcategory')}
        />
        <Select
          id="fundingStream"
          label="Funding"
          options={labelledOptions(FUNDING_STREAMS)}
          value={values.fundingStream}
          onChange={(v) => set('fundingStream', v as FundingStream)}
          error={errorFor('fundingStream')}
        />
        <TextInput
          id="openedOn"
          label="Date opened"
          type="date"
          value={values.openedOn}
          onChange={(e) => set('openedOn', e.target.value)}
          error={errorFor('openedOn')}
        />
        <TextInput
          id="firstContactOn"
          label="Date of the client’s first contact"
          hint="When they first got in touch about this problem, if before the case was opened. First-contact latency counts from it."
          type="date"
          value={values.firstContactOn}
          onChange={(e) => set('firstContactOn', e.target.value)}
          error={errorFor('firstContactOn')}
        />
        {offices.data && offices.data.length > 0 && (
          <Select
            id="officeId"
            label="Office"
            emptyLabel="Not recorded"
            options={offices.data.map((o) => ({ value: o.id, label: o.name }))}
            value={values.officeId}
            onChange={(v) => set('officeId', v)}
            error={errorFor('officeId')}
          />
        )}
        <Radios
          id="arrivalRoute"
          legend="How did the client come to you?"
          legendSize="m"
          options={ARRIVAL_ROUTES.map((value) => ({
            value,
            label: labelOf(value),
            conditional:
              value === 'referred' ? (
                <PartnerPicker
                  id="referrerPartnerId"
                  legend="Which organisation referred them?"
                  value={partner}
                  onChange={(p) => {
                    setPartner(p);
                    set('referrerPartnerId', p?.id ?? null);
                  }}
                  error={errorFor('referrerPartnerId')}
                />
              ) : undefined,
          }))}
          value={values.arrivalRoute}
          onChange={(v) => set('arrivalRoute', v)}
          error={errorFor('arrivalRoute')}
        />
        <TextInput
          id="priorOrganisationsContacted"
          label="How many other organisations had the client contacted about this problem before coming to you?"
          hint="Leave blank if not asked"
          inputMode="numeric"
          width={3}
          value={values.priorOrganisationsContacted}
          onChange={(e) => set('priorOrganisationsContacted', e.target.value)}
          error={errorFor('priorOrganisationsContacted')}
        />
        <TextInput
          id="timesToldStoryBefore"
          label="How many times had they told their story before reaching you?"
          hint="Leave blank if not asked"
          inputMode="numeric"
          width={3}
          value={values.timesToldStoryBefore}
          onChange={(e) => set('timesToldStoryBefore', e.target.value)}
          error={errorFor('timesToldStoryBefore')}
        />
        <Radios
          id="confidenceAtIntake"
          legend="How confident did the client feel about dealing with problems like this when the case opened? (1 to 5)"
          legendSize="s"
          inline
          small
          options={[
            ...['1', '2', '3', '4', '5'].map((value) => ({ value, label: value })),
            { value: '', label: 'Not asked' },
          ]}
          value={values.confidenceAtIntake}
          onChange={(value) => set('confidenceAtIntake', value)}
          error={errorFor('confidenceAtIntake')}
        />
        <button type="submit" className="govuk-button" disabled={submission.busy}>
          Save changes
        </button>
      </form>
    </>
  );
}
