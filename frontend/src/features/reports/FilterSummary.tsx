import { labelOf } from '@deepvalue/shared';
import { formatDate } from '../../app/format';

const NAMES: Record<string, string> = {
  from: 'Closed from',
  to: 'Closed up to',
  category: 'Category',
  office: 'Office',
  adviser: 'Lead adviser',
  fundingStream: 'Funding',
  vulnerability: 'Vulnerability',
  arrival: 'Arrived',
  organisation: 'Organisation',
};

/** The filters a report was run with, in words ("Category: Housing; Closed from 1 April 2025"). */
export function FilterSummary({
  filters,
  names = {},
}: {
  filters: Record<string, string>;
  names?: Record<string, string>;
}) {
  const entries = Object.entries(filters).filter(([, v]) => v);
  if (!entries.length) return <p className="govuk-body">All closed cases.</p>;
  return (
    <p className="govuk-body">
      {entries
        .map(([key, value]) => {
          const shown = key === 'from' || key === 'to' ? formatDate(value) : (names[value] ?? labelOf(value));
          return `${NAMES[key] ?? key}: ${shown}`;
        })
        .join('; ')}
    </p>
  );
}
