/** The intake's last page: check the answers, settle a likely duplicate client, and create the client and case. */
import { CONFLICT_RESULT_LABELS, labelOf, subcategoryLabel, type ApiError } from '@deepvalue/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { api, ApiRequestError } from '../../app/api';
import { flash } from '../../app/flash';
import { clientName, formatDate } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { useWizardState } from '../../app/wizard';
import { BackLink } from '../../ui/BackLink';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Radios } from '../../ui/Radios';
import { SummaryList } from '../../ui/SummaryList';
import { useOffices, useSubcategories } from '../cases/api';
import type { CaseRecord, ClientSummary, CreatedClient } from '@deepvalue/shared';
import { caseBody, clientBody, type IntakeAnswers, type StepKey, stepsFor, validateStep } from './intake-state';
import { FIELD_LABELS, STEP_OF_FIELD, TITLES } from './intake-labels';

export function CheckAnswers({
  wizard,
  bypass,
  prompt,
}: {
  wizard: ReturnType<typeof useWizardState<IntakeAnswers>>;
  bypass: () => void;
  prompt: ReactNode;
}) {
  const { state: a, update, clear } = wizard;
  const submission = useSubmission();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const offices = useOffices();
  const subcategories = useSubcategories().data;
  const steps = stepsFor(a);
  const incomplete = steps.filter((s) => s !== 'check').find((s) => validateStep(s, a).length > 0);
  if (incomplete) return <Navigate to={`/intake/${incomplete}`} replace />;

  const change = (step: StepKey, label: string) => ({ to: `/intake/${step}?change=1`, label });
  // Once the client is saved, their details are changed on the client page, not here.
  const clientChange = (step: StepKey, label: string) => (a.created ? undefined : change(step, label));
  const office = offices.data?.find((o) => o.id === a.officeId);

  async function create(event: FormEvent) {
    event.preventDefault();
    if (a.clientId) return createCase(a.clientId, a.existingClientName ?? clientName(a.client));
    const body = clientBody(a);
    const created = await submission.submit(body, (idempotencyKey) =>
      api<CreatedClient>('/clients', { method: 'POST', body, idempotencyKey }),
    );
    if (!created.ok) return;
    const client = created.value;
    // Possible duplicates the adviser already said "new client" to are not asked about twice.
    const unseen = (client.possibleDuplicates ?? []).filter(
      (d) => !(a.confirmedNew && a.duplicates.some((seen) => seen.id === d.id)),
    );
    // Kept so that if creating the case fails, trying again does not record the client twice.
    update({
      clientId: client.id,
      created: { id: client.id, version: client.version },
      pendingDuplicates: unseen,
    });
    if (unseen.length === 0) await createCase(client.id, clientName(client));
  }

  async function createCase(clientId: string, name: string) {
    const body = caseBody(a, clientId);
    const result = await submission.submit(body, (idempotencyKey) =>
      api<CaseRecord>('/cases', { method: 'POST', body, idempotencyKey }),
    );
    if (result.ok) {
      bypass();
      clear();
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      navigate(`/cases/${result.value.id}`, { replace: true, ...flash(`Case ${result.value.ref} opened for ${name}`) });
    }
  }

  /** After saving, the server found possible duplicates: use one of them, or keep the new client. */
  async function resolveDuplicate(choice: string) {
    const existing = a.pendingDuplicates.find((d) => d.id === choice);
    if (!existing) {
      update({ pendingDuplicates: [], confirmedNew: true });
      return createCase(a.clientId!, clientName(a.client));
    }
    if (a.created) {
      const removed = await submission.submit({ remove: a.created.id }, () =>
        api(`/clients/${a.created!.id}?version=${a.created!.version}`, { method: 'DELETE' }).catch((error) => {
          // Already gone (a retry after the first delete went through) is what we wanted.
          if (error instanceof ApiRequestError && error.status === 404) return undefined;
          throw error;
        }),
      );
      if (!removed.ok) return;
    }
    update({ clientId: existing.id, existingClientName: clientName(existing), created: null, pendingDuplicates: [] });
    return createCase(existing.id, clientName(existing));
  }

  if (a.pendingDuplicates.length > 0) {
    return (
      <>
        {prompt}
        <DuplicateQuestion
          candidates={a.pendingDuplicates}
          busy={submission.busy}
          errors={submission.errors}
          onChoose={(choice) => void resolveDuplicate(choice)}
        />
      </>
    );
  }

  // A server error on a field links to the page that asks for it.
  const fieldIds = Object.fromEntries(
    submission.errors.map((e) => {
      const step = STEP_OF_FIELD[e.path.split('.').pop() ?? ''];
      return [e.path, step ? `/intake/${step}?change=1` : ''];
    }),
  );
  const errors = submission.errors.map((e) => {
    const field = e.path.split('.').pop() ?? '';
    return e.path ? { ...e, message: `${FIELD_LABELS[field] ?? field}: ${e.message}` } : e;
  });

  return (
    <>
      {prompt}
      <BackLink to={`/intake/${steps[steps.length - 2]}`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} fieldIds={fieldIds} />
          <span className="govuk-caption-l">New client and case</span>
          <h1 className="govuk-heading-l">{TITLES.check}</h1>
          <h2 className="govuk-heading-m">Client</h2>
          {a.clientId && !a.created ? (
            <SummaryList rows={[{ key: 'Existing client', value: a.existingClientName ?? '' }]} />
          ) : (
            <SummaryList
              rows={[
                { key: 'Name', value: clientName(a.client), change: clientChange('client', 'name') },
                {
                  key: 'Date of birth',
                  value: formatDate(a.client.dateOfBirth) || 'Not given',
                  change: clientChange('client', 'date of birth'),
                },
                {
                  key: 'Postcode district',
                  value: a.client.postcodeDistrict.toUpperCase() || 'Not given',
                  change: clientChange('client', 'postcode district'),
                },
                {
                  key: 'Contact',
                  value: [a.client.email, a.client.phone].filter(Boolean).join(', ') || 'Not given',
                  change: clientChange('client', 'contact details'),
                },
                {
                  key: 'Vulnerabilities',
                  value: a.vulnerabilities.length ? a.vulnerabilities.map(labelOf).join(', ') : 'None',
                  change: clientChange('vulnerabilities', 'vulnerabilities'),
                },
                {
                  key: 'Evidence consent',
                  value: a.evidenceConsent === 'yes' ? 'Yes' : 'No',
                  change: clientChange('consent', 'evidence consent'),
                },
              ]}
            />
          )}
          <h2 className="govuk-heading-m">Case</h2>
          <SummaryList
            rows={[
              {
                key: 'Conflict check',
                value: a.conflict?.result
                  ? `${CONFLICT_RESULT_LABELS[a.conflict.result]}${a.conflict.result !== 'no_conflict' ? `: ${a.conflict.reason}` : ''}`
                  : 'Not done',
                change: change('conflict-check', 'conflict check'),
              },
              {
                key: 'Presenting problem',
                value: `${a.category ? labelOf(a.category) : ''}${a.subcategory ? `: ${subcategoryLabel(a.subcategory, subcategories)}` : ''}`,
                change: change('problem', 'presenting problem'),
              },
              {
                key: 'Funding',
                value: a.fundingStream ? labelOf(a.fundingStream) : '',
                change: change('funding', 'funding'),
              },
              {
                key: 'How they came to you',
                value: a.arrivalRoute === 'referred' ? `Referred by ${a.referrer?.name ?? ''}` : 'Came by themselves',
                change: change('arrival', 'how they came to you'),
              },
              {
                key: 'Organisations contacted before',
                value: a.priorOrganisationsContacted,
                change: change('prior-organisations', 'organisations contacted before'),
              },
              {
                key: 'Times told their story before',
                value: a.timesToldStoryBefore,
                change: change('told-story', 'times told their story before'),
              },
              {
                key: 'Confidence at intake',
                value: a.confidenceAtIntake === 'not_asked' ? 'Not asked' : `${a.confidenceAtIntake} of 5`,
                change: change('confidence', 'confidence at intake'),
              },
              {
                key: 'Date opened',
                value: `${formatDate(a.openedOn)}${office ? `, ${office.name}` : ''}`,
                change: change('case-details', 'date opened'),
              },
              ...(a.firstContactOn && a.firstContactOn !== a.openedOn
                ? [
                    {
                      key: 'First contact',
                      value: formatDate(a.firstContactOn),
                      change: change('case-details', 'date of first contact'),
                    },
                  ]
                : []),
            ]}
          />
          <form onSubmit={create} noValidate>
            <button type="submit" className="govuk-button" disabled={submission.busy}>
              {submission.busy ? 'Creating…' : a.clientId ? 'Create case' : 'Create client and case'}
            </button>
          </form>
        </div>
      </div>
    </>
  );
}

