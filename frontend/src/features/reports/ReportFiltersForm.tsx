import { ARRIVAL_ROUTES, CATEGORIES, FUNDING_STREAMS, labelOf, VULNERABILITIES } from '@deepvalue/shared';
import { type FormEvent, useState } from 'react';
import { useMe } from '../../app/session';
import { Select } from '../../ui/Select';
import { TextInput } from '../../ui/TextInput';
import { useOffices } from '../cases/api';
import { useBreakdown, useSharedWithMe } from './api';
import type { ReportFilters } from './filters';

const options = (values: readonly string[]) => values.map((value) => ({ value, label: labelOf(value) }));

/**
 * Filters on every report: period, category, office, adviser, funding, vulnerability, arrival
 * (and, for commissioners, which organisation). Applying them changes the URL.
 */
export interface ReportChoice {
  key: string;
  label: string;
  options: { value: string; label: string }[];
  value: string;
}

export function ReportFiltersForm({
  filters,
  choices = [],
  onApply,
}: {
  filters: ReportFilters;
  /** Report-specific choices (measure, period), shown first and applied with the filters. */
  choices?: ReportChoice[];
  onApply: (filters: ReportFilters, choices: Record<string, string>) => void;
}) {
  const me = useMe();
  const manager = me.role === 'manager';
  const [draft, setDraft] = useState<ReportFilters>(filters);
  const [picked, setPicked] = useState<Record<string, string>>(() =>
    Object.fromEntries(choices.map((c) => [c.key, c.value])),
  );
  const offices = useOffices();
  // Advisers for the filter come from the report itself: managers only, for supervision.
  const advisers = useBreakdown('positive_outcome', 'adviser', {}, manager);
  const shared = useSharedWithMe(me.role === 'commissioner');
  const set = (key: keyof ReportFilters) => (value: string) => setDraft((d) => ({ ...d, [key]: value || undefined }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft, picked);
  };
  const any = Object.values(filters).some(Boolean);
  return (
    <form className="dv-filters" onSubmit={submit} aria-labelledby="filters-title" role="search">
      <h2 className="govuk-heading-s" id="filters-title">
        Choose what to show
      </h2>
      <div className="dv-filters__grid">
        {choices.map((choice) => (
          <Select
            key={choice.key}
            id={`choice-${choice.key}`}
            label={choice.label}
            options={choice.options}
            value={picked[choice.key] ?? choice.value}
            onChange={(value) => setPicked((p) => ({ ...p, [choice.key]: value }))}
          />
        ))}
        {me.role === 'commissioner' && shared.data && (
          <Select
            id="filter-organisation"
            label="Organisation"
            emptyLabel="All that share with you"
            options={shared.data.map((o) => ({ value: o.id, label: o.name }))}
            value={draft.organisation ?? ''}
            onChange={set('organisation')}
          />
        )}
        <TextInput
          id="filter-from"
          label="Closed from"
          type="date"
          value={draft.from ?? ''}
          onChange={(e) => set('from')(e.target.value)}
        />
        <TextInput
          id="filter-to"
          label="Closed up to"
          type="date"
          value={draft.to ?? ''}
          onChange={(e) => set('to')(e.target.value)}
        />
        <Select
          id="filter-category"
          label="Category"
          emptyLabel="All categories"
          options={options(CATEGORIES)}
          value={draft.category ?? ''}
          onChange={set('category')}
        />
        {manager && offices.data && offices.data.length > 0 && (
          <Select
            id="filter-office"
            label="Office"
            emptyLabel="All offices"
            options={offices.data.map((o) => ({ value: o.id, label: o.name }))}
            value={draft.office ?? ''}
            onChange={set('office')}
          />
        )}
        {manager && advisers.data && (
          <Select
            id="filter-adviser"
            label="Lead adviser"
            emptyLabel="All advisers"
            options={advisers.data.groups
              .filter((g) => g.key !== 'none')
              .map((g) => ({ value: g.key, label: g.label }))}
            value={draft.adviser ?? ''}
            onChange={set('adviser')}
          />
        )}
        <Select
          id="filter-funding"
          label="Funding"
          emptyLabel="All funding"
          options={options(FUNDING_STREAMS)}
          value={draft.fundingStream ?? ''}
          onChange={set('fundingStream')}
        />
        <Select
          id="filter-vulnerability"
          label="Vulnerability"
          emptyLabel="Any or none"
          options={options(VULNERABILITIES)}
          value={draft.vulnerability ?? ''}
          onChange={set('vulnerability')}
        />
        <Select
          id="filter-arrival"
          label="How clients arrived"
          emptyLabel="Any route"
          options={options(ARRIVAL_ROUTES)}
          value={draft.arrival ?? ''}
          onChange={set('arrival')}
        />
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--secondary">
          Apply filters
        </button>
        {any && (
          <button
            type="button"
            className="dv-link-button dv-link-button--dark"
            onClick={() => {
              setDraft({});
              onApply({}, picked);
            }}
          >
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}
