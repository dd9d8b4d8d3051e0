import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { describedBy } from './describedBy';

interface Props extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  isPageHeading?: boolean;
}

/** GOV.UK textarea with label, hint and inline error. */
export function Textarea({ id, label, hint, error, isPageHeading, rows = 4, ...rest }: Props) {
  const labelElement = (
    <label className={`govuk-label${isPageHeading ? ' govuk-label--l' : ''}`} htmlFor={id}>
      {label}
    </label>
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
      <textarea
        id={id}
        name={id}
        rows={rows}
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </div>
  );
}
