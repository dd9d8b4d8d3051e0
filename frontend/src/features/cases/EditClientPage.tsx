import { type ApiError, labelOf, VULNERABILITIES, type Vulnerability } from '@deepvalue/shared';
import { type FormEvent, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../app/api';
import { flash } from '../../app/flash';
import { clientName } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { BackLink } from '../../ui/BackLink';
import { Checkboxes } from '../../ui/Checkboxes';
import { ConflictView, type ConflictField } from '../../ui/ConflictView';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { labelledOptions } from '../../ui/options';
import { QueryState } from '../../ui/QueryState';
import { Radios } from '../../ui/Radios';
import { useUnsavedChanges } from '../../ui/UnsavedChanges';
import { useQueryClient } from '@tanstack/react-query';
import { useClient } from './api';
import { ClientDetailsFields, type ClientDetails, clientDetailsOf, validateClientDetails } from './ClientDetailsFields';
import type { Client } from '@deepvalue/shared';

type ClientValues = ClientDetails & { vulnerabilities: Vulnerability[]; evidenceConsent: boolean };

const FIELDS: ConflictField[] = [
  { key: 'firstName', label: 'First name' },
  { key: 'lastName', label: 'Last name' },
  { key: 'dateOfBirth', label: 'Date of birth' },
  { key: 'postcodeDistrict', label: 'Postcode district' },
  { key: 'email', label: 'Email' },
  { key: 'phone', label: 'Phone' },
  {
    key: 'vulnerabilities',
    label: 'Vulnerabilities',
    format: (v) => ((v as string[]) ?? []).map(labelOf).join(', ') || 'None',
  },
  { key: 'evidenceConsent', label: 'Evidence consent', format: (v) => (v ? 'Yes' : 'No') },
];

function valuesOf(client: Client): ClientValues {
  return {
    ...clientDetailsOf(client),
    vulnerabilities: client.vulnerabilities ?? [],
    evidenceConsent: Boolean(client.evidenceConsent),
  };
}

export function EditClientPage() {
  const { clientId = '' } = useParams();
  const query = useClient(clientId);
  usePageTitle('Change client details');
  return (
    <>
      <BackLink to={`/clients/${clientId}`}>Back to the client</BackLink>
      <QueryState query={query} what="The client">
        {(client) => <EditClientForm key={client.version} client={client} />}
      </QueryState>
    </>
  );
}

function EditClientForm({ client }: { client: Client }) {
  const initial = useMemo(() => valuesOf(client), [client]);
  const [values, setValues] = useState(initial);
  const [conflict, setConflict] = useState<{ mine: ClientValues; theirs: Record<string, unknown> }>();
  const submission = useSubmission();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { prompt, bypass } = useUnsavedChanges(JSON.stringify(values) !== JSON.stringify(initial));

  async function save(toSave: ClientValues, version: number) {
    const problems: ApiError[] = validateClientDetails(toSave);
    submission.setErrors(problems);
    if (problems.length) return;
    const body = {
      version,
      firstName: toSave.firstName.trim() || null,
      lastName: toSave.lastName.trim() || null,
      dateOfBirth: toSave.dateOfBirth || null,
      postcodeDistrict: toSave.postcodeDistrict.trim().toUpperCase() || null,
      email: toSave.email.trim() || null,
      phone: toSave.phone.trim() || null,
      vulnerabilities: toSave.vulnerabilities,
      evidenceConsent: toSave.evidenceConsent,
    };
    const result = await submission.submit(body, () => api<Client>(`/clients/${client.id}`, { method: 'PATCH', body }));
    if (result.ok) {
      bypass();
      await queryClient.invalidateQueries({ queryKey: ['client', client.id] });
      await queryClient.invalidateQueries({ queryKey: ['case'] });
      navigate(`/clients/${client.id}`, flash('Client details saved'));
    } else if (result.error?.isStale) {
      const current = result.error.body?.current as Client;
      setConflict({ mine: toSave, theirs: { ...valuesOf(current), version: current.version } });
    }
  }

  const errorFor = (path: string) => submission.errors.find((e) => e.path === path)?.message;
  const heading = (
    <>
      <span className="govuk-caption-l">{clientName(client)}</span>
      <h1 className="govuk-heading-l">Change client details</h1>
    </>
  );

  if (conflict) {
    return (
      <>
        {prompt}
        {heading}
        <ConflictView
          what="client details"
          fields={FIELDS}
          mine={conflict.mine as unknown as Record<string, unknown>}
          theirs={conflict.theirs}
          busy={submission.busy}
          onResolve={(merged, version) => {
            const next = merged as unknown as ClientValues;
            setValues(next);
            setConflict(undefined);
            void save(next, version);
          }}
          onDiscard={() => {
            bypass();
            void queryClient.invalidateQueries({ queryKey: ['client', client.id] });
            navigate(`/clients/${client.id}`);
          }}
        />
      </>
    );
  }

  return (
    <>
      {prompt}
      <ErrorSummary errors={submission.errors} />
      {heading}
      <form
        noValidate
        className="govuk-!-width-two-thirds dv-form"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void save(values, client.version);
        }}
      >
        <ClientDetailsFields
          values={values}
          onChange={(details) => setValues((v) => ({ ...v, ...details }))}
          errorFor={errorFor}
        />
        <Checkboxes
          id="vulnerabilities"
          legend="Vulnerabilities"
          legendSize="m"
          hint="Select all that apply"
          options={labelledOptions(VULNERABILITIES)}
          value={values.vulnerabilities}
          onChange={(vulnerabilities) => setValues((v) => ({ ...v, vulnerabilities }))}
          error={errorFor('vulnerabilities')}
        />
        <Radios
          id="evidenceConsent"
          legend="Does the client consent to their anonymised data being used in evidence?"
          legendSize="m"
          inline
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          value={values.evidenceConsent ? 'yes' : 'no'}
          onChange={(v) => setValues((s) => ({ ...s, evidenceConsent: v === 'yes' }))}
          error={errorFor('evidenceConsent')}
        />
        <button type="submit" className="govuk-button" disabled={submission.busy}>
          Save changes
        </button>
      </form>
    </>
  );
}
