import { Link } from 'react-router';
import { usePageTitle } from '../../app/page-title';
import { useMe } from '../../app/session';
import { QueryState } from '../../ui/QueryState';
import { useSharedWithMe } from '../reports/api';

/** Commissioners: the organisations that share anonymised figures with them. */
export function OrganisationsPage() {
  const me = useMe();
  usePageTitle('Organisations sharing with you');
  const shared = useSharedWithMe();
  return (
    <>
      <span className="govuk-caption-l">{me.organisationName}</span>
      <h1 className="govuk-heading-l">Organisations sharing with you</h1>
      <p className="govuk-body">
        These organisations share aggregated, anonymised figures with you: counts and rates with small numbers
        suppressed. You never see a name, a date of birth, a note or a case reference.
      </p>
      <QueryState query={shared} what="The organisations">
        {(list) =>
          list.length === 0 ? (
            <p className="govuk-body">
              No organisation shares its figures with you yet. Their administrator can turn it on.
            </p>
          ) : (
            <>
              <table className="govuk-table">
                <caption className="govuk-visually-hidden">Organisations sharing with you</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      Organisation
                    </th>
                    <th scope="col" className="govuk-table__header">
                      <span className="govuk-visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {list.map((o) => (
                    <tr key={o.id} className="govuk-table__row">
                      <td className="govuk-table__cell">{o.name}</td>
                      <td className="govuk-table__cell">
                        <ul className="govuk-list dv-inline-list govuk-!-margin-0">
                          <li>
                            <Link className="govuk-link" to={`/evidence?organisation=${o.id}`}>
                              Evidence pack<span className="govuk-visually-hidden"> for {o.name}</span>
                            </Link>
                          </li>
                          <li>
                            <Link className="govuk-link" to={`/reports/time-vs-outcome?organisation=${o.id}`}>
                              Time against outcome<span className="govuk-visually-hidden"> for {o.name}</span>
                            </Link>
                          </li>
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="govuk-body">
                <Link className="govuk-link" to="/evidence">
                  Evidence pack for all {list.length} organisations together
                </Link>
              </p>
            </>
          )
        }
      </QueryState>
    </>
  );
}
