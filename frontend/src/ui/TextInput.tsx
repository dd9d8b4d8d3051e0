import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { describedBy } from './describedBy';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'prefix'> {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** GOV.UK fixed width, in characters (2, 3, 4, 5, 10, 20, 30). */
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  prefix?: string;
  suffix?: string;
  /** The label is the page's h1 (one question per page). */
  isPageHeading?: boolean;
  labelClassName?: string;
  ref?: Ref<HTMLInputElement>;
}

/** GOV.UK text input with label, optional hint and inline error. */
export function TextInput({
  id,
  label,
  hint,
  error,
  className,
  width,
  prefix,
  suffix,
  isPageHeading,
  labelClassName,
  ...input
}: Props) {
  const labelElement = (
    <label
      className={`govuk-label${isPageHeading ? ' govuk-label--l' : ''}${labelClassName ? ` ${labelClassName}` : ''}`}
      htmlFor={id}
    >
      {label}
    </label>
  );
  const field = (
    <input
      id={id}
      name={id}
      className={[
        'govuk-input',
        width ? `govuk-input--width-${width}` : '',
        error ? 'govuk-input--error' : '',
        className ?? '',
      ]
        .filter(Boolean)
        .join(' ')}
      aria-describedby={describedBy(id, hint, error)}
      aria-invalid={error ? true : undefined}
      {...input}
    />
  );
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      {isPageHeading ? <h1 className="govuk-label-wrapper">{labelElement}</h1> : labelElement}
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      {prefix || suffix ? (
        <div className="govuk-input__wrapper">
          {prefix && (
            <div className="govuk-input__prefix" aria-hidden="true">
              {prefix}
            </div>
          )}
          {field}
          {suffix && (
            <div className="govuk-input__suffix" aria-hidden="true">
              {suffix}
            </div>
          )}
        </div>
      ) : (
        field
      )}
    </div>
  );
}
