import type { ReactNode, SelectHTMLAttributes } from 'react';
import { describedBy } from './describedBy';

interface Props extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: string; label: string }[];
  /** A first, empty choice (e.g. "Any category"). */
  emptyLabel?: string;
  value: string;
  onChange: (value: string) => void;
  labelClassName?: string;
}

/** GOV.UK select with label, hint and inline error. */
export function Select({
  id,
  label,
  hint,
  error,
  options,
  emptyLabel,
  value,
  onChange,
  labelClassName,
  ...rest
}: Props) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className={`govuk-label${labelClassName ? ` ${labelClassName}` : ''}`} htmlFor={id}>
        {label}
      </label>
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
      <select
        id={id}
        name={id}
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...rest}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
