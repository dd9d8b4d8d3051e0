import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface SummaryRow {
  key: ReactNode;
  value: ReactNode;
  /** A "Change" link; `label` is read after it for screen readers ("Change date of birth"). */
  change?: { to: string; label: string };
}

/** GOV.UK summary list, e.g. for "Check your answers". */
export function SummaryList({
  rows,
  noBorder,
  stacked,
}: {
  rows: SummaryRow[];
  noBorder?: boolean;
  /** Key above value, for narrow columns. */
  stacked?: boolean;
}) {
  const anyChange = rows.some((r) => r.change);
  return (
    <dl
      className={`govuk-summary-list${noBorder ? ' govuk-summary-list--no-border' : ''}${stacked ? ' dv-summary-list--stacked' : ''}`}
    >
      {rows.map((row, i) => (
        <div
          key={i}
          className={`govuk-summary-list__row${anyChange && !row.change ? ' govuk-summary-list__row--no-actions' : ''}`}
        >
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.change && (
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" to={row.change.to}>
                Change<span className="govuk-visually-hidden"> {row.change.label}</span>
              </Link>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
