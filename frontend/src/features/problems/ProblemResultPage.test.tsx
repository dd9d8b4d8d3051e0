import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aCaseDetail } from '../../test/fixtures';
import { fakeFetch, renderPage, reply } from '../../test/render';
import { ProblemResultPage } from './ProblemResultPage';
import type { CaseDetail, Problem } from '@deepvalue/shared';

const CASE_ID = '33333333-3333-4333-8333-333333333333';
const PROBLEM_ID = '44444444-4444-4444-8444-444444444444';

const problem = (over: Partial<Problem> = {}): Problem => ({
  id: PROBLEM_ID,
  category: 'debt',
  description: 'Council tax arrears',
  uncoveredOn: '2026-02-03',
  action: 'handled_in_house',
  partnerId: null,
  reachedSupport: null,
  result: null,
  version: 2,
  ...over,
});
const caseWith = (p: Problem) => aCaseDetail({ id: CASE_ID, ref: 'c-7', version: 1, problems: [p] });

function open() {
  return renderPage(<ProblemResultPage />, {
    path: '/cases/:caseId/problems/:problemId/result',
    url: `/cases/${CASE_ID}/problems/${PROBLEM_ID}/result`,
    routes: [{ path: '/cases/:caseId', element: <p>Case page</p> }],
  });
}

describe('ProblemResultPage', () => {
  it('asks for an answer, then records the problem’s own result against its version', async () => {
    const patches: unknown[] = [];
    fakeFetch({
      [`GET /api/cases/${CASE_ID}`]: reply<CaseDetail>(caseWith(problem())),
      [`PATCH /api/problems/${PROBLEM_ID}`]: ({ body }) => {
        patches.push(body);
        return reply<Problem>(problem({ result: 'partly_positive', version: 3 }));
      },
    });
    const { router } = open();
    expect(await screen.findByText(/Council tax arrears/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByRole('link', { name: 'Select what came of the problem, or “Not known yet”' }),
    ).toBeInTheDocument();
    expect(patches).toEqual([]);

    await userEvent.click(screen.getByLabelText('Partly positive'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/cases/${CASE_ID}`));
    expect(patches).toEqual([{ version: 2, result: 'partly_positive' }]);
  });

  it('shows the recorded result and clears it with “Not known yet” (unknown is not a result)', async () => {
    const patches: unknown[] = [];
    fakeFetch({
      [`GET /api/cases/${CASE_ID}`]: reply<CaseDetail>(caseWith(problem({ result: 'negative', version: 5 }))),
      [`PATCH /api/problems/${PROBLEM_ID}`]: ({ body }) => {
        patches.push(body);
        return reply<Problem>(problem({ version: 6 }));
      },
    });
    const { router } = open();
    const group = await screen.findByRole('group', { name: /Its own result/ });
    expect(within(group).getByLabelText('Negative')).toBeChecked();
    await userEvent.click(within(group).getByLabelText('Not known yet'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/cases/${CASE_ID}`));
    expect(patches).toEqual([{ version: 5, result: null }]);
  });

  it('says so when the problem is not on the case', async () => {
    fakeFetch({ [`GET /api/cases/${CASE_ID}`]: reply<CaseDetail>({ ...caseWith(problem()), problems: [] }) });
    open();
    expect(await screen.findByText('That underlying problem could not be found on this case.')).toBeInTheDocument();
  });
});
