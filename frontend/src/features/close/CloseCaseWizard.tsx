import {
  APPEAL_NOT_PURSUED_REASONS,
  APPEAL_STATUSES,
  type ApiError,
  BENEFIT_TYPES,
  labelOf,
  OUTCOME_RESULTS,
  type OutcomeResult,
} from '@deepvalue/shared';
import { type FormEvent, type ReactNode, useCallback, useEffect, useState } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { addMonths, clientName, formatDate, formatGbp, today } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { useWizardState } from '../../app/wizard';
import { BackLink } from '../../ui/BackLink';
import { Checkboxes } from '../../ui/Checkboxes';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Fieldset } from '../../ui/Fieldset';
import { QueryState } from '../../ui/QueryState';
import { Radios } from '../../ui/Radios';
import { SummaryList } from '../../ui/SummaryList';
import { TextInput } from '../../ui/TextInput';
import { useUnsavedChanges } from '../../ui/UnsavedChanges';
import { useCase, useRefreshCase } from '../cases/api';
import type { CaseDetail } from '@deepvalue/shared';
import {
  AMOUNT_HINTS,
  type CloseAnswers,
  closeBody,
  type CloseStep,
  closeStepsFor,
  newCloseAnswers,
  validateCloseStep,
} from './close-state';

const RESULT_HINTS: Partial<Record<OutcomeResult, string>> = {
  positive: 'The client got what they needed',
  partly_positive: 'Some of what they needed',
  negative: 'The decision or result went against the client',
  withdrawn: 'The client stopped the case',
  lost_contact: 'You could not reach the client to finish',
};

const APPEAL_LABELS: Record<string, { label: string; hint?: string }> = {
  none_needed: { label: 'No appeal or challenge was needed' },
  lodged: { label: 'An appeal or complaint was lodged' },
  considered_not_pursued: {
    label: 'Considered and not pursued',
    hint: 'An appeal or complaint was open to the client, who decided not to make it',
  },
  not_known: { label: 'Not known' },
};

/** Why an appeal was not pursued: only the first is an avoided appeal (docs/measures.md). */
const REASON_LABELS: Record<string, { label: string; hint?: string }> = {
  accepted_outcome: {
    label: 'The client understood and accepted the outcome',
    hint: 'This is an avoided appeal',
  },
  no_merit_advised: { label: 'We advised that an appeal had no merit' },
  client_could_not_face_it: { label: 'The client could not face an appeal' },
  out_of_time: { label: 'It was out of time' },
  other: { label: 'Another reason' },
  not_known: { label: 'Not known' },
};

const TITLES: Record<CloseStep, string> = {
  result: 'What was the result for the client?',
  benefits: 'What did the client gain?',
  understood: 'How well did the client understand the outcome?',
  accepted: 'Did the client accept the outcome?',
  appeal: 'Was there an appeal or challenge?',
  development: 'Personal development',
  date: 'When did the case close?',
  check: 'Check the outcome before closing the case',
};

const SCALE = ['1', '2', '3', '4', '5'].map((value) => ({ value, label: value }));
const YES_NO_NOT_ASKED = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'not_asked', label: 'Not asked' },
];

/** Close a case: one question per page, then check, then a follow-up prompt. */
export function CloseCaseWizard() {
  const { caseId = '' } = useParams();
  const query = useCase(caseId);
  return (
    <QueryState query={query} what="The case">
      {(c) => <Wizard c={c} />}
    </QueryState>
  );
}

function Wizard({ c }: { c: CaseDetail }) {
  const step = (useParams()['*'] || '') as CloseStep | '' | 'done';
  const wizard = useWizardState<CloseAnswers>(`dv.close.${c.id}`, newCloseAnswers);
  const { state, update } = wizard;
  useEffect(() => {
    if (state.caseVersion === null && !c.closedOn) update({ caseVersion: c.version });
  }, [state.caseVersion, c.version, c.closedOn, update]);

  if (step === 'done') return <Done c={c} />;
  if (c.closedOn) return <AlreadyClosed c={c} />;
  if (!step) return <Navigate to={`/cases/${c.id}/close/result`} replace />;
  return <StepPage key={step} c={c} step={step} wizard={wizard} />;
}

