import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/page-title';
import { useSession } from '../../app/session';

// Commissioners see time against outcome, the relationship chain and the pack's measures by band (consenting clients,
// counts rounded) and evidence packs; the other reports are for the organisation's managers.
const REPORTS: Array<{ to: string; label: string; for: 'both' | 'manager' | 'commissioner' }> = [
  { to: '/reports/time-vs-outcome', label: 'Time against outcome', for: 'both' },
  { to: '/reports/chain', label: 'Relationship chain', for: 'both' },
  // Managers read their own figures in full under Measures; commissioners the pack's rounded tables.
  { to: '/reports/by-band', label: 'Measures by relationship time', for: 'commissioner' },
  { to: '/reports/fixed-fee', label: 'Fixed fee against need', for: 'manager' },
  { to: '/reports/trends', label: 'Trends', for: 'manager' },
  { to: '/reports/breakdowns', label: 'Breakdowns', for: 'manager' },
];

/** Heading, the list of reports and the caveat every report carries. */
export function ReportLayout({
  title,
  current,
  caveat,
  children,
}: {
  title: string;
  current: string;
  caveat?: string;
  children: ReactNode;
}) {
  usePageTitle(title);
  const commissioner = useSession().me?.role === 'commissioner';
  const others = REPORTS.filter(
    (r) => r.to !== current && (r.for === 'both' || r.for === (commissioner ? 'commissioner' : 'manager')),
  );
  return (
    <>
      {!commissioner && (
        <nav className="govuk-breadcrumbs" aria-label="Breadcrumb">
          <ol className="govuk-breadcrumbs__list">
            <li className="govuk-breadcrumbs__list-item">
              <Link className="govuk-breadcrumbs__link" to="/reports">
                Reports
              </Link>
            </li>
          </ol>
        </nav>
      )}
      <h1 className="govuk-heading-l">{title}</h1>
      {others.length > 0 && (
        <nav aria-label="Other reports" className="govuk-!-margin-bottom-6">
          <ul className="govuk-list dv-inline-list">
            {others.map((r) => (
              <li key={r.to}>
                <Link className="govuk-link" to={r.to}>
                  {r.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {children}
      {caveat && (
        <div className="govuk-inset-text">
          <strong>Association, not proof of cause.</strong> {caveat}
        </div>
      )}
    </>
  );
}
