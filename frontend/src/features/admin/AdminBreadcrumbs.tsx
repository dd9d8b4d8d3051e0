import { Link } from 'react-router';

export function AdminBreadcrumbs({ trail = [] }: { trail?: { to: string; label: string }[] }) {
  return (
    <nav className="govuk-breadcrumbs" aria-label="Breadcrumb">
      <ol className="govuk-breadcrumbs__list">
        <li className="govuk-breadcrumbs__list-item">
          <Link className="govuk-breadcrumbs__link" to="/admin">
            Administration
          </Link>
        </li>
        {trail.map((t) => (
          <li key={t.to} className="govuk-breadcrumbs__list-item">
            <Link className="govuk-breadcrumbs__link" to={t.to}>
              {t.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