interface StepPageProps {
  c: CaseDetail;
  step: CloseStep;
  wizard: ReturnType<typeof useWizardState<CloseAnswers>>;
}

function StepPage({ c, step, wizard }: StepPageProps) {
  const { state: a, update } = wizard;
  const base = `/cases/${c.id}/close`;
  const [params] = useSearchParams();
  const changing = params.get('change') === '1';
  const navigate = useNavigate();
  const [errors, setErrors] = useState<ApiError[]>([]);
  usePageTitle(TITLES[step], errors.length > 0);
  const started =
    JSON.stringify({ ...a, caseVersion: null }) !== JSON.stringify({ ...newCloseAnswers(), closedOn: a.closedOn });
  const { prompt, bypass } = useUnsavedChanges(started, { within: base });
  const steps = closeStepsFor(a);
  if (!steps.includes(step) && step !== 'date') return <Navigate to={`${base}/${steps[0]}`} replace />;
  const index = steps.indexOf(step);
  const back =
    changing || step === 'date' ? `${base}/check` : index > 0 ? `${base}/${steps[index - 1]}` : `/cases/${c.id}`;

  if (step === 'check') return <Check c={c} wizard={wizard} prompt={prompt} bypass={bypass} />;

  const next = (event: FormEvent) => {
    event.preventDefault();
    const problems = validateCloseStep(step, a);
    setErrors(problems);
    if (problems.length) return;
    const nextSteps = closeStepsFor(a);
    navigate(changing ? `${base}/check` : `${base}/${nextSteps[nextSteps.indexOf(step) + 1]}`);
  };
  const errorFor = (path: string) => errors.find((e) => e.path === path)?.message;

  return (
    <>
      {prompt}
      <BackLink to={back} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <span className="govuk-caption-l">
            Close the case · {clientName(c.client)} · {c.ref}
          </span>
          <form noValidate onSubmit={next} className="dv-form">
            <Question step={step} a={a} update={update} errorFor={errorFor} confidenceAtIntake={c.confidenceAtIntake} />
            <button type="submit" className="govuk-button">
              Continue
            </button>
          </form>
        </div>
      </div>
    </>
  );
}

