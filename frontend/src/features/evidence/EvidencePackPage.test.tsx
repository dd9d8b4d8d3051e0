import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { EvidencePackPreview, Office } from '@deepvalue/shared';
import { fakeFetch, MANAGER, renderPage, reply } from '../../test/render';
import { EvidencePackPage, lastFinancialYear } from './EvidencePackPage';

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
    const pack: EvidencePackPreview = {
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
    fakeFetch({
      'GET /api/offices': reply<Office[]>([]),
      'GET /api/evidence-packs/preview': reply<EvidencePackPreview>(pack),
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

  it('knows the financial year turns on 1 April', () => {
    expect(lastFinancialYear('2026-03-31')).toEqual({ from: '2024-04-01', to: '2025-03-31' });
    expect(lastFinancialYear('2026-04-01')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
  });
});
