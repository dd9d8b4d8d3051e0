import type { DetailFigure, DetailTable, MeasuresSummary } from '@deepvalue/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeFetch, MANAGER, renderPage, reply } from '../../test/render';
import { MeasureDetails } from './MeasureDetails';

const rate = (count: number, n: number, ciLow: number | null, ciHigh: number | null): DetailFigure => ({
  kind: 'rate',
  n,
  count,
  rate: n ? count / n : null,
  ciLow,
  ciHigh,
  small: n < 10,
});
const mean = (value: number | null, n: number, ciLow: number | null, ciHigh: number | null): DetailFigure => ({
  kind: 'mean',
  n,
  value,
  ciLow,
  ciHigh,
  small: n < 10,
});

const BY_BAND: DetailTable = {
  key: 'by_band',
  title: 'By relationship time',
  columnsAre: 'Band of relationship time on the case',
  columns: [
    { key: '0', label: '< 1 h' },
    { key: '1', label: '1–2 h' },
  ],
  rows: [
    {
      key: 'understood',
      label: 'Understood the outcome',
      definition: 'How well the client understood the outcome (1–5).',
      figures: [mean(2.4817, 40, 2.1, 2.86), mean(null, 0, null, null)],
      unknown: 7,
    },
    {
      key: 'full_disclosure',
      label: 'Full disclosure',
      definition: 'Disclosure yes ÷ assessed.',
      figures: [rate(12, 40, 0.1803, 0.4512), rate(3, 4, 0.3, 0.95)],
      unknown: 3,
    },
  ],
};
const RETELLING: DetailTable = {
  key: 'retelling_by_arrival',
  title: 'Retelling burden by arrival route',
  columnsAre: 'How the client arrived',
  columns: [{ key: 'self', label: 'By themselves' }],
  rows: [
    {
      key: 'times_told_story_0',
      label: 'Told their story to no one before',
      definition: 'Times told.',
      figures: [rate(30, 60, 0.38, 0.62)],
      unknown: 2,
    },
  ],
  note: 'Each cell: the share of cases in the column.',
};
const SUMMARY: MeasuresSummary = {
  n: 120,
  asOf: '2026-06-30',
  filters: {},
  measures: [],
  details: [BY_BAND, RETELLING],
  caveat: 'Association, not cause.',
};

function show() {
  const calls = fakeFetch({ 'GET /api/reports/measures': reply<MeasuresSummary>(SUMMARY) });
  renderPage(<MeasureDetails filters={{}} />, { me: MANAGER });
  return calls;
}

describe('MeasureDetails', () => {
  it('asks for the detail and shows one labelled, keyboard-scrollable table per detail table', async () => {
    const calls = show();
    const band = await screen.findByRole('table', { name: /By relationship time/ });
    expect(calls.map((c) => c.url)).toEqual(['/api/reports/measures?detail=true']);
    expect(screen.getByRole('region', { name: 'By relationship time' })).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('table', { name: /Retelling burden by arrival route/ })).toBeInTheDocument();
    expect(
      within(band)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Measure', '< 1 h', '1–2 h', 'Not recorded']);
    expect(within(band).getByText(/Columns: Band of relationship time on the case\./)).toBeInTheDocument();
  });

  it('shows a mean to two places with its interval and n, and "No cases" where there are none', async () => {
    show();
    const row = await screen.findByRole('row', { name: /Understood the outcome/ });
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('2.48');
    expect(cells[0]).toHaveTextContent('2.10 to 2.86');
    expect(cells[0]).toHaveTextContent('n 40');
    expect(cells[1]).toHaveTextContent('No cases');
    expect(cells[2]).toHaveTextContent('7');
    expect(within(row).getByRole('rowheader')).toHaveAttribute(
      'title',
      'How well the client understood the outcome (1–5).',
    );
  });

  it('shows a rate as a percentage with its interval, and marks a cell resting on few cases', async () => {
    show();
    const row = await screen.findByRole('row', { name: /Full disclosure/ });
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('30%');
    expect(cells[0]).toHaveTextContent('18% to 45%');
    expect(cells[0]).not.toHaveTextContent('few');
    expect(cells[1]).toHaveTextContent('75%');
    expect(cells[1]).toHaveTextContent('n 4, few');
    const told = screen.getByRole('row', { name: /Told their story to no one before/ });
    expect(within(told).getAllByRole('cell')[0]).toHaveTextContent('50%');
  });
});
