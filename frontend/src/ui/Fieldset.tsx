import type { ReactNode } from 'react';
import { describedBy } from './describedBy';

interface Props {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** The legend is the page's h1 (one question per page). */
  isPageHeading?: boolean;
  legendSize?: 's' | 'm' | 'l';
  children: ReactNode;
}

/** A GOV.UK fieldset with legend, hint and error; the wrapper for radios, checkboxes and grouped inputs. */
export function Fieldset({ id, legend, hint, error, isPageHeading, legendSize, children }: Props) {
  const size = legendSize ?? (isPageHeading ? 'l' : 'm');
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${size}`}>
          {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
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
        {children}
      </fieldset>
    </div>
  );
}