function Question({
  step,
  a,
  update,
  errorFor,
  confidenceAtIntake,
}: {
  step: CloseStep;
  a: CloseAnswers;
  update: (patch: Partial<CloseAnswers>) => void;
  errorFor: (path: string) => string | undefined;
  /** Asked when the case opened: then "before" is not asked again. */
  confidenceAtIntake: number | null;
}) {
  switch (step) {
    case 'result':
      return (
        <Radios
          id="result"
          legend={TITLES.result}
          isPageHeading
          hint="For the problem the client came with. Record results for underlying problems on the problem."
          options={OUTCOME_RESULTS.map((value) => ({ value, label: labelOf(value), hint: RESULT_HINTS[value] }))}
          value={a.result}
          onChange={(result) => update({ result })}
          error={errorFor('result')}
          autoFocus
        />
      );
    case 'benefits':
      return (
        <Checkboxes
          id="benefits"
          legend={TITLES.benefits}
          isPageHeading
          hint="Select all that apply. Give a £ figure where you know it: it is used to price the value of the work."
          options={BENEFIT_TYPES.map((value) => ({
            value,
            label: labelOf(value),
            conditional: AMOUNT_HINTS[value] ? (
              <TextInput
                id={`amount-${value}`}
                label={AMOUNT_HINTS[value]}
                prefix="£"
                width={10}
                inputMode="decimal"
                spellCheck={false}
                value={a.amounts[value] ?? ''}
                onChange={(e) => update({ amounts: { ...a.amounts, [value]: e.target.value } })}
                error={errorFor(`amount-${value}`)}
              />
            ) : undefined,
          }))}
          value={a.benefits}
          onChange={(benefits) => update({ benefits })}
          noneLabel="None of these"
          none={a.noBenefits}
          onNoneChange={(noBenefits) => update({ noBenefits })}
          error={errorFor('benefits')}
          autoFocus
        />
      );
    case 'understood':
      return (
        <Radios
          id="understood"
          legend={TITLES.understood}
          isPageHeading
          hint="Ask the client. 1 is not at all, 5 is completely."
          inline
          options={[...SCALE, { value: 'not_asked', label: 'Not asked' }]}
          value={a.understood}
          onChange={(understood) => update({ understood: understood as CloseAnswers['understood'] })}
          error={errorFor('understood')}
          autoFocus
        />
      );
    case 'accepted':
      return (
        <Radios
          id="accepted"
          legend={TITLES.accepted}
          isPageHeading
          hint="A client who understands and accepts even a bad outcome is less likely to appeal or come back"
          options={YES_NO_NOT_ASKED}
          value={a.accepted}
          onChange={(accepted) => update({ accepted: accepted as CloseAnswers['accepted'] })}
          error={errorFor('accepted')}
          autoFocus
        />
      );
    case 'appeal':
      return (
        <Radios
          id="appeal"
          legend={TITLES.appeal}
          isPageHeading
          options={[...APPEAL_STATUSES, 'not_known' as const].map((value) => ({
            value,
            ...APPEAL_LABELS[value],
            conditional:
              value === 'considered_not_pursued' ? (
                <Radios
                  id="appealNotPursuedReason"
                  legend="Why was it not pursued?"
                  legendSize="s"
                  options={[...APPEAL_NOT_PURSUED_REASONS, 'not_known' as const].map((reason) => ({
                    value: reason,
                    ...REASON_LABELS[reason],
                  }))}
                  value={a.appealNotPursuedReason}
                  onChange={(appealNotPursuedReason) => update({ appealNotPursuedReason })}
                  error={errorFor('appealNotPursuedReason')}
                />
              ) : undefined,
          }))}
          value={a.appeal}
          onChange={(appeal) => update({ appeal })}
          error={errorFor('appeal')}
          autoFocus
        />
      );
    case 'development':
      return (
        <Fieldset
          id="development"
          legend={TITLES.development}
          isPageHeading
          hint="Ask the client. Leave out anything not asked."
        >
          {confidenceAtIntake == null ? (
            <Radios
              id="confidenceBefore"
              legend="How confident did they feel about dealing with problems like this before? (1 to 5)"
              legendSize="s"
              inline
              small
              options={SCALE}
              value={a.confidenceBefore}
              onChange={(confidenceBefore) => update({ confidenceBefore })}
              autoFocus
            />
          ) : (
            <p className="govuk-body">
              When the case opened they said {confidenceAtIntake} of 5 for how confident they felt about dealing with
              problems like this.
            </p>
          )}
          <Radios
            id="confidenceAfter"
            legend="How confident do they feel now? (1 to 5)"
            legendSize="s"
            inline
            small
            options={SCALE}
            value={a.confidenceAfter}
            onChange={(confidenceAfter) => update({ confidenceAfter })}
          />
          <Radios
            id="wouldSeekAdviceEarlier"
            legend="Would they seek advice earlier next time?"
            legendSize="s"
            inline
            small
            options={YES_NO_NOT_ASKED}
            value={a.wouldSeekAdviceEarlier}
            onChange={(v) => update({ wouldSeekAdviceEarlier: v as CloseAnswers['wouldSeekAdviceEarlier'] })}
          />
          <Radios
            id="couldHandleSimilar"
            legend="Could they handle a similar problem themselves?"
            legendSize="s"
            inline
            small
            options={YES_NO_NOT_ASKED}
            value={a.couldHandleSimilar}
            onChange={(v) => update({ couldHandleSimilar: v as CloseAnswers['couldHandleSimilar'] })}
          />
        </Fieldset>
      );
    case 'date':
      return (
        <TextInput
          id="closedOn"
          label={TITLES.date}
          isPageHeading
          type="date"
          max={today()}
          value={a.closedOn}
          onChange={(e) => update({ closedOn: e.target.value })}
          error={errorFor('closedOn')}
          autoFocus
        />
      );
    default:
      return null;
  }
}

