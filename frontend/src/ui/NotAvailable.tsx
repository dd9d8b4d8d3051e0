/** Shown where a part of the service has no API on this server yet, instead of an error. */
export function NotAvailable({ what, heading }: { what: string; heading?: string }) {
  return (
    <div className="govuk-inset-text" data-testid="not-available">
      {heading && <h2 className="govuk-heading-m">{heading}</h2>}
      <p className="govuk-body govuk-!-margin-bottom-0">
        {what} is not available yet on this Deep Value server. Nothing has been lost: this page will work once that part
        of the service is switched on.
      </p>
    </div>
  );
}
