import {
  CONFLICT_RESULT_LABELS,
  ARRIVAL_ROUTES,
  CATEGORIES,
  FUNDING_STREAMS,
  labelOf,
  VULNERABILITIES,
  type ApiError,
} from '@deepvalue/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiRequestError, queryString } from '../../app/api';
import { flash } from '../../app/flash';
import { clientName, formatDate, today } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { useWizardState } from '../../app/wizard';
import { BackLink } from '../../ui/BackLink';
import { Checkboxes } from '../../ui/Checkboxes';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { labelledOptions } from '../../ui/options';
import { Radios } from '../../ui/Radios';
import { Select } from '../../ui/Select';
import { SummaryList } from '../../ui/SummaryList';
import { TextInput } from '../../ui/TextInput';
import { useUnsavedChanges } from '../../ui/UnsavedChanges';
import { type Page, useClient, useOffices } from '../cases/api';
import { ClientDetailsFields } from '../cases/ClientDetailsFields';
import { PartnerPicker } from '../cases/PartnerPicker';
import { ConflictCheckStep } from './ConflictCheckStep';
import type { CaseRecord, Client, ClientSummary, CreatedClient } from '../cases/types';
import {
  caseBody,
  clientBody,
  type IntakeAnswers,
  likelyDuplicates,
  newAnswers,
  type StepKey,
  stepsFor,
  validateStep,
} from './intake-state';

const STORAGE_KEY = 'dv.intake';

const TITLES: Record<StepKey, string> = {
  client: 'Client’s details',
  'existing-client': 'Is this an existing client?',
  vulnerabilities: 'Does the client have any of these vulnerabilities?',
  consent: 'Evidence consent',
  'conflict-check': 'Conflict check',
  problem: 'What is the presenting problem?',
  funding: 'How is the case funded?',
  arrival: 'How did the client come to you?',
  'prior-organisations': 'Organisations contacted before',
  'told-story': 'Times they told their story',
  'case-details': 'When did the case open?',
  check: 'Check the details before creating the case',
};

const STEP_OF_FIELD: Record<string, StepKey> = {
  firstName: 'client',
  lastName: 'client',
  dateOfBirth: 'client',
  postcodeDistrict: 'client',
  email: 'client',
  phone: 'client',
  vulnerabilities: 'vulnerabilities',
  evidenceConsent: 'consent',
  result: 'conflict-check',
  reason: 'conflict-check',
  category: 'problem',
  subcategory: 'problem',
  fundingStream: 'funding',
  arrivalRoute: 'arrival',
  referrerPartnerId: 'arrival',
  priorOrganisationsContacted: 'prior-organisations',
  timesToldStoryBefore: 'told-story',
  openedOn: 'case-details',
  firstContactOn: 'case-details',
  officeId: 'case-details',
};

const FIELD_LABELS: Record<string, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  postcodeDistrict: 'Postcode district',
  email: 'Email',
  phone: 'Phone',
  vulnerabilities: 'Vulnerabilities',
  evidenceConsent: 'Evidence consent',
  result: 'Conflict check',
  reason: 'Conflict check reason',
  category: 'Presenting problem',
  subcategory: 'Sub-category',
  fundingStream: 'Funding',
  arrivalRoute: 'How they came to you',
  referrerPartnerId: 'Referred by',
  priorOrganisationsContacted: 'Organisations contacted before',
  timesToldStoryBefore: 'Times told their story before',
  openedOn: 'Date opened',
  firstContactOn: 'First contact',
  officeId: 'Office',
};

/**
 * New client and case, one question per page, ending on "check your answers". Answers are kept
 * as they are given (sessionStorage) so nothing is typed twice after a reload or a detour.
 * `/intake/case?client=<id>` starts a new case for an existing client.
 */
