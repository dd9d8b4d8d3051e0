import type { AdviserRef, BandKey, Office, OrganisationRef, TimeVsOutcomeReport } from '@deepvalue/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, MANAGER, refuse, renderPage, reply } from '../../test/render';
import { TimeVsOutcomePage } from './TimeVsOutcomePage';

// Recharts needs a real layout engine; the page's table carries the same figures.
vi.mock('./charts/RateChart', () => ({ default: () => <div data-testid="chart" /> }));

const band = (band: BandKey, n: number, count: number) => ({
  band,
  minMinutes: 0,
  maxMinutes: 60,
  n,
  count,
  rate: count / n,
  ciLow: 0.4,
  ciHigh: 0.8,
  small: n < 10,
  suppressed: false,
});

const REPORT: TimeVsOutcomeReport = {
  measure: 'positive_outcome',
  n: 120,
  filters: {},
  bands: [band('<1h', 40, 24), band('1-2h', 30, 20), band('2-4h', 25, 19), band('4-8h', 20, 17), band('>=8h', 5, 5)],
  adjusted: {
    oddsRatioPerDoubling: 1.5,
    ciLow: 1.1,
    ciHigh: 2.05,
    n: 120,
    covariates: ['log2 relationship time', 'category: debt'],
    converged: true,
    separation: false,
    iterations: 5,
  },
  caveat: 'Observational: association, not cause.',
};

