import type { ApiError } from '@deepvalue/shared';
import { type MouseEvent, useEffect, useRef } from 'react';
import { Link } from 'react-router';

/**
 * GOV.UK error summary: focused when shown; each error links to its field, and following the link
 * moves the keyboard focus into the field (as GOV.UK Frontend's script does).
 * `fieldIds` maps an API error path (e.g. `outcome.result`) to the id of its input, or to the path
 * of the page that asks for it (starting with `/`) in a multi-page flow.
 */
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
            return (
              <li key={i}>
                {id.startsWith('/') ? (
                  <Link to={id}>{error.message}</Link>
                ) : id ? (
                  <a href={`#${id}`} onClick={(e) => focusField(e, id)}>
                    {error.message}
                  </a>
                ) : (
                  error.message
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}

function focusField(event: MouseEvent, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  const legendOrLabel =
    field.closest('fieldset')?.querySelector('legend') ?? document.querySelector(`label[for="${id}"]`);
  (legendOrLabel ?? field).scrollIntoView?.();
  field.focus({ preventScroll: true });
}