export function IntakeWizard() {
  const step = (useParams()['*'] || '') as StepKey | '' | 'case';
  const [params] = useSearchParams();
  const wizard = useWizardState<IntakeAnswers>(STORAGE_KEY, newAnswers);
  const preset = params.get('client');
  const presetClient = useClient(step === 'case' && preset ? preset : undefined);

  if (step === 'case') {
    if (!preset) return <Navigate to="/intake/client" replace />;
    if (presetClient.isPending) return <p className="govuk-body">Loading the client…</p>;
    return <StartForClient client={presetClient.data} onStart={(a) => wizard.update(a)} />;
  }
  if (!step) return <StartPage answers={wizard.state} onRestart={wizard.reset} />;
  return <Step key={step} step={step} wizard={wizard} />;
}

function StartPage({ answers, onRestart }: { answers: IntakeAnswers; onRestart: () => void }) {
  usePageTitle('New client and case');
  const started = JSON.stringify(answers) !== JSON.stringify({ ...newAnswers(), openedOn: answers.openedOn });
  if (!started) return <Navigate to="/intake/client" replace />;
  return (
    <>
      <h1 className="govuk-heading-l">New client and case</h1>
      <p className="govuk-body">You have a new client and case that you started but did not finish.</p>
      <div className="govuk-button-group">
        <Link className="govuk-button" to="/intake/check">
          Carry on where you left off
        </Link>
        <Link className="govuk-button govuk-button--secondary" to="/intake/client" onClick={onRestart}>
          Start again
        </Link>
      </div>
    </>
  );
}

function StartForClient({
  client,
  onStart,
}: {
  client: Client | undefined;
  onStart: (answers: Partial<IntakeAnswers>) => void;
}) {
  const navigate = useNavigate();
  const started = useRef(false);
  // Store the answers first and only then move on: navigating in the same render as storing them
  // left the next step reading answers that were not there yet (a blank page until a reload).
  useEffect(() => {
    if (!client || started.current) return;
    started.current = true;
    onStart({ ...newAnswers(), clientId: client.id, existingClientName: clientName(client), duplicates: [] });
    navigate('/intake/conflict-check', { replace: true }); // the first question for an existing client
  }, [client, onStart, navigate]);
  if (!client) return <p className="govuk-body">That client could not be found.</p>;
  return <p className="govuk-body">Starting a new case for {clientName(client)}…</p>;
}

interface StepProps {
  step: StepKey;
  wizard: ReturnType<typeof useWizardState<IntakeAnswers>>;
}

function Step({ step, wizard }: StepProps) {
  const { state: answers, update } = wizard;
  const [params] = useSearchParams();
  const changing = params.get('change') === '1';
  const navigate = useNavigate();
  const [errors, setErrors] = useState<ApiError[]>([]);
  const [checking, setChecking] = useState(false);
  usePageTitle(TITLES[step], errors.length > 0);
  const steps = stepsFor(answers);
  const dirty = JSON.stringify(answers) !== JSON.stringify({ ...newAnswers(), openedOn: answers.openedOn });
  const { prompt, bypass } = useUnsavedChanges(dirty, { within: '/intake' });

  if (!steps.includes(step) && step !== 'case-details') return <Navigate to={`/intake/${steps[0]}`} replace />;
  const index = steps.indexOf(step);
  const back =
    changing || step === 'case-details' ? '/intake/check' : index > 0 ? `/intake/${steps[index - 1]}` : '/cases';

  async function next(event: FormEvent) {
    event.preventDefault();
    const problems = validateStep(step, answers);
    setErrors(problems);
    if (problems.length) return;
    let patch: Partial<IntakeAnswers> = {};
    if (step === 'client') {
      setChecking(true);
      patch = { duplicates: await findDuplicates(answers), confirmedNew: false };
      setChecking(false);
      update(patch);
    }
    const nextSteps = stepsFor({ ...answers, ...patch });
    const following = nextSteps[nextSteps.indexOf(step) + 1];
    navigate(changing && !(step === 'client' && patch.duplicates?.length) ? '/intake/check' : `/intake/${following}`);
  }

  const errorFor = (path: string) => errors.find((e) => e.path === path)?.message;

  if (step === 'check') return <CheckAnswers wizard={wizard} bypass={bypass} prompt={prompt} />;

  return (
    <>
      {prompt}
      <BackLink to={back} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} fieldIds={{ referrer: 'referrer' }} />
          <span className="govuk-caption-l">
            {answers.existingClientName ? `New case for ${answers.existingClientName}` : 'New client and case'}
          </span>
          <form noValidate onSubmit={next} className="dv-form">
            <StepQuestion step={step} answers={answers} update={update} errorFor={errorFor} />
            <button type="submit" className="govuk-button" disabled={checking}>
              {checking ? 'Checking for existing clients…' : 'Continue'}
            </button>
          </form>
        </div>
      </div>
    </>
  );
}