function DuplicateQuestion({
  candidates,
  busy,
  errors,
  onChoose,
}: {
  candidates: ClientSummary[];
  busy: boolean;
  errors: ApiError[];
  onChoose: (choice: string) => void;
}) {
  const [choice, setChoice] = useState('');
  const [problem, setProblem] = useState<ApiError[]>([]);
  usePageTitle('This may be an existing client', problem.length + errors.length > 0);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={[...problem, ...errors]} />
        <span className="govuk-caption-l">New client and case</span>
        <form
          noValidate
          className="dv-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!choice) {
              setProblem([{ path: 'duplicate', message: 'Select the existing client, or that this is a new client' }]);
              return;
            }
            setProblem([]);
            onChoose(choice);
          }}
        >
          <Radios
            id="duplicate"
            legend="This may be an existing client"
            isPageHeading
            hint="These clients have the same last name and date of birth, or the same name and postcode district. Using the existing record keeps all their cases together."
            options={[
              ...candidates.map((c) => ({
                value: c.id,
                label: `Use ${clientName(c)}`,
                hint: [c.dateOfBirth && `Born ${formatDate(c.dateOfBirth)}`, c.postcodeDistrict, c.ref]
                  .filter(Boolean)
                  .join(' · '),
              })),
              { value: 'new', label: 'No, this is a new client' },
            ]}
            value={choice}
            onChange={setChoice}
            error={problem[0]?.message}
            autoFocus
          />
          <button type="submit" className="govuk-button" disabled={busy}>
            {busy ? 'Creating…' : 'Continue and create the case'}
          </button>
        </form>
      </div>
    </div>
  );
}
