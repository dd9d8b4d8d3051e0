import { type ApiError } from '@deepvalue/shared';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, queryString } from '../../app/api';
import { clientName } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useWizardState } from '../../app/wizard';
import { BackLink } from '../../ui/BackLink';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { useUnsavedChanges } from '../../ui/UnsavedChanges';
import { useClient } from '../cases/api';
import type { Client, ClientSummary, Page } from '@deepvalue/shared';
import { type IntakeAnswers, likelyDuplicates, newAnswers, type StepKey, stepsFor, validateStep } from './intake-state';
import { CheckAnswers } from './CheckAnswers';
import { TITLES } from './intake-labels';
import { StepQuestion } from './StepQuestion';

const STORAGE_KEY = 'dv.intake';

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
