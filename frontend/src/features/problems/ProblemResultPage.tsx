import { labelOf, OUTCOME_RESULTS, type OutcomeResult } from '@deepvalue/shared';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../app/api';
import { flash } from '../../app/flash';
import { formatDate } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useSubmission } from '../../app/submission';
import { BackLink } from '../../ui/BackLink';
import { ConflictView } from '../../ui/ConflictView';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { QueryState } from '../../ui/QueryState';
import { Radios } from '../../ui/Radios';
import { useCase, useRefreshCase } from '../cases/api';
import { CaseHeading } from '../cases/CaseHeading';
import type { CaseDetail, Problem } from '@deepvalue/shared';

const TITLE = 'What came of this underlying problem?';
/** 'not_known' clears the result: unknown is not a result (docs/measures.md). */
type Answer = OutcomeResult | 'not_known' | '';

/** An underlying problem's own result (docs/measures.md, "Underlying problems: … their own result"). */
export function ProblemResultPage() {
  const { caseId = '', problemId = '' } = useParams();
  const query = useCase(caseId);
  usePageTitle(TITLE);
  return (
    <>
      <BackLink to={`/cases/${caseId}`}>Back to the case</BackLink>
      <QueryState query={query} what="The case">
        {(c) => {
          const problem = c.problems.find((p) => p.id === problemId);
          if (!problem) return <p className="govuk-body">That underlying problem could not be found on this case.</p>;
          return <ResultForm key={problem.version} c={c} problem={problem} />;
        }}
      </QueryState>
    </>
  );
}

function ResultForm({ c, problem }: { c: CaseDetail; problem: Problem }) {
  const [answer, setAnswer] = useState<Answer>(problem.result ?? '');
  const [conflict, setConflict] = useState<Problem>();
  const submission = useSubmission();
  const navigate = useNavigate();
  const refresh = useRefreshCase();

  async function save(value: Answer, version: number) {
    if (!value) {
      submission.setErrors([{ path: 'result', message: 'Select what came of the problem, or “Not known yet”' }]);
      return;
    }
    const body = { version, result: value === 'not_known' ? null : value };
    const result = await submission.submit(body, () => api(`/problems/${problem.id}`, { method: 'PATCH', body }));
    if (result.ok) {
      await refresh(c.id);
      navigate(`/cases/${c.id}`, flash('Saved the underlying problem’s result'));
    } else if (result.error?.isStale) {
      setConflict(result.error.body?.current as Problem);
    }
  }

  return (
    <>
      <ErrorSummary errors={submission.errors} />
      <CaseHeading caseRecord={c} client={c.client} title={TITLE} />
      <p className="govuk-body">
        {labelOf(problem.category)}, uncovered on {formatDate(problem.uncoveredOn)}
        {problem.description ? `: ${problem.description}` : ''}.
      </p>
      {conflict ? (
        <ConflictView
          what="underlying problem"
          fields={[{ key: 'result', label: 'Result', format: (v) => (v ? labelOf(String(v)) : 'Not known yet') }]}
          mine={{ result: answer === 'not_known' ? null : answer }}
          theirs={conflict as unknown as Record<string, unknown>}
          busy={submission.busy}
          onResolve={(merged, version) => {
            const next = (merged.result as OutcomeResult | null) ?? 'not_known';
            setAnswer(next);
            setConflict(undefined);
            void save(next, version);
          }}
          onDiscard={() => navigate(`/cases/${c.id}`)}
        />
      ) : (
        <form
          noValidate
          className="dv-form"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void save(answer, problem.version);
          }}
        >
          <Radios
            id="result"
            legend="Its own result"
            hint="For this problem, not the one the client came with. Counted in the underlying problems’ results."
            options={[
              ...OUTCOME_RESULTS.map((value) => ({ value, label: labelOf(value) })),
              { value: 'not_known', label: 'Not known yet' },
            ]}
            value={answer}
            onChange={(value) => setAnswer(value as Answer)}
            error={submission.errors.find((e) => e.path === 'result')?.message}
            autoFocus
          />
          <button type="submit" className="govuk-button" disabled={submission.busy}>
            Save
          </button>
        </form>
      )}
    </>
  );
}
