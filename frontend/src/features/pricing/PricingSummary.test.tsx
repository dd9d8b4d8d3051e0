import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeFetch, MANAGER, renderPage, reply } from '../../test/render';
import { PricingSummary } from './PricingSummary';
import type { KindFigures, Office, PricingGroupView, PricingReport } from '@deepvalue/shared';

const range = (central: number | string) => ({ low: central, central, high: central });
const kind = (k: KindFigures['kind'], label: string, net: number | string, eventsNotPriced: number): KindFigures => ({
  kind: k,
  label,
  gross: net,
  net: range(net),
  netPerPoundSpent: range(typeof net === 'number' ? net / 1000 : net),
  netPerRelationshipHour: range(net),
  eventsNotPriced,
});
const overall: PricingGroupView = {
  groupBy: 'overall',
  key: 'all',
  label: 'All cases',
  cases: 40,
  adviserHours: 80,
  relationshipHours: 40,
  adviserCostGbp: 4000,
  kinds: [
    kind('fiscal', 'Fiscal value (public money saved)', 340_000, 7),
    kind('wellbeing', 'Wellbeing value (value to the person)', 'not priced', 3),
    kind('client_financial', 'Money to clients', 5_000, 0),
  ],
};
const report: PricingReport = {
  threshold: null,
  withheld: false,
  groups: [overall],
  lines: [],
  unpriced: [],
  unmapped: [],
  asOf: '2026-03-31',
  filters: {},
  unitCosts: { version: 1, createdAt: '2026-01-01T00:00:00.000Z', hourlyCostGbp: 50, hourlyCostNote: null },
  priceYear: 2024,
  notes: [],
};

describe('PricingSummary', () => {
  it('says how many events a total leaves out, and reads "not priced" rather than £0', async () => {
    fakeFetch({ 'GET /api/reports/pricing': reply<PricingReport>(report), 'GET /api/offices': reply<Office[]>([]) });
    renderPage(<PricingSummary />, { path: '/pricing', url: '/pricing', me: MANAGER });
    const fiscal = await screen.findByRole('row', { name: /^Fiscal value/ });
    expect(fiscal).toHaveTextContent('leaves out 7 events not priced');
    const wellbeing = screen.getByRole('row', { name: /^Wellbeing value/ });
    expect(wellbeing).toHaveTextContent('not priced');
    expect(wellbeing).not.toHaveTextContent('£0');
    expect(wellbeing).not.toHaveTextContent('leaves out');
    expect(screen.getByRole('row', { name: /^Money to clients/ })).not.toHaveTextContent('leaves out');
    expect(screen.getByText(/At 2024 prices/)).toBeInTheDocument();
  });
});
