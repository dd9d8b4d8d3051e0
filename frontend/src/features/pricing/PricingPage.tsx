import { Link, useLocation, useParams } from 'react-router';
import { usePageTitle } from '../../app/page-title';
import { FeeTableEditor } from './FeeTableEditor';
import { PricingSummary } from './PricingSummary';
import { UnitCostsEditor } from './UnitCostsEditor';

const TABS = [
  { to: '/pricing', label: 'Value in £' },
  { to: '/pricing/unit-costs', label: 'Unit costs and adjustments' },
  { to: '/pricing/fees', label: 'Fee table' },
  { to: '/admin/funding', label: 'Funding received' },
];

/** Pricing deep value (docs/pricing.md): the summary, the unit-cost table and the fee table. */
export function PricingPage() {
  const section = useParams()['*'] ?? '';
  const { pathname } = useLocation();
  const current = TABS.find((t) => t.to === pathname) ?? TABS[0];
  usePageTitle(`${current.label} – Pricing`);
  return (
    <>
      <span className="govuk-caption-l">Pricing</span>
      <h1 className="govuk-heading-l">{current.label}</h1>
      <nav aria-label="Pricing" className="govuk-!-margin-bottom-6">
        <ul className="govuk-list dv-inline-list dv-tabs">
          {TABS.map((t) => (
            <li key={t.to}>
              {t.to === current.to ? (
                <strong aria-current="page">{t.label}</strong>
              ) : (
                <Link className="govuk-link" to={t.to}>
                  {t.label}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {section === 'unit-costs' ? <UnitCostsEditor /> : section === 'fees' ? <FeeTableEditor /> : <PricingSummary />}
    </>
  );
}