describe('TimeVsOutcomePage', () => {
  it('shows the rates by band with n, the adjusted estimate in one sentence, and the caveat', async () => {
    fakeFetch({
      'GET /api/reports/time-vs-outcome': reply<TimeVsOutcomeReport>(REPORT),
      'GET /api/offices': reply<Office[]>([]),
      'GET /api/reports/advisers': reply<AdviserRef[]>([]),
    });
    renderPage(<TimeVsOutcomePage />, { path: '/reports/time-vs-outcome', me: MANAGER });
    expect(await screen.findByTestId('adjusted-sentence')).toHaveTextContent(
      'After allowing for the category of problem, each doubling of relationship time goes with 1.50 times the odds of a positive outcome (95% interval 1.10 to 2.05; 120 cases).',
    );
    expect(screen.getByText('Observational: association, not cause.')).toBeInTheDocument();
    const first = screen.getByRole('row', { name: /^< 1 h/ });
    expect(
      within(first)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      '40 cases with < 1 h of relationship time',
      '24 cases with positive outcome, < 1 h',
      '60% (40% to 80%)',
    ]);
    expect(screen.getByRole('row', { name: /^≥ 8 h/ })).toHaveTextContent('Few cases: read with care');
  });

  it('shows a manager the cases not recorded beside n, as the pack does', async () => {
    const withUnknown = { ...REPORT, bands: REPORT.bands.map((b, i) => ({ ...b, unknown: 3 + i })) };
    fakeFetch({
      'GET /api/reports/time-vs-outcome': reply<TimeVsOutcomeReport>(withUnknown),
      'GET /api/offices': reply<Office[]>([]),
      'GET /api/reports/advisers': reply<AdviserRef[]>([]),
    });
    renderPage(<TimeVsOutcomePage />, { path: '/reports/time-vs-outcome', me: MANAGER });
    const first = await screen.findByRole('row', { name: /^< 1 h/ });
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Relationship time',
      'Cases (n)',
      'Not recorded',
      'With the outcome',
      'Rate (95% interval)',
    ]);
    expect(within(first).getAllByRole('cell')[1]).toHaveTextContent('3');
    expect(screen.getByText(/counts the closed cases left out of n/)).toBeInTheDocument();
  });

  it('shows the bands first, then the adjusted estimate when the slower full report arrives', async () => {
    let release: () => void = () => {};
    const estimated = new Promise<void>((resolve) => (release = resolve));
    const calls = fakeFetch({
      'GET /api/reports/time-vs-outcome': async ({ url }) => {
        if (url.includes('adjusted=false')) return reply<TimeVsOutcomeReport>({ ...REPORT, adjusted: null });
        await estimated;
        return reply<TimeVsOutcomeReport>(REPORT);
      },
      'GET /api/offices': reply<Office[]>([]),
      'GET /api/reports/advisers': reply<AdviserRef[]>([]),
    });
    renderPage(<TimeVsOutcomePage />, { path: '/reports/time-vs-outcome', me: MANAGER });
    const first = await screen.findByRole('row', { name: /^< 1 h/ });
    expect(within(first).getAllByRole('cell')[0]).toHaveTextContent('40');
    expect(screen.getByTestId('adjusted-pending')).toHaveTextContent('Working out the estimate allowing for case mix');
    expect(screen.queryByTestId('adjusted-sentence')).not.toBeInTheDocument();
    expect(screen.getByText('Observational: association, not cause.')).toBeInTheDocument();
    release();
    expect(await screen.findByTestId('adjusted-sentence')).toHaveTextContent('1.50 times the odds');
    expect(screen.queryByTestId('adjusted-pending')).not.toBeInTheDocument();
    expect(calls.map((c) => c.url)).toEqual(
      expect.arrayContaining(['/api/reports/time-vs-outcome?measure=positive_outcome&adjusted=false']),
    );
  });

  it('says the estimate could not be worked out, and keeps the bands, when the full report fails', async () => {
    fakeFetch({
      'GET /api/reports/time-vs-outcome': ({ url }) =>
        url.includes('adjusted=false')
          ? reply<TimeVsOutcomeReport>({ ...REPORT, adjusted: null })
          : refuse(503, { code: 'unavailable', errors: [{ path: '', message: 'The database is busy' }] }),
      'GET /api/offices': reply<Office[]>([]),
      'GET /api/reports/advisers': reply<AdviserRef[]>([]),
    });
    renderPage(<TimeVsOutcomePage />, { path: '/reports/time-vs-outcome', me: MANAGER });
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(
      'The estimate allowing for case mix could not be worked out just now',
    );
    expect(screen.getByRole('row', { name: /^< 1 h/ })).toBeInTheDocument();
  });

  it('puts the filters and the outcome in the URL, and links each figure to its cases', async () => {
    const calls = fakeFetch({
      'GET /api/reports/time-vs-outcome': reply<TimeVsOutcomeReport>(REPORT),
      'GET /api/offices': reply<Office[]>([]),
      'GET /api/reports/advisers': reply<AdviserRef[]>([]),
    });
    const { router } = renderPage(<TimeVsOutcomePage />, { path: '/reports/time-vs-outcome', me: MANAGER });
    await screen.findByTestId('adjusted-sentence');
    await userEvent.selectOptions(screen.getByLabelText('Category'), 'debt');
    await userEvent.selectOptions(screen.getByLabelText('Outcome'), 'accepted');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(router.state.location.search).toBe('?measure=accepted&category=debt'));
    await waitFor(() =>
      expect(calls.some((c) => c.url === '/api/reports/time-vs-outcome?category=debt&measure=accepted')).toBe(true),
    );
    await screen.findByRole('heading', { name: /Outcome accepted by relationship time/ });
    // The words after the number are for screen readers only (visually hidden).
    const link = await screen.findByRole('link', { name: /^24 ?cases with outcome accepted, < 1 h$/ });
    expect(link).toHaveAttribute('href', '/reports/cases?category=debt&measure=accepted&band=0&outcome=success');
  });

  it('gives commissioners no links to cases', async () => {
    fakeFetch({
      'GET /api/reports/time-vs-outcome': reply<TimeVsOutcomeReport>(REPORT),
      'GET /api/organisations/shared-with-me': reply<OrganisationRef[]>([]),
    });
    renderPage(<TimeVsOutcomePage />, {
      path: '/reports/time-vs-outcome',
      me: { ...MANAGER, role: 'commissioner' },
    });
    await screen.findByTestId('adjusted-sentence');
    expect(screen.queryByRole('link', { name: /cases with/ })).not.toBeInTheDocument();
  });

  it('says so when the report is not available on this server yet', async () => {
    fakeFetch({
      'GET /api/offices': reply<Office[]>([]),
      'GET /api/reports/advisers': reply<AdviserRef[]>([]),
    });
    renderPage(<TimeVsOutcomePage />, { path: '/reports/time-vs-outcome', me: MANAGER });
    expect(await screen.findByTestId('not-available')).toHaveTextContent('The report is not available yet');
  });
});
