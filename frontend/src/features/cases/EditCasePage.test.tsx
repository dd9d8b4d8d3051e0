import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aCaseDetail } from '../../test/fixtures';
import { fakeFetch, refuse, renderPage, reply } from '../../test/render';
import { EditCasePage } from './EditCasePage';
import {
  defaultSubcategories,
  type CaseDetail,
  type Office,
  type Page,
  type Partner,
  type Subcategory,
} from '@deepvalue/shared';

const CASE_ID = '22222222-2222-4222-8222-222222222222';

const caseDetail = (over: Partial<CaseDetail> = {}): CaseDetail => aCaseDetail({ id: CASE_ID, ...over });

describe('EditCasePage', () => {
  it('shows both versions on a stale-version conflict and saves the merge against the current version', async () => {
    const patches: unknown[] = [];
    const { version: _v, ...theirs } = caseDetail({ subcategory: 'disrepair', timesToldStoryBefore: 4 });
    fakeFetch({
      [`GET /api/cases/${CASE_ID}`]: reply<CaseDetail>(caseDetail()),
      'GET /api/offices': reply<Office[]>([]),
      'GET /api/subcategories': reply<Subcategory[]>(defaultSubcategories()),
      'GET /api/partners': reply<Page<Partner>>({ items: [], total: 0, limit: 20, offset: 0 }),
      [`PATCH /api/cases/${CASE_ID}`]: ({ body }) => {
        patches.push(body);
        return patches.length === 1
          ? refuse(409, {
              code: 'stale_version',
              errors: [{ path: 'version', message: 'is out of date' }],
              current: { ...theirs, version: 4 },
            })
          : reply<CaseDetail>(caseDetail({ version: 5 }));
      },
    });
    const { router } = renderPage(<EditCasePage />, {
      path: '/cases/:caseId/edit',
      url: `/cases/${CASE_ID}/edit`,
      routes: [{ path: '/cases/:caseId', element: <p>Case page</p> }],
    });
    const sub = await screen.findByLabelText('Sub-category (optional)');
    await screen.findByRole('option', { name: 'Homelessness' });
    await userEvent.selectOptions(sub, 'Homelessness');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('heading', { name: /Someone else changed the case details/ })).toBeInTheDocument();
    const subRow = screen.getByRole('row', { name: /Sub-category/ });
    expect(within(subRow).getByText('homelessness')).toBeInTheDocument();
    expect(within(subRow).getByText('disrepair')).toBeInTheDocument();
    const storyRow = screen.getByRole('row', { name: /Times told/ });
    await userEvent.click(within(storyRow).getByLabelText('Theirs'));
    await userEvent.click(screen.getByRole('button', { name: 'Save my choices' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/cases/${CASE_ID}`));
    expect(patches[1]).toMatchObject({ version: 4, subcategory: 'homelessness', timesToldStoryBefore: 4 });
  });

  it('asks before leaving with unsaved changes', async () => {
    fakeFetch({
      [`GET /api/cases/${CASE_ID}`]: reply<CaseDetail>(caseDetail()),
      'GET /api/offices': reply<Office[]>([]),
      'GET /api/subcategories': reply<Subcategory[]>(defaultSubcategories()),
      'GET /api/partners': reply<Page<Partner>>({ items: [], total: 0, limit: 20, offset: 0 }),
    });
    const { router } = renderPage(<EditCasePage />, {
      path: '/cases/:caseId/edit',
      url: `/cases/${CASE_ID}/edit`,
      routes: [{ path: '/cases/:caseId', element: <p>Case page</p> }],
    });
    await screen.findByRole('option', { name: 'Disrepair' });
    await userEvent.selectOptions(screen.getByLabelText('Sub-category (optional)'), 'Disrepair');
    await userEvent.click(screen.getByRole('link', { name: 'Back to the case' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'You have not saved your changes' });
    expect(within(dialog).getByRole('button', { name: 'Stay on this page' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Stay on this page' }));
    expect(router.state.location.pathname).toBe(`/cases/${CASE_ID}/edit`);
    expect(screen.getByLabelText('Sub-category (optional)')).toHaveValue('disrepair');

    await userEvent.click(screen.getByRole('link', { name: 'Back to the case' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Leave without saving' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/cases/${CASE_ID}`));
  });

  it('records the confidence asked at intake, and clears it with "Not asked"', async () => {
    const patches: unknown[] = [];
    fakeFetch({
      [`GET /api/cases/${CASE_ID}`]: reply<CaseDetail>(caseDetail()),
      'GET /api/offices': reply<Office[]>([]),
      'GET /api/subcategories': reply<Subcategory[]>(defaultSubcategories()),
      'GET /api/partners': reply<Page<Partner>>({ items: [], total: 0, limit: 20, offset: 0 }),
      [`PATCH /api/cases/${CASE_ID}`]: ({ body }) => {
        patches.push(body);
        return reply<CaseDetail>(caseDetail({ version: 4 }));
      },
    });
    const { router } = renderPage(<EditCasePage />, {
      path: '/cases/:caseId/edit',
      url: `/cases/${CASE_ID}/edit`,
      routes: [{ path: '/cases/:caseId', element: <p>Case page</p> }],
    });
    const group = await screen.findByRole('group', { name: /How confident did the client feel/ });
    expect(within(group).getByLabelText('Not asked')).toBeChecked();
    await userEvent.click(within(group).getByLabelText('2'));
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/cases/${CASE_ID}`));
    expect(patches[0]).toMatchObject({ version: 3, confidenceAtIntake: 2 });
  });
});
