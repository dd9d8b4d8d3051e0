import { type ReactNode, useEffect, useRef } from 'react';

/**
 * GOV.UK notification banner. The success variant takes focus so its news is read out, unless
 * `keepFocus` (a form that stays open for the next entry keeps the focus where the user types).
 */
export function Banner({
  title,
  children,
  success,
  keepFocus,
}: {
  title?: string;
  children: ReactNode;
  success?: boolean;
  keepFocus?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (success && !keepFocus) ref.current?.focus();
  }, [success, keepFocus]);
  return (
    <div
      ref={ref}
      className={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
      role={success ? 'alert' : 'region'}
      aria-labelledby="notification-banner-title"
      tabIndex={-1}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="notification-banner-title">
          {title ?? (success ? 'Success' : 'Important')}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">{children}</div>
    </div>
  );
}
