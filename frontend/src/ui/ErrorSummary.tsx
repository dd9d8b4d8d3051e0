import type { ApiError } from '@deepvalue/shared';
import { useEffect, useRef } from 'react';

/** GOV.UK error summary: focused when shown, each error links to its field. */
export function ErrorSummary({ errors, fieldIds = {} }: { errors: ApiError[]; fieldIds?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <div className="govuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="govuk-error-summary__title" id="error-summary-title">
        There is a problem
      </h2>
      <div className="govuk-error-summary__body">
        <ul className="govuk-list govuk-error-summary__list">
          {errors.map((error, i) => {
            const id = fieldIds[error.path] ?? error.path;
            return <li key={i}>{id ? <a href={`#${id}`}>{error.message}</a> : error.message}</li>;
          })}
        </ul>
      </div>
    </div>
  );
}
