import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '@deepvalue/shared';
import { aCaseDetail } from '../../test/fixtures';
import { fakeFetch, refuse, renderPage, reply } from '../../test/render';
import { CloseCaseWizard } from './CloseCaseWizard';

const CASE_ID = '66666666-6666-4666-8666-666666666666';
const detail = (version: number, closedOn: string | null = null) =>
  aCaseDetail({ id: CASE_ID, ref: 'c-1', closedOn, status: closedOn ? 'closed' : 'open', version });

describe('CloseCaseWizard', () => {
  it('goes one question per page to a check page, and closes with a new key after someone else changed the case', async () => {
    let closes = 0;
    const calls = fakeFetch({
      [`GET /api/cases/${CASE_ID}`]: () =>
        reply<CaseDetail>(detail(closes >= 2 ? 5 : 2, closes >= 2 ? '2026-01-05' : null)),
      [`POST /api/cases/${CASE_ID}/close`]: () =>
        ++closes === 1
          ? refuse(409, {
              code: 'stale_version',
              errors: [{ path: 'version', message: 'is out of date' }],
              current: { ...detail(4) },
            })
          : reply<CaseDetail>(detail(5, '2026-01-05')),
    });
    const { router } = renderPage(<CloseCaseWizard />, {
      path: '/cases/:caseId/close/*',
      url: `/cases/${CASE_ID}/close/result`,
    });
    await userEvent.click(await screen.findByLabelText('No result: lost contact'));
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(
      await screen.findByRole('heading', { name: 'Check the outcome before closing the case' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Close the case' }));

    expect(
      await screen.findByRole('heading', { name: 'Someone else changed this case while you were closing it' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Close the case with my answers' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/cases/${CASE_ID}/close/done`));
    expect(await screen.findByRole('heading', { name: 'Case closed' })).toBeInTheDocument();
    expect(screen.getByText(/Check back with the client on or after/)).toHaveTextContent('5 July 2026');

    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((p) => (p.body as { version: number }).version)).toEqual([2, 4]);
    expect((posts[1].body as { outcome: { result: string } }).outcome.result).toBe('lost_contact');
    expect(posts[0].headers['Idempotency-Key']).not.toBe(posts[1].headers['Idempotency-Key']);
  });

  it('asks "before" for confidence only when intake did not ask it', async () => {
    for (const confidenceAtIntake of [2, null]) {
      fakeFetch({ [`GET /api/cases/${CASE_ID}`]: reply<CaseDetail>({ ...detail(2), confidenceAtIntake }) });
      const { unmount } = renderPage(<CloseCaseWizard />, {
        path: '/cases/:caseId/close/*',
        url: `/cases/${CASE_ID}/close/development`,
      });
      expect(await screen.findByRole('group', { name: /How confident do they feel now/ })).toBeInTheDocument();
      const before = screen.queryByRole('group', { name: /How confident did they feel .* before/ });
      if (confidenceAtIntake === null) expect(before).toBeInTheDocument();
      else {
        expect(before).toBeNull();
        expect(screen.getByText(/When the case opened they said 2 of 5/)).toBeInTheDocument();
      }
      unmount();
    }
  });
});
