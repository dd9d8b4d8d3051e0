import { type ApiError, ARRIVAL_ROUTES, CATEGORIES, FUNDING_STREAMS, VULNERABILITIES } from '@deepvalue/shared';
import { type FormEvent, useMemo, useState } from 'react';
import { isIsoDate } from '../../app/format';
import { useMe } from '../../app/session';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { labelledOptions } from '../../ui/options';
import { Select } from '../../ui/Select';
import { TextInput } from '../../ui/TextInput';
import { useOffices } from '../cases/api';
import { useReportAdvisers, useSharedWithMe } from './api';
import type { ReportFilters } from './filters';

export interface ReportChoice {
  key: string;
  label: string;
  options: { value: string; label: string }[];
  value: string;
}

/**
 * The two uses of the form. Field ids (also the fields' names) and labels differ between them and
 * stay as they were, for the browser tests and people's habits; the URL parameters are the same.
 * An evidence pack needs a period and never breaks figures down by adviser.
 */
const KINDS = {
  report: {
    idPrefix: 'filter',
    title: 'Choose what to show',
    fromLabel: 'Closed from',
    toLabel: 'Closed up to',
    allOrganisations: 'All that share with you',
    submit: 'Apply filters',
    periodRequired: false,
    adviser: true,
  },
  pack: {
    idPrefix: 'pack',
    title: 'Period and filters',
    fromLabel: 'Cases closed from',
    toLabel: 'Cases closed up to',
    allOrganisations: 'All that share with you, together',
    submit: 'Preview the pack',
    periodRequired: true,
    adviser: false,
  },
} as const;

export function validatePeriod(from: string, to: string): ApiError[] {
  const errors: ApiError[] = [];
  if (!isIsoDate(from)) errors.push({ path: 'from', message: 'Enter the first day of the period' });
  if (!isIsoDate(to)) errors.push({ path: 'to', message: 'Enter the last day of the period' });
  if (!errors.length && from > to)
    errors.push({ path: 'to', message: 'The end of the period must be after its start' });
  return errors;
}

/**
 * The filters of every report and of the evidence pack: period, category, office, adviser, funding,
 * vulnerability, arrival (and, for commissioners, which organisation). Office and adviser are for
 * managers only. Applying them changes the URL (the page's `onApply`).
 */
export function ReportFiltersForm({
  filters,
  choices = [],
  kind = 'report',
  onApply,
}: {
  filters: ReportFilters;
  /** Report-specific choices (measure, period), shown first and applied with the filters. */
  choices?: ReportChoice[];
  kind?: keyof typeof KINDS;
  onApply: (filters: ReportFilters, choices: Record<string, string>) => void;
}) {
  const form = KINDS[kind];
  const id = (field: string) => `${form.idPrefix}-${field}`;
  const me = useMe();
  const manager = me.role === 'manager';
  const [draft, setDraft] = useState<ReportFilters>(filters);
  const [picked, setPicked] = useState<Record<string, string>>(() =>
    Object.fromEntries(choices.map((c) => [c.key, c.value])),
  );
  const [errors, setErrors] = useState<ApiError[]>([]);
  const offices = useOffices();
  // Every lead adviser of a closed case: managers only, for supervision.
  const advisers = useReportAdvisers(manager && form.adviser);
  const shared = useSharedWithMe(me.role === 'commissioner');
  // An organisation may have a thousand advisers: the list is built once and re-rendered only when
  // the advisers or the choice change, not whenever the report above it updates.
  const adviserSelect = useMemo(
    () =>
      manager &&
      form.adviser &&
      advisers.data && (
        <Select
          id={`${form.idPrefix}-adviser`}
          label="Lead adviser"
          emptyLabel="All advisers"
          options={advisers.data.map((a) => ({ value: a.id, label: a.name }))}
          value={draft.adviser ?? ''}
          onChange={(value) => setDraft((d) => ({ ...d, adviser: value || undefined }))}
        />
      ),
    [manager, form.adviser, form.idPrefix, advisers.data, draft.adviser],
  );
  const set = (key: keyof ReportFilters) => (value: string) => setDraft((d) => ({ ...d, [key]: value || undefined }));
  const errorFor = (path: string) => errors.find((e) => e.path === path)?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = form.periodRequired ? validatePeriod(draft.from ?? '', draft.to ?? '') : [];
    setErrors(problems);
    if (!problems.length) onApply(draft, picked);
  };
  // Clearing would drop a required period, so a pack's form has no "Clear filters".
  const clearable = !form.periodRequired && Object.values(filters).some(Boolean);
  return (
    <>
      <ErrorSummary errors={errors} fieldIds={{ from: id('from'), to: id('to') }} />
      <form className="dv-filters" noValidate onSubmit={submit} aria-labelledby={id('form-title')} role="search">
        <h2 className="govuk-heading-s" id={id('form-title')}>
          {form.title}
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
              id={id('organisation')}
              label="Organisation"
              emptyLabel={form.allOrganisations}
              options={shared.data.map((o) => ({ value: o.id, label: o.name }))}
              value={draft.organisation ?? ''}
              onChange={set('organisation')}
            />
          )}
          <TextInput
            id={id('from')}
            label={form.fromLabel}
            type="date"
            value={draft.from ?? ''}
            onChange={(e) => set('from')(e.target.value)}
            error={errorFor('from')}
          />
          <TextInput
            id={id('to')}
            label={form.toLabel}
            type="date"
            value={draft.to ?? ''}
            onChange={(e) => set('to')(e.target.value)}
            error={errorFor('to')}
          />
          <Select
            id={id('category')}
            label="Category"
            emptyLabel="All categories"
            options={labelledOptions(CATEGORIES)}
            value={draft.category ?? ''}
            onChange={set('category')}
          />
          {manager && offices.data && offices.data.length > 0 && (
            <Select
              id={id('office')}
              label="Office"
              emptyLabel="All offices"
              options={offices.data.map((o) => ({ value: o.id, label: o.name }))}
              value={draft.office ?? ''}
              onChange={set('office')}
            />
          )}
          {adviserSelect}
          <Select
            id={id('funding')}
            label="Funding"
            emptyLabel="All funding"
            options={labelledOptions(FUNDING_STREAMS)}
            value={draft.fundingStream ?? ''}
            onChange={set('fundingStream')}
          />
          <Select
            id={id('vulnerability')}
            label="Vulnerability"
            emptyLabel="Any or none"
            options={labelledOptions(VULNERABILITIES)}
            value={draft.vulnerability ?? ''}
            onChange={set('vulnerability')}
          />
          <Select
            id={id('arrival')}
            label="How clients arrived"
            emptyLabel="Any route"
            options={labelledOptions(ARRIVAL_ROUTES)}
            value={draft.arrival ?? ''}
            onChange={set('arrival')}
          />
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary">
            {form.submit}
          </button>
          {clearable && (
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
    </>
  );
}