const answerText = (value: string) =>
  value === 'not_asked'
    ? 'Not asked'
    : value === 'not_known'
      ? 'Not known'
      : value === 'yes'
        ? 'Yes'
        : value === 'no'
          ? 'No'
          : value
            ? value
            : 'Not asked';

function Check({
  c,
  wizard,
  prompt,
  bypass,
}: {
  c: CaseDetail;
  wizard: StepPageProps['wizard'];
  prompt: ReactNode;
  bypass: () => void;
}) {
  const { state: a, clear, update } = wizard;
  const base = `/cases/${c.id}/close`;
  const navigate = useNavigate();
  const refresh = useRefreshCase();
  const submission = useSubmission();
  const [stale, setStale] = useState<CaseDetail>();
  const steps = closeStepsFor(a);
  const incomplete = [...steps, 'date' as const]
    .filter((s) => s !== 'check')
    .find((s) => validateCloseStep(s, a).length);
  const close = useCallback(
    async (version: number) => {
      const body = closeBody(a, version);
      const result = await submission.submit(body, (idempotencyKey) =>
        api(`/cases/${c.id}/close`, { method: 'POST', body, idempotencyKey }),
      );
      if (result.ok) {
        bypass();
        clear();
        await refresh(c.id);
        navigate(`${base}/done`, { replace: true });
      } else if (result.error?.isStale) {
        setStale(result.error.body?.current as CaseDetail);
      }
    },
    [a, submission, c.id, bypass, clear, refresh, navigate, base],
  );
  if (incomplete) return <Navigate to={`${base}/${incomplete}`} replace />;

  const change = (step: CloseStep, label: string) => ({ to: `${base}/${step}?change=1`, label });
  const noResult = steps.length === 2;
  const errorIds: Record<string, string> = {
    closedOn: `${base}/date?change=1`,
    'outcome.result': `${base}/result?change=1`,
  };
  return (
    <>
      {prompt}
      <BackLink to={`${base}/${steps[steps.length - 2]}`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={submission.errors} fieldIds={errorIds} />
          <span className="govuk-caption-l">
            Close the case · {clientName(c.client)} · {c.ref}
          </span>
          <h1 className="govuk-heading-l">{TITLES.check}</h1>
          {stale && (
            <div className="dv-conflict" role="alert">
              <h2 className="govuk-heading-m">Someone else changed this case while you were closing it</h2>
              {stale.closedOn ? (
                <p className="govuk-body">
                  It was closed on {formatDate(stale.closedOn)}. Your answers are kept below;{' '}
                  <Link className="govuk-link" to={`/cases/${c.id}`}>
                    go back to the case
                  </Link>{' '}
                  to see what was recorded.
                </p>
              ) : (
                <>
                  <p className="govuk-body">
                    Your outcome has not been saved yet. Check the case as it is now, then close it with your answers.
                  </p>
                  <SummaryList
                    rows={[
                      { key: 'Problem', value: labelOf(stale.category) },
                      { key: 'Funding', value: labelOf(stale.fundingStream) },
                      { key: 'Lead adviser', value: stale.leadAdviserName ?? '' },
                    ]}
                  />
                  <button
                    type="button"
                    className="govuk-button"
                    disabled={submission.busy}
                    onClick={() => {
                      update({ caseVersion: stale.version });
                      setStale(undefined);
                      void close(stale.version);
                    }}
                  >
                    Close the case with my answers
                  </button>
                </>
              )}
            </div>
          )}
          <SummaryList
            rows={[
              { key: 'Result', value: a.result ? labelOf(a.result) : '', change: change('result', 'result') },
              ...(noResult
                ? []
                : [
                    {
                      key: 'What the client gained',
                      value: a.benefits.length ? (
                        <ul className="govuk-list">
                          {a.benefits.map((b) => (
                            <li key={b}>
                              {labelOf(b)}
                              {a.amounts[b]
                                ? ` – ${formatGbp(Number(String(a.amounts[b]).replace(/[£,\s]/g, '')))}`
                                : ''}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        'None'
                      ),
                      change: change('benefits', 'what the client gained'),
                    },
                    {
                      key: 'Understood the outcome',
                      value: /^[1-5]$/.test(a.understood) ? `${a.understood} of 5` : answerText(a.understood),
                      change: change('understood', 'understood the outcome'),
                    },
                    {
                      key: 'Accepted the outcome',
                      value: answerText(a.accepted),
                      change: change('accepted', 'accepted the outcome'),
                    },
                    {
                      key: 'Appeal or challenge',
                      value:
                        a.appeal === 'considered_not_pursued'
                          ? `${APPEAL_LABELS[a.appeal].label}: ${(REASON_LABELS[a.appealNotPursuedReason]?.label ?? '').toLowerCase()}`
                          : (APPEAL_LABELS[a.appeal]?.label ?? ''),
                      change: change('appeal', 'appeal or challenge'),
                    },
                    {
                      key: 'Personal development',
                      value: (
                        <ul className="govuk-list">
                          <li>
                            Confidence before:{' '}
                            {c.confidenceAtIntake != null
                              ? `${c.confidenceAtIntake} (at intake)`
                              : answerText(a.confidenceBefore)}
                            , after: {answerText(a.confidenceAfter)}
                          </li>
                          <li>Would seek advice earlier: {answerText(a.wouldSeekAdviceEarlier)}</li>
                          <li>Could handle a similar problem: {answerText(a.couldHandleSimilar)}</li>
                        </ul>
                      ),
                      change: change('development', 'personal development'),
                    },
                  ]),
              { key: 'Date closed', value: formatDate(a.closedOn), change: change('date', 'date closed') },
            ]}
          />
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void close(a.caseVersion ?? c.version);
            }}
          >
            <button type="submit" className="govuk-button" disabled={submission.busy || Boolean(stale)}>
              {submission.busy ? 'Closing…' : 'Close the case'}
            </button>
          </form>
        </div>
      </div>
    </>
  );
}

function Done({ c }: { c: CaseDetail }) {
  usePageTitle('Case closed');
  const due = c.closedOn ? addMonths(c.closedOn, 6) : undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Case closed</h1>
          <div className="govuk-panel__body">
            {clientName(c.client)}
            <br />
            <strong>{c.ref}</strong>
          </div>
        </div>
        <h2 className="govuk-heading-m">Follow-up</h2>
        {due && (
          <p className="govuk-body">
            Check back with the client on or after <strong>{formatDate(due)}</strong>: whether they came back about the
            same problem and whether the outcome lasted. The case will be listed under “Due a follow-up” in your cases
            from then.
          </p>
        )}
        <div className="govuk-button-group">
          <Link className="govuk-button" to="/cases">
            Back to my cases
          </Link>
          <Link className="govuk-link" to={`/cases/${c.id}`}>
            View the case
          </Link>
        </div>
      </div>
    </div>
  );
}

function AlreadyClosed({ c }: { c: CaseDetail }) {
  usePageTitle('Case already closed');
  return (
    <>
      <BackLink to={`/cases/${c.id}`}>Back to the case</BackLink>
      <h1 className="govuk-heading-l">This case is already closed</h1>
      <p className="govuk-body">
        It was closed on {formatDate(c.closedOn)}. To change the outcome, reopen the case from the case page first.
      </p>
    </>
  );
}
