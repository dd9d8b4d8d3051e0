import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AdviserRef, Office } from '@deepvalue/shared';
import { anOffice } from '../../test/fixtures';
import { fakeFetch, MANAGER, renderPage, reply } from '../../test/render';
import { ReportFiltersForm } from './ReportFiltersForm';

const ADVISERS: AdviserRef[] = [{ id: '00000000-0000-4000-8000-0000000000d1', name: 'Ada Adviser' }];

describe('ReportFiltersForm', () => {
  it('on a report, offers managers the adviser filter and applies the choices with the filters', async () => {
    fakeFetch({
      'GET /api/offices': reply<Office[]>([anOffice()]),
      'GET /api/reports/advisers': reply<AdviserRef[]>(ADVISERS),
    });
    const onApply = vi.fn();
    renderPage(
      <ReportFiltersForm
        filters={{ category: 'debt' }}
        choices={[
          { key: 'measure', label: 'Outcome', options: [{ value: 'accepted', label: 'Accepted' }], value: 'accepted' },
        ]}
        onApply={onApply}
      />,
      { me: MANAGER },
    );
    expect(screen.getByRole('search', { name: 'Choose what to show' })).toBeInTheDocument();
    await userEvent.selectOptions(await screen.findByLabelText('Lead adviser'), 'Ada Adviser');
    expect(screen.getByLabelText('Office')).toHaveAttribute('name', 'filter-office');
    await userEvent.type(screen.getByLabelText('Closed from'), '2025-04-01');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(onApply).toHaveBeenCalledWith(
      { category: 'debt', adviser: '00000000-0000-4000-8000-0000000000d1', from: '2025-04-01' },
      { measure: 'accepted' },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onApply).toHaveBeenLastCalledWith({}, { measure: 'accepted' });
  });

  it('on a pack, asks for a period, links each error to its field, and has no adviser filter', async () => {
    const calls = fakeFetch({ 'GET /api/offices': reply<Office[]>([anOffice()]) });
    const onApply = vi.fn();
    renderPage(<ReportFiltersForm kind="pack" filters={{ to: '2026-03-31' }} onApply={onApply} />, { me: MANAGER });
    expect(await screen.findByLabelText('Office')).toHaveAttribute('name', 'pack-office');
    expect(screen.queryByLabelText('Lead adviser')).not.toBeInTheDocument();
    expect(calls.some((c) => c.url.startsWith('/api/reports/advisers'))).toBe(false);
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Preview the pack' }));
    expect(onApply).not.toHaveBeenCalled();
    expect(screen.getByRole('link', { name: 'Enter the first day of the period' })).toHaveAttribute(
      'href',
      '#pack-from',
    );
    expect(screen.getByLabelText('Cases closed from')).toHaveAccessibleDescription(
      'Error: Enter the first day of the period',
    );

    await userEvent.type(screen.getByLabelText('Cases closed from'), '2026-04-01');
    await userEvent.click(screen.getByRole('button', { name: 'Preview the pack' }));
    expect(screen.getByRole('link', { name: 'The end of the period must be after its start' })).toHaveAttribute(
      'href',
      '#pack-to',
    );

    await userEvent.clear(screen.getByLabelText('Cases closed from'));
    await userEvent.type(screen.getByLabelText('Cases closed from'), '2025-04-01');
    await userEvent.selectOptions(screen.getByLabelText('Category'), 'housing');
    await userEvent.click(screen.getByRole('button', { name: 'Preview the pack' }));
    expect(onApply).toHaveBeenCalledWith({ from: '2025-04-01', to: '2026-03-31', category: 'housing' }, {});
  });
});
