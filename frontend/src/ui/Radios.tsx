import type { ReactNode } from 'react';
import { Fieldset } from './Fieldset';

export interface Option<V extends string = string> {
  value: V;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the option when it is chosen (GOV.UK conditional reveal). */
  conditional?: ReactNode;
}

interface Props<V extends string> {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly Option<V>[];
  value: V | '' | undefined;
  onChange: (value: V) => void;
  isPageHeading?: boolean;
  legendSize?: 's' | 'm' | 'l';
  inline?: boolean;
  small?: boolean;
  /** Put the keyboard focus on the first option when the page opens. */
  autoFocus?: boolean;
}

/**
 * GOV.UK radios. The first option's id is the group id, so an error summary link lands on it; an option's
 * hint id has its own suffix so it never takes the group hint's (`${id}-hint`).
 */
export function Radios<V extends string>({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  isPageHeading,
  legendSize,
  inline,
  small,
  autoFocus,
}: Props<V>) {
  const classes = ['govuk-radios', inline ? 'govuk-radios--inline' : '', small ? 'govuk-radios--small' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error} isPageHeading={isPageHeading} legendSize={legendSize}>
      <div className={classes}>
        {options.map((option, i) => {
          const optionId = i === 0 ? id : `${id}-${i + 1}`;
          const checked = value === option.value;
          return (
            <div key={option.value}>
              <div className="govuk-radios__item">
                <input
                  className="govuk-radios__input"
                  id={optionId}
                  name={id}
                  type="radio"
                  value={option.value}
                  checked={checked}
                  onChange={() => onChange(option.value)}
                  aria-describedby={option.hint ? `${optionId}-item-hint` : undefined}
                  autoFocus={autoFocus && (value ? checked : i === 0)}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint && (
                  <div id={`${optionId}-item-hint`} className="govuk-hint govuk-radios__hint">
                    {option.hint}
                  </div>
                )}
              </div>
              {option.conditional && checked && <div className="govuk-radios__conditional">{option.conditional}</div>}
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}
