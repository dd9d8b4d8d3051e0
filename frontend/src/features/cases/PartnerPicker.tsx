import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiRequestError } from '../../app/api';
import { useDebounced } from '../../app/debounce';
import { useSubmission } from '../../app/submission';
import { Fieldset } from '../../ui/Fieldset';
import { NotAvailable } from '../../ui/NotAvailable';
import { usePartners } from './api';
import type { Partner } from '@deepvalue/shared';

interface Props {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  value: Pick<Partner, 'id' | 'name'> | null;
  onChange: (partner: Pick<Partner, 'id' | 'name'> | null) => void;
  isPageHeading?: boolean;
  autoFocus?: boolean;
}

/**
 * Choose an organisation from the partner directory: type to search, pick one of the matches,
 * or add a partner that is not in the directory yet.
 */
export function PartnerPicker({ id, legend, hint, error, value, onChange, isPageHeading, autoFocus }: Props) {
  const [search, setSearch] = useState('');
  const settled = useDebounced(search.trim());
  const partners = usePartners(settled);
  const results = (partners.data ?? []).slice(0, 12);
  const shown = value && !results.some((p) => p.id === value.id) ? [value, ...results] : results;

  if (partners.error instanceof ApiRequestError && partners.error.isNotAvailable) {
    return <NotAvailable what="The partner directory" />;
  }
  return (
    <Fieldset
      id={id}
      legend={legend}
      hint={hint}
      error={error}
      isPageHeading={isPageHeading}
      legendSize={isPageHeading ? 'l' : 's'}
    >
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={id}>
          Search the partner directory
        </label>
        <input
          id={id}
          type="search"
          className="govuk-input govuk-input--width-20"
          autoComplete="off"
          autoFocus={autoFocus}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
        />
      </div>
      <p className="govuk-visually-hidden" aria-live="polite">
        {partners.isFetching ? '' : `${results.length} ${results.length === 1 ? 'partner' : 'partners'} found`}
      </p>
      {shown.length > 0 ? (
        <div className="govuk-radios govuk-radios--small">
          {shown.map((partner, i) => (
            <div className="govuk-radios__item" key={partner.id}>
              <input
                className="govuk-radios__input"
                type="radio"
                id={i === 0 ? `${id}-choice` : `${id}-choice-${i + 1}`}
                name={id}
                checked={value?.id === partner.id}
                onChange={() => onChange({ id: partner.id, name: partner.name })}
              />
              <label
                className="govuk-label govuk-radios__label"
                htmlFor={i === 0 ? `${id}-choice` : `${id}-choice-${i + 1}`}
              >
                {partner.name}
                {'service' in partner && partner.service ? (
                  <span className="dv-muted"> – {String(partner.service)}</span>
                ) : null}
              </label>
            </div>
          ))}
        </div>
      ) : (
        !partners.isPending && <p className="govuk-body">No partners match “{settled}”.</p>
      )}
      <AddPartner onAdded={(partner) => onChange(partner)} idPrefix={id} initialName={settled} />
    </Fieldset>
  );
}

function AddPartner({
  onAdded,
  idPrefix,
  initialName,
}: {
  onAdded: (partner: Pick<Partner, 'id' | 'name'>) => void;
  idPrefix: string;
  initialName: string;
}) {
  const [name, setName] = useState('');
  const [open, setOpen] = useState(false);
  const submission = useSubmission();
  const client = useQueryClient();
  const add = async () => {
    const trimmed = name.trim();
    if (!trimmed) {
      submission.setErrors([{ path: 'name', message: 'Enter the name of the organisation' }]);
      return;
    }
    const body = { name: trimmed };
    const saved = await submission.submit(body, (idempotencyKey) =>
      api<Partner>('/partners', { method: 'POST', body, idempotencyKey }),
    );
    if (saved.ok) {
      await client.invalidateQueries({ queryKey: ['partners'] });
      onAdded({ id: saved.value.id, name: saved.value.name });
      setName('');
      setOpen(false);
    }
  };
  const error = submission.errors[0]?.message;
  return (
    <details
      className="govuk-details govuk-!-margin-top-4 govuk-!-margin-bottom-0"
      open={open}
      onToggle={(e) => {
        const nowOpen = (e.target as HTMLDetailsElement).open;
        setOpen(nowOpen);
        if (nowOpen && !name) setName(initialName);
      }}
    >
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">The organisation is not in the directory</span>
      </summary>
      <div className="govuk-details__text">
        <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label" htmlFor={`${idPrefix}-new-name`}>
            Name of the organisation
          </label>
          {error && (
            <p className="govuk-error-message" id={`${idPrefix}-new-name-error`}>
              <span className="govuk-visually-hidden">Error:</span> {error}
            </p>
          )}
          <input
            id={`${idPrefix}-new-name`}
            className={`govuk-input${error ? ' govuk-input--error' : ''}`}
            aria-describedby={error ? `${idPrefix}-new-name-error` : undefined}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void add();
              }
            }}
          />
        </div>
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
          disabled={submission.busy}
          onClick={() => void add()}
        >
          Add to the directory and choose it
        </button>
      </div>
    </details>
  );
}