async function findDuplicates(answers: IntakeAnswers): Promise<ClientSummary[]> {
  const search = answers.client.lastName.trim() || answers.client.firstName.trim();
  try {
    const page = await api<Page<ClientSummary>>(`/clients${queryString({ search, limit: 50 })}`);
    return likelyDuplicates(answers.client, page.items).slice(0, 10);
  } catch {
    // The server checks again when the client is saved; a failed look-up must not block intake.
    return [];
  }
}

function StepQuestion({
  step,
  answers,
  update,
  errorFor,
}: {
  step: StepKey;
  answers: IntakeAnswers;
  update: (patch: Partial<IntakeAnswers>) => void;
  errorFor: (path: string) => string | undefined;
}) {
  const offices = useOffices();
  switch (step) {
    case 'client':
      return (
        <>
          <h1 className="govuk-heading-l">{TITLES.client}</h1>
          <ClientDetailsFields
            values={answers.client}
            onChange={(client) => update({ client, clientId: null, existingClientName: null })}
            errorFor={errorFor}
            autoFocus
          />
        </>
      );
    case 'existing-client':
      return (
        <Radios
          id="existingClient"
          legend={TITLES['existing-client']}
          isPageHeading
          hint="These clients have a similar name or the same date of birth. Choose one to open a new case for them instead of recording the client twice."
          options={[
            ...answers.duplicates.map((c) => ({
              value: c.id,
              label: clientName(c),
              hint: [c.dateOfBirth && `Born ${formatDate(c.dateOfBirth)}`, c.postcodeDistrict, c.ref]
                .filter(Boolean)
                .join(' · '),
            })),
            { value: 'new', label: 'No, this is a new client' },
          ]}
          value={answers.confirmedNew ? 'new' : (answers.clientId ?? '')}
          onChange={(value) => {
            const chosen = answers.duplicates.find((c) => c.id === value);
            update(
              chosen
                ? { clientId: chosen.id, existingClientName: clientName(chosen), confirmedNew: false }
                : { clientId: null, existingClientName: null, confirmedNew: true },
            );
          }}
          autoFocus
        />
      );
    case 'vulnerabilities':
      return (
        <Checkboxes
          id="vulnerabilities"
          legend={TITLES.vulnerabilities}
          isPageHeading
          hint="Select all that apply. Ask only what the client is comfortable sharing."
          options={labelledOptions(VULNERABILITIES)}
          value={answers.vulnerabilities}
          onChange={(vulnerabilities) => update({ vulnerabilities })}
          noneLabel="None of these"
          none={answers.noVulnerabilities}
          onNoneChange={(noVulnerabilities) => update({ noVulnerabilities })}
          error={errorFor('vulnerabilities')}
          autoFocus
        />
      );
    case 'consent':
      return (
        <Radios
          id="evidenceConsent"
          legend="Does the client agree to their anonymised data being used in evidence for funders?"
          isPageHeading
          hint="Only counts and rates leave the organisation: never names, dates of birth or case notes. The client can change their mind at any time."
          options={[
            { value: 'yes', label: 'Yes, they agree' },
            { value: 'no', label: 'No, or not asked yet' },
          ]}
          value={answers.evidenceConsent}
          onChange={(evidenceConsent) => update({ evidenceConsent })}
          error={errorFor('evidenceConsent')}
          autoFocus
        />
      );
    case 'conflict-check':
      return <ConflictCheckStep answers={answers} update={update} errorFor={errorFor} />;
    case 'problem':
      return (
        <>
          <Radios
            id="category"
            legend={TITLES.problem}
            isPageHeading
            hint="The problem the client came to you with. You can record other problems you uncover later."
            options={labelledOptions(CATEGORIES)}
            value={answers.category}
            onChange={(category) => update({ category })}
            error={errorFor('category')}
            autoFocus
          />
          <TextInput
            id="subcategory"
            label="Sub-category (optional)"
            hint="For example, possession claim or universal credit sanction"
            value={answers.subcategory}
            onChange={(e) => update({ subcategory: e.target.value })}
          />
        </>
      );
    case 'funding':
      return (
        <Radios
          id="fundingStream"
          legend={TITLES.funding}
          isPageHeading
          options={labelledOptions(FUNDING_STREAMS)}
          value={answers.fundingStream}
          onChange={(fundingStream) => update({ fundingStream })}
          error={errorFor('fundingStream')}
          autoFocus
        />
      );
    case 'arrival':
      return (
        <Radios
          id="arrivalRoute"
          legend={TITLES.arrival}
          isPageHeading
          options={ARRIVAL_ROUTES.map((value) => ({
            value,
            label: labelOf(value),
            conditional:
              value === 'referred' ? (
                <PartnerPicker
                  id="referrer"
                  legend="Which organisation referred them?"
                  value={answers.referrer}
                  onChange={(referrer) => update({ referrer })}
                  error={errorFor('referrer')}
                />
              ) : undefined,
          }))}
          value={answers.arrivalRoute}
          onChange={(arrivalRoute) => update({ arrivalRoute })}
          error={errorFor('arrivalRoute')}
          autoFocus
        />
      );
    case 'prior-organisations':
      return (
        <TextInput
          id="priorOrganisationsContacted"
          label="Before coming to you, how many other organisations had the client contacted about this problem?"
          isPageHeading
          hint="Enter 0 if you were the first. Count advice agencies, the council, MPs, helplines."
          inputMode="numeric"
          width={3}
          autoFocus
          value={answers.priorOrganisationsContacted}
          onChange={(e) => update({ priorOrganisationsContacted: e.target.value })}
          error={errorFor('priorOrganisationsContacted')}
        />
      );
    case 'told-story':
      return (
        <TextInput
          id="timesToldStoryBefore"
          label="How many times had the client told their story before reaching you?"
          isPageHeading
          hint="Their best estimate. Enter 0 if this is the first time."
          inputMode="numeric"
          width={3}
          autoFocus
          value={answers.timesToldStoryBefore}
          onChange={(e) => update({ timesToldStoryBefore: e.target.value })}
          error={errorFor('timesToldStoryBefore')}
        />
      );
    case 'case-details':
      return (
        <>
          <TextInput
            id="openedOn"
            label={TITLES['case-details']}
            isPageHeading
            hint="Usually today"
            type="date"
            max={today()}
            autoFocus
            value={answers.openedOn}
            onChange={(e) => update({ openedOn: e.target.value })}
            error={errorFor('openedOn')}
          />
          <TextInput
            id="firstContactOn"
            label="Date of the client’s first contact (optional)"
            hint="If they first got in touch about this problem before the case was opened. Time to first contact is counted from it."
            type="date"
            max={answers.openedOn || today()}
            value={answers.firstContactOn}
            onChange={(e) => update({ firstContactOn: e.target.value })}
            error={errorFor('firstContactOn')}
          />
          {offices.data && offices.data.length > 0 && (
            <Select
              id="officeId"
              label="Office (optional)"
              emptyLabel="Not recorded"
              options={offices.data.map((o) => ({ value: o.id, label: o.name }))}
              value={answers.officeId}
              onChange={(officeId) => update({ officeId })}
            />
          )}
        </>
      );
    default:
      return null;
  }
}

function CheckAnswers({
  wizard,
  bypass,
  prompt,
}: {
  wizard: StepProps['wizard'];
  bypass: () => void;
  prompt: ReactNode;
}) {
  const { state: a, update, clear } = wizard;
  const submission = useSubmission();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const offices = useOffices();
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
                value: `${a.category ? labelOf(a.category) : ''}${a.subcategory ? `: ${a.subcategory}` : ''}`,
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
