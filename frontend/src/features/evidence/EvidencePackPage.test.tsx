import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { EvidencePackPreview, Office, OrganisationRef } from '@deepvalue/shared';
import { fakeFetch, MANAGER, renderPage, reply } from '../../test/render';
import { EvidencePackPage, lastFinancialYear } from './EvidencePackPage';

const PACK: EvidencePackPreview = {
  meta: {
    title: 'Deep value evidence pack',
    organisations: [{ ref: 'A', name: 'Northside Law Centre' }],
    commissioner: null,
    period: { from: '2025-04-01', to: '2026-03-31' },
    asOf: '2026-03-31',
    filters: {},
    threshold: 5,
    unitCosts: {
      organisationRef: 'A',
      organisationName: 'Northside Law Centre',
      version: 1,
      createdAt: '2026-03-31T09:00:00.000Z',
      hourlyCostGbp: 60,
      hourlyCostSource: null,
      priceYear: 2024,
      deflators: { version: '1', published: '2025-12-22', source: 'HM Treasury GDP deflators' },
    },
    feeTables: [{ organisationRef: 'A', version: 0, usingDefaults: true }],
    funding: { totalGbp: 52000, records: 1, note: '' },
    softwareVersion: '0.1.0',
    generatedAt: '2026-03-31T00:00:00.000Z',
    builtOn: '2026-04-02',
  },
  summary: {
    heading: 'In brief',
    sections: [
      { key: 'service', heading: 'What the service did', paragraphs: ['Northside closed about 220 cases.'] },
      { key: 'value', heading: 'Value for money', paragraphs: ['Every £1 went with about £4.25.'] },
    ],
  },
  headlines: [{ label: 'Closed cases counted', value: '220', detail: 'rounded' }],
  tables: [],
  method: [],
  inputsSha256: 'abc',
};

describe('EvidencePackPage', () => {
  it('starts from the last financial year and puts the period and filters in the URL, never an adviser', async () => {
    const calls = fakeFetch({ 'GET /api/offices': reply<Office[]>([]) });
    const { router } = renderPage(<EvidencePackPage />, { path: '/evidence', url: '/evidence?adviser=x', me: MANAGER });
    const year = lastFinancialYear();
    expect(screen.getByLabelText('Cases closed from')).toHaveValue(year.from);
    expect(screen.getByLabelText('Cases closed up to')).toHaveValue(year.to);
    await userEvent.selectOptions(screen.getByLabelText('Category'), 'debt');
    await userEvent.click(screen.getByRole('button', { name: 'Preview the pack' }));
    await waitFor(() => expect(router.state.location.search).toBe(`?from=${year.from}&to=${year.to}&category=debt`));
    await waitFor(() =>
      expect(calls.map((c) => c.url)).toContain(
        `/api/evidence-packs/preview?from=${year.from}&to=${year.to}&category=debt`,
      ),
    );
  });

  it('shows the plain-English summary the PDF opens with, before the headlines', async () => {
    fakeFetch({
      'GET /api/offices': reply<Office[]>([]),
      'GET /api/evidence-packs/preview': reply<EvidencePackPreview>(PACK),
    });
    renderPage(<EvidencePackPage />, {
      path: '/evidence',
      url: '/evidence?from=2025-04-01&to=2026-03-31',
      me: MANAGER,
    });
    const brief = await screen.findByRole('heading', { name: 'In brief' });
    expect(screen.getByRole('heading', { name: 'What the service did' })).toBeInTheDocument();
    expect(screen.getByText('Every £1 went with about £4.25.')).toBeInTheDocument();
    const headlines = screen.getByRole('heading', { name: 'Headlines' });
    expect(brief.compareDocumentPosition(headlines) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('lets a commissioner choose whose unit costs price the pack, for the preview and every download', async () => {
    const calls = fakeFetch({
      'GET /api/offices': reply<Office[]>([]),
      'GET /api/organisations/shared-with-me': reply<OrganisationRef[]>([]),
      'GET /api/evidence-packs/preview': reply<EvidencePackPreview>(PACK),
    });
    const { router } = renderPage(<EvidencePackPage />, {
      path: '/evidence',
      url: '/evidence?from=2025-04-01&to=2026-03-31',
      me: { ...MANAGER, role: 'commissioner', organisationName: 'City Funders' },
    });
    const own = screen.getByRole('radio', { name: 'Your unit-cost table (City Funders)' });
    const each = screen.getByRole('radio', { name: 'Each provider’s own unit-cost table' });
    expect(own).toBeChecked();
    expect(own).toHaveAccessibleDescription(/priced with the unit costs.*your organisation has set/);
    expect(each).toHaveAccessibleDescription(/that provider has set for itself.*reads \[c\]/);
    await screen.findByRole('heading', { name: 'In brief' });
    await userEvent.click(each);
    await waitFor(() =>
      expect(router.state.location.search).toBe('?from=2025-04-01&to=2026-03-31&pricedWith=provider'),
    );
    await waitFor(() =>
      expect(calls.map((c) => c.url)).toContain(
        '/api/evidence-packs/preview?from=2025-04-01&to=2026-03-31&pricedWith=provider',
      ),
    );
    expect(screen.getByRole('link', { name: 'Report (PDF)' })).toHaveAttribute(
      'href',
      '/api/evidence-packs/download?from=2025-04-01&to=2026-03-31&pricedWith=provider&format=pdf',
    );
    // Applying the filters keeps the choice; choosing the commissioner's table again drops it from the URL.
    await userEvent.selectOptions(screen.getByLabelText('Category'), 'debt');
    await userEvent.click(screen.getByRole('button', { name: 'Preview the pack' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?from=2025-04-01&to=2026-03-31&category=debt&pricedWith=provider'),
    );
    await userEvent.click(screen.getByRole('radio', { name: 'Your unit-cost table (City Funders)' }));
    await waitFor(() => expect(router.state.location.search).toBe('?from=2025-04-01&to=2026-03-31&category=debt'));
  });

  it('offers a manager no choice of table: their pack is priced with their own', async () => {
    fakeFetch({
      'GET /api/offices': reply<Office[]>([]),
      'GET /api/evidence-packs/preview': reply<EvidencePackPreview>(PACK),
    });
    renderPage(<EvidencePackPage />, {
      path: '/evidence',
      url: '/evidence?from=2025-04-01&to=2026-03-31&pricedWith=provider',
      me: MANAGER,
    });
    await screen.findByRole('heading', { name: 'In brief' });
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.getByRole('link', { name: 'Report (PDF)' })).toHaveAttribute(
      'href',
      '/api/evidence-packs/download?from=2025-04-01&to=2026-03-31&format=pdf',
    );
  });

  it('knows the financial year turns on 1 April', () => {
    expect(lastFinancialYear('2026-03-31')).toEqual({ from: '2024-04-01', to: '2025-03-31' });
    expect(lastFinancialYear('2026-04-01')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
  });
});
